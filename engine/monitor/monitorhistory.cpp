#include "monitorhistory.h"

#include <algorithm>
#include <iterator>

namespace cwb {

void MonitorHistory::append(const MonitorSample &sample)
{
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
    const auto earlier = [](const MonitorSample &a, const MonitorSample &b) {
        return a.timestampMs != b.timestampMs ? a.timestampMs < b.timestampMs : a.node < b.node;
    };
    // In the history's own order: the store returns samples of one instant in any node order, and
    // the walk below only recognises a sample it already has when both sides are ordered alike.
    std::vector<MonitorSample> incoming = samples;
    std::stable_sort(incoming.begin(), incoming.end(), earlier);
    std::deque<MonitorSample> merged;
    size_t added = 0;
    auto mine = m_samples.begin();
    for (const MonitorSample &s : incoming) {
        while (mine != m_samples.end() && earlier(*mine, s))
            merged.push_back(std::move(*mine++));
        if (mine != m_samples.end() && mine->timestampMs == s.timestampMs && mine->node == s.node)
            continue; // already here
        merged.push_back(s);
        ++added;
    }
    std::move(mine, m_samples.end(), std::back_inserter(merged));
    m_samples = std::move(merged);
    while (m_samples.size() > m_capacity)
        m_samples.pop_front();
    return added;
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
