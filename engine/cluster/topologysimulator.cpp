#include "topologysimulator.h"

#include "keyslot.h"

#include <algorithm>

namespace cwb {

Topology TopologySimulator::makeCluster(int masters, int replicasPerMaster)
{
    masters = std::clamp(masters, 1, 1000);
    std::vector<MasterSpec> specs;
    for (int m = 0; m < masters; ++m)
        specs.push_back({QStringLiteral("node-%1").arg(m + 1), {evenSlotRange(m, masters)}});
    return makeCluster(specs, replicasPerMaster);
}

Topology TopologySimulator::makeCluster(const std::vector<MasterSpec> &masters, int replicasPerMaster)
{
    Topology topology;
    topology.source = QStringLiteral("simulation");
    replicasPerMaster = std::clamp(replicasPerMaster, 0, 10);
    int hostIndex = 1;
    for (const MasterSpec &spec : masters) {
        TopologyNode master;
        master.id = spec.name;
        master.host = QStringLiteral("10.0.0.%1").arg(hostIndex++);
        master.port = 6379;
        master.role = NodeRole::Master;
        master.slotRanges = spec.slotRanges;
        master.metrics.hasMetrics = true;
        topology.nodes.push_back(master);
        for (int r = 0; r < replicasPerMaster; ++r) {
            TopologyNode replica;
            replica.id = master.id + QStringLiteral("-r%1").arg(r + 1);
            replica.host = QStringLiteral("10.0.0.%1").arg(hostIndex++);
            replica.port = 6379;
            replica.role = NodeRole::Replica;
            replica.masterId = master.id;
            replica.metrics.hasMetrics = true;
            topology.nodes.push_back(replica);
        }
    }
    return topology;
}

TopologySimulator::TopologySimulator(Topology topology, Options options)
    : m_topology(std::move(topology)), m_options(options)
{
    for (const TopologyNode &n : m_topology.nodes)
        m_state[n.id] = NodeState{};
}

TopologySimulator::TopologySimulator(Topology topology) : TopologySimulator(std::move(topology), Options{}) {}

void TopologySimulator::log(const QString &text)
{
    m_events.push_back({m_now, text});
}

bool TopologySimulator::failNode(const QString &id)
{
    const auto it = m_state.find(id);
    if (it == m_state.end() || it->second.down)
        return false;
    it->second.down = true;
    log(QStringLiteral("%1 stopped answering").arg(id));
    return true;
}

bool TopologySimulator::recoverNode(const QString &id)
{
    const auto it = m_state.find(id);
    if (it == m_state.end() || !it->second.down)
        return false;
    it->second.down = false;
    it->second.failedAtMs = -1;
    it->second.lastPongMs = m_now;
    TopologyNode *node = m_topology.node(id);
    node->health = NodeHealth::Up;
    node->flags.removeAll(QStringLiteral("fail"));
    log(QStringLiteral("%1 is back (%2)").arg(id, node->isMaster() ? QStringLiteral("master")
                                                                   : QStringLiteral("replica of ") + node->masterId));
    return true;
}

bool TopologySimulator::isDown(const QString &id) const
{
    const auto it = m_state.find(id);
    return it != m_state.end() && it->second.down;
}

void TopologySimulator::setReplicaLag(const QString &id, qint64 bytes)
{
    m_state[id].lag = std::max<qint64>(0, bytes);
}

void TopologySimulator::advance(qint64 ms)
{
    const qint64 stepMs = std::max(1, m_options.healthCheckIntervalMs);
    while (ms > 0) {
        const qint64 dt = std::min(ms, stepMs);
        step(dt);
        ms -= dt;
    }
}

void TopologySimulator::step(qint64 dt)
{
    m_now += dt;
    // Replication: masters that are up write; replicas follow at their configured lag.
    for (TopologyNode &n : m_topology.nodes) {
        if (n.isMaster() && !m_state[n.id].down)
            n.metrics.replicationOffset += qint64(m_options.writeBytesPerSecond * double(dt) / 1000.0);
    }
    for (TopologyNode &n : m_topology.nodes) {
        if (n.isMaster() || m_state[n.id].down)
            continue;
        const TopologyNode *master = m_topology.node(n.masterId);
        if (!master || m_state[master->id].down)
            continue; // no link: the offset stands still
        n.metrics.replicationOffset = std::max(n.metrics.replicationOffset,
                                               master->metrics.replicationOffset - m_state[n.id].lag);
        n.metrics.replicationLag = master->metrics.replicationOffset - n.metrics.replicationOffset;
    }

    // Health checks: a node that answers resets its clock; silence turns into suspicion,
    // then into failure after the node timeout.
    for (TopologyNode &n : m_topology.nodes) {
        NodeState &state = m_state[n.id];
        if (!state.down) {
            state.lastPongMs = m_now;
            continue;
        }
        const qint64 silent = m_now - state.lastPongMs;
        if (silent >= m_options.failAfterMs && n.health != NodeHealth::Failed) {
            n.health = NodeHealth::Failed;
            n.flags.removeAll(QStringLiteral("fail?"));
            n.flags.append(QStringLiteral("fail"));
            state.failedAtMs = m_now;
            log(QStringLiteral("%1 marked failed after %2 ms without an answer").arg(n.id).arg(silent));
        } else if (silent >= m_options.suspectAfterMs && n.health == NodeHealth::Up) {
            n.health = NodeHealth::Suspected;
            n.flags.append(QStringLiteral("fail?"));
            log(QStringLiteral("%1 suspected (no answer for %2 ms)").arg(n.id).arg(silent));
        }
    }

    // Failover of failed masters that still own slots, once the election delay has passed.
    for (size_t i = 0; i < m_topology.nodes.size(); ++i) {
        TopologyNode &n = m_topology.nodes[i];
        const NodeState &state = m_state[n.id];
        if (n.isMaster() && n.health == NodeHealth::Failed && !n.slotRanges.empty() && state.failedAtMs >= 0
            && m_now - state.failedAtMs >= m_options.failoverDelayMs)
            failover(n);
    }

    // Per-node read rates over one-second windows.
    if (m_now - m_rateWindowStart >= 1000) {
        const double seconds = double(m_now - m_rateWindowStart) / 1000.0;
        for (TopologyNode &n : m_topology.nodes) {
            NodeState &state = m_state[n.id];
            n.metrics.opsPerSec = double(state.readsThisSecond) / seconds;
            state.readsThisSecond = 0;
        }
        m_rateWindowStart = m_now;
    }
}

void TopologySimulator::failover(TopologyNode &master)
{
    // The replica with the highest replication offset has lost the fewest writes.
    TopologyNode *best = nullptr;
    for (TopologyNode &n : m_topology.nodes) {
        if (n.isMaster() || n.masterId != master.id || m_state[n.id].down || n.health != NodeHealth::Up)
            continue;
        if (!best || n.metrics.replicationOffset > best->metrics.replicationOffset)
            best = &n;
    }
    if (!best)
        return; // no replica can take over: the slots stay down until the master returns
    const QString oldId = master.id;
    const QString newId = best->id;
    best->role = NodeRole::Master;
    best->masterId.clear();
    best->slotRanges = std::move(master.slotRanges);
    best->metrics.replicationLag = 0;
    master.slotRanges.clear();
    master.role = NodeRole::Replica;
    master.masterId = newId;
    for (TopologyNode &n : m_topology.nodes) {
        if (!n.isMaster() && n.masterId == oldId)
            n.masterId = newId;
    }
    log(QStringLiteral("failover: %1 promoted to master (offset %2); other replicas of %3 now follow it")
            .arg(newId)
            .arg(best->metrics.replicationOffset)
            .arg(oldId));
}

QString TopologySimulator::routeRead(const QString &masterId, ReadPolicy policy)
{
    const TopologyNode *master = m_topology.node(masterId);
    if (!master)
        return {};
    std::vector<const TopologyNode *> candidates;
    for (const TopologyNode *r : m_topology.replicasOf(masterId)) {
        if (r->health == NodeHealth::Up && !m_state[r->id].down)
            candidates.push_back(r);
    }
    if (candidates.empty()) {
        if (master->health != NodeHealth::Up || m_state[master->id].down)
            return {};
        candidates.push_back(master);
    }
    const TopologyNode *chosen = nullptr;
    if (policy == ReadPolicy::RoundRobin) {
        size_t &next = m_roundRobin[masterId];
        chosen = candidates[next++ % candidates.size()];
    } else {
        chosen = *std::min_element(candidates.begin(), candidates.end(), [this](const TopologyNode *a, const TopologyNode *b) {
            return m_state[a->id].readsTotal < m_state[b->id].readsTotal;
        });
    }
    ++m_state[chosen->id].readsThisSecond;
    ++m_state[chosen->id].readsTotal;
    return chosen->id;
}

QString TopologySimulator::addMaster()
{
    TopologyNode master;
    int k = int(m_topology.countRole(NodeRole::Master)) + ++m_addedMasters;
    while (m_topology.node(QStringLiteral("node-%1").arg(k)))
        ++k;
    master.id = QStringLiteral("node-%1").arg(k);
    master.host = QStringLiteral("10.0.1.%1").arg(m_addedMasters);
    master.port = 6379;
    master.metrics.hasMetrics = true;
    m_topology.nodes.push_back(master);
    m_state[master.id] = NodeState{};
    m_state[master.id].lastPongMs = m_now;
    log(QStringLiteral("%1 joined as an empty master").arg(master.id));
    return master.id;
}

std::vector<PlanStep> TopologySimulator::rebalance()
{
    std::vector<QString> ids;
    for (const TopologyNode *m : m_topology.masters())
        ids.push_back(m->id);
    std::vector<int32_t> owners(kClusterSlots, -1);
    std::vector<double> weights(ids.size(), 0.0);
    for (size_t i = 0; i < ids.size(); ++i) {
        const TopologyNode *m = m_topology.node(ids[i]);
        weights[i] = m->health == NodeHealth::Up ? 1.0 : 0.0;
        for (const SlotRange &r : m->slotRanges) {
            for (int s = r.first; s <= r.last; ++s)
                owners[size_t(s)] = int32_t(i);
        }
    }
    std::vector<PlanStep> plan;
    const std::vector<SlotMove> moves = planSlotRebalance(owners, weights);
    for (const SlotMove &move : moves) {
        for (int s = move.first; s <= move.last; ++s)
            owners[size_t(s)] = int32_t(move.to);
        plan.push_back({ids[size_t(move.from)], ids[size_t(move.to)],
                        QStringLiteral("slots %1-%2").arg(move.first).arg(move.last), move.last - move.first + 1});
    }
    for (size_t i = 0; i < ids.size(); ++i) {
        TopologyNode *m = m_topology.node(ids[i]);
        m->slotRanges.clear();
        for (int s = 0; s < kClusterSlots; ++s) {
            if (owners[size_t(s)] != int32_t(i))
                continue;
            if (!m->slotRanges.empty() && m->slotRanges.back().last + 1 == s)
                m->slotRanges.back().last = s;
            else
                m->slotRanges.push_back({s, s});
        }
    }
    if (!plan.empty())
        log(QStringLiteral("rebalanced: %1 slot ranges moved").arg(plan.size()));
    return plan;
}

} // namespace cwb
