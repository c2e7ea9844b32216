#include "seriesmerger.h"

#include <algorithm>

namespace cwb {

SeriesMerger::SeriesMerger(int agents)
    : m_next(size_t(std::max(0, agents)), 0), m_lost(size_t(std::max(0, agents)), false)
{
}

void SeriesMerger::add(int agent, const SecondSample &s, const LatencyHistogram &latency)
{
    if (agent < 0 || size_t(agent) >= m_next.size() || m_lost[size_t(agent)])
        return; // a lost agent that comes back late cannot change what was merged without it
    const size_t index = m_next[size_t(agent)]++;
    if (index < m_firstOpen)
        return; // already closed (only after takeRest)
    while (m_firstOpen + m_open.size() <= index) {
        m_open.emplace_back();
        m_open.back().sum.durationSec = 0;
    }
    Open &open = m_open[index - m_firstOpen];
    SecondSample &sum = open.sum;
    sum.t = std::max(sum.t, s.t);
    sum.durationSec = std::max(sum.durationSec, s.durationSec);
    sum.ops += s.ops;
    sum.errors += s.errors;
    sum.connectErrors += s.connectErrors;
    for (size_t op = 0; op < s.opsByType.size(); ++op)
        sum.opsByType[op] += s.opsByType[op];
    sum.hits += s.hits;
    sum.misses += s.misses;
    sum.connectedUsers += s.connectedUsers;
    // Each agent's own machine: the sum is the cost of the whole run.
    if (s.clientCpuPercent >= 0)
        sum.clientCpuPercent = std::max(0.0, sum.clientCpuPercent) + s.clientCpuPercent;
    if (s.clientRssBytes >= 0)
        sum.clientRssBytes = std::max<qint64>(0, sum.clientRssBytes) + s.clientRssBytes;
    // The one server they all watch: one agent's view, or it would be counted several times.
    if (s.serverUsedMemory >= 0 && (open.serverFrom < 0 || agent < open.serverFrom)) {
        open.serverFrom = agent;
        sum.serverUsedMemory = s.serverUsedMemory;
        sum.serverCpuPercent = s.serverCpuPercent;
    }
    open.latency.merge(latency);
    ++open.delivered;
}

void SeriesMerger::markLost(int agent)
{
    if (agent < 0 || size_t(agent) >= m_lost.size())
        return;
    m_lost[size_t(agent)] = true;
}

bool SeriesMerger::complete(size_t index) const
{
    for (size_t agent = 0; agent < m_next.size(); ++agent) {
        if (!m_lost[agent] && m_next[agent] <= index)
            return false;
    }
    return true;
}

SecondSample SeriesMerger::close(Open &open)
{
    SecondSample s = open.sum;
    s.p50Us = double(open.latency.percentileNs(50)) / 1000.0;
    s.p95Us = double(open.latency.percentileNs(95)) / 1000.0;
    s.p99Us = double(open.latency.percentileNs(99)) / 1000.0;
    s.maxUs = double(open.latency.maxNs()) / 1000.0;
    return s;
}

std::vector<SecondSample> SeriesMerger::takeComplete()
{
    std::vector<SecondSample> closed;
    while (!m_open.empty() && complete(m_firstOpen)) {
        closed.push_back(close(m_open.front()));
        m_open.pop_front();
        ++m_firstOpen;
    }
    return closed;
}

std::vector<SecondSample> SeriesMerger::takeRest()
{
    std::vector<SecondSample> closed;
    for (Open &open : m_open) {
        if (open.delivered > 0)
            closed.push_back(close(open));
    }
    m_firstOpen += m_open.size();
    m_open.clear();
    return closed;
}

} // namespace cwb
