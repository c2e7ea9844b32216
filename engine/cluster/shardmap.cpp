#include "shardmap.h"

#include "hash64.h"
#include "keyslot.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace cwb {

namespace {

constexpr int kMaxNodes = 1024;
constexpr int kMaxVnodes = 10000;

// Largest-remainder apportionment of `total` units over weights; zero weight gets nothing.
std::vector<qint64> apportion(qint64 total, const std::vector<double> &weights)
{
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<qint64> out(weights.size(), 0);
    if (sum <= 0)
        return out;
    std::vector<std::pair<double, size_t>> remainders;
    qint64 given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const double exact = double(total) * weights[i] / sum;
        out[i] = qint64(std::floor(exact));
        given += out[i];
        remainders.emplace_back(exact - double(out[i]), i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t k = 0; given < total && k < remainders.size(); ++k, ++given)
        ++out[remainders[k].second];
    return out;
}

QString percent(double fraction)
{
    return QString::number(fraction * 100, 'f', 1) + QStringLiteral(" %");
}

// ---------------------------------------------------------------- consistent hashing

class ConsistentMap final : public ShardMap
{
public:
    ConsistentMap(int vnodes, int probes) : m_vnodes(vnodes), m_probes(probes) {}

    ShardingStrategy strategy() const override { return ShardingStrategy::Consistent; }
    std::unique_ptr<ShardMap> clone() const override { return std::make_unique<ConsistentMap>(*this); }

    void rebuild()
    {
        std::vector<std::pair<uint64_t, int32_t>> points;
        for (size_t n = 0; n < m_nodes.size(); ++n) {
            const QByteArray base = m_nodes[n].name.toUtf8() + '#';
            const int count = std::max(1, int(std::lround(m_vnodes * m_nodes[n].weight)));
            for (int v = 0; v < count; ++v)
                points.emplace_back(hash64(QByteArray(base + QByteArray::number(v))), int32_t(n));
        }
        // Ties (astronomically rare) break by node name, so the ring does not depend on order.
        std::sort(points.begin(), points.end(), [this](const auto &a, const auto &b) {
            return a.first != b.first ? a.first < b.first : m_nodes[size_t(a.second)].name < m_nodes[size_t(b.second)].name;
        });
        m_points.resize(points.size());
        m_owners.resize(points.size());
        for (size_t i = 0; i < points.size(); ++i) {
            m_points[i] = points[i].first;
            m_owners[i] = points[i].second;
        }
        buildTable();
    }

    // A lookup table over the top bits of the ring: entry b is the first point at or after
    // b << m_shift. With about 4 buckets per point a successor search is one table read and a
    // scan of usually zero or one points, instead of ~11 dependent, mispredicted comparisons
    // of a binary search; that is what makes several probes per key affordable.
    void buildTable()
    {
        int bits = 1;
        while (bits < kMaxTableBits && (size_t(1) << bits) < 4 * m_points.size())
            ++bits;
        m_shift = 64 - bits;
        const size_t buckets = size_t(1) << bits;
        m_table.assign(buckets + 1, 0);
        size_t i = 0;
        for (size_t b = 0; b < buckets; ++b) {
            const uint64_t start = uint64_t(b) << m_shift;
            while (i < m_points.size() && m_points[i] < start)
                ++i;
            m_table[b] = uint32_t(i);
        }
        m_table[buckets] = uint32_t(m_points.size());
    }

    // Index of the first ring point at or after h, wrapping around past the last point.
    size_t successor(uint64_t h) const
    {
        const size_t bucket = size_t(h >> m_shift);
        size_t i = m_table[bucket];
        const size_t end = m_table[bucket + 1];
        if (end - i > 8) {
            i = size_t(std::lower_bound(m_points.begin() + std::ptrdiff_t(i), m_points.begin() + std::ptrdiff_t(end), h)
                       - m_points.begin());
        } else {
            while (i < end && m_points[i] < h)
                ++i;
        }
        return i == m_points.size() ? 0 : i;
    }

    // Probe 0 is the key's own hash, so probes == 1 is exactly the classic ring; the other
    // probes are independent remixes of it (fmix64 of the hash plus a Weyl-sequence offset).
    static uint64_t probe(uint64_t h, int p)
    {
        return p == 0 ? h : mix64(h + uint64_t(p) * 0x9e3779b97f4a7c15ULL);
    }

    // The ring point that owns hash h: of the successors of all probes, the one with the
    // smallest clockwise distance from its probe (unsigned subtraction wraps around the ring).
    // Earlier probes win exact ties, so the choice is deterministic.
    size_t pointOf(uint64_t h) const
    {
        size_t best = successor(h);
        uint64_t bestDistance = m_points[best] - h;
        for (int p = 1; p < m_probes; ++p) {
            const uint64_t q = probe(h, p);
            const size_t i = successor(q);
            const uint64_t distance = m_points[i] - q;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    int32_t ownerOf(uint64_t h) const { return m_owners[pointOf(h)]; }

    // The arc (previous point, point i] as a fraction of the ring.
    double arc(size_t i) const
    {
        const uint64_t prev = m_points[i == 0 ? m_points.size() - 1 : i - 1];
        return double(m_points[i] - prev) / kRing; // unsigned wrap is the arc
    }

    void assign(const KeySet &keys, std::vector<int32_t> &owners) const override
    {
        const std::vector<uint64_t> &hashes = keys.hashes();
        owners.resize(hashes.size());
        for (size_t k = 0; k < hashes.size(); ++k)
            owners[k] = ownerOf(hashes[k]);
    }

    // A single-probe ring moves whole arcs: the plan lists them exactly. With several probes
    // an arc is no longer a unit of ownership (a key in the new node's arc stays put when
    // another of its probes is closer to some other point), so the plan counts the keys that
    // actually change hands, by (from, to) pair, from assigning the key set before and after.
    std::vector<PlanStep> addNode(const ShardNode &node, const KeySet &keys) override
    {
        const ConsistentMap before = *this;
        m_nodes.push_back(node);
        rebuild();
        const int32_t added = int32_t(m_nodes.size() - 1);
        std::vector<PlanStep> plan;
        if (m_probes > 1) {
            for (const auto &[pair, count] : movedKeys(before, keys)) {
                plan.push_back({m_nodes[size_t(pair.first)].name, node.name,
                                QStringLiteral("%1 keys (%2 of all): their closest probe now hits a ring point of %3")
                                    .arg(count)
                                    .arg(percent(double(count) / double(keys.size())), node.name),
                                count});
            }
            return plan;
        }
        std::map<int32_t, std::pair<qint64, double>> arcs; // previous owner -> arcs, ring share
        for (size_t i = 0; i < m_points.size(); ++i) {
            if (m_owners[i] != added)
                continue;
            auto &entry = arcs[before.ownerOf(m_points[i])];
            ++entry.first;
            entry.second += arc(i);
        }
        for (const auto &[from, entry] : arcs) {
            plan.push_back({m_nodes[size_t(from)].name, node.name,
                            QStringLiteral("%1 ring arcs (%2 of the ring)").arg(entry.first).arg(percent(entry.second)),
                            entry.first});
        }
        return plan;
    }

    std::vector<PlanStep> removeNode(int index, const KeySet &keys) override
    {
        const ConsistentMap before = *this;
        const QString removed = m_nodes[size_t(index)].name;
        m_nodes.erase(m_nodes.begin() + index);
        rebuild();
        std::vector<PlanStep> plan;
        if (m_probes > 1) {
            for (const auto &[pair, count] : movedKeys(before, keys)) {
                const QString to = m_nodes[size_t(pair.second)].name;
                plan.push_back({removed, to,
                                QStringLiteral("%1 keys (%2 of all): their closest probe now hits a ring point of %3")
                                    .arg(count)
                                    .arg(percent(double(count) / double(keys.size())), to),
                                count});
            }
            return plan;
        }
        std::map<int32_t, std::pair<qint64, double>> arcs; // new owner -> arcs, ring share
        for (size_t i = 0; i < before.m_points.size(); ++i) {
            if (before.m_owners[i] != index)
                continue;
            auto &entry = arcs[ownerOf(before.m_points[i])];
            ++entry.first;
            entry.second += before.arc(i);
        }
        for (const auto &[to, entry] : arcs) {
            plan.push_back({removed, m_nodes[size_t(to)].name,
                            QStringLiteral("%1 ring arcs (%2 of the ring)").arg(entry.first).arg(percent(entry.second)),
                            entry.first});
        }
        return plan;
    }

    std::vector<OwnershipSegment> segments() const override
    {
        std::vector<OwnershipSegment> out;
        if (m_points.empty())
            return out;
        if (m_probes > 1) {
            // Under multi-probe the owner of a ring position is not the owner of the next
            // point (the key's other probes decide), and the true ownership map is scattered.
            // So the ring is sampled finely with the same rule: each of kSamples equal slices
            // is drawn in the owner of a key hashing to its middle.
            for (uint64_t s = 0; s < kSamples; ++s) {
                const uint64_t h = (s << (64 - kSampleBits)) + (uint64_t(1) << (63 - kSampleBits));
                const int owner = ownerOf(h);
                const double from = double(s) / double(kSamples);
                const double to = double(s + 1) / double(kSamples);
                if (!out.empty() && out.back().owner == owner)
                    out.back().to = to;
                else
                    out.push_back({from, to, owner});
            }
            return out;
        }
        // The wrap-around arc (last point, 2^64) belongs to the first point's node.
        double start = 0;
        for (size_t i = 0; i < m_points.size(); ++i) {
            const double end = double(m_points[i]) / kRing;
            if (!out.empty() && out.back().owner == m_owners[i])
                out.back().to = end;
            else
                out.push_back({start, end, m_owners[i]});
            start = end;
        }
        if (out.back().owner == m_owners[0])
            out.back().to = 1.0;
        else
            out.push_back({start, 1.0, m_owners[0]});
        return out;
    }

private:
    static constexpr double kRing = 18446744073709551616.0; // 2^64
    static constexpr int kMaxTableBits = 22;                 // 16 MiB of table at most
    static constexpr int kSampleBits = 13;
    static constexpr uint64_t kSamples = uint64_t(1) << kSampleBits;

    // Keys that change owner between `before` and this map, counted by (from, to) node index
    // (from indexes before's nodes, to indexes this map's nodes).
    std::map<std::pair<int32_t, int32_t>, qint64> movedKeys(const ConsistentMap &before, const KeySet &keys) const
    {
        std::vector<int32_t> was;
        std::vector<int32_t> now;
        before.assign(keys, was);
        assign(keys, now);
        std::map<std::pair<int32_t, int32_t>, qint64> moved;
        for (size_t k = 0; k < now.size(); ++k) {
            if (before.m_nodes[size_t(was[k])].name != m_nodes[size_t(now[k])].name)
                ++moved[{was[k], now[k]}];
        }
        return moved;
    }

    int m_vnodes;
    int m_probes;
    int m_shift = 63;
    std::vector<uint64_t> m_points;
    std::vector<int32_t> m_owners;
    std::vector<uint32_t> m_table; // buckets + 1 entries; see buildTable()
};

// ---------------------------------------------------------------- fixed slots

class SlotMap final : public ShardMap
{
public:
    SlotMap() : m_slotOwners(kClusterSlots, 0) {}

    ShardingStrategy strategy() const override { return ShardingStrategy::Slots; }
    std::unique_ptr<ShardMap> clone() const override { return std::make_unique<SlotMap>(*this); }

    // Contiguous blocks in node order, sized by weight, as `redis-cli --cluster create` does.
    void layOut()
    {
        std::vector<double> weights;
        for (const ShardNode &node : m_nodes)
            weights.push_back(node.weight);
        const std::vector<qint64> counts = apportion(kClusterSlots, weights);
        int slot = 0;
        for (size_t n = 0; n < counts.size(); ++n) {
            for (qint64 c = 0; c < counts[n]; ++c)
                m_slotOwners[size_t(slot++)] = int32_t(n);
        }
    }

    void assign(const KeySet &keys, std::vector<int32_t> &owners) const override
    {
        const std::vector<uint16_t> &keySlots = keys.keySlots();
        owners.resize(keySlots.size());
        for (size_t k = 0; k < keySlots.size(); ++k)
            owners[k] = m_slotOwners[keySlots[k]];
    }

    std::vector<PlanStep> applyPlan(const std::vector<double> &weights, const QString &removedName, int removedIndex)
    {
        std::vector<PlanStep> plan;
        for (const SlotMove &move : planSlotRebalance(m_slotOwners, weights)) {
            for (int s = move.first; s <= move.last; ++s)
                m_slotOwners[size_t(s)] = int32_t(move.to);
            const QString what = move.first == move.last
                                     ? QStringLiteral("slot %1").arg(move.first)
                                     : QStringLiteral("slots %1-%2").arg(move.first).arg(move.last);
            const QString from = move.from == removedIndex ? removedName : m_nodes[size_t(move.from)].name;
            plan.push_back({from, m_nodes[size_t(move.to)].name, what, move.last - move.first + 1});
        }
        return plan;
    }

    std::vector<PlanStep> addNode(const ShardNode &node, const KeySet &) override
    {
        m_nodes.push_back(node);
        std::vector<double> weights;
        for (const ShardNode &n : m_nodes)
            weights.push_back(n.weight);
        return applyPlan(weights, {}, -1);
    }

    std::vector<PlanStep> removeNode(int index, const KeySet &) override
    {
        std::vector<double> weights;
        for (const ShardNode &n : m_nodes)
            weights.push_back(n.weight);
        weights[size_t(index)] = 0; // gives every slot away
        std::vector<PlanStep> plan = applyPlan(weights, m_nodes[size_t(index)].name, index);
        m_nodes.erase(m_nodes.begin() + index);
        for (int32_t &owner : m_slotOwners) {
            if (owner > index)
                --owner;
        }
        return plan;
    }

    std::vector<OwnershipSegment> segments() const override
    {
        std::vector<OwnershipSegment> out;
        for (int s = 0; s < kClusterSlots; ++s) {
            const double from = double(s) / kClusterSlots;
            const double to = double(s + 1) / kClusterSlots;
            if (!out.empty() && out.back().owner == m_slotOwners[size_t(s)])
                out.back().to = to;
            else
                out.push_back({from, to, m_slotOwners[size_t(s)]});
        }
        return out;
    }

private:
    std::vector<int32_t> m_slotOwners;
};

// ---------------------------------------------------------------- key ranges

class RangeMap final : public ShardMap
{
public:
    ShardingStrategy strategy() const override { return ShardingStrategy::Range; }
    std::unique_ptr<ShardMap> clone() const override { return std::make_unique<RangeMap>(*this); }

    // Split points at the weighted quantiles of the sorted key set: range r starts at the
    // key at position sum(w_0..w_{r-1}) / W * n.
    void layOut(const KeySet &keys)
    {
        const std::vector<uint32_t> &sorted = keys.sortedOrder();
        const qint64 n = keys.size();
        double total = 0;
        for (const ShardNode &node : m_nodes)
            total += node.weight;
        m_splits.clear();
        m_rangeOwners.clear();
        double cumulative = 0;
        for (size_t r = 0; r < m_nodes.size(); ++r) {
            if (r > 0) {
                const qint64 pos = std::clamp<qint64>(qint64(std::llround(cumulative / total * double(n))), 0, n - 1);
                m_splits.push_back(keys.key(sorted[size_t(pos)]).toByteArray());
            }
            cumulative += m_nodes[r].weight;
            m_rangeOwners.push_back(int32_t(r));
        }
        measure(keys);
    }

    int rangeOf(QByteArrayView key) const
    {
        return int(std::upper_bound(m_splits.begin(), m_splits.end(), key,
                                    [](QByteArrayView k, const QByteArray &split) { return k < QByteArrayView(split); })
                   - m_splits.begin());
    }

    void assign(const KeySet &keys, std::vector<int32_t> &owners) const override
    {
        owners.resize(size_t(keys.size()));
        for (qint64 k = 0; k < keys.size(); ++k)
            owners[size_t(k)] = m_rangeOwners[size_t(rangeOf(keys.key(k)))];
    }

    // Positions [lo, hi) of range r in the sorted key order.
    std::pair<qint64, qint64> bounds(const KeySet &keys, int r) const
    {
        const std::vector<uint32_t> &sorted = keys.sortedOrder();
        auto position = [&](int split) -> qint64 {
            const QByteArrayView at(m_splits[size_t(split)]);
            return std::lower_bound(sorted.begin(), sorted.end(), at,
                                    [&keys](uint32_t i, QByteArrayView v) { return keys.key(i) < v; })
                   - sorted.begin();
        };
        const qint64 lo = r == 0 ? 0 : position(r - 1);
        const qint64 hi = r == int(m_splits.size()) ? keys.size() : position(r);
        return {lo, hi};
    }

    QString rangeText(int r) const
    {
        const QString lo = r == 0 ? QStringLiteral("start") : QString::fromUtf8(m_splits[size_t(r - 1)]);
        const QString hi = r == int(m_splits.size()) ? QStringLiteral("end") : QString::fromUtf8(m_splits[size_t(r)]);
        return QStringLiteral("keys [%1, %2)").arg(lo, hi);
    }

    void measure(const KeySet &keys)
    {
        m_fractions.assign(m_rangeOwners.size(), 0.0);
        const qint64 n = keys.size();
        for (int r = 0; r < int(m_rangeOwners.size()); ++r) {
            const auto [lo, hi] = bounds(keys, r);
            m_fractions[size_t(r)] = n > 0 ? double(hi - lo) / double(n) : 1.0 / double(m_rangeOwners.size());
        }
    }

    // Splits the range holding the most keys at its median key; the new node takes the
    // upper half (what HBase/Bigtable-style systems do: a split moves one half of one range).
    std::vector<PlanStep> addNode(const ShardNode &node, const KeySet &keys) override
    {
        m_nodes.push_back(node);
        const int32_t added = int32_t(m_nodes.size() - 1);
        int best = 0;
        qint64 bestCount = -1;
        for (int r = 0; r < int(m_rangeOwners.size()); ++r) {
            const auto [lo, hi] = bounds(keys, r);
            if (hi - lo > bestCount) {
                best = r;
                bestCount = hi - lo;
            }
        }
        const auto [lo, hi] = bounds(keys, best);
        std::vector<PlanStep> plan;
        if (hi - lo < 2) {
            // Nothing to split: the new node gets an empty range at the end of the key space.
            m_splits.push_back(m_splits.empty() ? QByteArray("\xff") : m_splits.back() + '\xff');
            m_rangeOwners.push_back(added);
        } else {
            const qint64 mid = lo + (hi - lo) / 2;
            const QByteArray split = keys.key(keys.sortedOrder()[size_t(mid)]).toByteArray();
            const QString from = m_nodes[size_t(m_rangeOwners[size_t(best)])].name;
            m_splits.insert(m_splits.begin() + best, split);
            m_rangeOwners.insert(m_rangeOwners.begin() + best + 1, added);
            plan.push_back({from, node.name, rangeText(best + 1), hi - mid});
        }
        measure(keys);
        return plan;
    }

    // The node's range merges into its lower neighbour (the upper one for the first range).
    std::vector<PlanStep> removeNode(int index, const KeySet &keys) override
    {
        const int r = int(std::find(m_rangeOwners.begin(), m_rangeOwners.end(), index) - m_rangeOwners.begin());
        const auto [lo, hi] = bounds(keys, r);
        const QString what = rangeText(r);
        const QString removed = m_nodes[size_t(index)].name;
        int32_t receiver = 0;
        if (r > 0) {
            receiver = m_rangeOwners[size_t(r - 1)];
            m_splits.erase(m_splits.begin() + (r - 1));
        } else {
            receiver = m_rangeOwners[1];
            m_splits.erase(m_splits.begin());
        }
        m_rangeOwners.erase(m_rangeOwners.begin() + r);
        const QString to = m_nodes[size_t(receiver)].name;
        m_nodes.erase(m_nodes.begin() + index);
        for (int32_t &owner : m_rangeOwners) {
            if (owner > index)
                --owner;
        }
        measure(keys);
        return {{removed, to, what, hi - lo}};
    }

    std::vector<OwnershipSegment> segments() const override
    {
        std::vector<OwnershipSegment> out;
        double start = 0;
        for (size_t r = 0; r < m_rangeOwners.size(); ++r) {
            const double end = r + 1 == m_rangeOwners.size() ? 1.0 : start + m_fractions[r];
            out.push_back({start, end, m_rangeOwners[r]});
            start = end;
        }
        return out;
    }

    const std::vector<QByteArray> &splits() const { return m_splits; }

private:
    std::vector<QByteArray> m_splits;    // range r is [m_splits[r-1], m_splits[r])
    std::vector<int32_t> m_rangeOwners;  // node index per range, in key order
    std::vector<double> m_fractions;     // share of the key set per range, for drawing
};

// ---------------------------------------------------------------- jump hash

class JumpMap final : public ShardMap
{
public:
    ShardingStrategy strategy() const override { return ShardingStrategy::Jump; }
    std::unique_ptr<ShardMap> clone() const override { return std::make_unique<JumpMap>(*this); }

    void assign(const KeySet &keys, std::vector<int32_t> &owners) const override
    {
        const std::vector<uint64_t> &hashes = keys.hashes();
        owners.resize(hashes.size());
        const int32_t buckets = int32_t(m_nodes.size());
        for (size_t k = 0; k < hashes.size(); ++k)
            owners[k] = jumpConsistentHash(hashes[k], buckets);
    }

    std::vector<PlanStep> addNode(const ShardNode &node, const KeySet &) override
    {
        m_nodes.push_back(node);
        std::vector<PlanStep> plan;
        const int n = int(m_nodes.size());
        for (int i = 0; i + 1 < n; ++i)
            plan.push_back({m_nodes[size_t(i)].name, node.name, QStringLiteral("1/%1 of its keys").arg(n), 0});
        return plan;
    }

    // Jump hash numbers its buckets 0..n-1: removing any but the last renumbers the ones after
    // it, which moves far more than the removed node's keys. The plan says so.
    std::vector<PlanStep> removeNode(int index, const KeySet &) override
    {
        const QString removed = m_nodes[size_t(index)].name;
        const bool last = index + 1 == int(m_nodes.size());
        m_nodes.erase(m_nodes.begin() + index);
        std::vector<PlanStep> plan;
        for (const ShardNode &n : m_nodes) {
            plan.push_back({removed, n.name,
                            last ? QStringLiteral("its keys, spread evenly")
                                 : QStringLiteral("its keys; later buckets are renumbered and reshuffle too"),
                            0});
        }
        return plan;
    }

    std::vector<OwnershipSegment> segments() const override
    {
        // Jump hash has no contiguous layout; each bucket owns 1/n of the hash space.
        std::vector<OwnershipSegment> out;
        const double n = double(m_nodes.size());
        for (size_t i = 0; i < m_nodes.size(); ++i)
            out.push_back({double(i) / n, double(i + 1) / n, int(i)});
        return out;
    }
};

} // namespace

QString strategyName(ShardingStrategy strategy)
{
    switch (strategy) {
    case ShardingStrategy::Consistent: return QStringLiteral("consistent");
    case ShardingStrategy::Range: return QStringLiteral("range");
    case ShardingStrategy::Slots: return QStringLiteral("slots");
    case ShardingStrategy::Jump: return QStringLiteral("jump");
    }
    return {};
}

std::optional<ShardingStrategy> parseStrategy(const QString &name)
{
    for (ShardingStrategy s : {ShardingStrategy::Consistent, ShardingStrategy::Range, ShardingStrategy::Slots,
                               ShardingStrategy::Jump}) {
        if (strategyName(s) == name)
            return s;
    }
    return std::nullopt;
}

int ShardMap::nodeIndex(const QString &name) const
{
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].name == name)
            return int(i);
    }
    return -1;
}

std::unique_ptr<ShardMap> ShardMap::create(const Options &options, const std::vector<ShardNode> &nodes,
                                           const KeySet &keys, QString *error)
{
    auto fail = [error](const QString &why) -> std::unique_ptr<ShardMap> {
        if (error)
            *error = why;
        return nullptr;
    };
    if (nodes.empty() || nodes.size() > size_t(kMaxNodes))
        return fail(QStringLiteral("nodes: need 1 to %1 nodes, not %2").arg(kMaxNodes).arg(nodes.size()));
    if (options.strategy == ShardingStrategy::Consistent
        && (options.vnodesPerNode < 1 || options.vnodesPerNode > kMaxVnodes))
        return fail(QStringLiteral("vnodes: must be 1 to %1, not %2").arg(kMaxVnodes).arg(options.vnodesPerNode));
    if (options.strategy == ShardingStrategy::Consistent
        && (options.probes < 1 || options.probes > Options::kMaxProbes))
        return fail(QStringLiteral("probes: must be 1 to %1, not %2").arg(Options::kMaxProbes).arg(options.probes));
    std::set<QString> names;
    for (const ShardNode &node : nodes) {
        if (node.name.isEmpty())
            return fail(QStringLiteral("nodes: a node has no name"));
        if (!names.insert(node.name).second)
            return fail(QStringLiteral("nodes: the name '%1' is used twice").arg(node.name));
        if (!(node.weight > 0) || node.weight > 100)
            return fail(QStringLiteral("weight of %1: must be above 0 and at most 100, not %2").arg(node.name).arg(node.weight));
    }
    switch (options.strategy) {
    case ShardingStrategy::Consistent: {
        auto map = std::make_unique<ConsistentMap>(options.vnodesPerNode, options.probes);
        map->m_nodes = nodes;
        map->rebuild();
        return map;
    }
    case ShardingStrategy::Slots: {
        auto map = std::make_unique<SlotMap>();
        map->m_nodes = nodes;
        map->layOut();
        return map;
    }
    case ShardingStrategy::Range: {
        if (keys.isEmpty())
            return fail(QStringLiteral("keys: range sharding needs a non-empty key set to place its split points"));
        auto map = std::make_unique<RangeMap>();
        map->m_nodes = nodes;
        map->layOut(keys);
        return map;
    }
    case ShardingStrategy::Jump: {
        auto map = std::make_unique<JumpMap>();
        map->m_nodes = nodes;
        return map;
    }
    }
    return fail(QStringLiteral("strategy: unknown"));
}

std::vector<SlotMove> planSlotRebalance(const std::vector<int32_t> &slotOwners, const std::vector<double> &weights)
{
    const std::vector<qint64> targets = apportion(qint64(slotOwners.size()), weights);
    std::vector<qint64> counts(weights.size(), 0);
    for (int32_t owner : slotOwners) {
        if (owner >= 0 && size_t(owner) < counts.size())
            ++counts[size_t(owner)];
    }
    // Donors give their highest slots; receivers take them in node order.
    std::vector<std::pair<int, int>> given; // slot, from
    for (size_t n = 0; n < weights.size(); ++n) {
        qint64 surplus = counts[n] - targets[n];
        for (int s = int(slotOwners.size()) - 1; s >= 0 && surplus > 0; --s) {
            if (slotOwners[size_t(s)] == int32_t(n)) {
                given.emplace_back(s, int(n));
                --surplus;
            }
        }
    }
    std::sort(given.begin(), given.end());
    std::vector<SlotMove> moves;
    size_t next = 0;
    for (size_t n = 0; n < weights.size() && next < given.size(); ++n) {
        for (qint64 deficit = targets[n] - counts[n]; deficit > 0 && next < given.size(); --deficit, ++next) {
            const auto [slot, from] = given[next];
            if (!moves.empty() && moves.back().last + 1 == slot && moves.back().from == from && moves.back().to == int(n))
                moves.back().last = slot;
            else
                moves.push_back({slot, slot, from, int(n)});
        }
    }
    return moves;
}

QString slotRangesText(const std::vector<int> &slotList)
{
    QStringList parts;
    for (size_t i = 0; i < slotList.size();) {
        size_t j = i;
        while (j + 1 < slotList.size() && slotList[j + 1] == slotList[j] + 1)
            ++j;
        parts << (i == j ? QString::number(slotList[i]) : QStringLiteral("%1-%2").arg(slotList[i]).arg(slotList[j]));
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace cwb
