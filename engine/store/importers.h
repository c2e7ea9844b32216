#pragma once

// Runs measured by other tools, imported so they can be baselines or be compared with the
// workbench's runs. The source's figures are kept as reported (RunMeta::sourceMetrics); what the
// source did not measure is listed in RunMeta::notMeasured and compares as "not comparable".
//
// memtier_benchmark --json-out-file: the "ALL STATS" section; Gets -> read, Sets -> write,
//   Totals -> overall. Ops/sec, Hits/sec + Misses/sec (hit rate), Latency/Average Latency,
//   "Percentile Latencies" (p50.00, p99.00, p99.90, ...; ms) and, when present, the per-op
//   latency histogram ("Histogram log format" / "Latency"...) rebuilt as a LatencyHistogram.
// redis-benchmark --csv: rows "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms",
//   "p95_latency_ms","p99_latency_ms","max_latency_ms"; GET -> read, SET -> write, other tests
//   are kept in sourceMetrics["tests"] only. redis-benchmark runs its tests one after another
//   with the same -n, so the overall throughput is the harmonic mean of the tests' rps; overall
//   percentiles exist only for a single-test file (they cannot be merged from percentiles).

#include "resultstore.h"

#include <QByteArray>
#include <QString>

namespace cwb {

enum class ImportFormat { Memtier, RedisBenchmark };
std::optional<ImportFormat> importFormatFromName(const QString &name); // "memtier", "redis-benchmark"

struct ImportResult
{
    std::optional<StoredRun> run; // set on success
    QString error;                // one line naming the part that is wrong
};

// `name` becomes the run's testName (default: "memtier" / "redis-benchmark"); `target` its
// target URI when known (the files do not say; default "unknown").
ImportResult importMemtierJson(const QByteArray &data, const QString &name = {}, const QString &target = {});
ImportResult importRedisBenchmarkCsv(const QByteArray &data, const QString &name = {}, const QString &target = {});
ImportResult importRunFile(ImportFormat format, const QString &filePath, const QString &name = {},
                           const QString &target = {});

} // namespace cwb
