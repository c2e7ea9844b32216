#include "cluster/topologygraph.h"
#include "pages/clusterpage.h"
#include "pagedoubles.h"
#include "testsupport.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace cwb;

namespace {

// Saves a PNG of the widget when CWB_SCREENSHOT_DIR is set (docs/screenshots).
void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CWB_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name));
}

// Types a value the way a user does: select all, type, Enter (which commits it).
void typeValue(QSpinBox *box, int value)
{
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, QString::number(value));
    QTest::keyClick(box, Qt::Key_Return);
}

// The busiest node over the mean, as the chart's bars show it.
double chartMaxOverMean(ClusterPage &page)
{
    auto *bars = qobject_cast<QCPBars *>(page.distributionPlot()->plottable(0));
    if (!bars || bars->data()->isEmpty())
        return 0;
    double max = 0;
    double sum = 0;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
        max = std::max(max, it->value);
        sum += it->value;
    }
    return max / (sum / bars->data()->size());
}

// The label that states the balance figure (the page formats max/mean with three decimals).
bool pageShowsFigure(ClusterPage &page, double figure)
{
    const QString text = QString::number(figure, 'f', 3);
    const auto labels = page.findChildren<QLabel *>();
    return std::any_of(labels.begin(), labels.end(),
                       [&](const QLabel *l) { return l->isVisible() && l->text().contains(text); });
}

} // namespace

namespace {

// What the main window's target bar does on connecting to a cluster-mode server.
void connectToCluster(TargetSource &target, const Endpoint &seed)
{
    target.setEndpoint(seed);
    ServerSummary summary;
    summary.mode = QStringLiteral("cluster");
    target.setConnected(summary);
}

} // namespace

class TestWidgetCluster : public QObject
{
    Q_OBJECT

private slots:
    void simulationChartUpdatesAfterAddNode()
    {
        test::PageDoubles doubles;
        ClusterPage page(doubles.context());
        page.resize(1100, 720);
        page.tabs()->setCurrentIndex(1);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.simulation().nodes().size(), size_t(6));
        auto *bars = qobject_cast<QCPBars *>(page.distributionPlot()->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), 6);
        QCOMPARE(page.distributionPlot()->graphCount(), 1); // the ideal line
        const double idealBefore = page.distributionPlot()->graph(0)->data()->at(0)->value;
        QTest::mouseClick(page.addNodeButton(), Qt::LeftButton);
        QCOMPARE(page.simulation().nodes().size(), size_t(7));
        bars = qobject_cast<QCPBars *>(page.distributionPlot()->plottable(0));
        QCOMPARE(bars->data()->size(), 7);
        const double idealAfter = page.distributionPlot()->graph(0)->data()->at(0)->value;
        QVERIFY(qAbs(idealAfter - 100000.0 / 7) < 1e-6);
        QVERIFY(idealAfter < idealBefore);
        QVERIFY(page.movedLabel()->text().contains(QStringLiteral("add node-7")));
        QCOMPARE(page.nodeCountBox()->value(), 7);
        QCOMPARE(page.simulatedGraph()->drawnNodeIds().size(), 14);

        // Failing a simulated master: its replica takes over within the simulated timeout.
        QTest::mouseClick(page.failNodeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.simulatedGraph()->topology().node(QStringLiteral("node-1-r1"))
                                     && page.simulatedGraph()->topology().node(QStringLiteral("node-1-r1"))->isMaster(),
                                 8000);
        screenshot(&page, QStringLiteral("cluster-simulation.png"));

        QTest::mouseClick(page.removeNodeButton(), Qt::LeftButton);
        QCOMPARE(page.simulation().nodes().size(), size_t(6));
        QVERIFY(page.movedLabel()->text().contains(QStringLiteral("remove node-7")));
    }

    // However many nodes the simulation has, every one is drawn whole inside the graph, none on
    // another: shards wrap into bands while text fits, and become tiles named in their tooltips
    // when it cannot; a box with text is wide enough for its whole name.
    void manyNodesStayWholeAndApart_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<bool>("text");
        QTest::newRow("6") << 6 << true;
        QTest::newRow("12") << 12 << true;
        QTest::newRow("64") << 64 << false;
    }
    void manyNodesStayWholeAndApart()
    {
        QFETCH(int, nodes);
        QFETCH(bool, text);
        test::PageDoubles doubles;
        ClusterPage page(doubles.context());
        page.resize(1280, 760);
        page.tabs()->setCurrentIndex(1);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        typeValue(page.nodeCountBox(), nodes);
        QCOMPARE(page.simulation().nodes().size(), size_t(nodes));
        TopologyGraph *graph = page.simulatedGraph();
        const TopologyGraph::Layout layout = graph->layOut(graph->size());
        QCOMPARE(layout.boxes.size(), size_t(2 * nodes));
        QCOMPARE(layout.text, text);
        QFont bold = graph->font();
        bold.setBold(true);
        const QRectF inside = QRectF(graph->rect());
        for (size_t i = 0; i < layout.boxes.size(); ++i) {
            const auto &b = layout.boxes[i];
            QVERIFY2(inside.contains(b.box), qPrintable(b.node->id));
            if (text)
                QVERIFY2(b.box.width() - 16 >= QFontMetricsF(bold).horizontalAdvance(b.node->id), qPrintable(b.node->id));
            else
                QVERIFY(b.box.width() >= 10 && b.box.height() >= 8);
            for (size_t j = i + 1; j < layout.boxes.size(); ++j)
                QVERIFY2(!b.box.intersects(layout.boxes[j].box), qPrintable(b.node->id + u' ' + layout.boxes[j].node->id));
        }
        // Tiles name their node in the tooltip, with what a box would have said.
        const QString details = graph->nodeDetails(*layout.boxes.back().node);
        QVERIFY2(details.contains(layout.boxes.back().node->id), qPrintable(details));
        screenshot(&page, QStringLiteral("cluster-simulation-%1.png").arg(nodes));
    }

    // One name per node in the chart, the table, the failover graph and the JSON export, and the
    // Redis slots of each node beside a ring's figures.
    void simulationNamesNodesOneWayAndShowsTheirRedisSlots()
    {
        test::PageDoubles doubles;
        ClusterPage page(doubles.context());
        page.resize(1280, 760);
        page.tabs()->setCurrentIndex(1);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.strategyBox()->currentData().toString(), QStringLiteral("consistent"));
        auto checkOneNaming = [&page] {
            auto ticker = page.distributionPlot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
            QVERIFY(ticker);
            const QStringList chartNames = ticker->ticks().values();
            QTableWidget *table = page.simulationTable();
            QCOMPARE(table->rowCount(), chartNames.size());
            const nlohmann::json exported = distributionToJson(page.simulation().stats());
            TopologyGraph *graph = page.simulatedGraph();
            const auto masters = graph->topology().masters();
            QCOMPARE(int(masters.size()), chartNames.size());
            int slotTotal = 0;
            for (int row = 0; row < table->rowCount(); ++row) {
                const QString name = chartNames[row];
                QCOMPARE(table->item(row, 0)->text(), name);
                QCOMPARE(QString::fromStdString(exported["nodes"][size_t(row)]["name"].get<std::string>()), name);
                const TopologyNode *master = graph->topology().node(name);
                QVERIFY2(master && master->isMaster(), qPrintable(name));
                QCOMPARE(graph->nodeTitle(*master, false), QStringLiteral("master · ") + name);
                QVERIFY(!graph->nodeTitle(*master, false).contains(QStringLiteral("10.0.0")));
                // The failover model holds the slots the table gives the node.
                QCOMPARE(table->item(row, 6)->text(), slotRangesToText(master->slotRanges));
                QCOMPARE(table->item(row, 5)->text().remove(QLocale().groupSeparator()).toInt(), master->slotCount());
                QCOMPARE(exported["nodes"][size_t(row)]["redis_slots"].get<int>(), master->slotCount());
                QVERIFY(master->slotCount() > 0);
                slotTotal += master->slotCount();
            }
            QCOMPARE(slotTotal, 16384);
        };
        checkOneNaming();
        QCOMPARE(page.simulationTable()->item(0, 6)->text(), QStringLiteral("0-2729"));

        // Failing a node names it as the chart does.
        QTest::mouseClick(page.failNodeButton(), Qt::LeftButton);
        QVERIFY(page.movedLabel()->text().startsWith(QStringLiteral("node-1 ")));

        // Under the slots strategy the table follows the slot map through a rebalance.
        page.strategyBox()->setCurrentIndex(page.strategyBox()->findData(QStringLiteral("slots")));
        QTest::mouseClick(page.addNodeButton(), Qt::LeftButton);
        QCOMPARE(page.simulation().nodes().size(), size_t(7));
        checkOneNaming();
        QCOMPARE(page.simulationTable()->item(6, 0)->text(), QStringLiteral("node-7"));
        screenshot(&page, QStringLiteral("cluster-simulation-table.png"));
    }

    void probesOnlyForConsistentHashingAndTheyEvenOutTheRing()
    {
        test::PageDoubles doubles;
        ClusterPage page(doubles.context());
        page.resize(1100, 720);
        page.tabs()->setCurrentIndex(1);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSpinBox *probes = page.probesBox();
        QVERIFY(probes);
        QVERIFY(!probes->toolTip().isEmpty());
        QComboBox *strategy = page.strategyBox();
        QCOMPARE(strategy->currentData().toString(), QStringLiteral("consistent"));
        QVERIFY(probes->isEnabled());
        for (const char *name : {"slots", "range", "jump", "consistent"}) {
            const int index = strategy->findData(QString::fromLatin1(name));
            QVERIFY2(index >= 0, name);
            strategy->setCurrentIndex(index);
            QCOMPARE(probes->isEnabled(), qstrcmp(name, "consistent") == 0);
        }

        typeValue(page.nodeCountBox(), 10);
        QCOMPARE(page.simulation().nodes().size(), size_t(10));
        typeValue(probes, 1);
        QCOMPARE(probes->value(), 1);
        const double oneProbe = chartMaxOverMean(page);
        QVERIFY(qAbs(oneProbe - page.simulation().stats().maxOverMean) < 1e-9);
        QVERIFY(pageShowsFigure(page, oneProbe));

        typeValue(probes, 4);
        QCOMPARE(probes->value(), 4);
        QCOMPARE(page.simulation().nodes().size(), size_t(10));
        const double fourProbes = chartMaxOverMean(page);
        QVERIFY(qAbs(fourProbes - page.simulation().stats().maxOverMean) < 1e-9);
        QVERIFY(pageShowsFigure(page, fourProbes));
        // More probes per key even out the ring's uneven arcs: the busiest node gets closer to the mean.
        QVERIFY2(fourProbes < oneProbe, qPrintable(QStringLiteral("1 probe: %1, 4 probes: %2").arg(oneProbe).arg(fourProbes)));
        QVERIFY(fourProbes >= 1.0);
    }

    void topologyShowsSixNodesOfSandboxCluster()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster);
        test::PageDoubles doubles;
        ClusterPage page(doubles.context());
        page.resize(1100, 620);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy updated(&page, &ClusterPage::topologyUpdated);
        // The page follows its target source: a cluster-mode server starts the watch.
        connectToCluster(doubles.target, cluster.seed());
        QVERIFY(updated.wait(10000));
        QCOMPARE(page.topologyGraph()->drawnNodeIds().size(), 6);
        QCOMPARE(page.topologyGraph()->topology().countRole(NodeRole::Master), 3);
        QCOMPARE(page.slotBar()->segmentCount(), 3);
        QVERIFY(page.topologyStatus()->text().contains(QStringLiteral("3")));
        // A second poll gives rates; wait for it so the screenshot shows ops/s.
        QVERIFY(updated.wait(5000));
        screenshot(&page, QStringLiteral("cluster-topology.png"));
        doubles.target.setEndpoint(std::nullopt);
        QCOMPARE(page.topologyGraph()->drawnNodeIds().size(), 0);
        // The watch is a job of its own, not work the launcher waits for before quitting.
        QVERIFY(doubles.launcher.launched.isEmpty());
    }

    void deadMasterIsNotCountedAsAMaster()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster);
        test::PageDoubles doubles;
        ClusterPage page(doubles.context());
        QSignalSpy updated(&page, &ClusterPage::topologyUpdated);
        QSignalSpy roles(&page, &ClusterPage::targetRoleSeen);
        connectToCluster(doubles.target, cluster.seed());
        QVERIFY(updated.wait(10000));
        QVERIFY(!roles.isEmpty());
        QCOMPARE(roles.last().at(0).toString(), QStringLiteral("master"));
        // Stop a master that is not the seed: its replica takes over after the node timeout.
        const Topology before = page.topologyGraph()->topology();
        SandboxRedis *victim = nullptr;
        for (SandboxRedis *node : cluster.nodes())
            for (const TopologyNode *master : before.masters())
                if (master->port == node->port() && node->port() != cluster.seed().port)
                    victim = node;
        QVERIFY(victim);
        victim->stop();
        QTRY_VERIFY_WITH_TIMEOUT(page.topologyStatus()->text().contains(QLatin1String("1 failed node")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(page.topologyStatus()->text().startsWith(QLatin1String("3 masters, 2 replicas")), 30000);
    }

    // The target itself killed: the cluster marks it failed, and so does the role the page
    // reports for the target bar (it kept saying "master" of a dead node).
    void killedTargetIsReportedFailed()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster);
        test::PageDoubles doubles;
        ClusterPage page(doubles.context());
        QSignalSpy roles(&page, &ClusterPage::targetRoleSeen);
        connectToCluster(doubles.target, cluster.seed());
        QTRY_VERIFY_WITH_TIMEOUT(!roles.isEmpty(), 10000);
        QCOMPARE(roles.last().at(0).toString(), QStringLiteral("master"));
        SandboxRedis *seed = nullptr;
        for (SandboxRedis *node : cluster.nodes())
            if (node->port() == cluster.seed().port)
                seed = node;
        QVERIFY(seed);
        seed->stop();
        QTRY_COMPARE_WITH_TIMEOUT(roles.last().at(0).toString(), QStringLiteral("failed"), 30000);
    }
};

QTEST_MAIN(TestWidgetCluster)
#include "tst_widget_cluster.moc"
