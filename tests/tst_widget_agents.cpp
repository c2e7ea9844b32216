// The GUI side of distributed runs (issue 18): the Agents panel and "Run on: Agents" on the Load
// Test page, driven offscreen against real processes: a coordination server and a target
// (sandboxes on loopback) and agent processes of the command-line tool.

#include "agents/agentspanel.h"
#include "agents/agentstatustable.h"
#include "charts/runcharts.h"
#include "charts/serieschart.h"
#include "childprocess.h"
#include "distrib/agentregistry.h"
#include "load/loadrunner.h"
#include "mainwindow.h"
#include "pages/loadtestpage.h"
#include "config/loadconfigform.h"
#include "redis/sandboxredis.h"
#include "run/runsummaryview.h"
#include "store/resultstore.h"
#include "targetbar.h"
#include "setgetconfig.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>

using namespace cwb;
using namespace Qt::StringLiterals;
using test::Child;

namespace {

const QString kCoordPassword = u"coord-secret"_s;

QString uriOf(const SandboxRedis &redis)
{
    return u"redis://127.0.0.1:%1"_s.arg(redis.port());
}

// An agent process of the command-line tool serving `coord` (whose password it takes from its
// environment, as an operator would set it), allowed to load loopback servers.
std::unique_ptr<Child> startAgent(const SandboxRedis &coord, const QString &name)
{
    auto agent = std::make_unique<Child>();
    if (!agent->start(QStringLiteral(CWB_CLI_PATH),
                      {u"agent"_s, u"--coordinator"_s, uriOf(coord), u"--name"_s, name, u"--allow-target"_s,
                       u"redis://127.0.0.1:*"_s},
                      {u"CWB_COORDINATOR_PASSWORD="_s + kCoordPassword}))
        qWarning("could not start agent %s: %s", qPrintable(name), qPrintable(agent->errorString()));
    return agent;
}

qint64 callsOf(const SandboxRedis &redis, const QByteArray &command)
{
    const QByteArray stat = test::sandboxInfoField(redis, "commandstats", "cmdstat_" + command);
    if (!stat.startsWith("calls="))
        return 0;
    return stat.mid(6, stat.indexOf(',') - 6).toLongLong();
}

// Paced at 400 ops/s over 200 keys, on one thread: a GUI test watches it, it need not be fast.
LoadTestConfig setGetConfig(const QString &name, double seconds, int users)
{
    LoadTestConfig config = cwb::test::setGetConfig(name, seconds, users, u"cwb:gui-distrib:"_s);
    config.threads = 1;
    config.requestsPerSecond = 400;
    config.keySpace = 200;
    return config;
}

int rowOf(const QTableWidget *table, const QString &name)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0) && table->item(row, 0)->text() == name)
            return row;
    return -1;
}

QString cell(const QTableWidget *table, const QString &name, int column)
{
    const int row = rowOf(table, name);
    return row < 0 || !table->item(row, column) ? QString() : table->item(row, column)->text();
}

void check(AgentsPanel *panel, const QString &name)
{
    const int row = rowOf(panel->table(), name);
    QVERIFY(row >= 0);
    QTableWidgetItem *item = panel->table()->item(row, AgentsPanel::Name);
    QVERIFY(item->flags() & Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked); // what a click on the box does
}

// With CWB_SCREENSHOT_DIR set, the window as the test left it, to look at.
void screenshot(QWidget &w, const char *name)
{
    const QString dir = qEnvironmentVariable("CWB_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w.grab().save(dir + u'/' + QLatin1String(name) + u".png"_s);
}

// Points the panel at the coordination server with its password typed beside the URI.
void pointPanelAt(AgentsPanel *panel, const SandboxRedis &coord)
{
    panel->uriEdit()->setText(uriOf(coord));
    panel->passwordEdit()->setText(kCoordPassword);
    panel->refresh();
}

// The window against `target`, its Load Test page on the Agents tab, the panel asking `coord`.
bool openAgentsTab(MainWindow &w, const SandboxRedis &target, const SandboxRedis &coord, LoadTestPage **page)
{
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return false;
    w.targetBar()->setUri(uriOf(target));
    *page = qobject_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
    if (!*page)
        return false;
    AgentsPanel *panel = (*page)->agentsPanel();
    (*page)->tabs()->setCurrentWidget(panel->parentWidget());
    pointPanelAt(panel, coord);
    return panel->isVisible();
}

} // namespace

class AgentsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CacheWorkbench"_s);
        QCoreApplication::setApplicationName(u"Cache Workbench agents"_s);
    }
    void init() { QSettings().clear(); }
    void cleanup() { QSettings().clear(); }

    // The panel lists both agents; one is chosen and runs the page's test; the merged result is
    // shown, saved with its breakdown, and adds up to what the target served.
    void panelListsAgentsAndRunsTheTestOnTheChosenOne()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord, .password = kCoordPassword);
        CWB_START_SANDBOX(target);
        auto alpha = startAgent(coord, u"gen-alpha"_s);
        auto beta = startAgent(coord, u"gen-beta"_s);

        MainWindow w;
        LoadTestPage *page = nullptr;
        QVERIFY(openAgentsTab(w, target, coord, &page));
        AgentsPanel *panel = page->agentsPanel();
        QTRY_COMPARE_WITH_TIMEOUT(int(panel->agents().size()), 2, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->table()->rowCount(), 2, 5000);
        for (const QString &name : {u"gen-alpha"_s, u"gen-beta"_s}) {
            QCOMPARE(cell(panel->table(), name, AgentsPanel::State), u"Idle"_s);
            QCOMPARE(cell(panel->table(), name, AgentsPanel::Version), QStringLiteral(CWB_VERSION));
            QVERIFY(cell(panel->table(), name, AgentsPanel::Cores).toInt() > 0);
            QCOMPARE(cell(panel->table(), name, AgentsPanel::AllowedTargets), u"redis://127.0.0.1:*"_s);
            QVERIFY(cell(panel->table(), name, AgentsPanel::Health).startsWith(u"expires in"_s));
        }
        // The URI is remembered, its password never.
        QCOMPARE(QSettings().value(u"agents/coordinator"_s).toString(), uriOf(coord));
        QSettings().sync();
        QFile settingsFile(QSettings().fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY(!settingsFile.readAll().contains(kCoordPassword.toUtf8()));

        QVERIFY(!page->runsOnAgents());
        w.resize(1280, 800);
        screenshot(w, "agents-panel");
        check(panel, u"gen-alpha"_s);
        QCOMPARE(panel->chosenAgents(), QStringList{u"gen-alpha"_s});
        QVERIFY(page->runsOnAgents()); // checking an agent is choosing to run there
        QVERIFY(page->runOnBox()->currentText().contains(u"1"_s));

        page->form()->setConfig(setGetConfig(u"gui-distributed"_s, 3, 2));
        const qint64 before = callsOf(target, "set") + callsOf(target, "get");
        QSignalSpy saved(page, &LoadTestPage::runSaved);
        QSignalSpy snapshots(page->runner(), &LoadRunner::snapshotAvailable);
        QVERIFY(page->startButton()->isEnabled());
        QTest::mouseClick(page->startButton(), Qt::LeftButton);
        QVERIFY(page->isRunning());
        QVERIFY(!page->runOnBox()->isEnabled());
        // Live: the agent's line, as the coordinator reports it.
        QTRY_COMPARE_WITH_TIMEOUT(cell(page->agentStatusTable(), u"gen-alpha"_s, AgentStatusTable::State),
                                  u"Running"_s, 30000);
        QVERIFY(page->findChild<QLabel *>(u"liveLabel"_s)->text().contains(u"1 of 1 agent"_s));
        screenshot(w, "agents-live");
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 60000);
        QVERIFY(snapshots.count() > 0);

        const RunResult &result = *page->lastResult();
        QVERIFY2(result.status == RunStatus::Completed, qPrintable(result.failureReason));
        QCOMPARE(result.agents.size(), size_t(1));
        QCOMPARE(result.agents[0].agent, u"gen-alpha"_s);
        QCOMPARE(result.agents[0].state, u"finished"_s);
        QCOMPARE(result.config.concurrentUsers, 2);
        const uint64_t operations = result.total().count;
        QVERIFY(operations > 0);
        QCOMPARE(result.agents[0].operations, operations);
        const qint64 served = callsOf(target, "set") + callsOf(target, "get") - before;
        QVERIFY2(std::abs(served - qint64(operations)) * 1000 <= served,
                 qPrintable(u"server %1, result %2"_s.arg(served).arg(operations)));
        QVERIFY(page->charts()->throughputChart()->pointCount(0) >= 2); // the merged seconds, live

        // The summary shows the breakdown; the stored run keeps it.
        QCOMPARE(page->tabs()->currentIndex(), 1);
        const AgentStatusTable *breakdown = page->summary()->agentTable();
        QVERIFY(breakdown->isVisible());
        QCOMPARE(breakdown->rowCount(), 1);
        QCOMPARE(cell(breakdown, u"gen-alpha"_s, AgentStatusTable::State), u"Finished"_s);
        QCOMPARE(cell(breakdown, u"gen-alpha"_s, AgentStatusTable::Operations), QLocale().toString(qulonglong(operations)));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        ResultStore store;
        QVERIFY(store.open(qEnvironmentVariable("CWB_DB_PATH")));
        const auto stored = store.loadRun(page->lastSavedRunId());
        QVERIFY(stored);
        QCOMPARE(stored->result.agents.size(), size_t(1));
        QCOMPARE(stored->result.agents[0].operations, operations);

        // The agent is idle again and still chosen; a local run's summary hides the breakdown.
        page->tabs()->setCurrentWidget(panel->parentWidget()); // the panel refreshes while shown
        QTRY_COMPARE_WITH_TIMEOUT(cell(panel->table(), u"gen-alpha"_s, AgentsPanel::State), u"Idle"_s, 10000);
        QCOMPARE(panel->chosenAgents(), QStringList{u"gen-alpha"_s});
        page->summary()->showResult(RunResult{});
        QVERIFY(!breakdown->isVisible());
    }

    // An agent killed mid-run: the live table and the summary show it lost with the reason, the
    // other finishes, and the panel no longer lists it once its registration expires.
    void anAgentKilledMidRunShowsLost()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord, .password = kCoordPassword);
        CWB_START_SANDBOX(target);
        auto keep = startAgent(coord, u"keep"_s);
        auto victim = startAgent(coord, u"victim"_s);

        MainWindow w;
        LoadTestPage *page = nullptr;
        QVERIFY(openAgentsTab(w, target, coord, &page));
        AgentsPanel *panel = page->agentsPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->table()->rowCount(), 2, 30000);
        check(panel, u"keep"_s);
        check(panel, u"victim"_s);
        QCOMPARE(panel->chosenAgents().size(), 2);

        page->form()->setConfig(setGetConfig(u"gui-lost"_s, 5, 4));
        bool killed = false;
        connect(page->runner(), &LoadRunner::snapshotAvailable, this, [&](const RunSnapshot &s) {
            for (const AgentSummary &a : s.agents)
                if (!killed && a.agent == u"victim"_s && a.operations > 0)
                    killed = victim->signal(SIGKILL);
        });
        QTest::mouseClick(page->startButton(), Qt::LeftButton);
        QVERIFY(page->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 60000);
        QVERIFY(killed);

        const RunResult &result = *page->lastResult();
        QCOMPARE(result.status, RunStatus::Failed);
        QVERIFY2(result.failureReason.contains(u"victim"_s), qPrintable(result.failureReason));
        for (const AgentStatusTable *table : {page->agentStatusTable(), page->summary()->agentTable()}) {
            QCOMPARE(cell(table, u"victim"_s, AgentStatusTable::State), u"Lost"_s);
            QVERIFY(!cell(table, u"victim"_s, AgentStatusTable::Reason).isEmpty());
            QCOMPARE(cell(table, u"keep"_s, AgentStatusTable::State), u"Finished"_s);
        }
        QVERIFY(page->summary()->headline()->text().contains(u"victim"_s));
        w.resize(1280, 800);
        screenshot(w, "agents-lost-summary");
        // What both measured is real: kept, like `run --coordinator` keeps it.
        QTRY_VERIFY_WITH_TIMEOUT(!page->lastSavedRunId().isEmpty(), 10000);

        page->tabs()->setCurrentWidget(panel->parentWidget());
        QTRY_COMPARE_WITH_TIMEOUT(panel->table()->rowCount(), 1, 20000);
        QCOMPARE(panel->agents().front().name, u"keep"_s);
        QCOMPARE(panel->chosenAgents(), QStringList{u"keep"_s});
    }

    // "Per agent" on the live charts: shown for a distributed run only; switched on mid-run it adds
    // each agent's throughput and p99 with every second so far, the agents' throughput adds up to
    // the merged one second by second, off takes them away, and a local run has no such box.
    void perAgentSeriesOnTheLiveCharts()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord, .password = kCoordPassword);
        CWB_START_SANDBOX(target);
        auto one = startAgent(coord, u"gen-one"_s);
        auto two = startAgent(coord, u"gen-two"_s);

        MainWindow w;
        LoadTestPage *page = nullptr;
        QVERIFY(openAgentsTab(w, target, coord, &page));
        AgentsPanel *panel = page->agentsPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->table()->rowCount(), 2, 30000);
        check(panel, u"gen-one"_s);
        check(panel, u"gen-two"_s);
        RunCharts *charts = page->charts();
        QCheckBox *box = charts->perAgentBox();
        SeriesChart *throughput = charts->throughputChart();
        SeriesChart *latency = charts->latencyChart();
        const int merged = throughput->seriesCount();
        const int mergedLatency = latency->seriesCount();

        page->form()->setConfig(setGetConfig(u"gui-per-agent"_s, 4, 4));
        w.resize(1280, 800);
        QTest::mouseClick(page->startButton(), Qt::LeftButton);
        QVERIFY(page->isRunning());
        QVERIFY(!box->isVisibleTo(charts));
        // Two merged seconds: both agents have delivered two of their own.
        QTRY_VERIFY_WITH_TIMEOUT(throughput->pointCount(0) >= 2, 30000);
        QVERIFY(box->isVisibleTo(charts));
        QVERIFY(!box->isChecked());
        QCOMPARE(throughput->seriesCount(), merged);
        box->click();
        QCOMPARE(throughput->seriesCount(), merged + 2);
        QCOMPARE(latency->seriesCount(), mergedLatency + 2);
        const QStringList names{throughput->series(merged)->name(), throughput->series(merged + 1)->name()};
        QCOMPARE(QSet<QString>(names.begin(), names.end()), (QSet<QString>{u"gen-one"_s, u"gen-two"_s}));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(latency->series(mergedLatency + i)->name(), names[i] + u" p99"_s);
            QVERIFY(throughput->pointCount(merged + i) >= 2); // the seconds before the click too
        }
        page->tabs()->setCurrentWidget(charts);
        QCoreApplication::processEvents(); // the charts' queued replot
        screenshot(w, "agents-per-agent-live");
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 60000);
        const RunResult &result = *page->lastResult();
        QVERIFY2(result.status == RunStatus::Completed, qPrintable(result.failureReason));

        // The run's end keeps the agents' series; each full second's throughput adds up.
        QCOMPARE(throughput->seriesCount(), merged + 2);
        const int seconds = throughput->pointCount(0);
        QCOMPARE(seconds, int(result.series.size()));
        QCOMPARE(throughput->pointCount(merged), seconds);
        QCOMPARE(throughput->pointCount(merged + 1), seconds);
        for (int i = 0; i + 1 < seconds; ++i) { // the last is a partial second, of its own length per agent
            const double sum = throughput->series(merged)->data()->at(i)->value
                + throughput->series(merged + 1)->data()->at(i)->value;
            QCOMPARE(sum, throughput->series(0)->data()->at(i)->value);
        }
        page->tabs()->setCurrentWidget(charts);
        QCoreApplication::processEvents(); // the charts' queued replot
        screenshot(w, "agents-per-agent-end");
        box->click();
        QCOMPARE(throughput->seriesCount(), merged);
        QCOMPARE(latency->seriesCount(), mergedLatency);

        // A run on this machine: no agents, no box, only the merged series.
        box->click();
        page->setRunsOnAgents(false);
        page->form()->setConfig(setGetConfig(u"gui-local"_s, 1, 2));
        QTest::mouseClick(page->startButton(), Qt::LeftButton);
        QVERIFY(page->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 60000);
        QVERIFY(page->lastResult()->agents.empty());
        QVERIFY(throughput->pointCount(0) >= 1);
        QVERIFY(!box->isVisibleTo(charts));
        QCOMPARE(throughput->seriesCount(), merged);
        QCOMPARE(latency->seriesCount(), mergedLatency);
    }

    // A bad URI, a server with nothing listening and one that never answers: each says why at the
    // field, and the event loop keeps running while the listing waits.
    void badOrUnreachableCoordinatorSaysWhyWithoutFreezing()
    {
        AgentsPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy failures(&panel, &AgentsPanel::listingFailed);

        panel.uriEdit()->setText(u"redis://127.0.0.1:99999"_s);
        panel.refresh();
        QVERIFY(!panel.isRefreshing()); // nothing to ask
        QVERIFY2(panel.statusLabel()->text().startsWith(u"Not a coordination server URI"_s),
                 qPrintable(panel.statusLabel()->text()));
        QVERIFY(panel.uriEdit()->property("cwbInvalid").toBool());

        QTcpServer probe; // a port nothing listens on once it is closed
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        panel.uriEdit()->setText(u"redis://127.0.0.1:%1"_s.arg(closedPort));
        panel.refresh();
        QVERIFY(failures.wait(10000));
        QVERIFY2(panel.statusLabel()->text().contains(u"Nothing is listening at 127.0.0.1:%1"_s.arg(closedPort)),
                 qPrintable(panel.statusLabel()->text()));
        QCOMPARE(panel.table()->rowCount(), 0);

        // Accepts connections (the kernel's backlog does) and never answers a command.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(20);
        panel.uriEdit()->setText(u"redis://127.0.0.1:%1"_s.arg(silent.serverPort()));
        panel.refresh();
        QVERIFY(panel.isRefreshing()); // refresh() returned while the listing waits
        const int before = int(failures.count());
        QTRY_VERIFY_WITH_TIMEOUT(failures.count() > before, 20000);
        QVERIFY2(ticks > 0, "the event loop did not run while the listing waited");
        QVERIFY2(panel.statusLabel()->text().contains(u"did not answer"_s), qPrintable(panel.statusLabel()->text()));
        QVERIFY(panel.uriEdit()->property("cwbInvalid").toBool());
    }

    // An agent of another protocol (or busy) is listed but cannot be chosen; the tool tip says why.
    void agentsThatCannotRunAreShownNotSelectable()
    {
        SandboxRedis coord;
        CWB_START_SANDBOX(coord);
        RedisConnection bus(coord.endpoint());
        QVERIFY(bus.connect());
        AgentInfo old{u"old-agent"_s, u"0.1"_s, kCoordProtocol + 1, 2, u"elsewhere"_s, 0, {u"redis://*"_s}, u"idle"_s};
        AgentInfo busy{u"busy-agent"_s, QStringLiteral(CWB_VERSION), kCoordProtocol, 4, u"there"_s, 1500000,
                       {u"redis://*"_s}, u"running 75c1903e-0aee-4a5b-a71d-3f1e79a96f52"_s};
        QString error;
        QVERIFY2(registerAgent(bus, old, &error), qPrintable(error));
        QVERIFY2(registerAgent(bus, busy, &error), qPrintable(error));
        QTimer heartbeat; // as live agents do, or they expire before a busy machine lists them
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            heartbeatAgent(bus, old);
            heartbeatAgent(bus, busy);
        });
        heartbeat.start(kAgentHeartbeatEveryMs / 2);

        AgentsPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.uriEdit()->setText(uriOf(coord));
        panel.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(panel.table()->rowCount(), 2, 10000);
        for (const QString &name : {u"old-agent"_s, u"busy-agent"_s}) {
            QTableWidgetItem *item = panel.table()->item(rowOf(panel.table(), name), AgentsPanel::Name);
            QVERIFY(!(item->flags() & Qt::ItemIsUserCheckable));
            QVERIFY(!item->toolTip().isEmpty());
        }
        QVERIFY(panel.table()->item(rowOf(panel.table(), u"old-agent"_s), 0)->toolTip().contains(u"protocol"_s));
        // The run id's first group tells runs apart; the tool tip says why it cannot be chosen.
        QCOMPARE(cell(panel.table(), u"busy-agent"_s, AgentsPanel::State), u"Running 75c1903e"_s);
        QVERIFY(panel.table()->item(rowOf(panel.table(), u"busy-agent"_s), AgentsPanel::State)->toolTip().contains(
            u"75c1903e-0aee-4a5b-a71d-3f1e79a96f52"_s));
        QCOMPARE(cell(panel.table(), u"busy-agent"_s, AgentsPanel::ClockSkew), QLocale().toString(1.5, 'f', 2));
        QVERIFY(panel.chosenAgents().isEmpty());
    }
};

QTEST_MAIN(AgentsTest)
#include "tst_widget_agents.moc"
