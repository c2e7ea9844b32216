#include "clusterslots.h"

#include <algorithm>

namespace cwb {

int ClusterSlotMap::nodeIndex(const QString &host, quint16 port, bool add)
{
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].port == port && nodes[i].host == host)
            return int(i);
    }
    if (!add)
        return -1;
    nodes.push_back({host, port});
    return int(nodes.size() - 1);
}

bool ClusterSlotMap::applyClusterSlots(const RedisReply &reply, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (reply.type != RedisReply::Type::Array)
        return fail(QStringLiteral("CLUSTER SLOTS did not answer with an array"));
    std::vector<uint16_t> fresh(16384, kUnassigned);
    std::vector<uint16_t> freshReplicaSetOf(16384, kNoReplicas);
    std::vector<std::vector<int>> freshReplicaSets;
    // Each entry: [start, end, [master-ip, master-port, id, ...], [replica...]...]
    for (const RedisReply &range : reply.elements) {
        if (range.type != RedisReply::Type::Array || range.elements.size() < 3)
            return fail(QStringLiteral("CLUSTER SLOTS entry is malformed"));
        const long long start = range.elements[0].integer, end = range.elements[1].integer;
        const RedisReply &master = range.elements[2];
        if (start < 0 || end > 16383 || start > end || master.type != RedisReply::Type::Array
            || master.elements.size() < 2)
            return fail(QStringLiteral("CLUSTER SLOTS entry is malformed"));
        QString host = QString::fromUtf8(master.elements[0].str);
        if (host.isEmpty() || host == QLatin1String("?"))
            continue; // a node that does not know its own address yet: no route
        const long long port = master.elements[1].integer;
        if (port <= 0 || port > 65535)
            return fail(QStringLiteral("CLUSTER SLOTS gives port %1").arg(port));
        const int node = nodeIndex(host, quint16(port), true);
        // Replicas: CLUSTER SLOTS leaves out failed ones; one without a known address (yet)
        // cannot take reads, so it is skipped rather than failing the whole map.
        std::vector<int> replicas;
        for (size_t r = 3; r < range.elements.size(); ++r) {
            const RedisReply &replica = range.elements[r];
            if (replica.type != RedisReply::Type::Array || replica.elements.size() < 2)
                return fail(QStringLiteral("CLUSTER SLOTS replica entry is malformed"));
            const QString replicaHost = QString::fromUtf8(replica.elements[0].str);
            const long long replicaPort = replica.elements[1].integer;
            if (replicaHost.isEmpty() || replicaHost == QLatin1String("?") || replicaPort <= 0 || replicaPort > 65535)
                continue;
            const int replicaNode = nodeIndex(replicaHost, quint16(replicaPort), true);
            if (replicaNode != node && std::find(replicas.begin(), replicas.end(), replicaNode) == replicas.end())
                replicas.push_back(replicaNode);
        }
        uint16_t set = kNoReplicas;
        if (!replicas.empty() && freshReplicaSets.size() < kNoReplicas) {
            set = uint16_t(freshReplicaSets.size());
            freshReplicaSets.push_back(std::move(replicas));
        }
        for (long long s = start; s <= end; ++s) {
            fresh[size_t(s)] = uint16_t(node);
            freshReplicaSetOf[size_t(s)] = set;
        }
    }
    owner.swap(fresh);
    replicaSetOf.swap(freshReplicaSetOf);
    replicaSets.swap(freshReplicaSets);
    return true;
}

int ClusterSlotMap::assignedSlots() const
{
    int n = 0;
    for (uint16_t o : owner)
        n += o != kUnassigned;
    return n;
}

std::vector<int> ClusterSlotMap::owningNodes() const
{
    std::vector<bool> seen(nodes.size(), false);
    for (uint16_t o : owner) {
        if (o != kUnassigned)
            seen[o] = true;
    }
    std::vector<int> result;
    for (size_t i = 0; i < seen.size(); ++i) {
        if (seen[i])
            result.push_back(int(i));
    }
    return result;
}

std::vector<int> ClusterSlotMap::replicaNodes() const
{
    std::vector<bool> seen(nodes.size(), false);
    for (const auto &set : replicaSets) {
        for (int node : set)
            seen[size_t(node)] = true;
    }
    std::vector<int> result;
    for (size_t i = 0; i < seen.size(); ++i) {
        if (seen[i])
            result.push_back(int(i));
    }
    return result;
}

const std::vector<int> &ClusterSlotMap::replicasOf(int slot) const
{
    static const std::vector<int> none;
    const uint16_t set = slot >= 0 && size_t(slot) < replicaSetOf.size() ? replicaSetOf[size_t(slot)] : kNoReplicas;
    return set == kNoReplicas ? none : replicaSets[set];
}

std::optional<ClusterSlotMap> ClusterSlotMap::fromClusterSlots(const RedisReply &reply, QString *error)
{
    ClusterSlotMap map;
    if (!map.applyClusterSlots(reply, error))
        return std::nullopt;
    return map;
}

Endpoint clusterNodeEndpoint(const Endpoint &seed, const ClusterSlotMap::Node &node)
{
    Endpoint e = seed;
    e.transport = Endpoint::Transport::Tcp;
    e.host = node.host;
    e.port = node.port;
    e.database = 0;
    return e;
}

} // namespace cwb
