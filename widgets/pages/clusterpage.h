#pragma once

#include "cluster/clusterjobs.h"
#include "cluster/shardingsimulation.h"
#include "cluster/topology.h"
#include "cluster/topologysimulator.h"
#include "pagecontext.h"
#include "redis/endpoint.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace cwb {

class OwnershipBar;
class PageHeader;
class TopologyGraph;

// Cluster page: the live topology of the connected Redis Cluster (graph, slot bar, manual
// failover, kill-a-master on sandboxes) and a sharding simulation (strategy, nodes, the
// distribution chart with its ideal line, what an added/removed node moves, and a simulated
// failover). Discovery and failover run as jobs (cluster/clusterjobs.h); the GUI thread never
// touches the network.
class ClusterPage : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterPage(const PageContext &context, QWidget *parent = nullptr);
    ~ClusterPage() override;

    PageHeader *header() const { return m_header; }
    QTabWidget *tabs() const { return m_tabs; }

    void refreshNow();

    TopologyGraph *topologyGraph() const { return m_graph; }
    OwnershipBar *slotBar() const { return m_slotBar; }
    QLabel *topologyStatus() const { return m_status; }

    // Simulation tab.
    QComboBox *strategyBox() const { return m_strategy; }
    QSpinBox *nodeCountBox() const { return m_nodeCount; }
    QSpinBox *keyCountBox() const { return m_keyCount; }
    QSpinBox *probesBox() const { return m_probes; }
    QPushButton *addNodeButton() const { return m_addNode; }
    QPushButton *removeNodeButton() const { return m_removeNode; }
    QPushButton *failNodeButton() const { return m_failNode; }
    QCustomPlot *distributionPlot() const { return m_plot; }
    QTableWidget *simulationTable() const { return m_nodeTable; }
    QLabel *movedLabel() const { return m_moved; }
    OwnershipBar *simulationBar() const { return m_simBar; }
    TopologyGraph *simulatedGraph() const { return m_simGraph; }
    const ShardingSimulation &simulation() const { return m_simulation; }
    void resetSimulation();

Q_SIGNALS:
    void topologyUpdated();
    // "master", "replica" or "failed": what the newest topology says of the target node itself.
    void targetRoleSeen(const QString &role);

private:
    QWidget *buildTopologyTab();
    QWidget *buildSimulationTab();
    QWidget *buildSimulationTable(QWidget *parent);
    void fillSimulationTable(const DistributionStats &stats);
    // The cluster to show; nullopt stops the live refresh. Follows the target source when it
    // connects to a server in cluster mode.
    void setClusterTarget(const std::optional<Endpoint> &seed);
    void stopWatch();
    void onTopology(const std::optional<Topology> &topology, const QString &error);
    void updateActions();
    void manualFailover();
    void killSelectedMaster();
    void updateSimulationViews();
    void addSimulatedNode();
    void removeSimulatedNode();
    void failSimulatedNode();

    PageHeader *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;

    // Topology tab
    TopologyGraph *m_graph = nullptr;
    OwnershipBar *m_slotBar = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_failover = nullptr;
    QPushButton *m_kill = nullptr;
    TargetSource *m_target = nullptr;
    jobs::JobLauncher *m_launcher = nullptr;
    ClusterWatchJob *m_watch = nullptr;          // polls the topology until the target changes
    ClusterFailoverJob *m_failoverJob = nullptr; // while a manual failover runs
    std::optional<Endpoint> m_seed;
    Topology m_topology;

    // Simulation tab
    QComboBox *m_strategy = nullptr;
    QSpinBox *m_nodeCount = nullptr;
    QSpinBox *m_keyCount = nullptr;
    QSpinBox *m_vnodes = nullptr;
    QSpinBox *m_probes = nullptr;
    QComboBox *m_distribution = nullptr;
    QPushButton *m_addNode = nullptr;
    QPushButton *m_removeNode = nullptr;
    QPushButton *m_failNode = nullptr;
    QCustomPlot *m_plot = nullptr;
    QTabWidget *m_simViews = nullptr; // the chart and the per-node table
    QTableWidget *m_nodeTable = nullptr;
    QLabel *m_moved = nullptr;
    QLabel *m_balance = nullptr;
    OwnershipBar *m_simBar = nullptr;
    TopologyGraph *m_simGraph = nullptr;
    QTimer *m_simClock = nullptr;
    ShardingSimulation m_simulation;
    std::unique_ptr<TopologySimulator> m_simCluster;
};

} // namespace cwb
