#include "runresult.h"

#include "runsnapshot.h"

#include <nlohmann/json.hpp>

namespace cwb {

using nlohmann::json;

namespace {

constexpr int kSchemaVersion = 1;

double us(uint64_t ns)
{
    return double(ns) / 1000.0;
}

json latencyJson(const LatencyHistogram &h)
{
    return json{{"min", us(h.minNs())},          {"mean", h.meanNs() / 1000.0},
                {"p50", us(h.percentileNs(50))}, {"p95", us(h.percentileNs(95))},
                {"p99", us(h.percentileNs(99))}, {"p999", us(h.percentileNs(99.9))},
                {"max", us(h.maxNs())}};
}

json errorsJson(const std::array<uint64_t, kRedisErrorKindCount> &errors)
{
    json out = json::object();
    for (int k = 1; k < kRedisErrorKindCount; ++k) {
        if (errors[size_t(k)])
            out[errorKindName(RedisErrorKind(k)).toStdString()] = errors[size_t(k)];
    }
    return out;
}

bool errorsFromJson(const json &in, std::array<uint64_t, kRedisErrorKindCount> &errors)
{
    if (!in.is_object())
        return false;
    for (int k = 1; k < kRedisErrorKindCount; ++k) {
        const auto it = in.find(errorKindName(RedisErrorKind(k)).toStdString());
        if (it != in.end() && it->is_number_unsigned())
            errors[size_t(k)] = it->get<uint64_t>();
    }
    return true;
}

json opJson(const OpCounters &c, double seconds)
{
    json out{{"count", c.count},
             {"successes", c.successes()},
             {"errors", c.errors},
             {"errorsByKind", errorsJson(c.errorsByKind)},
             {"throughput", seconds > 0 ? double(c.successes()) / seconds : 0.0},
             {"latencyUs", latencyJson(c.latency)},
             {"histogram", c.latency.toJson()}};
    if (c.hits + c.misses > 0) {
        out["hits"] = c.hits;
        out["misses"] = c.misses;
        out["hitRate"] = double(c.hits) / double(c.hits + c.misses);
    }
    return out;
}

QString qs(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

template<typename T>
T num(const json &j, const char *key, T fallback)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<T>() : fallback;
}

} // namespace

QString runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Completed: return QStringLiteral("completed");
    case RunStatus::Stopped: return QStringLiteral("stopped");
    case RunStatus::Failed: return QStringLiteral("failed");
    }
    return {};
}

QString runPhaseName(RunPhase phase)
{
    switch (phase) {
    case RunPhase::Connecting: return QStringLiteral("connecting");
    case RunPhase::WarmingUp: return QStringLiteral("warming up");
    case RunPhase::Running: return QStringLiteral("running");
    case RunPhase::Stopping: return QStringLiteral("stopping");
    case RunPhase::Finished: return QStringLiteral("finished");
    case RunPhase::Failed: return QStringLiteral("failed");
    }
    return {};
}

LatencySummary LatencySummary::from(const OpCounters &c)
{
    LatencySummary s;
    s.count = c.count;
    s.errors = c.errors;
    s.hits = c.hits;
    s.misses = c.misses;
    const LatencyHistogram &h = c.latency;
    s.minUs = us(h.minNs());
    s.meanUs = h.meanNs() / 1000.0;
    s.p50Us = us(h.percentileNs(50));
    s.p95Us = us(h.percentileNs(95));
    s.p99Us = us(h.percentileNs(99));
    s.p999Us = us(h.percentileNs(99.9));
    s.maxUs = us(h.maxNs());
    return s;
}

double RunResult::throughput() const
{
    return measuredSec > 0 ? double(total().successes()) / measuredSec : 0;
}

double RunResult::errorRate() const
{
    const OpCounters all = total();
    return all.count ? double(all.errors) / double(all.count) : 0;
}

double RunResult::hitRate() const
{
    const OpCounters all = total();
    return all.hits + all.misses ? double(all.hits) / double(all.hits + all.misses) : -1;
}

double RunResult::clientCpuUsPerOp() const
{
    const uint64_t ops = total().count;
    return ops ? (client.cpuUserSec + client.cpuSystemSec) * 1e6 / double(ops) : 0;
}

namespace {

// The insecure-TLS sentence first (when it applies), then the run's own warnings.
json warningsJson(const RunResult &r)
{
    json warnings = json::array();
    if (const QString insecure = insecureTlsWarning(r); !insecure.isEmpty())
        warnings.push_back(insecure.toStdString());
    for (const QString &w : r.warnings)
        warnings.push_back(w.toStdString());
    return warnings;
}

json agentsJson(const std::vector<AgentSummary> &agents)
{
    json out = json::array();
    for (const AgentSummary &a : agents)
        out.push_back({{"agent", a.agent.toStdString()},
                       {"state", a.state.toStdString()},
                       {"status", runStatusName(a.status).toStdString()},
                       {"lost", a.lost},
                       {"users", a.users},
                       {"operations", a.operations},
                       {"errors", a.errors},
                       {"throughput", a.throughput},
                       {"p99Us", a.p99Us},
                       {"failureReason", a.failureReason.toStdString()}});
    return out;
}

RunStatus runStatusFromName(const QString &status)
{
    return status == QLatin1String("completed") ? RunStatus::Completed
        : status == QLatin1String("stopped")    ? RunStatus::Stopped
                                                : RunStatus::Failed;
}

std::vector<AgentSummary> agentsFromJson(const json &agents)
{
    std::vector<AgentSummary> out;
    if (!agents.is_array())
        return out;
    for (const json &a : agents) {
        if (!a.is_object())
            continue;
        AgentSummary s;
        s.agent = qs(a, "agent");
        s.state = qs(a, "state");
        s.status = runStatusFromName(qs(a, "status"));
        s.lost = a.value("lost", false);
        s.users = num<int>(a, "users", 0);
        s.operations = num<uint64_t>(a, "operations", 0);
        s.errors = num<uint64_t>(a, "errors", 0);
        s.throughput = num<double>(a, "throughput", 0);
        s.p99Us = num<double>(a, "p99Us", 0);
        s.failureReason = qs(a, "failureReason");
        out.push_back(s);
    }
    return out;
}

} // namespace

json runResultToJson(const RunResult &r)
{
    const OpCounters all = r.total();
    json summary{{"operations", all.count},
                 {"successes", all.successes()},
                 {"errors", all.errors},
                 {"errorsByKind", errorsJson(all.errorsByKind)},
                 {"connectErrors", r.totals.connectErrorCount()},
                 {"connectErrorsByKind", errorsJson(r.totals.connectErrors)},
                 {"reconnects", r.totals.reconnects},
                 {"throughput", r.throughput()},
                 {"errorRate", r.errorRate()},
                 {"bytesSent", r.totals.bytesSent},
                 {"movedRedirects", r.totals.movedRedirects},
                 {"askRedirects", r.totals.askRedirects},
                 {"bytesReceived", r.totals.bytesReceived},
                 {"latencyUs", latencyJson(all.latency)}};
    if (all.hits + all.misses > 0) {
        summary["hits"] = all.hits;
        summary["misses"] = all.misses;
        summary["hitRate"] = r.hitRate();
    }

    json ops = json::object();
    for (int i = 0; i < kOpTypeCount; ++i)
        ops[opTypeName(OpType(i)).toStdString()] = opJson(r.totals.ops[size_t(i)], r.measuredSec);

    json series = json::array();
    for (const SecondSample &s : r.series) {
        json row{{"t", s.t},
                 {"duration", s.durationSec},
                 {"ops", s.ops},
                 {"errors", s.errors},
                 {"connectErrors", s.connectErrors},
                 {"opsPerSec", s.opsPerSec()},
                 {"hits", s.hits},
                 {"misses", s.misses},
                 {"p50Us", s.p50Us},
                 {"p95Us", s.p95Us},
                 {"p99Us", s.p99Us},
                 {"maxUs", s.maxUs},
                 {"clientCpuPercent", s.clientCpuPercent},
                 {"clientRssBytes", s.clientRssBytes},
                 {"serverUsedMemory", s.serverUsedMemory},
                 {"serverCpuPercent", s.serverCpuPercent},
                 {"connectedUsers", s.connectedUsers}};
        json byType = json::object();
        for (int i = 0; i < kOpTypeCount; ++i)
            byType[opTypeName(OpType(i)).toStdString()] = s.opsByType[size_t(i)];
        row["opsByType"] = byType;
        series.push_back(row);
    }

    const auto &sv = r.server;
    json server{{"version", sv.version.toStdString()},
                {"mode", sv.mode.toStdString()},
                {"role", sv.role.toStdString()},
                {"maxMemory", sv.maxMemory},
                {"maxMemoryPolicy", sv.maxMemoryPolicy.toStdString()},
                {"ioThreads", sv.ioThreads},
                {"usedMemoryBefore", sv.usedMemoryBefore},
                {"usedMemoryAfter", sv.usedMemoryAfter},
                {"usedMemoryPeak", sv.usedMemoryPeak},
                {"cpuSeconds", sv.cpuSeconds},
                {"cpuPercent", r.measuredSec > 0 && sv.cpuSeconds >= 0 ? 100.0 * sv.cpuSeconds / r.measuredSec : -1.0},
                {"keyspaceHits", sv.keyspaceHits},
                {"keyspaceMisses", sv.keyspaceMisses},
                {"expiredKeys", sv.expiredKeys},
                {"evictedKeys", sv.evictedKeys}};
    const auto &cl = r.client;
    json client{{"cpuUserSeconds", cl.cpuUserSec},
                {"cpuSystemSeconds", cl.cpuSystemSec},
                {"cpuPercent", r.measuredSec > 0 ? 100.0 * (cl.cpuUserSec + cl.cpuSystemSec) / r.measuredSec : 0.0},
                {"cpuUsPerOp", r.clientCpuUsPerOp()},
                {"rssBefore", cl.rssBefore},
                {"rssPeak", cl.rssPeak},
                {"rssAfter", cl.rssAfter},
                {"workerThreads", cl.workerThreads}};

    json nodes = json::object();
    for (const auto &[address, counters] : r.totals.nodes)
        nodes[address.toStdString()] = opJson(counters, r.measuredSec);

    return json{{"schema", "cache-workbench/run"},
                {"cluster", r.cluster},
                {"tls", r.tls},
                {"tlsVerified", r.tls && !r.tlsInsecure},
                {"warnings", warningsJson(r)},
                {"nodes", nodes},
                {"version", kSchemaVersion},
                {"runId", r.runId.toStdString()},
                {"testName", r.config.testName.toStdString()},
                {"status", runStatusName(r.status).toStdString()},
                {"failureReason", r.failureReason.toStdString()},
                {"failureKind", errorKindName(r.failureKind).toStdString()},
                {"target", r.target.toStdString()},
                {"startedAt", r.startedAt.toString(Qt::ISODateWithMs).toStdString()},
                {"finishedAt", r.finishedAt.toString(Qt::ISODateWithMs).toStdString()},
                {"measuredSeconds", r.measuredSec},
                {"config", loadTestConfigToJson(r.config)},
                {"summary", summary},
                {"operations", ops},
                {"series", series},
                {"server", server},
                {"client", client},
                {"keysCleanedUp", r.keysCleanedUp},
                {"keyNamespace", r.keyNamespace.toStdString()},
                {"keysLeft", r.keysLeft},
                {"cleanupNote", r.cleanupNote.toStdString()},
                {"agents", agentsJson(r.agents)}};
}

RunResult failedRun(RunResult result, RedisErrorKind kind, const QString &reason)
{
    result.status = RunStatus::Failed;
    result.failureKind = kind;
    result.failureReason = reason;
    result.finishedAt = QDateTime::currentDateTimeUtc();
    return result;
}

QString insecureTlsWarning(const RunResult &result)
{
    if (!result.tls || !result.tlsInsecure)
        return {};
    return QStringLiteral("INSECURE: TLS certificate verification was off (--insecure): the server was not "
                          "authenticated, so these figures may come from anyone on the path");
}

std::optional<RunResult> runResultFromJson(const json &j, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<RunResult> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!j.is_object() || qs(j, "schema") != QLatin1String("cache-workbench/run"))
        return fail(QStringLiteral("not a Cache Workbench run document (schema)"));
    if (num<int>(j, "version", 0) != kSchemaVersion)
        return fail(QStringLiteral("unsupported run document version %1").arg(num<int>(j, "version", 0)));

    RunResult r;
    r.runId = qs(j, "runId");
    r.target = qs(j, "target");
    r.failureReason = qs(j, "failureReason");
    r.status = runStatusFromName(qs(j, "status"));
    r.agents = agentsFromJson(j.value("agents", json::array()));
    for (int k = 0; k < kRedisErrorKindCount; ++k) {
        if (errorKindName(RedisErrorKind(k)) == qs(j, "failureKind"))
            r.failureKind = RedisErrorKind(k);
    }
    r.startedAt = QDateTime::fromString(qs(j, "startedAt"), Qt::ISODateWithMs);
    r.finishedAt = QDateTime::fromString(qs(j, "finishedAt"), Qt::ISODateWithMs);
    r.measuredSec = num<double>(j, "measuredSeconds", 0);
    if (j.contains("config")) {
        auto parsed = parseLoadTestConfig(j["config"]);
        if (!parsed.config)
            return fail(QStringLiteral("config: ") + parsed.errors.front().toString());
        r.config = *parsed.config;
    }
    const json &ops = j.value("operations", json::object());
    for (int i = 0; i < kOpTypeCount; ++i) {
        const auto it = ops.find(opTypeName(OpType(i)).toStdString());
        if (it == ops.end())
            continue;
        OpCounters &c = r.totals.ops[size_t(i)];
        c.count = num<uint64_t>(*it, "count", 0);
        c.errors = num<uint64_t>(*it, "errors", 0);
        c.hits = num<uint64_t>(*it, "hits", 0);
        c.misses = num<uint64_t>(*it, "misses", 0);
        errorsFromJson(it->value("errorsByKind", json::object()), c.errorsByKind);
        if (it->contains("histogram")) {
            auto h = LatencyHistogram::fromJson((*it)["histogram"]);
            if (!h)
                return fail(QStringLiteral("operations.%1.histogram is malformed").arg(opTypeName(OpType(i))));
            c.latency = std::move(*h);
        }
    }
    const json &summary = j.value("summary", json::object());
    errorsFromJson(summary.value("connectErrorsByKind", json::object()), r.totals.connectErrors);
    r.totals.reconnects = num<uint64_t>(summary, "reconnects", 0);
    r.totals.bytesSent = num<uint64_t>(summary, "bytesSent", 0);
    r.totals.bytesReceived = num<uint64_t>(summary, "bytesReceived", 0);
    r.totals.movedRedirects = num<uint64_t>(summary, "movedRedirects", 0);
    r.totals.askRedirects = num<uint64_t>(summary, "askRedirects", 0);
    r.cluster = j.value("cluster", false);
    r.tls = j.value("tls", false);
    r.tlsInsecure = r.tls && !j.value("tlsVerified", true);
    // The insecure-TLS sentence is derived from tlsVerified, not kept among the warnings.
    const QString insecure = insecureTlsWarning(r);
    for (const json &w : j.value("warnings", json::array())) {
        if (w.is_string() && QString::fromStdString(w.get<std::string>()) != insecure)
            r.warnings << QString::fromStdString(w.get<std::string>());
    }
    const json nodeDocs = j.value("nodes", json::object());
    for (const auto &[address, node] : nodeDocs.items()) {
        OpCounters &c = r.totals.nodes[QString::fromStdString(address)];
        c.count = num<uint64_t>(node, "count", 0);
        c.errors = num<uint64_t>(node, "errors", 0);
        errorsFromJson(node.value("errorsByKind", json::object()), c.errorsByKind);
        if (node.contains("histogram")) {
            if (auto h = LatencyHistogram::fromJson(node["histogram"]))
                c.latency = std::move(*h);
        }
    }

    for (const json &row : j.value("series", json::array())) {
        SecondSample s;
        s.t = num<double>(row, "t", 0);
        s.durationSec = num<double>(row, "duration", 1);
        s.ops = num<uint64_t>(row, "ops", 0);
        s.errors = num<uint64_t>(row, "errors", 0);
        s.connectErrors = num<uint64_t>(row, "connectErrors", 0);
        s.hits = num<uint64_t>(row, "hits", 0);
        s.misses = num<uint64_t>(row, "misses", 0);
        s.p50Us = num<double>(row, "p50Us", 0);
        s.p95Us = num<double>(row, "p95Us", 0);
        s.p99Us = num<double>(row, "p99Us", 0);
        s.maxUs = num<double>(row, "maxUs", 0);
        s.clientCpuPercent = num<double>(row, "clientCpuPercent", -1);
        s.clientRssBytes = num<qint64>(row, "clientRssBytes", -1);
        s.serverUsedMemory = num<qint64>(row, "serverUsedMemory", -1);
        s.serverCpuPercent = num<double>(row, "serverCpuPercent", -1);
        s.connectedUsers = num<int>(row, "connectedUsers", 0);
        const json &byType = row.value("opsByType", json::object());
        for (int i = 0; i < kOpTypeCount; ++i)
            s.opsByType[size_t(i)] = num<uint64_t>(byType, opTypeName(OpType(i)).toStdString().c_str(), 0);
        r.series.push_back(s);
    }

    const json &server = j.value("server", json::object());
    r.server.version = qs(server, "version");
    r.server.mode = qs(server, "mode");
    r.server.role = qs(server, "role");
    r.server.maxMemory = num<qint64>(server, "maxMemory", 0);
    r.server.maxMemoryPolicy = qs(server, "maxMemoryPolicy");
    r.server.ioThreads = num<int>(server, "ioThreads", 0);
    r.server.usedMemoryBefore = num<qint64>(server, "usedMemoryBefore", -1);
    r.server.usedMemoryAfter = num<qint64>(server, "usedMemoryAfter", -1);
    r.server.usedMemoryPeak = num<qint64>(server, "usedMemoryPeak", -1);
    r.server.cpuSeconds = num<double>(server, "cpuSeconds", -1);
    r.server.keyspaceHits = num<qint64>(server, "keyspaceHits", -1);
    r.server.keyspaceMisses = num<qint64>(server, "keyspaceMisses", -1);
    r.server.expiredKeys = num<qint64>(server, "expiredKeys", -1);
    r.server.evictedKeys = num<qint64>(server, "evictedKeys", -1);
    const json &client = j.value("client", json::object());
    r.client.cpuUserSec = num<double>(client, "cpuUserSeconds", 0);
    r.client.cpuSystemSec = num<double>(client, "cpuSystemSeconds", 0);
    r.client.rssBefore = num<qint64>(client, "rssBefore", 0);
    r.client.rssPeak = num<qint64>(client, "rssPeak", 0);
    r.client.rssAfter = num<qint64>(client, "rssAfter", 0);
    r.client.workerThreads = num<int>(client, "workerThreads", 0);
    r.keysCleanedUp = num<qint64>(j, "keysCleanedUp", -1);
    r.keyNamespace = qs(j, "keyNamespace");
    r.keysLeft = num<qint64>(j, "keysLeft", 0);
    r.cleanupNote = qs(j, "cleanupNote");
    return r;
}

} // namespace cwb
