#include "clusterdiscovery.h"

#include "redis/infoparser.h"
#include "redis/redisconnection.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <csignal>
#include <map>
#include <unistd.h>

namespace cwb {

struct ClusterDiscovery::Private
{
    Endpoint seed;
    Options options;
    std::map<QString, std::unique_ptr<RedisConnection>> connections; // by host:port
    std::optional<Topology> last;
    QElapsedTimer clock;

    Endpoint endpointFor(const QString &host, int port) const
    {
        Endpoint e = seed; // same credentials and database on every node
        e.transport = Endpoint::Transport::Tcp;
        e.host = host;
        e.port = quint16(port);
        e.database = 0; // cluster mode has only db 0
        return e;
    }

    RedisConnection &connection(const QString &host, int port)
    {
        const QString key = host + QLatin1Char(':') + QString::number(port);
        auto &slot = connections[key];
        if (!slot) {
            RedisConnection::Options o;
            o.connectTimeoutMs = options.timeoutMs;
            o.commandTimeoutMs = options.timeoutMs;
            o.reconnectAttempts = 0; // a dead node must cost one timeout, not a backoff series
            o.clientName = "cache-workbench-discovery";
            slot = std::make_unique<RedisConnection>(endpointFor(host, port), o);
        }
        return *slot;
    }

    // Reconnect-on-demand: a connection dropped by a restarted node is retried once per call.
    std::optional<RedisReply> run(RedisConnection &c, const RedisCommand &command)
    {
        if (!c.isConnected() && !c.connect())
            return std::nullopt;
        return c.command(command);
    }

    // CLUSTER SHARDS reports a node "online" until it is fully forgotten and never shows the
    // PFAIL stage; CLUSTER NODES flags ("fail?", "fail") carry the cluster's failure detector.
    void mergeHealthFromNodes(RedisConnection &c, Topology &topology)
    {
        const auto reply = run(c, {"CLUSTER", "NODES"});
        if (!reply || reply->isError())
            return;
        const auto flags = parseClusterNodes(reply->str);
        if (!flags)
            return;
        for (TopologyNode &n : topology.nodes) {
            if (const TopologyNode *f = flags->node(n.id); f && int(f->health) > int(n.health)) {
                n.health = f->health;
                n.flags = f->flags;
            }
        }
    }

    std::optional<Topology> topologyFrom(const QString &host, int port, QString *why)
    {
        RedisConnection &c = connection(host, port);
        if (options.method != Method::Nodes) {
            const auto reply = run(c, {"CLUSTER", "SHARDS"});
            if (!reply) {
                *why = c.lastError().message;
                return std::nullopt;
            }
            if (!reply->isError()) {
                auto topology = parseClusterShards(*reply, why);
                if (topology) {
                    topology->source = QStringLiteral("CLUSTER SHARDS via ") + host + QLatin1Char(':') + QString::number(port);
                    mergeHealthFromNodes(c, *topology);
                }
                return topology;
            }
            if (reply->str.contains("cluster support disabled")) {
                *why = QStringLiteral("%1:%2 is not running in cluster mode").arg(host).arg(port);
                return std::nullopt;
            }
            if (options.method == Method::Shards) {
                *why = QStringLiteral("CLUSTER SHARDS: ") + QString::fromUtf8(reply->str);
                return std::nullopt;
            }
            // Older than Redis 7: fall through to CLUSTER NODES.
        }
        const auto reply = run(c, {"CLUSTER", "NODES"});
        if (!reply) {
            *why = c.lastError().message;
            return std::nullopt;
        }
        if (reply->isError()) {
            const QString text = QString::fromUtf8(reply->str);
            const QString refused = unavailableCommandSentence(QStringLiteral("CLUSTER NODES"), text);
            if (reply->str.contains("cluster support disabled"))
                *why = QStringLiteral("%1:%2 is not running in cluster mode").arg(host).arg(port);
            else if (!refused.isEmpty())
                *why = refused + QStringLiteral(": the cluster's nodes cannot be listed");
            else
                *why = QStringLiteral("CLUSTER NODES: ") + text;
            return std::nullopt;
        }
        auto topology = parseClusterNodes(reply->str, why);
        if (topology)
            topology->source = QStringLiteral("CLUSTER NODES via ") + host + QLatin1Char(':') + QString::number(port);
        return topology;
    }

    bool stopRequested() const { return options.stopToken.stop_requested(); }

    // After a stop request the remaining nodes keep hasMetrics false: unknown, not suspected.
    void collectMetrics(Topology &topology)
    {
        for (TopologyNode &node : topology.nodes) {
            if (node.port <= 0 || node.host.isEmpty() || stopRequested())
                continue;
            RedisConnection &c = connection(node.host, node.port);
            std::optional<QByteArray> text;
            if (c.isConnected() || c.connect())
                text = c.info();
            if (!text) {
                // Our own health check: no answer within the timeout.
                if (node.health == NodeHealth::Up)
                    node.health = NodeHealth::Suspected;
                c.disconnect();
                continue;
            }
            const InfoSnapshot info = parseInfo(*text);
            NodeMetrics &m = node.metrics;
            m.hasMetrics = true;
            m.sampledAtMs = clock.elapsed();
            m.usedMemory = info.memory.usedMemory;
            m.connectedClients = info.clients.connectedClients;
            m.keys = info.keyspace.value(0).keys;
            m.totalCommands = info.stats.totalCommandsProcessed;
            m.pid = info.server.processId;
            m.replicationOffset = info.replication.role == QLatin1String("slave") ? info.replication.slaveReplOffset
                                                                                   : info.replication.masterReplOffset;
        }
        for (TopologyNode &node : topology.nodes) {
            if (node.isMaster() || !node.metrics.hasMetrics)
                continue;
            if (const TopologyNode *master = topology.node(node.masterId); master && master->metrics.hasMetrics)
                node.metrics.replicationLag = std::max<qint64>(0, master->metrics.replicationOffset - node.metrics.replicationOffset);
        }
    }
};

ClusterDiscovery::ClusterDiscovery(Endpoint seed, Options options) : d(std::make_unique<Private>())
{
    d->seed = std::move(seed);
    d->options = options;
    d->clock.start();
}

ClusterDiscovery::ClusterDiscovery(Endpoint seed) : ClusterDiscovery(std::move(seed), Options{}) {}

ClusterDiscovery::~ClusterDiscovery() = default;

const std::optional<Topology> &ClusterDiscovery::last() const
{
    return d->last;
}

std::optional<Topology> ClusterDiscovery::discover(QString *error)
{
    if (d->seed.transport != Endpoint::Transport::Tcp) {
        if (error)
            *error = QStringLiteral("target: a cluster is reached over TCP, not a unix socket");
        return std::nullopt;
    }
    // The seed first, then every node seen before: any one answering node is enough.
    std::vector<std::pair<QString, int>> candidates{{d->seed.host, d->seed.port}};
    if (d->last) {
        for (const TopologyNode &n : d->last->nodes) {
            if (n.health != NodeHealth::Failed && !(n.host == d->seed.host && n.port == d->seed.port))
                candidates.emplace_back(n.host, n.port);
        }
    }
    QString firstError;
    for (const auto &[host, port] : candidates) {
        if (d->stopRequested()) {
            if (firstError.isEmpty())
                firstError = QStringLiteral("stopped");
            break;
        }
        QString why;
        auto topology = d->topologyFrom(host, port, &why);
        if (!topology) {
            if (firstError.isEmpty())
                firstError = QStringLiteral("%1:%2: ").arg(host).arg(port) + why;
            // Not a cluster is an answer, not an outage: no point asking the others.
            if (why.contains(QStringLiteral("not running in cluster mode")))
                break;
            continue;
        }
        if (d->options.collectMetrics)
            d->collectMetrics(*topology);
        if (d->last)
            computeRates(*d->last, *topology);
        d->last = topology;
        return topology;
    }
    if (error)
        *error = firstError;
    return std::nullopt;
}

bool ClusterDiscovery::manualFailover(const QString &replica, QString *error, int waitMs)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!d->last && !discover(error))
        return false;
    const TopologyNode *node = d->last->find(replica);
    if (!node)
        return fail(QStringLiteral("node: no node matches '%1'").arg(replica));
    if (node->isMaster())
        return fail(QStringLiteral("node: %1 is a master; CLUSTER FAILOVER runs on a replica").arg(node->address()));
    if (d->stopRequested())
        return fail(QStringLiteral("stopped before CLUSTER FAILOVER was sent"));
    RedisConnection &c = d->connection(node->host, node->port);
    const auto reply = d->run(c, {"CLUSTER", "FAILOVER"});
    if (!reply)
        return fail(QStringLiteral("%1: ").arg(node->address()) + c.lastError().message);
    if (reply->isError())
        return fail(QStringLiteral("%1: CLUSTER FAILOVER: ").arg(node->address()) + QString::fromUtf8(reply->str));
    const QDeadlineTimer deadline(waitMs);
    while (!deadline.hasExpired()) {
        if (d->stopRequested())
            return fail(QStringLiteral("stopped while waiting for %1 to become master").arg(node->address()));
        if (const auto role = d->run(c, {"ROLE"}); role && !role->isError() && !role->elements.empty()
            && role->elements[0].str == "master")
            return true;
        QThread::msleep(100);
    }
    return fail(QStringLiteral("%1 did not become master within %2 ms").arg(node->address()).arg(waitMs));
}

bool ClusterDiscovery::isOwnedSandboxProcess(qint64 pid)
{
    if (pid <= 1)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    // "pid (comm) state ppid ...": comm may contain spaces, so parse after the last ')'.
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    const qsizetype open = text.indexOf('(');
    if (close < 0 || open < 0)
        return false;
    const QByteArray comm = text.mid(open + 1, close - open - 1);
    const QList<QByteArray> rest = text.mid(close + 2).split(' ');
    if (rest.size() < 2)
        return false;
    return rest[1].toLongLong() == qint64(::getpid()) && comm.startsWith("redis-server");
}

bool ClusterDiscovery::killOwnedNode(const TopologyNode &node, QString *error)
{
    if (!node.metrics.hasMetrics || node.metrics.pid <= 0) {
        if (error)
            *error = QStringLiteral("%1: its process id is unknown (no INFO answer)").arg(node.address());
        return false;
    }
    if (!isOwnedSandboxProcess(node.metrics.pid)) {
        if (error)
            *error = QStringLiteral("%1: not a sandbox started by this program; refusing to kill it").arg(node.address());
        return false;
    }
    if (::kill(pid_t(node.metrics.pid), SIGKILL) != 0) {
        if (error)
            *error = QStringLiteral("%1: kill failed").arg(node.address());
        return false;
    }
    return true;
}

} // namespace cwb
