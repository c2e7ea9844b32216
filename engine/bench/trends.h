#pragma once

#include "benchmarkresult.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <vector>

namespace cwb {

class ResultStore;

// One figure tracked across runs. Throughput is better higher, latency better lower.
struct KeyMetric
{
    QString name;      // "throughput", "p99Us", "GET: p99Us", ...
    double value = 0;
    bool higherIsBetter = true;
    bool headline = false; // the overall figures that decide the verdict (not the per-op ones)
};

// The figures a result is judged by: overall throughput (successes / measured seconds over all
// operations), overall p50/p99 (of all operations' histograms merged), and throughput and p99
// per operation.
std::vector<KeyMetric> keyMetricsOf(const BenchmarkResult &result);
// {"throughput", "p50Us", "p99Us"} for the store's indexed columns.
nlohmann::json keyMetricsJson(const BenchmarkResult &result);

enum class TrendFlag { Improved, Unchanged, Regressed, Insufficient };
QString trendFlagName(TrendFlag flag); // "improved", "unchanged", "regressed", "insufficient-data"

struct TrendMetricVerdict
{
    QString name;
    bool higherIsBetter = true;
    bool headline = false;
    double latest = 0;
    double baseline = 0;      // median of the previous runs in the window
    double changePercent = 0; // (latest - baseline) / baseline * 100
    int samples = 0;          // previous runs the baseline was taken from
    TrendFlag flag = TrendFlag::Insufficient;
};

struct TrendOptions
{
    int window = 5;               // previous runs whose median is the baseline
    double thresholdPercent = 10; // a change beyond this (in the bad or good direction) flags
};

struct TrendReport
{
    QString benchmark;
    QString target;
    std::vector<BenchmarkResult> runs; // oldest first; completed runs only
    std::vector<TrendMetricVerdict> metrics;
    // Regressed when any headline metric regressed; Improved when one improved and none
    // regressed; Insufficient without at least one earlier run.
    TrendFlag overall = TrendFlag::Insufficient;
};

// Judges the newest of `runs` (oldest first) against the median of up to options.window runs
// before it. Runs that did not complete are ignored.
TrendReport analyseTrend(std::vector<BenchmarkResult> runs, const TrendOptions &options = {});

// ---- the result store
// Saves the result's JSON document (with "keyMetrics" for the store's index). Returns the id,
// empty with *error set on failure.
QString saveBenchmarkResult(ResultStore &store, const BenchmarkResult &result, QString *error = nullptr);
// The stored results of one benchmark on one target (display URI), oldest first, at most limit.
std::vector<BenchmarkResult> loadBenchmarkHistory(ResultStore &store, const QString &benchmark, const QString &target,
                                                  int limit = 50, QString *error = nullptr);

} // namespace cwb
