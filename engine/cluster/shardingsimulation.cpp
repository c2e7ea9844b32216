#include "shardingsimulation.h"

#include "keyslot.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <map>

namespace cwb {

int NodeShare::redisSlotCount() const
{
    int count = 0;
    for (const SlotRange &r : redisSlots)
        count += r.count();
    return count;
}

DistributionStats computeDistribution(const std::vector<ShardNode> &nodes, const KeySet &keys,
                                      const std::vector<int32_t> &owners)
{
    DistributionStats stats;
    stats.nodes.resize(nodes.size());
    std::vector<double> load(nodes.size(), 0.0);
    for (size_t n = 0; n < nodes.size(); ++n)
        stats.nodes[n].name = nodes[n].name;
    const bool weighted = keys.hasWeights();
    for (size_t k = 0; k < owners.size(); ++k) {
        NodeShare &share = stats.nodes[size_t(owners[k])];
        ++share.keys;
        share.bytes += keys.bytes(qint64(k));
        if (weighted)
            load[size_t(owners[k])] += keys.weight(qint64(k));
    }
    stats.totalKeys = qint64(owners.size());
    if (nodes.empty())
        return stats;
    stats.meanKeys = double(stats.totalKeys) / double(nodes.size());
    qint64 maxKeys = 0;
    qint64 minKeys = stats.totalKeys;
    double sumSquares = 0;
    double maxLoad = 0;
    for (size_t n = 0; n < nodes.size(); ++n) {
        NodeShare &share = stats.nodes[n];
        if (!weighted)
            load[n] = double(share.keys);
        stats.totalBytes += share.bytes;
        maxKeys = std::max(maxKeys, share.keys);
        minKeys = std::min(minKeys, share.keys);
        sumSquares += (double(share.keys) - stats.meanKeys) * (double(share.keys) - stats.meanKeys);
        maxLoad = std::max(maxLoad, load[n]);
    }
    for (size_t n = 0; n < nodes.size(); ++n) {
        NodeShare &share = stats.nodes[n];
        share.keyShare = stats.totalKeys > 0 ? double(share.keys) / double(stats.totalKeys) : 0;
        share.loadShare = stats.totalKeys > 0 ? load[n] / double(stats.totalKeys) : 0;
    }
    stats.stddevKeys = std::sqrt(sumSquares / double(nodes.size()));
    if (stats.meanKeys > 0) {
        stats.maxOverMean = double(maxKeys) / stats.meanKeys;
        stats.minOverMean = double(minKeys) / stats.meanKeys;
        stats.relativeStddev = stats.stddevKeys / stats.meanKeys;
        stats.maxLoadOverMean = maxLoad / stats.meanKeys; // loads sum to totalKeys too
    }
    return stats;
}

MovementReport compareAssignments(const std::vector<ShardNode> &nodesBefore, const std::vector<int32_t> &before,
                                  const std::vector<ShardNode> &nodesAfter, const std::vector<int32_t> &after,
                                  const KeySet &keys)
{
    MovementReport report;
    // Before-index -> after-index of the same node (-1: the node is gone).
    std::vector<int32_t> survivor(nodesBefore.size(), -1);
    for (size_t b = 0; b < nodesBefore.size(); ++b) {
        for (size_t a = 0; a < nodesAfter.size(); ++a) {
            if (nodesBefore[b].name == nodesAfter[a].name)
                survivor[b] = int32_t(a);
        }
    }
    std::map<std::pair<int32_t, int32_t>, std::pair<qint64, double>> flows;
    const size_t n = std::min(before.size(), after.size());
    for (size_t k = 0; k < n; ++k) {
        if (survivor[size_t(before[k])] == after[k])
            continue;
        report.movedKeyIndices.push_back(uint32_t(k));
        auto &flow = flows[{before[k], after[k]}];
        ++flow.first;
        flow.second += keys.bytes(qint64(k));
    }
    report.movedKeys = qint64(report.movedKeyIndices.size());
    report.movedFraction = n > 0 ? double(report.movedKeys) / double(n) : 0;
    for (const auto &[pair, flow] : flows) {
        report.transfers.push_back({nodesBefore[size_t(pair.first)].name, nodesAfter[size_t(pair.second)].name,
                                    flow.first, flow.second});
        report.movedBytes += flow.second;
    }
    std::sort(report.transfers.begin(), report.transfers.end(),
              [](const Transfer &a, const Transfer &b) { return a.keys > b.keys; });
    return report;
}

ShardingSimulation::ShardingSimulation() = default;
ShardingSimulation::~ShardingSimulation() = default;
ShardingSimulation::ShardingSimulation(ShardingSimulation &&) noexcept = default;
ShardingSimulation &ShardingSimulation::operator=(ShardingSimulation &&) noexcept = default;

bool ShardingSimulation::reset(const Options &options, KeySet keys, QString *error)
{
    if (options.nodes < 1 || options.nodes > 1024) {
        if (error)
            *error = QStringLiteral("nodes: must be 1 to 1024, not %1").arg(options.nodes);
        return false;
    }
    std::vector<ShardNode> nodes;
    for (int i = 1; i <= options.nodes; ++i)
        nodes.push_back({options.nodePrefix + QString::number(i), 1.0});
    auto map = ShardMap::create(options.map, nodes, keys, error);
    if (!map)
        return false;
    m_options = options;
    m_keys = std::move(keys);
    m_map = std::move(map);
    m_lastMovement.reset();
    reassign();
    return true;
}

void ShardingSimulation::reassign()
{
    QElapsedTimer timer;
    timer.start();
    m_map->assign(m_keys, m_owners);
    m_assignNs = timer.nsecsElapsed();
    m_stats = computeDistribution(m_map->nodes(), m_keys, m_owners);
    assignRedisSlots();
}

void ShardingSimulation::assignRedisSlots()
{
    const int count = int(m_stats.nodes.size());
    if (m_map->strategy() != ShardingStrategy::Slots) {
        for (int n = 0; n < count; ++n)
            m_stats.nodes[size_t(n)].redisSlots = {evenSlotRange(n, count)};
        return;
    }
    // The slot map's segments are fractions of the slot space, whole slots each.
    for (const OwnershipSegment &s : m_map->segments()) {
        if (s.owner < 0 || s.owner >= count)
            continue;
        const int first = int(std::lround(s.from * kClusterSlots));
        const int last = int(std::lround(s.to * kClusterSlots)) - 1;
        if (last >= first)
            m_stats.nodes[size_t(s.owner)].redisSlots.push_back({first, last});
    }
}

QString ShardingSimulation::nextNodeName() const
{
    for (int i = int(nodes().size()) + 1;; ++i) {
        const QString name = m_options.nodePrefix + QString::number(i);
        if (m_map->nodeIndex(name) < 0)
            return name;
    }
}

std::optional<MovementReport> ShardingSimulation::addNode(std::optional<ShardNode> node, QString *error)
{
    if (!m_map)
        return std::nullopt;
    const ShardNode added = node.value_or(ShardNode{nextNodeName(), 1.0});
    if (added.name.isEmpty() || m_map->nodeIndex(added.name) >= 0 || !(added.weight > 0) || added.weight > 100) {
        if (error)
            *error = QStringLiteral("node: '%1' is empty, already present or has a bad weight").arg(added.name);
        return std::nullopt;
    }
    const std::vector<ShardNode> nodesBefore = nodes();
    const std::vector<int32_t> ownersBefore = m_owners;
    std::vector<PlanStep> plan = m_map->addNode(added, m_keys);
    reassign();
    MovementReport report = compareAssignments(nodesBefore, ownersBefore, nodes(), m_owners, m_keys);
    report.change = QStringLiteral("add ") + added.name;
    // A perfect scheme moves exactly the new node's fair share to it and nothing else.
    double totalWeight = 0;
    for (const ShardNode &n : nodes())
        totalWeight += n.weight;
    report.idealFraction = added.weight / totalWeight;
    report.ratioToIdeal = report.idealFraction > 0 ? report.movedFraction / report.idealFraction : 0;
    report.plan = std::move(plan);
    m_lastMovement = report;
    return report;
}

std::optional<MovementReport> ShardingSimulation::removeNode(const QString &name, QString *error)
{
    if (!m_map)
        return std::nullopt;
    const int index = m_map->nodeIndex(name);
    if (index < 0 || nodes().size() < 2) {
        if (error)
            *error = index < 0 ? QStringLiteral("node: no node named '%1'").arg(name)
                               : QStringLiteral("node: cannot remove the last node");
        return std::nullopt;
    }
    const std::vector<ShardNode> nodesBefore = nodes();
    const std::vector<int32_t> ownersBefore = m_owners;
    // The least any scheme can move is what the removed node held.
    const double ideal = m_stats.nodes[size_t(index)].keyShare;
    std::vector<PlanStep> plan = m_map->removeNode(index, m_keys);
    reassign();
    MovementReport report = compareAssignments(nodesBefore, ownersBefore, nodes(), m_owners, m_keys);
    report.change = QStringLiteral("remove ") + name;
    report.idealFraction = ideal;
    report.ratioToIdeal = ideal > 0 ? report.movedFraction / ideal : 0;
    report.plan = std::move(plan);
    m_lastMovement = report;
    return report;
}

nlohmann::json distributionToJson(const DistributionStats &stats)
{
    nlohmann::json nodes = nlohmann::json::array();
    for (const NodeShare &share : stats.nodes) {
        nodes.push_back({{"name", share.name.toStdString()},
                         {"keys", share.keys},
                         {"key_share", share.keyShare},
                         {"estimated_bytes", share.bytes},
                         {"load_share", share.loadShare},
                         {"redis_slots", share.redisSlotCount()},
                         {"redis_slot_ranges", slotRangesToText(share.redisSlots).toStdString()}});
    }
    return {{"total_keys", stats.totalKeys},  {"total_bytes", stats.totalBytes},
            {"mean_keys", stats.meanKeys},    {"max_over_mean", stats.maxOverMean},
            {"min_over_mean", stats.minOverMean}, {"stddev_keys", stats.stddevKeys},
            {"relative_stddev", stats.relativeStddev}, {"max_load_over_mean", stats.maxLoadOverMean},
            {"nodes", nodes}};
}

nlohmann::json movementToJson(const MovementReport &report, int maxKeys, const KeySet *keys)
{
    nlohmann::json transfers = nlohmann::json::array();
    for (const Transfer &t : report.transfers)
        transfers.push_back({{"from", t.from.toStdString()}, {"to", t.to.toStdString()}, {"keys", t.keys}, {"bytes", t.bytes}});
    nlohmann::json plan = nlohmann::json::array();
    for (const PlanStep &step : report.plan) {
        plan.push_back({{"from", step.from.toStdString()}, {"to", step.to.toStdString()},
                        {"what", step.what.toStdString()}, {"units", step.units}});
    }
    nlohmann::json out = {{"change", report.change.toStdString()},
                          {"moved_keys", report.movedKeys},
                          {"moved_fraction", report.movedFraction},
                          {"ideal_fraction", report.idealFraction},
                          {"ratio_to_ideal", report.ratioToIdeal},
                          {"moved_bytes", report.movedBytes},
                          {"transfers", transfers},
                          {"plan", plan}};
    if (keys) {
        nlohmann::json sample = nlohmann::json::array();
        for (size_t i = 0; i < report.movedKeyIndices.size() && int(i) < maxKeys; ++i)
            sample.push_back(keys->key(report.movedKeyIndices[i]).toByteArray().toStdString());
        out["moved_key_examples"] = sample;
    }
    return out;
}

} // namespace cwb
