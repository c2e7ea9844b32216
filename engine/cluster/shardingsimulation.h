#pragma once

#include "keyset.h"
#include "shardmap.h"
#include "topology.h"

#include <nlohmann/json_fwd.hpp>

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace cwb {

struct NodeShare
{
    QString name;
    qint64 keys = 0;
    double keyShare = 0;  // fraction of all keys
    double bytes = 0;     // estimated memory of its keys
    double loadShare = 0; // fraction of the traffic (key weights)
    // The Redis Cluster hash slots this node holds: its own under the slots strategy; under the
    // others the even split `redis-cli --cluster create` would give the same nodes, so a ring
    // can be read side by side with the cluster it would replace.
    std::vector<SlotRange> redisSlots;
    int redisSlotCount() const;
};

struct DistributionStats
{
    std::vector<NodeShare> nodes;
    qint64 totalKeys = 0;
    double totalBytes = 0;
    double meanKeys = 0;
    double maxOverMean = 0;     // the busiest node's keys over the mean: 1.0 is perfect
    double minOverMean = 0;
    double stddevKeys = 0;      // population standard deviation of keys per node
    double relativeStddev = 0;  // stddevKeys / meanKeys
    double maxLoadOverMean = 0; // the same for traffic: shows hot shards under Zipfian access
};

// Per-node key share, memory and traffic for an assignment (owners[i] indexes nodes).
DistributionStats computeDistribution(const std::vector<ShardNode> &nodes, const KeySet &keys,
                                      const std::vector<int32_t> &owners);

struct Transfer
{
    QString from;
    QString to;
    qint64 keys = 0;
    double bytes = 0;
};

// What one membership change moved.
struct MovementReport
{
    QString change;              // "add node-11", "remove node-3"
    qint64 movedKeys = 0;
    double movedFraction = 0;    // moved / all keys
    double idealFraction = 0;    // the least any scheme must move: 1/(N+1) on add, the removed node's share on remove
    double ratioToIdeal = 0;     // movedFraction / idealFraction
    double movedBytes = 0;
    std::vector<Transfer> transfers; // keys per (from, to), largest first
    std::vector<PlanStep> plan;      // the strategy's rebalancing plan
    std::vector<uint32_t> movedKeyIndices; // which keys move (indices into the key set)
};

// Compares two assignments of the same key set; nodes are matched by name.
MovementReport compareAssignments(const std::vector<ShardNode> &nodesBefore, const std::vector<int32_t> &before,
                                  const std::vector<ShardNode> &nodesAfter, const std::vector<int32_t> &after,
                                  const KeySet &keys);

// A sharding what-if: a key set, a strategy over N nodes, and membership changes with their
// cost. Pure computation: the CLI, the GUI and the tests drive the same object.
class ShardingSimulation
{
public:
    struct Options
    {
        ShardMap::Options map;
        int nodes = 10;
        QString nodePrefix = QStringLiteral("node-"); // nodes are node-1 ... node-N
    };

    ShardingSimulation();
    ~ShardingSimulation();
    ShardingSimulation(ShardingSimulation &&) noexcept;
    ShardingSimulation &operator=(ShardingSimulation &&) noexcept;

    // Builds the map and assigns every key. False with *error naming the bad option.
    bool reset(const Options &options, KeySet keys, QString *error = nullptr);
    bool isValid() const { return m_map != nullptr; }

    const Options &options() const { return m_options; }
    const KeySet &keys() const { return m_keys; }
    const ShardMap &map() const { return *m_map; }
    const std::vector<ShardNode> &nodes() const { return m_map->nodes(); }
    const std::vector<int32_t> &owners() const { return m_owners; }
    const DistributionStats &stats() const { return m_stats; }
    // How long the last full assignment of the key set took.
    qint64 lastAssignNs() const { return m_assignNs; }

    // Adds a node (default name: the next free "node-K") and reassigns; the report says
    // what moved. nullopt with *error on a bad name.
    std::optional<MovementReport> addNode(std::optional<ShardNode> node = std::nullopt, QString *error = nullptr);
    std::optional<MovementReport> removeNode(const QString &name, QString *error = nullptr);
    const std::optional<MovementReport> &lastMovement() const { return m_lastMovement; }

private:
    void reassign();
    void assignRedisSlots();
    QString nextNodeName() const;

    Options m_options;
    KeySet m_keys;
    std::unique_ptr<ShardMap> m_map;
    std::vector<int32_t> m_owners;
    DistributionStats m_stats;
    qint64 m_assignNs = 0;
    std::optional<MovementReport> m_lastMovement;
};

// Machine-readable forms for the CLI's --json.
nlohmann::json distributionToJson(const DistributionStats &stats);
nlohmann::json movementToJson(const MovementReport &report, int maxKeys = 20, const KeySet *keys = nullptr);

} // namespace cwb
