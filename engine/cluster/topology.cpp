#include "topology.h"

#include "keyslot.h"

#include <algorithm>

namespace cwb {

QString nodeRoleName(NodeRole role)
{
    return role == NodeRole::Master ? QStringLiteral("master") : QStringLiteral("replica");
}

QString nodeHealthName(NodeHealth health)
{
    switch (health) {
    case NodeHealth::Up: return QStringLiteral("up");
    case NodeHealth::Suspected: return QStringLiteral("suspected");
    case NodeHealth::Failed: return QStringLiteral("failed");
    }
    return {};
}

int TopologyNode::slotCount() const
{
    int count = 0;
    for (const SlotRange &range : slotRanges)
        count += range.count();
    return count;
}

const TopologyNode *Topology::node(const QString &id) const
{
    for (const TopologyNode &n : nodes) {
        if (n.id == id)
            return &n;
    }
    return nullptr;
}

TopologyNode *Topology::node(const QString &id)
{
    return const_cast<TopologyNode *>(std::as_const(*this).node(id));
}

std::vector<const TopologyNode *> Topology::masters() const
{
    std::vector<const TopologyNode *> out;
    for (const TopologyNode &n : nodes) {
        if (n.isMaster())
            out.push_back(&n);
    }
    std::stable_sort(out.begin(), out.end(), [](const TopologyNode *a, const TopologyNode *b) {
        const int fa = a->slotRanges.empty() ? kClusterSlots : a->slotRanges.front().first;
        const int fb = b->slotRanges.empty() ? kClusterSlots : b->slotRanges.front().first;
        return fa != fb ? fa < fb : a->address() < b->address();
    });
    return out;
}

std::vector<const TopologyNode *> Topology::replicasOf(const QString &masterId) const
{
    std::vector<const TopologyNode *> out;
    for (const TopologyNode &n : nodes) {
        if (!n.isMaster() && n.masterId == masterId)
            out.push_back(&n);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const TopologyNode *a, const TopologyNode *b) { return a->address() < b->address(); });
    return out;
}

const TopologyNode *Topology::slotOwner(int slot) const
{
    for (const TopologyNode &n : nodes) {
        if (!n.isMaster())
            continue;
        for (const SlotRange &range : n.slotRanges) {
            if (slot >= range.first && slot <= range.last)
                return &n;
        }
    }
    return nullptr;
}

std::vector<SlotRange> Topology::uncoveredSlots() const
{
    std::vector<bool> covered(kClusterSlots, false);
    for (const TopologyNode &n : nodes) {
        if (!n.isMaster())
            continue;
        for (const SlotRange &range : n.slotRanges) {
            for (int s = std::max(0, range.first); s <= std::min(kClusterSlots - 1, range.last); ++s)
                covered[size_t(s)] = true;
        }
    }
    std::vector<SlotRange> out;
    for (int s = 0; s < kClusterSlots; ++s) {
        if (covered[size_t(s)])
            continue;
        if (!out.empty() && out.back().last + 1 == s)
            out.back().last = s;
        else
            out.push_back({s, s});
    }
    return out;
}

int Topology::countRole(NodeRole role) const
{
    return int(std::count_if(nodes.begin(), nodes.end(), [role](const TopologyNode &n) { return n.role == role; }));
}

const TopologyNode *Topology::find(const QString &idPrefixOrAddress) const
{
    if (idPrefixOrAddress.isEmpty())
        return nullptr;
    const TopologyNode *match = nullptr;
    for (const TopologyNode &n : nodes) {
        if (n.address() == idPrefixOrAddress || n.id == idPrefixOrAddress)
            return &n;
        if (n.id.startsWith(idPrefixOrAddress)) {
            if (match)
                return nullptr; // ambiguous prefix
            match = &n;
        }
    }
    return match;
}

void computeRates(const Topology &previous, Topology &current)
{
    for (TopologyNode &n : current.nodes) {
        const TopologyNode *before = previous.node(n.id);
        if (!before || !before->metrics.hasMetrics || !n.metrics.hasMetrics)
            continue;
        const qint64 dt = n.metrics.sampledAtMs - before->metrics.sampledAtMs;
        const qint64 dc = n.metrics.totalCommands - before->metrics.totalCommands;
        // A restarted server resets its counters: no rate rather than a negative one.
        if (dt > 0 && dc >= 0)
            n.metrics.opsPerSec = double(dc) * 1000.0 / double(dt);
    }
}

QString slotRangesToText(const std::vector<SlotRange> &ranges)
{
    QStringList parts;
    for (const SlotRange &r : ranges)
        parts << (r.first == r.last ? QString::number(r.first) : QStringLiteral("%1-%2").arg(r.first).arg(r.last));
    return parts.join(QStringLiteral(", "));
}

SlotRange evenSlotRange(int index, int count)
{
    return {int(qint64(kClusterSlots) * index / count), int(qint64(kClusterSlots) * (index + 1) / count) - 1};
}

} // namespace cwb
