#include "infopoller.h"

#include "redis/infoparser.h"
#include "redis/redisconnection.h"

#include <QElapsedTimer>

#include <algorithm>
#include <map>

namespace cwb {

namespace {

struct NodeState
{
    Endpoint endpoint;
    std::unique_ptr<RedisConnection> connection;
    std::optional<InfoSnapshot> previous;
    qint64 previousNs = 0;
    // The last uptime read and when: kept while the node does not answer, so a restart whose
    // downtime a poll saw is still noticed when it answers again.
    std::optional<qint64> lastUptimeSeconds;
    qint64 lastUptimeNs = 0;
};

qint64 totalErrors(const InfoSnapshot &info)
{
    if (info.has(QStringLiteral("stats"), QStringLiteral("total_error_replies")))
        return info.value(QStringLiteral("stats"), QStringLiteral("total_error_replies")).toLongLong();
    qint64 sum = 0;
    for (qint64 count : info.errorStats)
        sum += count;
    return sum;
}

// Commands the collector itself sends: their latency says nothing about the workload.
bool isOwnCommand(const QString &name)
{
    return name == QLatin1String("info") || name == QLatin1String("cluster|nodes")
        || name == QLatin1String("client|setname") || name == QLatin1String("ping")
        || name == QLatin1String("auth") || name == QLatin1String("select");
}

void addGauges(const InfoSnapshot &info, MonitorSample &s)
{
    s.values[QLatin1String(metric::UsedMemoryMb)] = double(info.memory.usedMemory) / (1024.0 * 1024.0);
    s.values[QLatin1String(metric::ConnectedClients)] = double(info.clients.connectedClients);
    s.values[QLatin1String(metric::BlockedClients)] = double(info.clients.blockedClients);
    qint64 keys = 0;
    for (const InfoSnapshot::KeyspaceDb &db : info.keyspace)
        keys += db.keys;
    s.values[QLatin1String(metric::Keys)] = double(keys);
    double p99 = -1;
    for (auto it = info.latencyStats.cbegin(); it != info.latencyStats.cend(); ++it)
        if (!isOwnCommand(it.key()) && it->p99)
            p99 = std::max(p99, *it->p99);
    if (p99 >= 0)
        s.values[QLatin1String(metric::P99LatencyMs)] = p99 / 1000.0;
}

// Rates over the interval. A counter that went down means a restart or CONFIG RESETSTAT:
// that interval has no rates rather than a negative one.
void addRates(const InfoSnapshot &prev, const InfoSnapshot &cur, double dt, MonitorSample &s)
{
    if (dt <= 0)
        return;
    const auto rate = [&](const char *name, qint64 before, qint64 after) {
        if (after >= before)
            s.values[QLatin1String(name)] = double(after - before) / dt;
    };
    const InfoSnapshot::Stats &a = prev.stats, &b = cur.stats;
    rate(metric::OpsPerSec, a.totalCommandsProcessed, b.totalCommandsProcessed);
    rate(metric::NetInBytesPerSec, a.totalNetInputBytes, b.totalNetInputBytes);
    rate(metric::NetOutBytesPerSec, a.totalNetOutputBytes, b.totalNetOutputBytes);
    rate(metric::ExpiredPerSec, a.expiredKeys, b.expiredKeys);
    rate(metric::EvictedPerSec, a.evictedKeys, b.evictedKeys);
    const qint64 hits = b.keyspaceHits - a.keyspaceHits;
    const qint64 misses = b.keyspaceMisses - a.keyspaceMisses;
    if (hits >= 0 && misses >= 0 && hits + misses > 0)
        s.values[QLatin1String(metric::HitRatePercent)] = 100.0 * double(hits) / double(hits + misses);
    const double cpu = (cur.cpu.usedCpuSys + cur.cpu.usedCpuUser) - (prev.cpu.usedCpuSys + prev.cpu.usedCpuUser);
    if (cpu >= 0)
        s.values[QLatin1String(metric::CpuPercent)] = 100.0 * cpu / dt;
    const qint64 commands = b.totalCommandsProcessed - a.totalCommandsProcessed;
    const qint64 errors = totalErrors(cur) - totalErrors(prev);
    if (commands > 0 && errors >= 0)
        s.values[QLatin1String(metric::ErrorRatePercent)] = std::min(100.0, 100.0 * double(errors) / double(commands));
    else if (commands == 0)
        s.values[QLatin1String(metric::ErrorRatePercent)] = 0;
    qint64 calls = 0, usec = 0;
    for (auto it = cur.commandStats.cbegin(); it != cur.commandStats.cend(); ++it) {
        if (isOwnCommand(it.key()))
            continue;
        const InfoSnapshot::CommandStat before = prev.commandStats.value(it.key());
        if (it->calls < before.calls)
            return; // stats were reset: no latency this interval
        calls += it->calls - before.calls;
        usec += it->usec - before.usec;
    }
    if (calls > 0)
        s.values[QLatin1String(metric::AvgLatencyMs)] = double(usec) / double(calls) / 1000.0;
}

// A cluster's uptime is its youngest node's: the one a restart emptied last.
void addYoungestUptime(const std::vector<MonitorSample> &nodes, MonitorSample &all)
{
    std::optional<double> youngest;
    for (const MonitorSample &s : nodes)
        if (const auto v = s.value(QLatin1String(metric::UptimeSeconds)))
            youngest = youngest ? std::min(*youngest, *v) : *v;
    if (youngest)
        all.values[QLatin1String(metric::UptimeSeconds)] = *youngest;
}

// Uptime, and whether the server started again since the last answer: its uptime is less than
// the last one plus the time that passed (2 s of slack for whole seconds on both sides), which
// also catches a restart after a long outage, when the new uptime may already be the larger.
void addUptime(NodeState &node, qint64 uptimeSeconds, qint64 ns, MonitorSample &s)
{
    s.values[QLatin1String(metric::UptimeSeconds)] = double(uptimeSeconds);
    if (node.lastUptimeSeconds) {
        const double expected = double(*node.lastUptimeSeconds) + double(ns - node.lastUptimeNs) / 1e9;
        s.values[QLatin1String(metric::Restarted)] = double(uptimeSeconds) + 2.0 < expected ? 1 : 0;
    }
    node.lastUptimeSeconds = uptimeSeconds;
    node.lastUptimeNs = ns;
}

qint64 monotonicNs()
{
    static QElapsedTimer clock = [] { QElapsedTimer t; t.start(); return t; }();
    return clock.nsecsElapsed();
}

} // namespace

struct InfoPoller::Private
{
    Endpoint seed;
    Options options;
    std::map<QString, NodeState> nodes; // by address
    bool clusterMode = false;
    int pollsSinceRefresh = 0;
    QString lastError;
    bool reachable = false;

    RedisConnection &connectionFor(NodeState &node)
    {
        if (!node.connection) {
            RedisConnection::Options o;
            o.connectTimeoutMs = options.timeoutMs;
            o.commandTimeoutMs = options.timeoutMs;
            // One quick retry: the next poll retries anyway, and the collector must stay on time.
            o.reconnectAttempts = 1;
            o.reconnectBackoffMs = 50;
            o.clientName = QByteArrayLiteral("cache-workbench-monitor");
            node.connection = std::make_unique<RedisConnection>(node.endpoint, o);
        }
        return *node.connection;
    }

    void ensureSeed()
    {
        if (nodes.empty())
            nodes[seed.address()] = NodeState{seed, nullptr, std::nullopt, 0};
    }

    // Replaces the node list with the cluster's nodes that are not failed or without address.
    void refreshClusterNodes(RedisConnection &connection)
    {
        const auto reply = connection.command({QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("NODES")});
        if (!reply || reply->isError() || reply->type != RedisReply::Type::String)
            return;
        std::map<QString, NodeState> next;
        for (const QByteArray &line : reply->str.split('\n')) {
            const QList<QByteArray> fields = line.trimmed().split(' ');
            if (fields.size() < 3)
                continue;
            const QByteArray flags = fields.at(2);
            if (flags.contains("fail") || flags.contains("noaddr") || flags.contains("handshake"))
                continue;
            // "ip:port@cport[,hostname]"
            QByteArray address = fields.at(1);
            address = address.left(address.indexOf('@'));
            const qsizetype colon = address.lastIndexOf(':');
            if (colon <= 0)
                continue;
            Endpoint endpoint = seed;
            endpoint.transport = Endpoint::Transport::Tcp;
            const QString host = QString::fromLatin1(address.left(colon));
            endpoint.host = host.isEmpty() ? seed.host : host;
            endpoint.port = quint16(address.mid(colon + 1).toUInt());
            endpoint.database = 0;
            const QString key = endpoint.address();
            auto existing = nodes.find(key);
            if (existing != nodes.end())
                next[key] = std::move(existing->second);
            else
                next[key] = NodeState{endpoint, nullptr, std::nullopt, 0};
        }
        if (!next.empty())
            nodes = std::move(next);
    }
};

InfoPoller::InfoPoller(Endpoint endpoint, Options options) : d(std::make_unique<Private>())
{
    d->seed = std::move(endpoint);
    d->options = options;
}

InfoPoller::InfoPoller(Endpoint endpoint) : InfoPoller(std::move(endpoint), Options{}) {}

InfoPoller::~InfoPoller() = default;

QString InfoPoller::target() const
{
    return d->seed.address();
}

QStringList InfoPoller::nodes() const
{
    QStringList list;
    for (const auto &[address, state] : d->nodes)
        list << address;
    return list;
}

QString InfoPoller::lastError() const
{
    return d->lastError;
}

bool InfoPoller::lastPollReachable() const
{
    return d->reachable;
}

std::vector<MonitorSample> InfoPoller::poll(qint64 nowMs)
{
    d->ensureSeed();
    d->lastError.clear();
    d->reachable = false;

    if (d->clusterMode && ++d->pollsSinceRefresh >= d->options.clusterRefreshPolls) {
        d->pollsSinceRefresh = 0;
        for (auto &[address, node] : d->nodes) {
            RedisConnection &connection = d->connectionFor(node);
            if (connection.isConnected() || connection.connect()) {
                d->refreshClusterNodes(connection);
                break;
            }
        }
    }

    std::vector<MonitorSample> samples;
    bool discoveredCluster = false;
    for (auto &[address, node] : d->nodes) {
        if (d->options.stopToken.stop_requested())
            break;
        MonitorSample sample;
        sample.timestampMs = nowMs;
        sample.target = target();
        sample.node = address;
        RedisConnection &connection = d->connectionFor(node);
        const std::optional<QByteArray> text = connection.info(QByteArrayLiteral("everything"));
        const qint64 ns = monotonicNs();
        if (!text) {
            sample.values[QLatin1String(metric::Up)] = 0;
            if (d->lastError.isEmpty())
                d->lastError = address + QStringLiteral(": ") + connection.lastError().message;
            node.previous.reset();
            samples.push_back(sample);
            continue;
        }
        d->reachable = true;
        InfoSnapshot info = parseInfo(*text);
        sample.values[QLatin1String(metric::Up)] = 1;
        addGauges(info, sample);
        addUptime(node, info.server.uptimeSeconds, ns, sample);
        if (node.previous)
            addRates(*node.previous, info, double(ns - node.previousNs) / 1e9, sample);
        if (info.cluster.clusterEnabled && !d->clusterMode)
            discoveredCluster = true;
        node.previous = std::move(info);
        node.previousNs = ns;
        samples.push_back(sample);
    }

    if (discoveredCluster) {
        // Found on the first poll of the seed: read the topology now so the next poll covers it.
        d->clusterMode = true;
        d->pollsSinceRefresh = 0;
        d->refreshClusterNodes(d->connectionFor(d->nodes.begin()->second));
    }

    if (samples.size() > 1) {
        MonitorSample all;
        all.timestampMs = nowMs;
        all.target = target();
        all.node = QLatin1String(node::All);
        double hitsWeighted = 0, opsForHits = 0;
        int up = 0;
        for (const MonitorSample &s : samples) {
            if (s.value(QLatin1String(metric::Up)).value_or(0) > 0)
                ++up;
            for (const char *name : {metric::OpsPerSec, metric::UsedMemoryMb, metric::ConnectedClients,
                                     metric::BlockedClients, metric::Keys, metric::NetInBytesPerSec,
                                     metric::NetOutBytesPerSec, metric::ExpiredPerSec, metric::EvictedPerSec,
                                     metric::CpuPercent}) {
                if (const auto v = s.value(QLatin1String(name)))
                    all.values[QLatin1String(name)] += *v;
            }
            for (const char *name : {metric::P99LatencyMs, metric::ErrorRatePercent, metric::AvgLatencyMs, metric::Restarted}) {
                if (const auto v = s.value(QLatin1String(name))) {
                    double &slot = all.values[QLatin1String(name)];
                    slot = std::max(slot, *v);
                }
            }
            if (const auto hr = s.value(QLatin1String(metric::HitRatePercent))) {
                const double w = s.value(QLatin1String(metric::OpsPerSec)).value_or(1);
                hitsWeighted += *hr * w;
                opsForHits += w;
            }
        }
        if (opsForHits > 0)
            all.values[QLatin1String(metric::HitRatePercent)] = hitsWeighted / opsForHits;
        addYoungestUptime(samples, all);
        all.values[QLatin1String(metric::Up)] = up == int(samples.size()) ? 1 : 0;
        samples.push_back(all);
    }
    return samples;
}

} // namespace cwb
