#pragma once

// Run against run (usually against the baseline of its testName + target): per-metric deltas
// with a direction-aware verdict and an overall verdict.

#include "runmetrics.h"

#include <QString>

#include <vector>

namespace cwb {

enum class Verdict { Improved, Unchanged, Regressed, NotComparable };
QString verdictName(Verdict v); // "improved", "unchanged", "regressed", "not comparable"

struct MetricDelta
{
    QString key;   // "throughput", "p50Us", "p95Us", "p99Us", "maxUs", "errorRate", "hitRate",
                   // "serverMemoryBytes", "clientCpuUsPerOp"; per op: "read.p99Us", "write.throughput", ...
    QString label; // "Throughput", "p99 latency", "read p99 latency", ...
    QString unit;  // "ops/s", "µs", "%", "bytes", "µs/op"
    bool higherIsBetter = false;
    bool isKey = false; // a key metric: its regression makes the overall verdict "regressed"
    std::optional<double> baseline; // the `against` run's value
    std::optional<double> current;  // the compared run's value
    double delta = 0;        // current - baseline (rates: in 0..1 units)
    double deltaPercent = 0; // relative change in percent of baseline (0 when baseline is 0)
    Verdict verdict = Verdict::NotComparable;
};

struct Comparison
{
    QString runId;     // the run being judged
    QString againstId; // the reference run
    double thresholdPercent = 10;
    std::vector<MetricDelta> metrics;
    Verdict overall = Verdict::NotComparable; // regressed if any key metric regressed, else
                                              // improved if any key metric improved, else unchanged
    // Why the overall verdict is "not comparable" although the metrics were measured: a side
    // that was stopped or failed ran for another length of time. Empty otherwise.
    QString notComparableReason;
    const MetricDelta *find(const QString &key) const;
};

// Rules: a change within +-thresholdPercent of the baseline value is "unchanged"; beyond it the
// direction decides (higher throughput / hit rate = better; higher latency, error rate, memory,
// CPU per op = worse). Rates (errorRate, hitRate) additionally ignore changes smaller than 0.1
// percentage points, so 0 -> 0.0001 errors is not a regression. Key metrics: throughput, p50,
// p95, p99, error rate, hit rate and the per-op throughput/p50/p95/p99 of op types both runs
// performed (>= 100 operations each, or reported by an imported source). max latency, memory and
// client CPU per op are reported but informational (too noisy to gate on). A metric missing on
// either side (not measured) is "not comparable" and does not affect the overall verdict.
// A run that did not complete (stopped, failed) is never judged: its metrics are listed, the
// overall verdict is "not comparable" and notComparableReason says which run and why.
Comparison compareRuns(const StoredRun &run, const StoredRun &against, double thresholdPercent = 10);
Comparison compareRuns(const RunResult &run, const RunResult &against, double thresholdPercent = 10);

} // namespace cwb
