#include "clusterpage.h"

#include "cluster/clusterdiscovery.h"
#include "charts/chartstyle.h"
#include "cluster/topologygraph.h"
#include "jobs/joblauncher.h"
#include "pageheader.h"
#include "tableitems.h"
#include "targetsource.h"
#include "warming/memoryguard.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QHeaderView>
#include <QSplitter>
#include <QTableWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cwb {

namespace {

constexpr int kPollMs = 1500;
constexpr int kFailoverWaitMs = 10000;

QString compactCount(double v)
{
    if (v >= 1e6)
        return QString::number(v / 1e6, 'f', 2) + QStringLiteral(" M");
    if (v >= 1e3)
        return QString::number(v / 1e3, 'f', 1) + QStringLiteral(" k");
    return QString::number(v, 'f', 0);
}

} // namespace

ClusterPage::ClusterPage(const PageContext &context, QWidget *parent)
    : QWidget(parent), m_target(context.target), m_launcher(context.launcher)
{
    Q_ASSERT(m_target && m_launcher);
    setObjectName(QStringLiteral("clusterpage"));
    m_header = new PageHeader(
        tr("Cluster"), tr("See the cluster's nodes, slot ranges and replicas, and how load spreads over the shards."),
        this);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildTopologyTab(), tr("Topology"));
    m_tabs->addTab(buildSimulationTab(), tr("Sharding simulation"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);

    resetSimulation();
    // Cluster mode is known once the target answers; any other change ends the watch.
    connect(m_target, &TargetSource::connected, this, [this](const ServerSummary &summary) {
        setClusterTarget(summary.isCluster() ? m_target->endpoint() : std::nullopt);
        if (!summary.isCluster())
            m_status->setText(tr("The connected server is not running in cluster mode."));
    });
    connect(m_target, &TargetSource::endpointChanged, this, [this] { setClusterTarget(std::nullopt); });
}

ClusterPage::~ClusterPage()
{
    // Both jobs are children and join when deleted; asking both first lets them end together,
    // each within one node call's timeout.
    for (jobs::JobBase *job : std::initializer_list<jobs::JobBase *>{m_watch, m_failoverJob})
        if (job)
            job->requestStop();
}

QWidget *ClusterPage::buildTopologyTab()
{
    auto *tab = new QWidget(this);
    m_status = new QLabel(tr("Not connected to a cluster."), tab);
    m_status->setObjectName(QStringLiteral("clusterstatus"));
    m_status->setWordWrap(true);
    m_refresh = new QPushButton(tr("Refresh"), tab);
    m_refresh->setToolTip(tr("Read the topology again now (it also refreshes every 1.5 s)"));
    m_failover = new QPushButton(tr("Manual failover"), tab);
    m_failover->setToolTip(tr("Run CLUSTER FAILOVER on the selected replica: it becomes the master of its shard"));
    m_kill = new QPushButton(tr("Kill master"), tab);
    m_kill->setToolTip(tr("Kill the selected master's process to watch automatic failover (local sandbox clusters only)"));
    connect(m_refresh, &QPushButton::clicked, this, &ClusterPage::refreshNow);
    connect(m_failover, &QPushButton::clicked, this, &ClusterPage::manualFailover);
    connect(m_kill, &QPushButton::clicked, this, &ClusterPage::killSelectedMaster);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_failover);
    buttons->addWidget(m_kill);

    m_graph = new TopologyGraph(tab);
    connect(m_graph, &TopologyGraph::nodeSelected, this, &ClusterPage::updateActions);
    m_slotBar = new OwnershipBar(tab);
    m_slotBar->setSegments({}, {}, tr("Slot ownership (0-16383)"));

    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(m_graph, 1);
    layout->addWidget(m_slotBar);
    updateActions();
    return tab;
}

void ClusterPage::setClusterTarget(const std::optional<Endpoint> &seed)
{
    m_seed = seed;
    if (seed) {
        m_status->setText(tr("Reading the cluster topology from %1…").arg(seed->address()));
        refreshNow();
    } else {
        stopWatch();
        m_topology = {};
        m_graph->setTopology(m_topology);
        m_slotBar->setSegments({}, {}, tr("Slot ownership (0-16383)"));
        m_status->setText(tr("Not connected to a cluster."));
    }
    updateActions();
}

void ClusterPage::stopWatch()
{
    // The answer of a watch for an earlier target is dropped: discard() silences it.
    if (auto *watch = std::exchange(m_watch, nullptr))
        watch->discard();
}

void ClusterPage::refreshNow()
{
    if (!m_seed)
        return;
    // A fresh watch reads the topology at once and then every kPollMs.
    stopWatch();
    ClusterWatchOptions options;
    options.intervalMs = kPollMs;
    m_watch = makeClusterWatchJob(*m_seed, options, this);
    connect(m_watch, &jobs::JobBase::progressAvailable, this, [this] {
        const ClusterUpdate &update = m_watch->progress();
        onTopology(update.topology, update.error);
    });
    connect(m_watch, &jobs::JobBase::finished, this, [this] {
        // Ended by itself (not discarded): it stopped polling, so a refresh starts a new one.
        m_watch->deleteLater();
        m_watch = nullptr;
    });
    // A passive watch, not work a user waits for: it is not launched through the launcher, so
    // quitting never asks about it.
    m_watch->start();
}

void ClusterPage::onTopology(const std::optional<Topology> &topology, const QString &error)
{
    if (!topology) {
        m_status->setText(tr("Cannot read the cluster topology: %1").arg(error));
        return;
    }
    m_topology = *topology;
    m_graph->setTopology(m_topology);
    std::vector<OwnershipBar::Segment> segments;
    QStringList names;
    const auto masters = m_topology.masters();
    for (size_t i = 0; i < masters.size(); ++i) {
        names << masters[i]->address();
        for (const SlotRange &r : masters[i]->slotRanges)
            segments.push_back({double(r.first) / 16384.0, double(r.last + 1) / 16384.0, int(i)});
    }
    m_slotBar->setSegments(segments, names, tr("Slot ownership (0-16383) by master"));
    const auto uncovered = m_topology.uncoveredSlots();
    // A killed master keeps its "master" flag (with "fail") until it is forgotten: it serves
    // nothing, so it is counted apart, not as one of the masters.
    int liveMasters = 0, liveReplicas = 0, failed = 0;
    for (const TopologyNode &node : m_topology.nodes) {
        if (node.health == NodeHealth::Failed)
            ++failed;
        else if (node.isMaster())
            ++liveMasters;
        else
            ++liveReplicas;
    }
    QString counts = tr("%1 masters, %2 replicas").arg(liveMasters).arg(liveReplicas);
    if (failed > 0)
        counts += tr(", %n failed node(s)", nullptr, failed);
    m_status->setText(tr("%1 · %2 · %3")
                          .arg(counts,
                               uncovered.empty() ? tr("all slots covered")
                                                 : tr("uncovered slots: %1").arg(slotRangesToText(uncovered)),
                               m_topology.source));
    updateActions();
    // The target node's role as the cluster sees it now (a failover demotes or promotes it); a
    // dead target keeps its "master" flag until it is forgotten, but serves as nothing.
    if (m_seed)
        for (const TopologyNode &node : m_topology.nodes)
            if (node.address() == m_seed->address())
                Q_EMIT targetRoleSeen(node.health == NodeHealth::Failed ? nodeHealthName(node.health)
                                                                        : nodeRoleName(node.role));
    emit topologyUpdated();
}

void ClusterPage::updateActions()
{
    const TopologyNode *selected = m_topology.node(m_graph->selectedNodeId());
    m_refresh->setEnabled(m_seed.has_value());
    m_failover->setEnabled(!m_failoverJob && selected && !selected->isMaster() && selected->health == NodeHealth::Up);
    m_kill->setEnabled(selected && selected->isMaster() && selected->health != NodeHealth::Failed
                       && ClusterDiscovery::isOwnedSandboxProcess(selected->metrics.pid));
}

void ClusterPage::manualFailover()
{
    if (!m_seed || m_failoverJob)
        return;
    const QString id = m_graph->selectedNodeId();
    m_status->setText(tr("Failing over to %1…").arg(id.left(8)));
    m_failoverJob = makeClusterFailoverJob(*m_seed, id, kFailoverWaitMs, {}, this);
    connect(m_failoverJob, &jobs::JobBase::finished, this, [this] {
        ClusterFailoverJob *job = std::exchange(m_failoverJob, nullptr);
        job->deleteLater();
        if (job->state() == jobs::JobState::Succeeded)
            m_status->setText(tr("Failover done."));
        else if (job->state() == jobs::JobState::Stopped)
            m_status->setText(tr("Failover stopped before the replica took over."));
        else
            m_status->setText(tr("Failover failed: %1").arg(job->failureReason()));
        updateActions();
        refreshNow();
    });
    m_launcher->launch(m_failoverJob);
    updateActions();
}

void ClusterPage::killSelectedMaster()
{
    const TopologyNode *node = m_topology.node(m_graph->selectedNodeId());
    if (!node)
        return;
    QString error;
    if (ClusterDiscovery::killOwnedNode(*node, &error))
        m_status->setText(tr("Killed %1; the cluster marks it failed after its node timeout and promotes a replica.")
                              .arg(node->address()));
    else
        m_status->setText(error);
    updateActions();
}

// ------------------------------------------------------------------ simulation

QWidget *ClusterPage::buildSimulationTab()
{
    auto *tab = new QWidget(this);
    m_strategy = new QComboBox(tab);
    m_strategy->addItem(tr("Consistent hashing (virtual nodes)"), QStringLiteral("consistent"));
    m_strategy->addItem(tr("Redis Cluster slots (CRC16, 16384)"), QStringLiteral("slots"));
    m_strategy->addItem(tr("Key ranges (split points)"), QStringLiteral("range"));
    m_strategy->addItem(tr("Jump consistent hash"), QStringLiteral("jump"));
    m_nodeCount = new QSpinBox(tab);
    m_nodeCount->setRange(1, 64);
    m_nodeCount->setValue(6);
    m_keyCount = new QSpinBox(tab);
    m_keyCount->setRange(1000, 2000000);
    m_keyCount->setSingleStep(10000);
    m_keyCount->setValue(100000);
    m_keyCount->setGroupSeparatorShown(true);
    m_vnodes = new QSpinBox(tab);
    m_vnodes->setRange(1, 2000);
    m_vnodes->setValue(160);
    m_probes = new QSpinBox(tab);
    m_probes->setObjectName(QStringLiteral("probes"));
    m_probes->setRange(1, ShardMap::Options::kMaxProbes);
    m_probes->setValue(ShardMap::Options::kDefaultProbes);
    m_probes->setToolTip(tr("Multi-probe consistent hashing: each key is hashed this many times and goes to the "
                            "closest ring point. 1 is the classic ring; more probes balance the nodes better."));
    m_distribution = new QComboBox(tab);
    m_distribution->addItem(tr("Uniform"), QStringLiteral("uniform"));
    m_distribution->addItem(tr("Zipfian (hot keys)"), QStringLiteral("zipfian"));

    auto *form = new QFormLayout;
    form->addRow(tr("Strategy:"), m_strategy);
    form->addRow(tr("Nodes:"), m_nodeCount);
    form->addRow(tr("Keys:"), m_keyCount);
    form->addRow(tr("Virtual nodes per node:"), m_vnodes);
    form->addRow(tr("Probes per key:"), m_probes);
    form->addRow(tr("Traffic:"), m_distribution);
    for (QComboBox *box : {m_strategy, m_distribution})
        connect(box, &QComboBox::currentIndexChanged, this, &ClusterPage::resetSimulation);
    for (QSpinBox *box : {m_nodeCount, m_keyCount, m_vnodes, m_probes})
        connect(box, &QSpinBox::editingFinished, this, &ClusterPage::resetSimulation);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, [this] {
        const bool consistent = m_strategy->currentData().toString() == QLatin1String("consistent");
        m_vnodes->setEnabled(consistent);
        m_probes->setEnabled(consistent);
    });

    m_addNode = new QPushButton(tr("Add node"), tab);
    m_removeNode = new QPushButton(tr("Remove node"), tab);
    m_failNode = new QPushButton(tr("Fail node"), tab);
    m_addNode->setToolTip(tr("Add one node and show which keys move"));
    m_removeNode->setToolTip(tr("Remove the last node and show which keys move"));
    m_failNode->setToolTip(tr("Stop the selected (or first) master in the simulated cluster and watch its replica take over"));
    connect(m_addNode, &QPushButton::clicked, this, &ClusterPage::addSimulatedNode);
    connect(m_removeNode, &QPushButton::clicked, this, &ClusterPage::removeSimulatedNode);
    connect(m_failNode, &QPushButton::clicked, this, &ClusterPage::failSimulatedNode);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addNode);
    buttons->addWidget(m_removeNode);
    buttons->addWidget(m_failNode);
    buttons->addStretch(1);

    m_balance = new QLabel(tab);
    m_balance->setWordWrap(true);
    m_moved = new QLabel(tr("Add or remove a node to see how many keys move."), tab);
    m_moved->setObjectName(QStringLiteral("movedkeys"));
    m_moved->setWordWrap(true);

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addLayout(buttons);
    left->addWidget(m_balance);
    left->addWidget(m_moved);
    left->addStretch(1);

    m_plot = new QCustomPlot(tab);
    m_plot->setObjectName(QStringLiteral("distributionplot"));
    m_plot->setMinimumHeight(220);
    m_plot->yAxis->setLabel(tr("Keys"));
    m_plot->legend->setVisible(true);
    ChartStyle::install(m_plot);
    m_simBar = new OwnershipBar(tab);
    m_simGraph = new TopologyGraph(tab);
    m_simGraph->setTitlesByName(true);
    m_simGraph->setMinimumHeight(180);
    m_simViews = new QTabWidget(tab);
    m_simViews->setDocumentMode(true);
    m_simViews->addTab(m_plot, tr("Chart"));
    m_simViews->addTab(buildSimulationTable(tab), tr("Table"));

    auto *right = new QVBoxLayout;
    right->addWidget(m_simViews, 3);
    right->addWidget(m_simBar);
    right->addWidget(m_simGraph, 2);

    auto *layout = new QHBoxLayout(tab);
    layout->addLayout(left, 0);
    layout->addLayout(right, 1);

    m_simClock = new QTimer(this);
    m_simClock->setInterval(100);
    connect(m_simClock, &QTimer::timeout, this, [this] {
        if (!m_simCluster)
            return;
        m_simCluster->advance(100);
        m_simGraph->setTopology(m_simCluster->topology());
        if (!m_simCluster->events().empty())
            m_moved->setText(m_simCluster->events().back().text);
        // Run until the failover has settled (nothing left failed with slots).
        bool pending = false;
        for (const TopologyNode &n : m_simCluster->topology().nodes)
            pending |= n.isMaster() && n.health != NodeHealth::Up && !n.slotRanges.empty();
        if (!pending && m_simCluster->nowMs() > 4000)
            m_simClock->stop();
    });
    return tab;
}

QWidget *ClusterPage::buildSimulationTable(QWidget *parent)
{
    m_nodeTable = new QTableWidget(0, 7, parent);
    m_nodeTable->setObjectName(QStringLiteral("simulationnodes"));
    m_nodeTable->setHorizontalHeaderLabels({tr("Node"), tr("Keys"), tr("Key share"), tr("Traffic share"),
                                            tr("Memory (est.)"), tr("Redis slots"), tr("Slot ranges")});
    m_nodeTable->horizontalHeaderItem(5)->setToolTip(
        tr("The hash slots of a Redis Cluster with these nodes: the simulated slot map under the slots strategy, "
           "otherwise the even split redis-cli --cluster create makes (the failover model below uses it)."));
    m_nodeTable->verticalHeader()->setVisible(false);
    m_nodeTable->horizontalHeader()->setStretchLastSection(true);
    m_nodeTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return m_nodeTable;
}

void ClusterPage::fillSimulationTable(const DistributionStats &stats)
{
    m_nodeTable->setRowCount(0);
    for (const NodeShare &share : stats.nodes) {
        appendReadOnlyRow(m_nodeTable,
                          {share.name, QLocale().toString(share.keys), tr("%1 %").arg(share.keyShare * 100, 0, 'f', 2),
                           tr("%1 %").arg(share.loadShare * 100, 0, 'f', 2), formatBytes(qint64(share.bytes)),
                           QLocale().toString(share.redisSlotCount()), slotRangesToText(share.redisSlots)},
                          1);
        // The slot ranges are text, however many.
        m_nodeTable->item(m_nodeTable->rowCount() - 1, 6)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    }
    m_nodeTable->resizeColumnsToContents();
}

void ClusterPage::resetSimulation()
{
    ShardingSimulation::Options options;
    options.map.strategy = parseStrategy(m_strategy->currentData().toString()).value_or(ShardingStrategy::Consistent);
    options.map.vnodesPerNode = m_vnodes->value();
    options.map.probes = m_probes->value();
    options.nodes = m_nodeCount->value();
    KeySet::SyntheticOptions keys;
    keys.count = m_keyCount->value();
    keys.distribution = parseDistribution(m_distribution->currentData().toString()).value_or(KeySet::Distribution::Uniform);
    QString error;
    if (!m_simulation.reset(options, KeySet::synthetic(keys), &error)) {
        m_balance->setText(error);
        return;
    }
    m_moved->setText(tr("Add or remove a node to see how many keys move."));
    updateSimulationViews();
}

void ClusterPage::updateSimulationViews()
{
    if (!m_simulation.isValid())
        return;
    const DistributionStats &stats = m_simulation.stats();
    const int n = int(stats.nodes.size());

    m_plot->clearPlottables();
    m_plot->clearItems();
    auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    bars->setName(tr("Keys per node"));
    QVector<double> x;
    QVector<double> y;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double top = 0;
    for (int i = 0; i < n; ++i) {
        x << i + 1;
        y << double(stats.nodes[size_t(i)].keys);
        top = std::max(top, y.back());
        ticker->addTick(i + 1, stats.nodes[size_t(i)].name);
    }
    bars->setData(x, y);
    bars->setWidth(0.7);
    ChartStyle::setSeriesColour(bars, 0);
    auto *ideal = new QCPGraph(m_plot->xAxis, m_plot->yAxis);
    ideal->setName(tr("Ideal (keys / nodes)"));
    ideal->setData(QVector<double>{0.4, n + 0.6}, QVector<double>{stats.meanKeys, stats.meanKeys});
    ChartStyle::setSeriesColour(ideal, 7, Qt::DashLine);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setTickLabelRotation(n > 10 ? 60 : 0);
    m_plot->xAxis->setRange(0.4, n + 0.6);
    m_plot->yAxis->setRange(0, std::max(1.0, top * 1.15));
    ChartStyle::of(m_plot)->applyPalette(); // the new legend entries
    m_plot->replot();

    m_balance->setText(tr("Busiest node %1 × the mean, standard deviation %2 %, hottest node %3 × mean traffic; "
                          "assigning %4 keys took %5 ms.")
                           .arg(stats.maxOverMean, 0, 'f', 3)
                           .arg(stats.relativeStddev * 100, 0, 'f', 1)
                           .arg(stats.maxLoadOverMean, 0, 'f', 2)
                           .arg(compactCount(double(stats.totalKeys)))
                           .arg(double(m_simulation.lastAssignNs()) / 1e6, 0, 'f', 1));

    std::vector<OwnershipBar::Segment> segments;
    for (const OwnershipSegment &s : m_simulation.map().segments())
        segments.push_back({s.from, s.to, s.owner});
    QStringList names;
    for (const ShardNode &node : m_simulation.nodes())
        names << node.name;
    QString caption;
    switch (m_simulation.map().strategy()) {
    case ShardingStrategy::Consistent: caption = tr("Hash ring ownership (0 to 2^64)"); break;
    case ShardingStrategy::Slots: caption = tr("Slot ownership (0-16383)"); break;
    case ShardingStrategy::Range: caption = tr("Key ranges in sorted key order"); break;
    case ShardingStrategy::Jump: caption = tr("Jump hash: each node owns 1/N of the hash space, not contiguous"); break;
    }
    m_simBar->setSegments(segments, names, caption);
    fillSimulationTable(stats);

    // The simulated cluster for failover: one master per node (same names, same Redis slots as
    // the table), each with one replica.
    m_simClock->stop();
    std::vector<TopologySimulator::MasterSpec> masters;
    for (const NodeShare &share : stats.nodes)
        masters.push_back({share.name, share.redisSlots});
    m_simCluster = std::make_unique<TopologySimulator>(TopologySimulator::makeCluster(masters, 1));
    m_simCluster->advance(1000); // replicas have synced something before anyone fails
    m_simGraph->setTopology(m_simCluster->topology());
    m_removeNode->setEnabled(n > 1);
}

void ClusterPage::addSimulatedNode()
{
    QString error;
    const auto report = m_simulation.addNode(std::nullopt, &error);
    if (!report) {
        m_moved->setText(error);
        return;
    }
    updateSimulationViews();
    m_nodeCount->blockSignals(true);
    m_nodeCount->setValue(int(m_simulation.nodes().size()));
    m_nodeCount->blockSignals(false);
    m_moved->setText(tr("%1: %2 keys moved (%3 % of all; the ideal is %4 %, so %5 × ideal).")
                         .arg(report->change)
                         .arg(report->movedKeys)
                         .arg(report->movedFraction * 100, 0, 'f', 2)
                         .arg(report->idealFraction * 100, 0, 'f', 2)
                         .arg(report->ratioToIdeal, 0, 'f', 2));
}

void ClusterPage::removeSimulatedNode()
{
    if (m_simulation.nodes().size() < 2)
        return;
    QString error;
    const auto report = m_simulation.removeNode(m_simulation.nodes().back().name, &error);
    if (!report) {
        m_moved->setText(error);
        return;
    }
    updateSimulationViews();
    m_nodeCount->blockSignals(true);
    m_nodeCount->setValue(int(m_simulation.nodes().size()));
    m_nodeCount->blockSignals(false);
    m_moved->setText(tr("%1: %2 keys moved (%3 % of all; the ideal is %4 %, so %5 × ideal).")
                         .arg(report->change)
                         .arg(report->movedKeys)
                         .arg(report->movedFraction * 100, 0, 'f', 2)
                         .arg(report->idealFraction * 100, 0, 'f', 2)
                         .arg(report->ratioToIdeal, 0, 'f', 2));
}

void ClusterPage::failSimulatedNode()
{
    if (!m_simCluster)
        return;
    QString id = m_simGraph->selectedNodeId();
    if (id.isEmpty() || m_simCluster->isDown(id)) {
        for (const TopologyNode *m : m_simCluster->topology().masters()) {
            if (!m_simCluster->isDown(m->id)) {
                id = m->id;
                break;
            }
        }
    }
    if (id.isEmpty() || !m_simCluster->failNode(id))
        return;
    m_moved->setText(tr("%1 stopped; watch the health checks and the failover.").arg(id));
    m_simClock->start();
}

} // namespace cwb
