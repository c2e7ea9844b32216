#include "trends.h"

#include "store/resultstore.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace cwb {

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Overall
{
    double throughput = 0;
    LatencyHistogram latency;
};

Overall overallOf(const BenchmarkResult &result)
{
    Overall o;
    uint64_t successes = 0;
    double seconds = 0;
    for (const auto &op : result.operations) {
        successes += op.successes();
        seconds += op.durationSec;
        o.latency.merge(op.latency);
    }
    o.throughput = seconds > 0 ? double(successes) / seconds : 0;
    return o;
}

} // namespace

std::vector<KeyMetric> keyMetricsOf(const BenchmarkResult &result)
{
    std::vector<KeyMetric> out;
    const Overall o = overallOf(result);
    out.push_back({QStringLiteral("throughput"), o.throughput, true, true});
    out.push_back({QStringLiteral("p50Us"), double(o.latency.percentileNs(50)) / 1000, false, true});
    out.push_back({QStringLiteral("p99Us"), double(o.latency.percentileNs(99)) / 1000, false, true});
    for (const auto &op : result.operations) {
        if (op.successes() == 0)
            continue;
        out.push_back({op.name + QStringLiteral(": throughput"), op.throughput(), true, false});
        out.push_back({op.name + QStringLiteral(": p99Us"), double(op.latency.percentileNs(99)) / 1000, false, false});
    }
    return out;
}

nlohmann::json keyMetricsJson(const BenchmarkResult &result)
{
    nlohmann::json j = nlohmann::json::object();
    for (const auto &m : keyMetricsOf(result)) {
        if (m.headline)
            j[m.name.toStdString()] = m.value;
    }
    return j;
}

QString trendFlagName(TrendFlag flag)
{
    switch (flag) {
    case TrendFlag::Improved: return QStringLiteral("improved");
    case TrendFlag::Unchanged: return QStringLiteral("unchanged");
    case TrendFlag::Regressed: return QStringLiteral("regressed");
    case TrendFlag::Insufficient: return QStringLiteral("insufficient-data");
    }
    return QStringLiteral("insufficient-data");
}

TrendReport analyseTrend(std::vector<BenchmarkResult> runs, const TrendOptions &options)
{
    TrendReport report;
    runs.erase(std::remove_if(runs.begin(), runs.end(),
                              [](const BenchmarkResult &r) { return r.status != BenchmarkStatus::Completed; }),
               runs.end());
    std::stable_sort(runs.begin(), runs.end(),
                     [](const BenchmarkResult &a, const BenchmarkResult &b) { return a.startedAt < b.startedAt; });
    report.runs = std::move(runs);
    if (report.runs.empty())
        return report;
    report.benchmark = report.runs.back().benchmark;
    report.target = report.runs.back().target;

    const auto &latest = report.runs.back();
    const size_t previousCount = std::min(report.runs.size() - 1, size_t(std::max(1, options.window)));
    std::vector<std::vector<KeyMetric>> previous;
    for (size_t i = report.runs.size() - 1 - previousCount; i + 1 < report.runs.size(); ++i)
        previous.push_back(keyMetricsOf(report.runs[i]));

    bool anyRegressed = false, anyImproved = false, anyJudged = false;
    for (const KeyMetric &m : keyMetricsOf(latest)) {
        TrendMetricVerdict v;
        v.name = m.name;
        v.higherIsBetter = m.higherIsBetter;
        v.headline = m.headline;
        v.latest = m.value;
        std::vector<double> values;
        for (const auto &metrics : previous) {
            for (const auto &pm : metrics) {
                if (pm.name == m.name)
                    values.push_back(pm.value);
            }
        }
        v.samples = int(values.size());
        if (!values.empty()) {
            v.baseline = median(values);
            if (v.baseline > 0) {
                v.changePercent = (v.latest - v.baseline) / v.baseline * 100;
                const double better = m.higherIsBetter ? v.changePercent : -v.changePercent;
                v.flag = better <= -options.thresholdPercent ? TrendFlag::Regressed
                         : better >= options.thresholdPercent ? TrendFlag::Improved
                                                              : TrendFlag::Unchanged;
            } else {
                v.flag = TrendFlag::Unchanged;
            }
            if (v.headline) {
                anyJudged = true;
                anyRegressed = anyRegressed || v.flag == TrendFlag::Regressed;
                anyImproved = anyImproved || v.flag == TrendFlag::Improved;
            }
        }
        report.metrics.push_back(std::move(v));
    }
    report.overall = !anyJudged     ? TrendFlag::Insufficient
                     : anyRegressed ? TrendFlag::Regressed
                     : anyImproved  ? TrendFlag::Improved
                                    : TrendFlag::Unchanged;
    return report;
}

QString saveBenchmarkResult(ResultStore &store, const BenchmarkResult &result, QString *error)
{
    nlohmann::json doc = benchmarkResultToJson(result);
    doc["keyMetrics"] = keyMetricsJson(result);
    const QString id = store.saveBenchmarkResult(doc);
    if (id.isEmpty() && error)
        *error = store.lastError();
    return id;
}

std::vector<BenchmarkResult> loadBenchmarkHistory(ResultStore &store, const QString &benchmark, const QString &target,
                                                  int limit, QString *error)
{
    std::vector<BenchmarkResult> out;
    const auto records = store.listBenchmarkResults(benchmark, target, limit);
    if (records.empty() && error && !store.lastError().isEmpty())
        *error = store.lastError();
    for (auto it = records.rbegin(); it != records.rend(); ++it) {
        if (auto r = benchmarkResultFromJson(it->doc))
            out.push_back(std::move(*r));
    }
    return out;
}

} // namespace cwb
