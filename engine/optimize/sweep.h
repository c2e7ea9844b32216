#pragma once

#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <vector>

namespace cwb {

// Mean and spread of repeated measurements of one quantity.
struct Spread
{
    double mean = 0;
    double min = 0;
    double max = 0;
    int n = 0;

    static Spread of(const std::vector<double> &values);
    // Half the range relative to the mean, in percent: the "± x %" shown next to a gain.
    double relativeHalfRangePercent() const { return mean != 0 ? 50.0 * (max - min) / mean : 0; }
    // True when the two ranges overlap: a difference between them is within noise.
    bool overlaps(const Spread &other) const { return min <= other.max && other.min <= max; }
};

// One step of a sweep: a parameter value and the repeats measured at it.
struct SweepPoint
{
    double parameter = 0;
    std::vector<double> throughputs; // per repeat (ops/s or keys/s)
    std::vector<double> p99sUs;      // per repeat, microseconds
    std::vector<double> p50sUs;      // per repeat, microseconds
    uint64_t errors = 0;

    Spread throughput() const { return Spread::of(throughputs); }
    Spread p99Us() const { return Spread::of(p99sUs); }
    Spread p50Us() const { return Spread::of(p50sUs); }
};

// A sweep of one parameter (pipeline depth, pool size, batch size) with its knee.
struct Sweep
{
    QString name;          // "pipeline", "pool", "batch"
    QString parameterName; // "pipeline depth", ...
    QString throughputUnit = QStringLiteral("ops/s");
    std::vector<SweepPoint> points;
    int kneeIndex = -1;    // index into points, -1 when not determined
    QString kneeReason;
    bool stopped = false;  // cut short (cancel, time or memory budget)
    QString stopReason;

    const SweepPoint *knee() const { return kneeIndex >= 0 && kneeIndex < int(points.size()) ? &points[size_t(kneeIndex)] : nullptr; }
};

// The knee of a sweep: the last step before the next one gains less than `minGain` (0.10 = 10%)
// in mean throughput, or before p99 passes `p99BoundUs` (0 = no bound). Sets kneeIndex and
// kneeReason; a sweep that keeps gaining has its knee at its last step.
void findKnee(Sweep &sweep, double minGain = 0.10, double p99BoundUs = 0);

nlohmann::json spreadToJson(const Spread &spread);
nlohmann::json sweepToJson(const Sweep &sweep);

} // namespace cwb
