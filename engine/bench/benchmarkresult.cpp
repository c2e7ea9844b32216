#include "benchmarkresult.h"

#include <nlohmann/json.hpp>

namespace cwb {

using nlohmann::json;

namespace {

double us(uint64_t ns)
{
    return double(ns) / 1000.0;
}

std::string s(const QString &text)
{
    return text.toStdString();
}

QString q(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

double num(const json &j, const char *key, double fallback = -1)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

json memoryJson(const MemoryFigure &m)
{
    return json{{"before", m.before}, {"after", m.after}, {"peak", m.peak}};
}

MemoryFigure memoryFromJson(const json &j)
{
    MemoryFigure m;
    if (!j.is_object())
        return m;
    m.before = qint64(num(j, "before"));
    m.after = qint64(num(j, "after"));
    m.peak = qint64(num(j, "peak"));
    return m;
}

json timeJson(const QDateTime &t)
{
    return t.isValid() ? json(s(t.toUTC().toString(Qt::ISODateWithMs))) : json(nullptr);
}

QDateTime timeFromJson(const json &j, const char *key)
{
    return QDateTime::fromString(q(j, key), Qt::ISODateWithMs);
}

} // namespace

QString benchmarkStatusName(BenchmarkStatus status)
{
    switch (status) {
    case BenchmarkStatus::Completed: return QStringLiteral("completed");
    case BenchmarkStatus::Cancelled: return QStringLiteral("cancelled");
    case BenchmarkStatus::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

std::optional<BenchmarkStatus> benchmarkStatusFromName(const QString &name)
{
    for (auto st : {BenchmarkStatus::Completed, BenchmarkStatus::Cancelled, BenchmarkStatus::Failed}) {
        if (benchmarkStatusName(st) == name)
            return st;
    }
    return std::nullopt;
}

double BenchmarkResult::durationSec() const
{
    return startedAt.isValid() && finishedAt.isValid() ? double(startedAt.msecsTo(finishedAt)) / 1000.0 : 0;
}

const BenchmarkOperation *BenchmarkResult::operation(const QString &name) const
{
    for (const auto &op : operations) {
        if (op.name == name)
            return &op;
    }
    return nullptr;
}

std::optional<double> BenchmarkResult::metric(const QString &name) const
{
    for (const auto &m : metrics) {
        if (m.name == name)
            return m.value;
    }
    return std::nullopt;
}

const BenchmarkSeries *BenchmarkResult::seriesNamed(const QString &name) const
{
    for (const auto &sr : series) {
        if (sr.name == name)
            return &sr;
    }
    return nullptr;
}

json benchmarkResultToJson(const BenchmarkResult &r)
{
    json ops = json::array();
    for (const auto &op : r.operations) {
        const LatencyHistogram &h = op.latency;
        ops.push_back(json{{"name", s(op.name)},
                           {"count", op.count},
                           {"errors", op.errors},
                           {"durationSec", op.durationSec},
                           {"throughput", op.throughput()},
                           {"latencyUs",
                            {{"min", us(h.minNs())},
                             {"mean", h.meanNs() / 1000.0},
                             {"p50", us(h.percentileNs(50))},
                             {"p95", us(h.percentileNs(95))},
                             {"p99", us(h.percentileNs(99))},
                             {"p999", us(h.percentileNs(99.9))},
                             {"max", us(h.maxNs())}}},
                           {"histogram", h.toJson()}});
    }
    json metrics = json::array();
    for (const auto &m : r.metrics)
        metrics.push_back(json{{"name", s(m.name)}, {"value", m.value}, {"unit", s(m.unit)}});
    json series = json::array();
    for (const auto &sr : r.series) {
        json points = json::array();
        for (const auto &[x, y] : sr.points)
            points.push_back(json::array({x, y}));
        series.push_back(json{{"name", s(sr.name)}, {"xUnit", s(sr.xUnit)}, {"yUnit", s(sr.yUnit)}, {"points", points}});
    }
    json params = json::object();
    for (const auto &[name, value] : r.parameters)
        params[s(name)] = value;
    json notes = json::array();
    for (const auto &n : r.notes)
        notes.push_back(s(n));

    json out{{"schema", kBenchmarkSchema},
             {"version", kBenchmarkSchemaVersion},
             {"benchmark", s(r.benchmark)},
             {"title", s(r.title)},
             {"target", s(r.target)},
             {"keyPrefix", s(r.keyPrefix)},
             {"startedAt", timeJson(r.startedAt)},
             {"finishedAt", timeJson(r.finishedAt)},
             {"durationSec", r.durationSec()},
             {"status", s(benchmarkStatusName(r.status))},
             {"parameters", params},
             {"notes", notes},
             {"operations", ops},
             {"metrics", metrics},
             {"series", series},
             {"server",
              {{"version", s(r.server.version)},
               {"mode", s(r.server.mode)},
               {"maxmemory", r.server.maxMemory},
               {"maxmemoryPolicy", s(r.server.maxMemoryPolicy)},
               {"ioThreads", r.server.ioThreads},
               {"usedMemory", memoryJson(r.server.usedMemory)},
               {"rss", memoryJson(r.server.rss)},
               {"fragmentation", {{"before", r.server.fragmentationBefore}, {"after", r.server.fragmentationAfter}}},
               {"cpu", {{"userSec", r.server.cpuUserSec}, {"systemSec", r.server.cpuSystemSec}}}}},
             {"client",
              {{"rss", memoryJson(r.client.rss)},
               {"cpu",
                {{"userSec", r.client.cpuUserSec},
                 {"systemSec", r.client.cpuSystemSec},
                 {"percent", r.client.cpuPercent}}}}},
             {"keysCleanedUp", r.keysCleanedUp},
             {"keyNamespace", s(r.keyNamespace)},
             {"keysLeft", r.keysLeft}};
    if (!r.failureReason.isEmpty())
        out["failureReason"] = s(r.failureReason);
    return out;
}

std::optional<BenchmarkResult> benchmarkResultFromJson(const json &j, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<BenchmarkResult> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!j.is_object())
        return fail(QStringLiteral("benchmark result: not a JSON object"));
    if (q(j, "schema") != QLatin1String(kBenchmarkSchema))
        return fail(QStringLiteral("schema: expected \"%1\"").arg(QLatin1String(kBenchmarkSchema)));
    if (num(j, "version", 0) != kBenchmarkSchemaVersion)
        return fail(QStringLiteral("version: unsupported (expected %1)").arg(kBenchmarkSchemaVersion));

    BenchmarkResult r;
    r.benchmark = q(j, "benchmark");
    if (r.benchmark.isEmpty())
        return fail(QStringLiteral("benchmark: missing"));
    r.title = q(j, "title");
    r.target = q(j, "target");
    r.keyPrefix = q(j, "keyPrefix");
    r.startedAt = timeFromJson(j, "startedAt");
    r.finishedAt = timeFromJson(j, "finishedAt");
    const auto status = benchmarkStatusFromName(q(j, "status"));
    if (!status)
        return fail(QStringLiteral("status: unknown value"));
    r.status = *status;
    r.failureReason = q(j, "failureReason");

    if (const auto it = j.find("parameters"); it != j.end() && it->is_object()) {
        for (const auto &[k, v] : it->items()) {
            if (v.is_number())
                r.parameters.emplace_back(QString::fromStdString(k), v.get<double>());
        }
    }
    if (const auto it = j.find("notes"); it != j.end() && it->is_array()) {
        for (const auto &n : *it) {
            if (n.is_string())
                r.notes.push_back(QString::fromStdString(n.get<std::string>()));
        }
    }
    if (const auto it = j.find("operations"); it != j.end() && it->is_array()) {
        int index = 0;
        for (const auto &o : *it) {
            BenchmarkOperation op;
            op.name = q(o, "name");
            op.count = uint64_t(num(o, "count", 0));
            op.errors = uint64_t(num(o, "errors", 0));
            op.durationSec = num(o, "durationSec", 0);
            const auto h = o.find("histogram");
            if (h == o.end())
                return fail(QStringLiteral("operations[%1].histogram: missing").arg(index));
            auto hist = LatencyHistogram::fromJson(*h);
            if (!hist)
                return fail(QStringLiteral("operations[%1].histogram: invalid").arg(index));
            op.latency = *hist;
            r.operations.push_back(std::move(op));
            ++index;
        }
    }
    if (const auto it = j.find("metrics"); it != j.end() && it->is_array()) {
        for (const auto &m : *it)
            r.metrics.push_back({q(m, "name"), num(m, "value", 0), q(m, "unit")});
    }
    if (const auto it = j.find("series"); it != j.end() && it->is_array()) {
        for (const auto &sj : *it) {
            BenchmarkSeries sr{q(sj, "name"), q(sj, "xUnit"), q(sj, "yUnit"), {}};
            if (const auto p = sj.find("points"); p != sj.end() && p->is_array()) {
                for (const auto &pt : *p) {
                    if (pt.is_array() && pt.size() == 2 && pt[0].is_number() && pt[1].is_number())
                        sr.points.emplace_back(pt[0].get<double>(), pt[1].get<double>());
                }
            }
            r.series.push_back(std::move(sr));
        }
    }
    if (const auto it = j.find("server"); it != j.end() && it->is_object()) {
        const json &sv = *it;
        r.server.version = q(sv, "version");
        r.server.mode = q(sv, "mode");
        r.server.maxMemory = qint64(num(sv, "maxmemory"));
        r.server.maxMemoryPolicy = q(sv, "maxmemoryPolicy");
        r.server.ioThreads = int(num(sv, "ioThreads"));
        r.server.usedMemory = memoryFromJson(sv.value("usedMemory", json::object()));
        r.server.rss = memoryFromJson(sv.value("rss", json::object()));
        const json frag = sv.value("fragmentation", json::object());
        r.server.fragmentationBefore = num(frag, "before");
        r.server.fragmentationAfter = num(frag, "after");
        const json cpu = sv.value("cpu", json::object());
        r.server.cpuUserSec = num(cpu, "userSec");
        r.server.cpuSystemSec = num(cpu, "systemSec");
    }
    if (const auto it = j.find("client"); it != j.end() && it->is_object()) {
        r.client.rss = memoryFromJson(it->value("rss", json::object()));
        const json cpu = it->value("cpu", json::object());
        r.client.cpuUserSec = num(cpu, "userSec");
        r.client.cpuSystemSec = num(cpu, "systemSec");
        r.client.cpuPercent = num(cpu, "percent");
    }
    r.keysCleanedUp = qint64(num(j, "keysCleanedUp"));
    r.keyNamespace = q(j, "keyNamespace");
    r.keysLeft = j.contains("keysLeft") ? qint64(num(j, "keysLeft")) : 0;
    return r;
}

} // namespace cwb
