#include "agentseries.h"

#include "serieschart.h"

namespace cwb {

namespace {

// After the merged series' colours (the latency chart's p50, p95, p99 take slots 0-2), so an
// agent is never drawn like the run it is part of; the same slot on both charts.
constexpr int kFirstAgentColour = 3;

} // namespace

AgentSeries::AgentSeries(SeriesChart *throughput, SeriesChart *latency)
    : m_throughput(throughput), m_latency(latency), m_throughputMerged(throughput->seriesCount()),
      m_latencyMerged(latency->seriesCount())
{
}

bool AgentSeries::append(const RunSnapshot &snapshot)
{
    if (snapshot.agents.empty())
        return false;
    if (snapshot.runId != m_runId) {
        clear();
        m_runId = snapshot.runId;
    }
    const size_t known = m_agents.size();
    for (size_t i = known; i < snapshot.agents.size(); ++i)
        m_agents.push_back({snapshot.agents[i].agent, {}, {}, {}});
    if (m_shown && m_agents.size() > known)
        addGraphs(known);

    std::vector<Agent> fresh(m_agents.size()); // this snapshot's points only, one bulk add per series
    for (const AgentSecond &s : snapshot.newAgentSeconds) {
        if (s.agent < 0 || size_t(s.agent) >= m_agents.size())
            continue;
        for (Agent *a : {&m_agents[size_t(s.agent)], &fresh[size_t(s.agent)]}) {
            a->t.append(s.second.t);
            a->opsPerSec.append(s.second.opsPerSec());
            a->p99Ms.append(s.second.p99Us / 1000.0);
        }
    }
    if (!m_shown || snapshot.newAgentSeconds.empty())
        return false;
    for (size_t i = 0; i < fresh.size(); ++i) {
        m_throughput->appendPoints(m_throughputMerged + int(i), fresh[i].t, fresh[i].opsPerSec);
        m_latency->appendPoints(m_latencyMerged + int(i), fresh[i].t, fresh[i].p99Ms);
    }
    return true;
}

void AgentSeries::clear()
{
    removeGraphs();
    m_agents.clear();
    m_runId.clear();
}

void AgentSeries::setShown(bool shown)
{
    if (shown == m_shown)
        return;
    m_shown = shown;
    if (shown)
        addGraphs(0);
    else
        removeGraphs();
    m_throughput->refresh();
    m_latency->refresh();
}

void AgentSeries::addGraphs(size_t from)
{
    for (size_t i = from; i < m_agents.size(); ++i) {
        const Agent &a = m_agents[i];
        const int throughput = m_throughput->addSeries(a.name);
        m_throughput->setSeriesColourIndex(throughput, kFirstAgentColour + int(i));
        m_throughput->setPoints(throughput, a.t, a.opsPerSec);
        const int latency = m_latency->addSeries(tr("%1 p99").arg(a.name));
        m_latency->setSeriesColourIndex(latency, kFirstAgentColour + int(i));
        m_latency->setPoints(latency, a.t, a.p99Ms);
    }
}

void AgentSeries::removeGraphs()
{
    m_throughput->removeSeriesFrom(m_throughputMerged);
    m_latency->removeSeriesFrom(m_latencyMerged);
}

} // namespace cwb
