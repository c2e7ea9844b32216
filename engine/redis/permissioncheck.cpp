#include "permissioncheck.h"

#include "rediserror.h"

#include <QRandomGenerator>

#include <functional>
#include <map>

namespace cwb {

namespace {

// The names of the objects the probes touch: all under the caller's prefix, all ours.
struct ProbeKeys
{
    QByteArray key;     // a string key the check creates (SET NX, one-minute TTL) and removes
    QByteArray absent;  // a key the check never creates: RESTORE's target, DEL's argument
    QByteArray channel; // nobody subscribes to it
};

struct ProbeSpec
{
    const char *name;
    // The first command's reply decides; the others put the connection back as it was.
    std::function<std::vector<RedisCommand>(const ProbeKeys &)> commands;
};

// Each probe is harmless: it reads, writes only the check's own key, or gives the command
// arguments it refuses after the permission and rename checks (a syntax error means "allowed").
// KEYS is never sent: no feature uses it, and the workbench never does.
const std::vector<ProbeSpec> &probeSpecs()
{
    static const std::vector<ProbeSpec> specs{
        {"PING", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"PING"}}; }},
        {"INFO", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"INFO", "server"}}; }},
        {"SET", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"SET", k.key, "1", "NX", "PX", "60000"}}; }},
        {"GET", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"GET", k.key}}; }},
        {"TYPE", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"TYPE", k.key}}; }},
        {"PTTL", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"PTTL", k.key}}; }},
        {"PEXPIRE", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"PEXPIRE", k.key, "60000"}}; }},
        {"DUMP", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"DUMP", k.key}}; }},
        // A payload the server rejects after the ACL check: nothing is restored.
        {"RESTORE", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"RESTORE", k.absent, "60000", "cwb-not-a-payload"}}; }},
        {"SCAN", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"SCAN", "0", "MATCH", k.key + "*", "COUNT", "10"}}; }},
        {"DEL", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"DEL", k.absent}}; }},
        {"MULTI", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"MULTI"}, {"DISCARD"}}; }},
        {"PUBLISH", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"PUBLISH", k.channel, "cwb check"}}; }},
        // NOMKSTREAM: no stream is created for the absent key.
        {"XADD", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"XADD", k.absent, "NOMKSTREAM", "*", "f", "v"}}; }},
        {"CONFIG GET", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"CONFIG", "GET", "maxmemory"}}; }},
        {"MEMORY USAGE", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"MEMORY", "USAGE", k.key}}; }},
        {"OBJECT FREQ", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"OBJECT", "FREQ", k.key}}; }},
        {"CLIENT SETNAME", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"CLIENT", "SETNAME", "cwb-check"}}; }},
        {"READONLY", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"READONLY"}, {"READWRITE"}}; }},
        {"CLUSTER NODES", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"CLUSTER", "NODES"}}; }},
        {"CLUSTER SLOTS", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"CLUSTER", "SLOTS"}}; }},
        // An option CLUSTER FAILOVER refuses before it does anything.
        {"CLUSTER FAILOVER", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"CLUSTER", "FAILOVER", "cwb-not-an-option"}}; }},
        // Not needed by any feature; probed so that the report shows what the service removed.
        {"SLOWLOG", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"SLOWLOG", "LEN"}}; }},
        {"LATENCY", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"LATENCY", "LATEST"}}; }},
        {"DEBUG", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"DEBUG", "HELP"}}; }},
        {"CLIENT KILL", [](const ProbeKeys &) { return std::vector<RedisCommand>{{"CLIENT", "KILL", "cwb-not-a-filter", "x"}}; }},
        // Last: removes the check's key.
        {"UNLINK", [](const ProbeKeys &k) { return std::vector<RedisCommand>{{"UNLINK", k.key}}; }},
    };
    return specs;
}

CommandAccess accessOf(const RedisReply &reply)
{
    if (!reply.isError())
        return CommandAccess::Allowed;
    const QString text = QString::fromUtf8(reply.str);
    if (classifyErrorReply(text) == RedisErrorKind::NoPermission)
        return CommandAccess::Denied;
    if (isUnavailableCommand(text))
        return CommandAccess::Missing;
    if (text.contains(QLatin1String("not allowed"), Qt::CaseInsensitive))
        return CommandAccess::Disabled;
    // Past the rename and ACL checks: a syntax error, "cluster support disabled", no LFU policy
    // (all -ERR) or a redirection each mean the user may run the command ...
    for (const char *permitted : {"ERR", "MOVED", "ASK", "CROSSSLOT"}) {
        if (text.startsWith(QLatin1String(permitted)))
            return CommandAccess::Allowed;
    }
    // ... while READONLY (a replica), OOM, LOADING, BUSY and the like say it will not work here.
    return CommandAccess::Failed;
}

struct Need
{
    const char *probe;
    const char *without;      // what the feature loses; nullptr: it cannot run at all
    bool clusterOnly = false; // needed against a Redis Cluster only
};

struct FeatureSpec
{
    const char *feature;
    const char *aclLine;
    std::vector<Need> needs;
    bool clusterOnly = false;
};

// The source of docs/ACL.md's table: keep both in step.
const std::vector<FeatureSpec> &featureSpecs()
{
    static const std::vector<FeatureSpec> specs{
        {"server probe (GUI target bar)", "-@all +ping +info", {{"PING", nullptr}, {"INFO", nullptr}}},
        {"load tests (run, suite)",
         "~cwb:* -@all +@read +@write +@keyspace +ping +info +scan +multi +exec +discard +readonly +client|setname",
         {{"PING", nullptr},
          {"INFO", nullptr},
          {"SET", nullptr},
          {"GET", nullptr},
          {"TYPE", nullptr},
          {"SCAN", nullptr},
          {"UNLINK", nullptr},
          {"CLUSTER SLOTS", nullptr, true},
          {"MULTI", "operations that use MULTI/EXEC fail"},
          {"READONLY", "reads from cluster replicas are not possible", true},
          {"CLIENT SETNAME", "its connections are not named in CLIENT LIST"}}},
        {"benchmarks (bench)",
         "~cwb:* &cwb:* -@all +@read +@write +@keyspace +@pubsub +ping +info +scan +config|get",
         {{"PING", nullptr},
          {"INFO", nullptr},
          {"SET", nullptr},
          {"GET", nullptr},
          {"DEL", nullptr},
          {"UNLINK", nullptr},
          {"PUBLISH", "the pub/sub benchmark cannot run"},
          {"XADD", "the stream benchmark cannot run"},
          {"MEMORY USAGE", "the memory benchmark cannot measure the memory of each key"},
          {"CONFIG GET", "server settings are read from INFO instead, and those INFO lacks are shown as unknown"}}},
        {"cache warming (warm)",
         "~cwb:* -@all +@read +@write +@keyspace +ping +info +scan",
         {{"PING", nullptr},
          {"SET", nullptr},
          {"GET", nullptr},
          {"TYPE", nullptr},
          {"PTTL", nullptr},
          {"PEXPIRE", nullptr},
          {"DUMP", nullptr},
          {"RESTORE", nullptr},
          {"SCAN", nullptr},
          {"UNLINK", nullptr}}},
        {"monitoring (monitor)", "-@all +ping +info +cluster|nodes",
         {{"PING", nullptr}, {"INFO", nullptr}, {"CLUSTER NODES", "a cluster's nodes are not listed", true}}},
        {"tuning and optimisation (tune, optimize)",
         "~cwb:* -@all +@read +@write +@keyspace +ping +info +scan +config|get",
         {{"PING", nullptr},
          {"INFO", nullptr},
          {"SET", nullptr},
          {"GET", nullptr},
          {"SCAN", nullptr},
          {"UNLINK", nullptr},
          {"MEMORY USAGE", "the compression and hot-key experiments cannot measure memory per key"},
          {"OBJECT FREQ", "the hot-key scan cannot read access frequencies"},
          {"CONFIG GET", "settings are read from INFO instead, and those INFO lacks are shown as unknown"}}},
        {"cluster topology (cluster topology)", "-@all +ping +info +cluster|nodes +cluster|slots +cluster|shards",
         {{"PING", nullptr}, {"INFO", nullptr}, {"CLUSTER NODES", nullptr}, {"CLUSTER SLOTS", nullptr}},
         true},
        {"cluster failover (cluster failover)", "-@all +ping +cluster|nodes +cluster|failover",
         {{"PING", nullptr}, {"CLUSTER NODES", nullptr}, {"CLUSTER FAILOVER", nullptr}},
         true},
    };
    return specs;
}

QString whyNot(const CommandProbe &probe)
{
    switch (probe.access) {
    case CommandAccess::Denied:
        return commandDeniedSentence(probe.name);
    case CommandAccess::Missing:
        return commandMissingSentence(probe.name);
    case CommandAccess::Disabled:
        return QStringLiteral("the server refuses %1 by configuration").arg(probe.name);
    default:
        return QStringLiteral("%1 failed: %2").arg(probe.name, probe.detail);
    }
}

FeatureVerdict judge(const FeatureSpec &spec, const std::map<QString, CommandProbe> &probes, bool cluster)
{
    FeatureVerdict verdict;
    verdict.feature = QString::fromUtf8(spec.feature);
    verdict.aclLine = QString::fromUtf8(spec.aclLine);
    if (spec.clusterOnly && !cluster) {
        verdict.level = FeatureLevel::Unavailable;
        verdict.applies = false;
        verdict.reasons << QStringLiteral("the server is not a Redis Cluster");
        return verdict;
    }
    for (const Need &need : spec.needs) {
        if (need.clusterOnly && !cluster)
            continue;
        const CommandProbe &probe = probes.at(QString::fromUtf8(need.probe));
        if (probe.access == CommandAccess::Allowed)
            continue;
        if (need.without) {
            verdict.reasons << whyNot(probe) + QStringLiteral(": ") + QString::fromUtf8(need.without);
            verdict.level = std::max(verdict.level, FeatureLevel::Degraded);
        } else {
            verdict.reasons << whyNot(probe) + QStringLiteral(": the feature cannot run without it");
            verdict.level = FeatureLevel::Unavailable;
        }
    }
    return verdict;
}

QByteArray randomTag()
{
    return QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}

} // namespace

std::optional<PermissionReport> checkPermissions(RedisConnection &connection, const QString &keyPrefix,
                                                 QString *error)
{
    if (!connection.isConnected() && !connection.connect()) {
        *error = connection.lastError().message;
        return std::nullopt;
    }
    const QByteArray tag = randomTag();
    const QByteArray prefix = keyPrefix.toUtf8();
    const ProbeKeys keys{prefix + "check:" + tag, prefix + "check:" + tag + ":absent", prefix + "check:" + tag + ":channel"};

    PermissionReport report;
    std::map<QString, CommandProbe> byName;
    bool cluster = false;
    for (const ProbeSpec &spec : probeSpecs()) {
        CommandProbe probe;
        probe.name = QString::fromUtf8(spec.name);
        const std::vector<RedisCommand> commands = spec.commands(keys);
        std::optional<RedisReply> first;
        for (const RedisCommand &command : commands) {
            const auto reply = connection.command(command);
            if (!reply) {
                *error = QStringLiteral("%1 failed: %2").arg(probe.name, connection.lastError().message);
                return std::nullopt;
            }
            // A follow-up that undoes the probe (DISCARD, READWRITE) was refused: the connection
            // may be left inside MULTI or read-only, so start a fresh one.
            if (first && reply->isError() && !first->isError()) {
                connection.disconnect();
                if (!connection.connect()) {
                    *error = connection.lastError().message;
                    return std::nullopt;
                }
            }
            if (!first)
                first = reply;
        }
        probe.access = accessOf(*first);
        if (probe.access != CommandAccess::Allowed)
            probe.detail = QString::fromUtf8(first->str).section(QLatin1Char('\n'), 0, 0);
        if (probe.name == QLatin1String("INFO") && !first->isError())
            cluster = first->str.contains("redis_mode:cluster");
        // A key that exists already is not ours: stop before anything else touches it.
        if (probe.name == QLatin1String("SET") && first->isNil()) {
            *error = QStringLiteral("the check's key %1 exists already; nothing was changed").arg(QString::fromUtf8(keys.key));
            return std::nullopt;
        }
        byName[probe.name] = probe;
        report.commands.push_back(probe);
    }
    const auto whoami = connection.command({"ACL", "WHOAMI"});
    report.user = whoami && !whoami->isError() ? QString::fromUtf8(whoami->str)
                                               : connection.endpoint().username.isEmpty() ? QStringLiteral("default")
                                                                                          : connection.endpoint().username;
    for (const FeatureSpec &spec : featureSpecs())
        report.features.push_back(judge(spec, byName, cluster));
    return report;
}

QString commandAccessName(CommandAccess access)
{
    switch (access) {
    case CommandAccess::Allowed:
        return QStringLiteral("allowed");
    case CommandAccess::Denied:
        return QStringLiteral("denied (ACL)");
    case CommandAccess::Missing:
        return QStringLiteral("missing (renamed or disabled)");
    case CommandAccess::Disabled:
        return QStringLiteral("refused by the server's configuration");
    case CommandAccess::Failed:
        break;
    }
    return QStringLiteral("failed");
}

QString featureLevelName(FeatureLevel level)
{
    switch (level) {
    case FeatureLevel::Works:
        return QStringLiteral("works");
    case FeatureLevel::Degraded:
        return QStringLiteral("works with less");
    case FeatureLevel::Unavailable:
        break;
    }
    return QStringLiteral("cannot run");
}

} // namespace cwb
