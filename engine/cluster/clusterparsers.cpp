#include "clusterparsers.h"

#include "keyslot.h"

#include <algorithm>

namespace cwb {

namespace {

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

// RESP2 renders maps as flat [key, value, key, value ...] arrays.
const RedisReply *field(const RedisReply &map, QByteArrayView name)
{
    if (map.type != RedisReply::Type::Array)
        return nullptr;
    for (size_t i = 0; i + 1 < map.elements.size(); i += 2) {
        const RedisReply &key = map.elements[i];
        if ((key.type == RedisReply::Type::String || key.type == RedisReply::Type::Status) && key.str == name)
            return &map.elements[i + 1];
    }
    return nullptr;
}

QString text(const RedisReply *value)
{
    if (!value)
        return {};
    if (value->type == RedisReply::Type::Integer)
        return QString::number(value->integer);
    return QString::fromUtf8(value->str);
}

qint64 integer(const RedisReply *value)
{
    if (!value)
        return 0;
    if (value->type == RedisReply::Type::Integer)
        return value->integer;
    return value->str.toLongLong();
}

bool validSlot(qint64 s)
{
    return s >= 0 && s < kClusterSlots;
}

void sortNodes(Topology &topology)
{
    std::stable_sort(topology.nodes.begin(), topology.nodes.end(), [](const TopologyNode &a, const TopologyNode &b) {
        if (a.role != b.role)
            return a.role == NodeRole::Master;
        return a.address() < b.address();
    });
}

} // namespace

std::optional<Topology> parseClusterShards(const RedisReply &reply, QString *error)
{
    if (reply.type == RedisReply::Type::Error) {
        fail(error, QStringLiteral("CLUSTER SHARDS: ") + QString::fromUtf8(reply.str));
        return std::nullopt;
    }
    if (reply.type != RedisReply::Type::Array) {
        fail(error, QStringLiteral("CLUSTER SHARDS: expected an array of shards"));
        return std::nullopt;
    }
    Topology topology;
    topology.source = QStringLiteral("CLUSTER SHARDS");
    for (size_t s = 0; s < reply.elements.size(); ++s) {
        const RedisReply &shard = reply.elements[s];
        const RedisReply *slotList = field(shard, "slots");
        const RedisReply *nodes = field(shard, "nodes");
        if (!slotList || !nodes || slotList->type != RedisReply::Type::Array || nodes->type != RedisReply::Type::Array) {
            fail(error, QStringLiteral("CLUSTER SHARDS: shard %1 lacks its slots or nodes").arg(s + 1));
            return std::nullopt;
        }
        std::vector<SlotRange> ranges;
        if (slotList->elements.size() % 2 != 0) {
            fail(error, QStringLiteral("CLUSTER SHARDS: shard %1 has an odd slot list").arg(s + 1));
            return std::nullopt;
        }
        for (size_t i = 0; i + 1 < slotList->elements.size(); i += 2) {
            const qint64 first = integer(&slotList->elements[i]);
            const qint64 last = integer(&slotList->elements[i + 1]);
            if (!validSlot(first) || !validSlot(last) || last < first) {
                fail(error, QStringLiteral("CLUSTER SHARDS: shard %1 has a bad slot range %2-%3").arg(s + 1).arg(first).arg(last));
                return std::nullopt;
            }
            ranges.push_back({int(first), int(last)});
        }
        std::vector<TopologyNode> members;
        for (size_t n = 0; n < nodes->elements.size(); ++n) {
            const RedisReply &entry = nodes->elements[n];
            TopologyNode node;
            node.id = text(field(entry, "id"));
            if (node.id.isEmpty()) {
                fail(error, QStringLiteral("CLUSTER SHARDS: shard %1 node %2 has no id").arg(s + 1).arg(n + 1));
                return std::nullopt;
            }
            node.host = text(field(entry, "ip"));
            if (node.host.isEmpty())
                node.host = text(field(entry, "endpoint"));
            const qint64 port = field(entry, "port") ? integer(field(entry, "port")) : integer(field(entry, "tls-port"));
            if (port < 0 || port > 65535) {
                fail(error, QStringLiteral("CLUSTER SHARDS: node %1 has a bad port %2").arg(node.id).arg(port));
                return std::nullopt;
            }
            node.port = int(port);
            const QString role = text(field(entry, "role"));
            node.role = role == QLatin1String("master") ? NodeRole::Master : NodeRole::Replica;
            const QString health = text(field(entry, "health"));
            node.health = health == QLatin1String("failed") ? NodeHealth::Failed : NodeHealth::Up;
            node.flags << role << health;
            node.metrics.replicationOffset = integer(field(entry, "replication-offset"));
            members.push_back(node);
        }
        // The shard's serving master: a healthy master first (a failed former master can
        // still be listed as a master of the shard until it rejoins).
        const TopologyNode *primary = nullptr;
        for (const TopologyNode &m : members) {
            if (m.isMaster() && (!primary || (primary->health == NodeHealth::Failed && m.health != NodeHealth::Failed)))
                primary = &m;
        }
        const QString primaryId = primary ? primary->id : QString();
        for (TopologyNode &m : members) {
            if (m.id == primaryId)
                m.slotRanges = ranges;
            else if (!m.isMaster())
                m.masterId = primaryId;
            topology.nodes.push_back(m);
        }
    }
    sortNodes(topology);
    return topology;
}

std::optional<Topology> parseClusterNodes(QByteArrayView text, QString *error)
{
    Topology topology;
    topology.source = QStringLiteral("CLUSTER NODES");
    int lineNumber = 0;
    for (const QByteArrayView raw : QByteArray::fromRawData(text.data(), text.size()).split('\n')) {
        ++lineNumber;
        const QByteArray line = raw.trimmed().toByteArray();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 8) {
            fail(error, QStringLiteral("CLUSTER NODES line %1: expected at least 8 fields, got %2").arg(lineNumber).arg(fields.size()));
            return std::nullopt;
        }
        TopologyNode node;
        node.id = QString::fromUtf8(fields[0]);
        if (node.id.isEmpty()) {
            fail(error, QStringLiteral("CLUSTER NODES line %1: empty node id").arg(lineNumber));
            return std::nullopt;
        }
        // ip:port@cport[,hostname]; the ip may be IPv6, so the port follows the last ':'.
        QByteArray address = fields[1];
        address = address.left(address.indexOf(',') < 0 ? address.size() : address.indexOf(','));
        address = address.left(address.indexOf('@') < 0 ? address.size() : address.indexOf('@'));
        const qsizetype colon = address.lastIndexOf(':');
        bool portOk = false;
        const int port = colon < 0 ? -1 : address.mid(colon + 1).toInt(&portOk);
        if (!portOk || port < 0 || port > 65535) {
            fail(error, QStringLiteral("CLUSTER NODES line %1: bad address '%2'").arg(lineNumber).arg(QString::fromUtf8(fields[1])));
            return std::nullopt;
        }
        node.host = QString::fromUtf8(address.left(colon));
        node.port = port;
        for (const QByteArray &flag : fields[2].split(','))
            node.flags << QString::fromUtf8(flag);
        if (node.flags.contains(QStringLiteral("master")))
            node.role = NodeRole::Master;
        else if (node.flags.contains(QStringLiteral("slave")) || node.flags.contains(QStringLiteral("replica")))
            node.role = NodeRole::Replica;
        else
            node.role = fields[3] == "-" ? NodeRole::Master : NodeRole::Replica;
        if (node.flags.contains(QStringLiteral("fail")))
            node.health = NodeHealth::Failed;
        else if (node.flags.contains(QStringLiteral("fail?")))
            node.health = NodeHealth::Suspected;
        if (node.role == NodeRole::Replica && fields[3] != "-")
            node.masterId = QString::fromUtf8(fields[3]);
        for (qsizetype i = 8; i < fields.size(); ++i) {
            const QByteArray &slot = fields[i];
            if (slot.isEmpty() || slot.startsWith('['))
                continue; // migrating/importing marker: the owner is still listed elsewhere
            const qsizetype dash = slot.indexOf('-');
            bool okFirst = false;
            bool okLast = false;
            const int first = (dash < 0 ? slot : slot.left(dash)).toInt(&okFirst);
            const int last = dash < 0 ? first : slot.mid(dash + 1).toInt(&okLast);
            if (dash < 0)
                okLast = okFirst;
            if (!okFirst || !okLast || !validSlot(first) || !validSlot(last) || last < first) {
                fail(error, QStringLiteral("CLUSTER NODES line %1: bad slot range '%2'").arg(lineNumber).arg(QString::fromUtf8(slot)));
                return std::nullopt;
            }
            node.slotRanges.push_back({first, last});
        }
        std::sort(node.slotRanges.begin(), node.slotRanges.end(), [](const SlotRange &a, const SlotRange &b) { return a.first < b.first; });
        topology.nodes.push_back(node);
    }
    if (topology.nodes.empty()) {
        fail(error, QStringLiteral("CLUSTER NODES: no nodes listed"));
        return std::nullopt;
    }
    sortNodes(topology);
    return topology;
}

} // namespace cwb
