#pragma once

#include "redis/endpoint.h"
#include "redis/redisreply.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace cwb {

// Which master serves which of the 16384 slots, as the load engine routes by it. Learned
// from CLUSTER SLOTS before the run and kept current from MOVED redirections and refreshes.
// Also which replicas each slot range has (the entries after the master), for replica reads.
struct ClusterSlotMap
{
    static constexpr uint16_t kUnassigned = 0xffff;
    static constexpr uint16_t kNoReplicas = 0xffff;

    struct Node
    {
        QString host;
        quint16 port = 0;
        QString address() const { return host + QLatin1Char(':') + QString::number(port); }
    };

    std::vector<Node> nodes;            // every node seen; indices are stable once given
    std::vector<uint16_t> owner = std::vector<uint16_t>(16384, kUnassigned);
    // A slot's replicas: an index into replicaSets (one set per CLUSTER SLOTS range), or
    // kNoReplicas. Slot ranges are few, so each slot costs two bytes, not a vector.
    std::vector<uint16_t> replicaSetOf = std::vector<uint16_t>(16384, kNoReplicas);
    std::vector<std::vector<int>> replicaSets; // node indices

    // Index of host:port, added when `add` is true and it is new; -1 when absent.
    int nodeIndex(const QString &host, quint16 port, bool add);
    // Replaces the slot ownership with a CLUSTER SLOTS reply (nodes keep their indices).
    bool applyClusterSlots(const RedisReply &reply, QString *error = nullptr);
    int assignedSlots() const;
    // The masters that own at least one slot.
    std::vector<int> owningNodes() const;
    // The replicas listed for at least one slot, in node order.
    std::vector<int> replicaNodes() const;
    // The replicas of `slot` (empty when it has none).
    const std::vector<int> &replicasOf(int slot) const;

    static std::optional<ClusterSlotMap> fromClusterSlots(const RedisReply &reply, QString *error = nullptr);
};

// The endpoint of a cluster node, with the seed's credentials (clusters have only db 0).
Endpoint clusterNodeEndpoint(const Endpoint &seed, const ClusterSlotMap::Node &node);

} // namespace cwb
