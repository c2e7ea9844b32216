#include "runmetrics.h"

namespace cwb {

using nlohmann::json;

namespace {

std::optional<double> num(const json &j, const char *key)
{
    if (!j.is_object())
        return std::nullopt;
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? std::optional<double>(it->get<double>()) : std::nullopt;
}

std::optional<qint64> count(const json &j, const char *key)
{
    const auto v = num(j, key);
    return v ? std::optional<qint64>(qint64(*v)) : std::nullopt;
}

double us(uint64_t ns)
{
    return double(ns) / 1000.0;
}

} // namespace

RunMetrics runMetrics(const RunResult &r)
{
    RunMetrics m;
    const OpCounters all = r.total();
    m.ops = qint64(all.count);
    if (r.measuredSec > 0)
        m.throughput = r.throughput();
    if (!all.latency.isEmpty()) {
        // Percentiles of the merged per-op histograms: exact totals, not averages of averages.
        m.p50Us = us(all.latency.percentileNs(50));
        m.p95Us = us(all.latency.percentileNs(95));
        m.p99Us = us(all.latency.percentileNs(99));
        m.p999Us = us(all.latency.percentileNs(99.9));
        m.maxUs = us(all.latency.maxNs());
    }
    if (all.count > 0)
        m.errorRate = r.errorRate();
    if (all.hits + all.misses > 0)
        m.hitRate = r.hitRate();
    if (r.server.usedMemoryPeak >= 0)
        m.serverMemoryBytes = double(r.server.usedMemoryPeak);
    else if (r.server.usedMemoryAfter >= 0)
        m.serverMemoryBytes = double(r.server.usedMemoryAfter);
    if (all.count > 0 && r.client.cpuUserSec + r.client.cpuSystemSec > 0)
        m.clientCpuUsPerOp = r.clientCpuUsPerOp();
    for (int i = 0; i < kOpTypeCount; ++i) {
        const OpCounters &c = r.totals.ops[size_t(i)];
        OpMetrics &o = m.byOp[size_t(i)];
        o.count = qint64(c.count);
        if (c.count == 0)
            continue;
        if (r.measuredSec > 0)
            o.throughput = double(c.successes()) / r.measuredSec;
        if (!c.latency.isEmpty()) {
            o.p50Us = us(c.latency.percentileNs(50));
            o.p95Us = us(c.latency.percentileNs(95));
            o.p99Us = us(c.latency.percentileNs(99));
            o.maxUs = us(c.latency.maxNs());
        }
    }
    return m;
}

RunMetrics runMetrics(const StoredRun &run)
{
    if (run.meta.source == QLatin1String(kSourceWorkbench))
        return runMetrics(run.result);
    // Imported: the source's own figures, nothing invented.
    const json &s = run.meta.sourceMetrics;
    RunMetrics m;
    m.throughput = num(s, "throughput");
    m.p50Us = num(s, "p50Us");
    m.p95Us = num(s, "p95Us");
    m.p99Us = num(s, "p99Us");
    m.p999Us = num(s, "p999Us");
    m.maxUs = num(s, "maxUs");
    m.errorRate = num(s, "errorRate");
    m.hitRate = num(s, "hitRate");
    m.serverMemoryBytes = num(s, "serverMemoryBytes");
    m.clientCpuUsPerOp = num(s, "clientCpuUsPerOp");
    m.ops = count(s, "ops");
    const json byOp = s.is_object() ? s.value("byOp", json::object()) : json::object();
    for (int i = 0; i < kOpTypeCount; ++i) {
        const auto it = byOp.find(opTypeName(OpType(i)).toStdString());
        if (it == byOp.end())
            continue;
        OpMetrics &o = m.byOp[size_t(i)];
        o.throughput = num(*it, "throughput");
        o.p50Us = num(*it, "p50Us");
        o.p95Us = num(*it, "p95Us");
        o.p99Us = num(*it, "p99Us");
        o.maxUs = num(*it, "maxUs");
        o.count = count(*it, "count");
    }
    return m;
}

} // namespace cwb
