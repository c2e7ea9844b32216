#pragma once

#include "keyset.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace cwb {

enum class ShardingStrategy {
    Consistent, // hash ring with virtual nodes (Ketama style), optionally multi-probe
    Range,      // sorted key ranges with split points
    Slots,      // 16384 fixed slots, CRC16 with hash tags (Redis Cluster)
    Jump,       // jump consistent hash (reference: ideal movement, no weights, remove-last only)
};

QString strategyName(ShardingStrategy strategy);
std::optional<ShardingStrategy> parseStrategy(const QString &name);

struct ShardNode
{
    QString name;
    double weight = 1.0; // relative capacity; Jump ignores it
};

// One step of a rebalancing plan: a unit of ownership that changes hands.
struct PlanStep
{
    QString from;
    QString to;
    QString what;     // "slots 0-1364", "keys [cwb:user:5, cwb:user:7)", "38 ring arcs", "9120 keys ..."
    qint64 units = 0; // slots, ring arcs (single-probe ring) or keys (multi-probe ring, ranges) in `what`
};

// A contiguous piece of the key space's layout, for drawing: [from, to) in 0..1 of the
// slot space, the ring or the sorted key order, owned by nodes()[owner].
struct OwnershipSegment
{
    double from = 0;
    double to = 0;
    int owner = 0;
};

// Which node owns which key, under one strategy. Node indices refer to nodes(); adding or
// removing a node changes ownership the way the strategy does in real systems, and returns
// the plan of what moves.
class ShardMap
{
public:
    struct Options
    {
        ShardingStrategy strategy = ShardingStrategy::Consistent;
        int vnodesPerNode = 160; // Consistent: ring points per node of weight 1
        // Consistent: multi-probe consistent hashing (Appleton & O'Reilly 2015). Each key is
        // hashed `probes` times and goes to the ring point closest (clockwise) to any of its
        // probes. 1 is the classic ring; more probes even out the uneven arcs of randomly
        // placed points (see docs/PERFORMANCE.md for the measured balance per value).
        static constexpr int kDefaultProbes = 4;
        static constexpr int kMaxProbes = 64;
        int probes = kDefaultProbes;
    };

    // `keys` sets the range split points (quantiles of the key set) and is otherwise unused.
    // nullptr with *error set on bad options (no nodes, vnodes or probes out of range, bad weight).
    static std::unique_ptr<ShardMap> create(const Options &options, const std::vector<ShardNode> &nodes,
                                            const KeySet &keys, QString *error = nullptr);
    virtual ~ShardMap() = default;

    virtual ShardingStrategy strategy() const = 0;
    virtual std::unique_ptr<ShardMap> clone() const = 0;
    const std::vector<ShardNode> &nodes() const { return m_nodes; }
    int nodeIndex(const QString &name) const;

    // owners[i] = index of the node owning key i. A tight loop over precomputed hashes/slots.
    virtual void assign(const KeySet &keys, std::vector<int32_t> &owners) const = 0;
    virtual std::vector<PlanStep> addNode(const ShardNode &node, const KeySet &keys) = 0;
    virtual std::vector<PlanStep> removeNode(int index, const KeySet &keys) = 0;
    virtual std::vector<OwnershipSegment> segments() const = 0;

protected:
    std::vector<ShardNode> m_nodes;
};

// Redis-style slot rebalancing: given each slot's owner (index into weights) and the nodes'
// weights, the moves (contiguous slot ranges) that bring every node to its weighted share,
// taking from the end of over-full nodes' ranges like `redis-cli --cluster rebalance`.
struct SlotMove
{
    int first = 0;
    int last = 0;
    int from = 0;
    int to = 0;
};
std::vector<SlotMove> planSlotRebalance(const std::vector<int32_t> &slotOwners, const std::vector<double> &weights);
// Slot ranges "0-5460, 10923" from a sorted slot list.
QString slotRangesText(const std::vector<int> &slotList);

} // namespace cwb
