#include "sandboxcluster.h"

#include "sandboxclient.h"
#include "throwawaypki.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

#include <cstdlib>

namespace cwb {

namespace {

constexpr int kSlots = 16384;
constexpr int kClusterPollMs = 50;

int remainingMs(const QDeadlineTimer &deadline)
{
    return int(qMax<qint64>(1, deadline.remainingTime()));
}

// One node's view of the cluster: CLUSTER NODES lines split into fields.
struct NodeLine
{
    QByteArray id;
    QList<QByteArray> flags;
    QByteArray masterId; // "-" for masters
    QByteArray linkState;
    int slotFields = 0;
};

QList<NodeLine> parseClusterNodes(const QByteArray &text)
{
    QList<NodeLine> nodes;
    for (const QByteArray &raw : text.split('\n')) {
        const QList<QByteArray> fields = raw.trimmed().split(' ');
        if (fields.size() < 8)
            continue;
        nodes.append({fields[0], fields[2].split(','), fields[3], fields[7], int(fields.size() - 8)});
    }
    return nodes;
}

} // namespace

struct SandboxCluster::Private
{
    Options options;
    std::vector<std::unique_ptr<SandboxRedis>> nodes;
    std::vector<std::unique_ptr<SandboxClient>> clients;
    QList<QByteArray> ids;
    QString pkiDir; // ours to remove, when the cluster made its own CA

    int nodeCount() const { return options.masters * (1 + options.replicasPerMaster); }
    bool isMaster(int i) const { return i < options.masters; }
    // Replicas are grouped by master: the first replicasPerMaster replicas follow master 0, ...
    int masterOf(int i) const { return (i - options.masters) / qMax(1, options.replicasPerMaster); }

    // One command on node i that must succeed; on failure *why says which node and command.
    std::optional<RedisReply> run(int i, const RedisCommand &args, QString *why)
    {
        QString error;
        auto reply = clients[size_t(i)]->command(args, &error);
        if (reply && reply->isError())
            error = QString::fromUtf8(reply->str);
        if (!reply || reply->isError()) {
            *why = QStringLiteral("node ") + QString::number(nodes[size_t(i)]->port()) + QStringLiteral(": ")
                + QString::fromUtf8(args.join(' ')) + QStringLiteral(": ") + error;
            return std::nullopt;
        }
        return reply;
    }

    // Empty when node i sees the complete, settled topology; otherwise what is still missing.
    QString unsettled(int i)
    {
        QString why;
        const auto info = run(i, {"CLUSTER", "INFO"}, &why);
        if (!info)
            return why;
        const QByteArray state = infoField(info->str, "cluster_state");
        if (state != "ok")
            return QStringLiteral("node %1 reports cluster_state:%2").arg(nodes[size_t(i)]->port()).arg(QString::fromUtf8(state));
        const auto text = run(i, {"CLUSTER", "NODES"}, &why);
        if (!text)
            return why;
        const QList<NodeLine> view = parseClusterNodes(text->str);
        if (view.size() != nodeCount())
            return QStringLiteral("node %1 knows %2 of %3 nodes").arg(nodes[size_t(i)]->port()).arg(view.size()).arg(nodeCount());
        for (const NodeLine &line : view) {
            const int index = int(ids.indexOf(line.id));
            if (index < 0)
                return QStringLiteral("node %1 knows an unexpected node %2").arg(nodes[size_t(i)]->port()).arg(QString::fromUtf8(line.id));
            for (const char *bad : {"handshake", "noaddr", "fail", "fail?"}) {
                if (line.flags.contains(bad))
                    return QStringLiteral("node %1 flags node %2 as %3").arg(nodes[size_t(i)]->port()).arg(nodes[size_t(index)]->port()).arg(QLatin1String(bad));
            }
            if (line.linkState != "connected")
                return QStringLiteral("node %1 is not connected to node %2").arg(nodes[size_t(i)]->port()).arg(nodes[size_t(index)]->port());
            const bool master = isMaster(index);
            const QByteArray expectedMaster = master ? QByteArray("-") : ids[masterOf(index)];
            if (!line.flags.contains(master ? "master" : "slave") || line.masterId != expectedMaster)
                return QStringLiteral("node %1 does not yet see node %2 as %3").arg(nodes[size_t(i)]->port()).arg(nodes[size_t(index)]->port()).arg(master ? QStringLiteral("a master") : QStringLiteral("a replica of its master"));
        }
        // CLUSTER SLOTS, what cluster clients read, hides a replica until its replication
        // offset has reached this node by gossip.
        const auto slotMap = run(i, {"CLUSTER", "SLOTS"}, &why);
        if (!slotMap)
            return why;
        if (int(slotMap->elements.size()) != options.masters)
            return QStringLiteral("node %1 lists %2 of %3 slot ranges").arg(nodes[size_t(i)]->port()).arg(slotMap->elements.size()).arg(options.masters);
        for (const RedisReply &range : slotMap->elements) {
            if (int(range.elements.size()) != 3 + options.replicasPerMaster)
                return QStringLiteral("node %1 does not yet list every replica in CLUSTER SLOTS").arg(nodes[size_t(i)]->port());
        }
        const auto replication = run(i, {"INFO", "replication"}, &why);
        if (!replication)
            return why;
        if (isMaster(i)) {
            const int connected = infoField(replication->str, "connected_slaves").toInt();
            if (connected != options.replicasPerMaster)
                return QStringLiteral("master %1 has %2 of %3 replicas connected").arg(nodes[size_t(i)]->port()).arg(connected).arg(options.replicasPerMaster);
        } else if (infoField(replication->str, "master_link_status") != "up") {
            return QStringLiteral("replica %1 has no link to its master yet").arg(nodes[size_t(i)]->port());
        }
        return {};
    }

    bool stopped(QString *error) const
    {
        if (!options.stopToken.stop_requested())
            return false;
        *error = QStringLiteral("stopped while the cluster was being built");
        return true;
    }

    // One CA for every node of a TLS cluster, so each trusts the others' certificates.
    bool makeCertificates(QString *error)
    {
        if (!options.tls.enabled || !options.tls.certificatesDir.isEmpty())
            return true;
        QByteArray pattern = QFile::encodeName(QDir::tempPath() + QStringLiteral("/cwb-tls-XXXXXX"));
        if (!::mkdtemp(pattern.data())) {
            *error = QStringLiteral("cannot create a temporary folder in ") + QDir::tempPath();
            return false;
        }
        pkiDir = QFile::decodeName(pattern);
        options.tls.certificatesDir = pkiDir;
        return pki::createPki(pkiDir, error).has_value();
    }

    bool build(QString *error)
    {
        const QDeadlineTimer deadline(options.startTimeoutMs > 0 ? options.startTimeoutMs : 30000);
        const int count = nodeCount();
        if (!makeCertificates(error))
            return false;
        for (int i = 0; i < count; ++i) {
            if (stopped(error))
                return false;
            SandboxRedis::Options nodeOptions;
            nodeOptions.clusterEnabled = true;
            nodeOptions.password = options.password;
            nodeOptions.tls = options.tls;
            nodeOptions.startTimeoutMs = remainingMs(deadline);
            nodeOptions.stopToken = options.stopToken;
            auto node = std::make_unique<SandboxRedis>();
            QString nodeError;
            if (!node->start(nodeOptions, &nodeError)) {
                *error = QStringLiteral("cluster node %1 of %2: ").arg(i + 1).arg(count) + nodeError;
                return false;
            }
            nodes.push_back(std::move(node));
            auto client = std::make_unique<SandboxClient>();
            if (!client->connect(nodes.back()->controlEndpoint(), 2000, &nodeError)) {
                *error = QStringLiteral("cluster node %1 of %2: ").arg(i + 1).arg(count) + nodeError;
                return false;
            }
            clients.push_back(std::move(client));
        }

        QString why;
        for (int i = 0; i < count; ++i) {
            const auto id = run(i, {"CLUSTER", "MYID"}, &why);
            if (!id) {
                *error = why;
                return false;
            }
            ids.append(id->str);
        }
        // Distinct config epochs up front, as redis-cli --cluster create does, so the masters
        // need not resolve epoch collisions among themselves before the cluster turns ok.
        for (int i = 0; i < count; ++i) {
            if (!run(i, {"CLUSTER", "SET-CONFIG-EPOCH", QByteArray::number(i + 1)}, &why)) {
                *error = why;
                return false;
            }
        }
        for (int m = 0; m < options.masters; ++m) {
            const int first = int(qint64(kSlots) * m / options.masters);
            const int last = int(qint64(kSlots) * (m + 1) / options.masters) - 1;
            if (!run(m, {"CLUSTER", "ADDSLOTSRANGE", QByteArray::number(first), QByteArray::number(last)}, &why)) {
                *error = why;
                return false;
            }
        }
        const QByteArray seedPort = QByteArray::number(nodes[0]->port());
        for (int i = 1; i < count; ++i) {
            if (!run(i, {"CLUSTER", "MEET", "127.0.0.1", seedPort}, &why)) {
                *error = why;
                return false;
            }
        }

        // Replicas can follow a master only once they know it; until then REPLICATE says "Unknown node".
        for (int i = options.masters; i < count; ++i) {
            for (;;) {
                if (run(i, {"CLUSTER", "REPLICATE", ids[masterOf(i)]}, &why))
                    break;
                if (stopped(error))
                    return false;
                if (deadline.hasExpired()) {
                    *error = QStringLiteral("cluster not ready within %1 ms: ").arg(options.startTimeoutMs) + why;
                    return false;
                }
                QThread::msleep(kClusterPollMs);
            }
        }

        for (;;) {
            QString pending;
            for (int i = 0; i < count && pending.isEmpty(); ++i)
                pending = unsettled(i);
            if (pending.isEmpty())
                return true;
            if (stopped(error))
                return false;
            if (deadline.hasExpired()) {
                *error = QStringLiteral("cluster not ready within %1 ms: ").arg(options.startTimeoutMs) + pending;
                return false;
            }
            QThread::msleep(kClusterPollMs);
        }
    }
};

SandboxCluster::SandboxCluster()
    : d(std::make_unique<Private>())
{
}

SandboxCluster::~SandboxCluster()
{
    stop();
}

bool SandboxCluster::start(const Options &options, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    stop();
    if (options.masters < 1 || options.masters > kSlots) {
        err = QStringLiteral("masters must be between 1 and %1, not %2").arg(kSlots).arg(options.masters);
        return false;
    }
    if (options.replicasPerMaster < 0) {
        err = QStringLiteral("replicasPerMaster must not be negative, not %1").arg(options.replicasPerMaster);
        return false;
    }
    d->options = options;
    if (!d->build(&err)) {
        stop();
        return false;
    }
    d->clients.clear();
    return true;
}

void SandboxCluster::stop()
{
    d->clients.clear();
    // Replicas first: a master stopped first would only make them retry their link.
    for (auto it = d->nodes.rbegin(); it != d->nodes.rend(); ++it)
        (*it)->stop();
    d->nodes.clear();
    d->ids.clear();
    if (!d->pkiDir.isEmpty())
        QDir(d->pkiDir).removeRecursively();
    d->pkiDir.clear();
}

std::vector<SandboxRedis *> SandboxCluster::nodes() const
{
    std::vector<SandboxRedis *> out;
    out.reserve(d->nodes.size());
    for (const auto &node : d->nodes)
        out.push_back(node.get());
    return out;
}

Endpoint SandboxCluster::seed() const
{
    if (!d->nodes.empty())
        return d->nodes.front()->endpoint();
    // Port 0 rather than the default 6379: a cluster that is not running must not point at
    // whatever server happens to listen there.
    Endpoint none;
    none.port = 0;
    return none;
}

} // namespace cwb
