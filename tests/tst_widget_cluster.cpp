#include "cluster/topologygraph.h"
#include "pages/clusterpage.h"
#include "testsupport.h"

#include <qcustomplot.h>

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

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

} // namespace

class TestWidgetCluster : public QObject
{
    Q_OBJECT

private slots:
    void simulationChartUpdatesAfterAddNode()
    {
        ClusterPage page;
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

    void topologyShowsSixNodesOfSandboxCluster()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster);
        ClusterPage page;
        page.resize(1100, 620);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy updated(&page, &ClusterPage::topologyUpdated);
        page.setClusterTarget(cluster.seed());
        QVERIFY(updated.wait(10000));
        QCOMPARE(page.topologyGraph()->drawnNodeIds().size(), 6);
        QCOMPARE(page.topologyGraph()->topology().countRole(NodeRole::Master), 3);
        QCOMPARE(page.slotBar()->segmentCount(), 3);
        QVERIFY(page.topologyStatus()->text().contains(QStringLiteral("3")));
        // A second poll gives rates; wait for it so the screenshot shows ops/s.
        QVERIFY(updated.wait(5000));
        screenshot(&page, QStringLiteral("cluster-topology.png"));
        page.setClusterTarget(std::nullopt);
        QCOMPARE(page.topologyGraph()->drawnNodeIds().size(), 0);
    }
};

QTEST_MAIN(TestWidgetCluster)
#include "tst_widget_cluster.moc"
