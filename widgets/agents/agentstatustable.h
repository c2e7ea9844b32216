#pragma once

#include "load/runresult.h"

#include <QTableWidget>

#include <vector>

namespace cwb {

// How each agent of a distributed run stands (load/runresult.h's AgentSummary): its state, users,
// operations, errors, ops/s, p99 and, for an agent lost or refusing, why. Live from a run's
// snapshots, and as the per-agent breakdown of a finished run.
class AgentStatusTable : public QTableWidget
{
    Q_OBJECT
public:
    enum Column { Agent, State, Users, Operations, Errors, OpsPerSec, P99, Reason, ColumnCount };

    explicit AgentStatusTable(QWidget *parent = nullptr);

    // While the run goes on: ops/s of each agent's last second.
    void showLive(const std::vector<AgentSummary> &agents);
    // A finished run: ops/s over the measured window, as the summary's other tables count them.
    void showResult(const RunResult &result);

    // "lost" -> "Lost", in the user's language; unknown states as they came.
    static QString stateText(const QString &state);

private:
    void showAgents(const std::vector<AgentSummary> &agents, double measuredSec);
};

} // namespace cwb
