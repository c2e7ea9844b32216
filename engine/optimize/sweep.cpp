#include "sweep.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>

namespace cwb {

Spread Spread::of(const std::vector<double> &values)
{
    Spread s;
    if (values.empty())
        return s;
    s.n = int(values.size());
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    s.min = *lo;
    s.max = *hi;
    return s;
}

void findKnee(Sweep &sweep, double minGain, double p99BoundUs)
{
    sweep.kneeIndex = -1;
    sweep.kneeReason.clear();
    const auto &pts = sweep.points;
    if (pts.empty())
        return;
    for (size_t i = 1; i < pts.size(); ++i) {
        const double prev = pts[i - 1].throughput().mean;
        const double cur = pts[i].throughput().mean;
        if (p99BoundUs > 0 && pts[i].p99Us().mean > p99BoundUs) {
            sweep.kneeIndex = int(i - 1);
            sweep.kneeReason = QStringLiteral("p99 at %1 = %2 exceeds %3 µs (%4 µs)")
                                   .arg(sweep.parameterName)
                                   .arg(pts[i].parameter)
                                   .arg(p99BoundUs, 0, 'f', 0)
                                   .arg(pts[i].p99Us().mean, 0, 'f', 0);
            return;
        }
        const double gain = prev > 0 ? cur / prev - 1 : 0;
        if (gain < minGain) {
            sweep.kneeIndex = int(i - 1);
            sweep.kneeReason = QStringLiteral("going from %1 to %2 gains only %3% throughput (threshold %4%)")
                                   .arg(pts[i - 1].parameter)
                                   .arg(pts[i].parameter)
                                   .arg(gain * 100, 0, 'f', 1)
                                   .arg(minGain * 100, 0, 'f', 0);
            return;
        }
    }
    sweep.kneeIndex = int(pts.size() - 1);
    sweep.kneeReason = QStringLiteral("throughput still gained at least %1% per step up to the last step")
                           .arg(minGain * 100, 0, 'f', 0);
}

nlohmann::json spreadToJson(const Spread &s)
{
    return {{"mean", s.mean}, {"min", s.min}, {"max", s.max}, {"n", s.n}};
}

nlohmann::json sweepToJson(const Sweep &sweep)
{
    nlohmann::json points = nlohmann::json::array();
    for (const SweepPoint &p : sweep.points) {
        points.push_back({{"parameter", p.parameter},
                          {"throughput", spreadToJson(p.throughput())},
                          {"p50Us", spreadToJson(p.p50Us())},
                          {"p99Us", spreadToJson(p.p99Us())},
                          {"throughputRepeats", p.throughputs},
                          {"errors", p.errors}});
    }
    nlohmann::json j{{"name", sweep.name.toStdString()},
                     {"parameter", sweep.parameterName.toStdString()},
                     {"throughputUnit", sweep.throughputUnit.toStdString()},
                     {"points", points},
                     {"kneeReason", sweep.kneeReason.toStdString()},
                     {"stopped", sweep.stopped}};
    j["knee"] = sweep.knee() ? nlohmann::json(sweep.knee()->parameter) : nlohmann::json();
    if (sweep.stopped)
        j["stopReason"] = sweep.stopReason.toStdString();
    return j;
}

} // namespace cwb
