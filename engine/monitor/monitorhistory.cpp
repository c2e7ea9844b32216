#include "monitorhistory.h"

#include <algorithm>
#include <iterator>
#include <set>

namespace cwb {

void MonitorHistory::append(const MonitorSample &sample)
{
    // One sample per node and instant: one that is here already (read back from the store while
    // the collector delivered it) is not kept twice.
    for (auto it = m_samples.rbegin(); it != m_samples.rend() && it->timestampMs >= sample.timestampMs; ++it) {
        if (it->timestampMs == sample.timestampMs && it->node == sample.node)
            return;
    }
    m_samples.push_back(sample);
    while (m_samples.size() > m_capacity)
        m_samples.pop_front();
}

void MonitorHistory::append(const std::vector<MonitorSample> &samples)
{
    for (const MonitorSample &s : samples)
        append(s);
}

size_t MonitorHistory::merge(const std::vector<MonitorSample> &samples)
{
    if (samples.empty())
        return 0;
    // What is here already, by instant and node. The store returns one instant's samples in any
    // node order and the history keeps them in the order they arrived, so only a lookup (not a
    // walk in step) recognises them all.
    const auto [oldest, newest] = std::minmax_element(
        samples.begin(), samples.end(), [](const MonitorSample &a, const MonitorSample &b) { return a.timestampMs < b.timestampMs; });
    std::set<std::pair<qint64, QString>> have;
    for (const MonitorSample &s : m_samples) {
        if (s.timestampMs >= oldest->timestampMs && s.timestampMs <= newest->timestampMs)
            have.emplace(s.timestampMs, s.node);
    }
    std::vector<MonitorSample> incoming;
    for (const MonitorSample &s : samples) {
        if (have.emplace(s.timestampMs, s.node).second)
            incoming.push_back(s);
    }
    const auto earlier = [](const MonitorSample &a, const MonitorSample &b) { return a.timestampMs < b.timestampMs; };
    std::stable_sort(incoming.begin(), incoming.end(), earlier);
    std::deque<MonitorSample> merged;
    std::merge(std::make_move_iterator(m_samples.begin()), std::make_move_iterator(m_samples.end()), incoming.begin(),
               incoming.end(), std::back_inserter(merged), earlier);
    m_samples = std::move(merged);
    while (m_samples.size() > m_capacity)
        m_samples.pop_front();
    return incoming.size();
}

std::vector<MonitorSample> MonitorHistory::range(const QString &node, qint64 fromMs, qint64 toMs) const
{
    std::vector<MonitorSample> out;
    for (const MonitorSample &s : m_samples)
        if ((node.isEmpty() || s.node == node) && s.timestampMs >= fromMs && s.timestampMs <= toMs)
            out.push_back(s);
    return out;
}

const MonitorSample *MonitorHistory::latest(const QString &node) const
{
    for (auto it = m_samples.rbegin(); it != m_samples.rend(); ++it)
        if (it->node == node)
            return &*it;
    return nullptr;
}

QStringList MonitorHistory::nodes() const
{
    QStringList list;
    for (const MonitorSample &s : m_samples)
        if (!list.contains(s.node))
            list << s.node;
    return list;
}

std::vector<MonitorSample> MonitorHistory::latestPerNode() const
{
    std::vector<MonitorSample> out;
    for (const QString &node : nodes())
        if (const MonitorSample *s = latest(node))
            out.push_back(*s);
    return out;
}

void MonitorHistory::purgeOlderThan(qint64 cutoffMs)
{
    while (!m_samples.empty() && m_samples.front().timestampMs < cutoffMs)
        m_samples.pop_front();
}

} // namespace cwb
