#pragma once

#include "load/runsnapshot.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <vector>

namespace cwb {

class SeriesChart;

// The per-agent series of a distributed run's live charts (issue 18): each agent's throughput
// and p99 latency, second by second, next to the merged run's. Points are kept from the run's
// first snapshot on, shown or not, so that showing them mid-run draws the whole history. Shown,
// each agent is one more series on the throughput chart and one on the latency chart (in the
// same colour on both); hidden, those series are removed again. A lost agent delivers no more
// seconds: its series simply stops.
class AgentSeries
{
    Q_DECLARE_TR_FUNCTIONS(cwb::AgentSeries)

public:
    // The charts' series so far are the merged ones; the agents' are added after them.
    AgentSeries(SeriesChart *throughput, SeriesChart *latency);

    // A snapshot's agents (RunSnapshot::agents) and their new seconds (newAgentSeconds); one of
    // another run starts over. True when points were added to shown series.
    bool append(const RunSnapshot &snapshot);
    // The points of the run `runId` fed so far, or none (the run is not the one kept).
    bool holds(const QString &runId) const { return !m_agents.empty() && runId == m_runId; }
    void clear();
    int agentCount() const { return int(m_agents.size()); }

    void setShown(bool shown);
    bool isShown() const { return m_shown; }

private:
    struct Agent
    {
        QString name;
        QVector<double> t, opsPerSec, p99Ms;
    };
    void addGraphs(size_t from); // for m_agents[from] onwards, with the points they have
    void removeGraphs();

    SeriesChart *m_throughput;
    SeriesChart *m_latency;
    const int m_throughputMerged; // the merged series come first on each chart
    const int m_latencyMerged;
    QString m_runId;
    std::vector<Agent> m_agents;
    bool m_shown = false;
};

} // namespace cwb
