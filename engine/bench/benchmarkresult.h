#pragma once

#include "stats/latencyhistogram.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <vector>

namespace cwb {

// One measured operation of a benchmark ("GET", "GEOSEARCH radius 1 km", "pubsub delivery").
// The histogram holds successful operations only, as in the load engine.
struct BenchmarkOperation
{
    QString name;
    uint64_t count = 0;  // attempts, failures included
    uint64_t errors = 0;
    double durationSec = 0; // wall time the operation was measured over (throughput = successes / it)
    LatencyHistogram latency;

    uint64_t successes() const { return count - errors; }
    double throughput() const { return durationSec > 0 ? double(successes()) / durationSec : 0; }
};

// A number a benchmark reports beside latencies: evicted keys, knee point, hit rate, ...
struct BenchmarkMetric
{
    QString name;
    double value = 0;
    QString unit; // "keys", "connections", "%", "ms", "bytes", "ops/s", ...
};

// A curve: the ramp of the stress benchmark (connections -> p99), hit rate over time, ...
struct BenchmarkSeries
{
    QString name;
    QString xUnit;
    QString yUnit;
    std::vector<std::pair<double, double>> points;
};

// Before / after / peak of one memory figure, in bytes; -1 when not measured.
struct MemoryFigure
{
    qint64 before = -1;
    qint64 after = -1;
    qint64 peak = -1;
};

enum class BenchmarkStatus { Completed, Cancelled, Failed };
QString benchmarkStatusName(BenchmarkStatus status); // "completed", "cancelled", "failed"
std::optional<BenchmarkStatus> benchmarkStatusFromName(const QString &name);

// The outcome of one benchmark run against one server. A plain value; serialised as the
// JSON document "cache-workbench/benchmark" version 1 (docs/json-schema-benchmark.md).
struct BenchmarkResult
{
    QString benchmark;  // "cache-basic-ops"
    QString title;
    QString target;     // display URI, never a password
    QString keyPrefix;
    QDateTime startedAt;
    QDateTime finishedAt;
    BenchmarkStatus status = BenchmarkStatus::Failed;
    QString failureReason;
    std::vector<QString> notes; // things the reader should know ("eviction part skipped: ...")
    std::vector<std::pair<QString, double>> parameters; // the values used

    std::vector<BenchmarkOperation> operations;
    std::vector<BenchmarkMetric> metrics;
    std::vector<BenchmarkSeries> series;

    struct Server
    {
        QString version;
        QString mode;
        qint64 maxMemory = -1;
        QString maxMemoryPolicy;
        int ioThreads = -1;
        MemoryFigure usedMemory;
        MemoryFigure rss;
        double fragmentationBefore = -1;
        double fragmentationAfter = -1;
        double cpuUserSec = -1; // deltas of INFO used_cpu_user / used_cpu_sys over the run
        double cpuSystemSec = -1;
    } server;

    struct Client
    {
        MemoryFigure rss;
        double cpuUserSec = -1; // deltas from /proc over the run
        double cpuSystemSec = -1;
        double cpuPercent = -1; // 100 = one core busy
    } client;

    QString keyNamespace;      // "<prefix><tag>:" claimed for this benchmark (keyPrefix lies inside it)
    qint64 keysCleanedUp = -1;
    qint64 keysLeft = 0;       // keys still under keyNamespace after the cleanup; -1: unknown

    double durationSec() const;
    const BenchmarkOperation *operation(const QString &name) const;
    std::optional<double> metric(const QString &name) const;
    const BenchmarkSeries *seriesNamed(const QString &name) const;
};

inline constexpr char kBenchmarkSchema[] = "cache-workbench/benchmark";
inline constexpr int kBenchmarkSchemaVersion = 1;

nlohmann::json benchmarkResultToJson(const BenchmarkResult &result);
std::optional<BenchmarkResult> benchmarkResultFromJson(const nlohmann::json &json, QString *error = nullptr);

} // namespace cwb
