#pragma once

#include "load/runresult.h"

#include <QWidget>

class QGridLayout;
class QGroupBox;
class QLabel;
class QTableWidget;

namespace cwb {

class AgentStatusTable;

// The end-of-run summary: headline figures, a percentile table per operation, errors by
// class, server memory and CPU, the workbench's own CPU cost per operation, for a Redis
// Cluster the load each node served and, for a distributed run, each agent's share and state.
class RunSummaryView : public QWidget
{
    Q_OBJECT
public:
    explicit RunSummaryView(QWidget *parent = nullptr);

    void showResult(const RunResult &result);
    void clear();
    bool hasResult() const { return m_hasResult; }

    QLabel *headline() const { return m_headline; }
    QTableWidget *percentileTable() const { return m_percentiles; }
    QTableWidget *errorTable() const { return m_errors; }
    QTableWidget *resourceTable() const { return m_resources; }
    // One row per cluster node (hidden for a single server).
    QTableWidget *nodeTable() const { return m_nodes; }
    // One row per agent of a distributed run (hidden for a run on this machine).
    AgentStatusTable *agentTable() const { return m_agents; }

    // Formats microseconds as "0.21 ms" / "1.5 s"; shared with the results views.
    static QString formatLatencyUs(double us);

private:
    void showNodes(const RunResult &result);

    QLabel *m_headline = nullptr;
    QTableWidget *m_percentiles = nullptr;
    QTableWidget *m_errors = nullptr;
    QTableWidget *m_resources = nullptr;
    QTableWidget *m_nodes = nullptr;
    AgentStatusTable *m_agents = nullptr;
    QGroupBox *m_agentBox = nullptr;
    // The per-node table only for a cluster run; hidden, its row gives its space to the others.
    void showNodeBox(bool show);
    void showAgentBox(bool show);
    QGroupBox *m_nodeBox = nullptr;
    QGridLayout *m_grid = nullptr;
    bool m_hasResult = false;
};

} // namespace cwb
