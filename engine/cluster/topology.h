#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cwb {

enum class NodeRole { Master, Replica };
enum class NodeHealth { Up, Suspected, Failed };

QString nodeRoleName(NodeRole role);
QString nodeHealthName(NodeHealth health); // "up", "suspected", "failed"

struct SlotRange
{
    int first = 0;
    int last = 0;
    int count() const { return last - first + 1; }
    bool operator==(const SlotRange &) const = default;
};

struct NodeMetrics
{
    double opsPerSec = 0;       // from total_commands_processed deltas between two samples
    qint64 usedMemory = 0;      // bytes
    qint64 connectedClients = 0;
    qint64 keys = 0;            // db0 keys
    qint64 replicationOffset = 0;
    qint64 replicationLag = 0;  // bytes behind its master (replicas); 0 on masters
    qint64 totalCommands = 0;   // the counter the rate comes from
    qint64 sampledAtMs = 0;     // monotonic ms of the INFO sample; 0 = never sampled
    qint64 pid = 0;             // process_id from INFO (for sandbox ownership checks)
    bool hasMetrics = false;
};

struct TopologyNode
{
    QString id;        // 40-hex node id (or a simulation name)
    QString host;
    int port = 0;
    NodeRole role = NodeRole::Master;
    QString masterId;  // replicas: the master they follow
    NodeHealth health = NodeHealth::Up;
    std::vector<SlotRange> slotRanges; // masters only
    QStringList flags; // as reported (CLUSTER NODES flags or SHARDS health)
    NodeMetrics metrics;

    QString address() const { return host + QLatin1Char(':') + QString::number(port); }
    int slotCount() const;
    bool isMaster() const { return role == NodeRole::Master; }
};

// A cluster's shape at one moment: the same value whether discovered from a real cluster or
// produced by the simulation.
struct Topology
{
    std::vector<TopologyNode> nodes;
    QString source; // "CLUSTER SHARDS via 127.0.0.1:30001", "simulation"

    const TopologyNode *node(const QString &id) const;
    TopologyNode *node(const QString &id);
    // Masters ordered by their first slot (slot-less masters last, by address).
    std::vector<const TopologyNode *> masters() const;
    std::vector<const TopologyNode *> replicasOf(const QString &masterId) const;
    // The master serving a slot, or nullptr when the slot is unassigned.
    const TopologyNode *slotOwner(int slot) const;
    // Slots no master claims (empty when the cluster covers 0-16383).
    std::vector<SlotRange> uncoveredSlots() const;
    int countRole(NodeRole role) const;
    // The node whose id starts with `prefix` (unique), or whose address equals it.
    const TopologyNode *find(const QString &idPrefixOrAddress) const;
};

// Ops/s for every node in `current` from the command-counter delta since `previous`.
void computeRates(const Topology &previous, Topology &current);
// "0-5460, 10923-16383"
QString slotRangesToText(const std::vector<SlotRange> &ranges);
// The slots of node `index` of `count` when 16384 slots are split evenly in order, as
// `redis-cli --cluster create` does.
SlotRange evenSlotRange(int index, int count);

} // namespace cwb
