// The monitoring page: acknowledge and resolve by clicking the alert panel's buttons (state
// changes and is stored), keyboard and context-menu paths, the navigation badge, the settings
// and rule dialogs, and a live page against a sandbox (screenshot with CWB_SCREENSHOT_DIR).

#include "pagedoubles.h"
#include "testsupport.h"

#include "charts/serieschart.h"
#include "mainwindow.h"
#include "monitoring/alertpanel.h"
#include "monitoring/metrictile.h"
#include "monitoring/monitoringsettingsdialog.h"
#include "monitoring/ruleeditordialog.h"
#include "pages/monitoringpage.h"
#include "targetbar.h"

#include "monitor/monitorservice.h"
#include "redis/redisconnection.h"
#include "service/servicelock.h"
#include "servicebanner.h"
#include "store/asyncresultstore.h"
#include "store/resultstore.h"

#include <QApplication>

#include <cmath>
#include <QComboBox>
#include <QTextBrowser>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QFile>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using namespace cwb;

namespace {

MonitoringConfig keysRuleConfig(const QString &logPath)
{
    MonitoringConfig config;
    config.alerting.thresholds = {0, 0, 0, 0, 0};
    config.channels.log.path = logPath;
    AlertRule rule;
    rule.id = u"too-many-keys"_s;
    rule.name = u"Too many keys"_s;
    rule.metric = QLatin1String(metric::Keys);
    rule.threshold = 10;
    rule.severity = Severity::Critical;
    config.rules = {rule};
    return config;
}

MonitorSample keysSample(double keys, qint64 t)
{
    return MonitorSample{t, u"127.0.0.1:6379"_s, u"127.0.0.1:6379"_s, {{u"keys"_s, keys}, {u"up"_s, 1}}};
}

void clickRow(QTreeWidget *list, int row)
{
    QTreeWidgetItem *item = list->topLevelItem(row);
    QVERIFY(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
}

// A fresh store (no alerts from earlier runs in the picture) until the guard goes.
auto useFreshStore(const QTemporaryDir &dir)
{
    QSettings().clear();
    const QByteArray oldDb = qgetenv("CWB_DB_PATH");
    qputenv("CWB_DB_PATH", dir.filePath(u"live.sqlite"_s).toUtf8());
    return qScopeGuard([oldDb] { qputenv("CWB_DB_PATH", oldDb); });
}

// Connecting through the target bar, as a user does, starts monitoring.
void connectTargetBar(MainWindow &w, const SandboxRedis &redis)
{
    w.targetBar()->setPassword(redis.endpoint().password);
    w.targetBar()->setUri(redis.endpoint().displayUri());
    w.targetBar()->connectToTarget();
}

} // namespace

class TestWidgetMonitoring : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CacheWorkbench"_s);
        // A settings file of its own: widget test programs run in parallel and save the window.
        QCoreApplication::setApplicationName(QStringLiteral("Cache Workbench monitoring"));
        QSettings().clear();
    }

    void acknowledgeAndResolveByClicking()
    {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(u"store.sqlite"_s);
        AsyncResultStore store(dbPath);
        test::PageDoubles doubles;
        MonitoringPage page(doubles.context(&store));
        page.resize(1200, 800);
        QString error;
        QVERIFY2(page.applyConfig(keysRuleConfig(dir.filePath(u"alerts.log"_s)), &error), qPrintable(error));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        MonitorService *service = page.service();
        service->ingestSamples({keysSample(20, service->now())}, service->now());
        QCOMPARE(service->firingCount(), 1);
        AlertPanel *panel = page.alertPanel();
        QCOMPARE(panel->list()->topLevelItemCount(), 1);
        QCOMPARE(panel->list()->topLevelItem(0)->text(1), u"Firing"_s);
        QVERIFY(!panel->acknowledgeButton()->isEnabled()); // nothing selected yet
        QVERIFY(page.tile(QLatin1String(metric::OpsPerSec)));

        clickRow(panel->list(), 0);
        const QString id = panel->selectedAlertId();
        QVERIFY(!id.isEmpty());
        QVERIFY(panel->acknowledgeButton()->isEnabled());
        QVERIFY(panel->details()->toPlainText().contains(u"keys > 10"_s));
        panel->acknowledgeExpiry()->setCurrentIndex(2); // for 1 hour
        QTest::mouseClick(panel->acknowledgeButton(), Qt::LeftButton);
        QCOMPARE(service->alerts().alert(id)->state, AlertState::Acknowledged);
        const qint64 until = service->alerts().alert(id)->acknowledgedUntilMs;
        QVERIFY(qAbs(until - (service->now() + 3600 * 1000)) < 5000);
        QCOMPARE(panel->list()->topLevelItem(0)->text(1), u"Acknowledged"_s);
        QCOMPARE(service->firingCount(), 0);

        QVERIFY(panel->resolveButton()->isEnabled());
        QTest::mouseClick(panel->resolveButton(), Qt::LeftButton);
        QCOMPARE(service->alerts().alert(id)->state, AlertState::Resolved);
        QVERIFY(service->alerts().alert(id)->resolvedBy.startsWith(u"user:"_s));
        QCOMPARE(panel->list()->topLevelItemCount(), 0); // the default filter shows active alerts
        panel->stateFilter()->setCurrentIndex(panel->stateFilter()->findData(u"resolved"_s));
        QCOMPARE(panel->list()->topLevelItemCount(), 1);
        QVERIFY(panel->historyList()->topLevelItemCount() >= 4); // pending, firing, acknowledged, resolved

        // Stored: current state and every transition.
        store.waitForIdle();
        ResultStore check;
        QVERIFY(check.open(dbPath));
        const auto alerts = check.loadAlerts();
        QCOMPARE(alerts.size(), size_t(1));
        QCOMPARE(alerts[0].alertId, id);
        QCOMPARE(alerts[0].state, u"resolved"_s);
        QVERIFY(alerts[0].lastChangedBy.startsWith(u"user:"_s));
        const auto history = check.loadAlertHistory(id);
        QCOMPARE(history.size(), size_t(4));
        QCOMPARE(history[1].transition.toState, u"acknowledged"_s);
    }

    // After a restart, the alert of a node that no longer exists (a sandbox of an earlier
    // session) does not stay Firing in the panel: nothing will ever update it, so it shows
    // resolved by "no data" (issue 20).
    void restartedPageShowsAGoneNodesAlertResolved()
    {
        QTemporaryDir dir;
        AsyncResultStore store(dir.filePath(u"store.sqlite"_s));
        const MonitoringConfig config = keysRuleConfig(dir.filePath(u"alerts.log"_s));
        {
            test::PageDoubles doubles;
            MonitoringPage earlier(doubles.context(&store));
            QVERIFY(earlier.applyConfig(config));
            MonitorService *service = earlier.service();
            const qint64 hourAgo = service->now() - 3600 * 1000;
            service->ingestSamples({MonitorSample{hourAgo, u"127.0.0.1:1"_s, u"127.0.0.1:1"_s, {{u"keys"_s, 20}}}},
                                   hourAgo);
            QCOMPARE(service->firingCount(), 1);
            store.waitForIdle();
        }
        test::PageDoubles doubles;
        MonitoringPage page(doubles.context(&store));
        page.resize(1200, 800);
        QVERIFY(page.applyConfig(config));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        AlertPanel *panel = page.alertPanel();
        panel->stateFilter()->setCurrentIndex(panel->stateFilter()->findData(u"resolved"_s));
        QTRY_COMPARE(panel->list()->topLevelItemCount(), 1); // restored from the store, then resolved
        QCOMPARE(panel->list()->topLevelItem(0)->text(1), u"Resolved"_s);
        clickRow(panel->list(), 0);
        QVERIFY2(panel->details()->toPlainText().contains(u"no data"_s), qPrintable(panel->details()->toPlainText()));
        QCOMPARE(page.service()->firingCount(), 0);
        panel->stateFilter()->setCurrentIndex(0);
        for (int i = 0; i < panel->list()->topLevelItemCount(); ++i)
            QVERIFY(panel->list()->topLevelItem(i)->text(1) != u"Firing"_s);
    }

    // The panel's value is the one that fired the alert (what the log says), with where the
    // metric is now beside it; an alert resolved while its condition holds comes back and says why.
    void alertValuesMatchTheLogAndARefireSaysWhy()
    {
        QTemporaryDir dir;
        test::PageDoubles doubles;
        MonitoringPage page(doubles.context());
        page.resize(1200, 800);
        QVERIFY(page.applyConfig(keysRuleConfig(dir.filePath(u"alerts.log"_s))));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        MonitorService *service = page.service();
        AlertPanel *panel = page.alertPanel();
        const qint64 t0 = service->now();
        service->ingestSamples({keysSample(20, t0)}, t0);
        QCOMPARE(panel->list()->topLevelItemCount(), 1);
        QTreeWidgetItem *row = panel->list()->topLevelItem(0);
        const int valueColumn = 4;
        QCOMPARE(panel->list()->headerItem()->text(valueColumn), u"Value"_s);
        QCOMPARE(row->text(valueColumn), u"20"_s);
        service->ingestSamples({keysSample(35, t0 + 1000)}, t0 + 1000);
        QCOMPARE(panel->list()->topLevelItem(0)->text(valueColumn), u"20 (now 35)"_s);
        clickRow(panel->list(), 0);
        QVERIFY2(panel->details()->toPlainText().contains(u"35"_s), qPrintable(panel->details()->toPlainText()));
        // Resolved by hand while keys stay above 10: it fires again, and the details say why.
        QVERIFY(service->resolve(panel->selectedAlertId()));
        service->ingestSamples({keysSample(35, t0 + 2000)}, t0 + 2000);
        QCOMPARE(service->firingCount(), 1);
        panel->stateFilter()->setCurrentIndex(0);
        QTreeWidgetItem *again = nullptr;
        for (int i = 0; i < panel->list()->topLevelItemCount(); ++i)
            if (panel->list()->topLevelItem(i)->text(1) == u"Firing"_s)
                again = panel->list()->topLevelItem(i);
        QVERIFY(again);
        panel->list()->setCurrentItem(again);
        const QString details = panel->details()->toPlainText();
        QVERIFY2(details.contains(u"Why"_s) && details.contains(u"still holds"_s), qPrintable(details));
    }

    void keyboardAndContextMenuPaths()
    {
        QTemporaryDir dir;
        test::PageDoubles doubles;
        MonitoringPage page(doubles.context());
        QVERIFY(page.applyConfig(keysRuleConfig(dir.filePath(u"alerts.log"_s))));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        MonitorService *service = page.service();
        service->ingestSamples({keysSample(20, service->now())}, service->now());
        AlertPanel *panel = page.alertPanel();
        QCOMPARE(panel->list()->topLevelItemCount(), 1);
        panel->activateWindow();
        panel->list()->setFocus();
        QTest::keyClick(panel->list(), Qt::Key_Space); // focus made row 0 current; Space selects it
        QVERIFY(!panel->selectedAlertId().isEmpty());
        const QString id = panel->selectedAlertId();
        QTest::keyClick(panel->list(), Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(service->alerts().alert(id)->state, AlertState::Acknowledged);
        QTest::keyClick(panel->list(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(service->alerts().alert(id)->state, AlertState::Resolved);

        // The buttons take focus and react to the keyboard too.
        service->ingestSamples({keysSample(30, service->now())}, service->now());
        panel->selectAlert(service->alerts().activeAlerts().front().id);
        const QString second = panel->selectedAlertId();
        panel->acknowledgeButton()->setFocus();
        QTest::keyClick(panel->acknowledgeButton(), Qt::Key_Space);
        QCOMPARE(service->alerts().alert(second)->state, AlertState::Acknowledged);

        // The context menu offers the same actions: Resolve is chosen from it.
        QStringList offered;
        QTimer::singleShot(100, this, [&offered] {
            QWidget *menu = QApplication::activePopupWidget();
            if (!menu)
                return;
            for (QAction *a : menu->actions()) {
                offered << a->text();
                if (a->text() == u"&Resolve"_s && a->isEnabled()) {
                    menu->close();
                    a->trigger();
                    return;
                }
            }
            menu->close();
        });
        const QRect rect = panel->list()->visualItemRect(panel->list()->topLevelItem(0));
        QMetaObject::invokeMethod(panel->list(), "customContextMenuRequested", Q_ARG(QPoint, rect.center()));
        QVERIFY2(offered.contains(u"&Acknowledge"_s), qPrintable(offered.join(u", "_s)));
        QCOMPARE(service->alerts().alert(second)->state, AlertState::Resolved);
    }

    void badgeCountsFiringAlerts()
    {
        QTemporaryDir dir;
        MainWindow w;
        auto *page = static_cast<MonitoringPage *>(w.page(MainWindow::Page::Monitoring));
        QVERIFY(page->applyConfig(keysRuleConfig(dir.filePath(u"alerts.log"_s))));
        QCOMPARE(w.pageBadge(MainWindow::Page::Monitoring), 0);
        const QImage plain = w.navigation()->item(5)->icon().pixmap(QSize(22, 22)).toImage();
        MonitorService *service = page->service();
        service->ingestSamples({keysSample(20, service->now())}, service->now());
        QCOMPARE(w.pageBadge(MainWindow::Page::Monitoring), 1);
        const QImage badged = w.navigation()->item(5)->icon().pixmap(QSize(22, 22)).toImage();
        QVERIFY(plain != badged);
        QVERIFY(w.navigation()->item(5)->data(Qt::AccessibleTextRole).toString().contains(u"1"_s));
        QVERIFY(service->resolve(service->alerts().activeAlerts().front().id));
        QCOMPARE(w.pageBadge(MainWindow::Page::Monitoring), 0);
        QVERIFY(w.navigation()->item(5)->icon().pixmap(QSize(22, 22)).toImage() == plain);
    }

    void settingsDialogValidatesFormAndJson()
    {
        MonitoringSettingsDialog dialog;
        MonitoringConfig config;
        config.collectionIntervalMs = 2500;
        config.alerting.thresholds.memoryUsageMb = 512;
        dialog.setConfig(config);
        QString error;
        auto edited = dialog.config(&error);
        QVERIFY2(edited, qPrintable(error));
        QCOMPARE(edited->collectionIntervalMs, 2500);
        QCOMPARE(edited->alerting.thresholds.memoryUsageMb, 512.0);

        dialog.tabs()->setCurrentWidget(dialog.jsonEdit());
        QVERIFY(dialog.jsonEdit()->toPlainText().contains(u"\"collectionInterval\": 2500"_s));
        dialog.jsonEdit()->setPlainText(u"{\"collectionInterval\": 5, \"alerting\": {}}"_s);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // stays open
        auto *label = dialog.findChild<QLabel *>(u"settingsError"_s);
        QVERIFY(label && label->text().startsWith(u"collectionInterval: "_s));
        dialog.jsonEdit()->setPlainText(u"{\"collectionInterval\": 1000, \"alerting\": {\"thresholds\": {\"cpuUsage\": 50}}}"_s);
        edited = dialog.config(&error);
        QVERIFY2(edited, qPrintable(error));
        QCOMPARE(edited->alerting.thresholds.cpuUsagePercent, 50.0);
    }

    void ruleEditorRoundTrip()
    {
        RuleEditorDialog dialog;
        AlertRule rule;
        rule.id = u"evictions"_s;
        rule.name = u"Evicting"_s;
        rule.metric = QLatin1String(metric::EvictedPerSec);
        rule.threshold = 5;
        rule.forMs = 2000;
        dialog.setRules({rule});
        QCOMPARE(dialog.list()->count(), 1);
        // The built-in rules that can fire are listed too.
        std::vector<AlertRule> builtIn = effectiveRules(MonitoringConfig{});
        QCOMPARE(builtIn.size(), size_t(6));
        dialog.setBuiltInRules(builtIn);
        QCOMPARE(dialog.builtInList()->count(), 6);
        QVERIFY(dialog.builtInList()->item(0)->text().contains(builtIn[0].name));
        // An edit shows in the list at once.
        dialog.list()->setCurrentRow(0);
        auto *threshold = dialog.findChild<QDoubleSpinBox *>(u"ruleThreshold"_s);
        QVERIFY(threshold);
        threshold->setValue(42);
        QVERIFY2(dialog.list()->item(0)->text().contains(u"42"_s), qPrintable(dialog.list()->item(0)->text()));
        auto *add = dialog.findChild<QPushButton *>();
        QVERIFY(add);
        QTabWidget *tabs = dialog.findChild<QTabWidget *>();
        tabs->setCurrentWidget(dialog.jsonEdit());
        QVERIFY(dialog.jsonEdit()->toPlainText().contains(u"\"evictions\""_s));
        dialog.jsonEdit()->setPlainText(u"{\"rules\": [{\"id\": \"a\", \"metric\": \"keys\", \"threshold\": 3}, "
                                        "{\"id\": \"b\", \"metric\": \"nope\", \"threshold\": 3}]}"_s);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        dialog.jsonEdit()->setPlainText(u"{\"rules\": [{\"id\": \"a\", \"metric\": \"keys\", \"threshold\": 3}]}"_s);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.rules().size(), size_t(1));
        QCOMPARE(dialog.rules()[0].metric, u"keys"_s);
    }

    // Samples that arrived while another page was shown are in the trend when the page opens.
    void trendFilledWhenThePageOpens()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        QTemporaryDir dir;
        const auto restoreDb = useFreshStore(dir);
        MainWindow w;
        w.resize(1280, 800);
        auto *page = static_cast<MonitoringPage *>(w.page(MainWindow::Page::Monitoring));
        MonitoringConfig config;
        config.collectionIntervalMs = 200;
        config.channels.log.path = dir.filePath(u"alerts.log"_s);
        QString error;
        QVERIFY2(page->applyConfig(config, &error), qPrintable(error));
        w.setCurrentPage(MainWindow::Page::LoadTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        connectTargetBar(w, redis);
        // The trend's default metric is ops/s, a rate: it needs two samples.
        QTRY_VERIFY_WITH_TIMEOUT(page->tile(QLatin1String(metric::OpsPerSec))->valueText() != u"–"_s, 10000);
        // No more samples: only opening the page can fill the trend now.
        page->stopMonitoring();
        QCOMPARE(page->chart()->pointCount(0), 0);
        w.setCurrentPage(MainWindow::Page::Monitoring);
        QApplication::processEvents();
        QVERIFY(page->chart()->pointCount(0) >= 1);
    }

    // Old sandboxes in the history (another target, or long gone) never fill the trend's legend:
    // only the monitored target's nodes with data in the shown window get a series.
    void trendShowsOnlyTheTargetsNodesWithDataInTheWindow()
    {
        test::PageDoubles doubles;
        MonitoringPage page(doubles.context());
        page.resize(1200, 800);
        MonitoringConfig config;
        config.collectionIntervalMs = 3600000; // one poll: the samples below are the history
        QVERIFY(page.applyConfig(config));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        MonitorService *service = page.service();
        const qint64 now = service->now();
        const qint64 inside = now - page.rangeMs() / 2, before = now - 2 * page.rangeMs();
        const QString target = u"127.0.0.1:1"_s;
        const auto ops = [](qint64 t, const QString &target, const QString &node) {
            return MonitorSample{t, target, node, {{QString::fromLatin1(metric::OpsPerSec), 100}, {u"up"_s, 1}}};
        };
        std::vector<MonitorSample> history;
        for (int i = 0; i < 8; ++i) // a sandbox cluster that was monitored earlier
            history.push_back(ops(before, u"127.0.0.1:40000"_s, u"127.0.0.1:4000%1"_s.arg(i)));
        history.push_back(ops(before, target, u"127.0.0.1:7002"_s)); // the target's, too old to show
        for (int i = 0; i < 3; ++i) // another target, inside the window
            history.push_back(ops(inside, u"127.0.0.1:50000"_s, u"127.0.0.1:5000%1"_s.arg(i)));
        history.push_back(ops(inside, target, u"127.0.0.1:7001"_s));
        service->ingestSamples(history, now);
        const auto legendNames = [&page] {
            QStringList names;
            for (int i = 0; i < page.chart()->legend->itemCount(); ++i)
                if (auto *item = qobject_cast<QCPPlottableLegendItem *>(page.chart()->legend->item(i)))
                    names << item->plottable()->name();
            return names;
        };
        // No target monitored yet: every node with data in the window, none without.
        QCOMPARE(legendNames(), (QStringList{u"127.0.0.1:50000"_s, u"127.0.0.1:50001"_s, u"127.0.0.1:50002"_s,
                                             u"127.0.0.1:7001"_s}));
        // Monitoring the target: its nodes only.
        const auto endpoint = parseEndpoint(u"redis://"_s + target);
        QVERIFY(endpoint);
        service->start(*endpoint);
        service->ingestSamples({ops(now, target, u"127.0.0.1:7001"_s)}, now);
        QCOMPARE(legendNames(), QStringList{u"127.0.0.1:7001"_s});
        int visible = 0;
        for (int i = 0; i < page.chart()->seriesCount(); ++i)
            visible += page.chart()->isSeriesVisible(i) && page.chart()->pointCount(i) > 0;
        QCOMPARE(visible, 1);
        QCOMPARE(page.chart()->pointCount(0), 2);
        service->stop();
    }

    void livePageAgainstSandbox()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        QTemporaryDir dir;
        const auto restoreDb = useFreshStore(dir);
        MainWindow w;
        w.resize(1400, 900);
        auto *page = static_cast<MonitoringPage *>(w.page(MainWindow::Page::Monitoring));
        MonitoringConfig config;
        config.collectionIntervalMs = 250;
        config.channels.log.path = dir.filePath(u"alerts.log"_s);
        config.alerting.forMs = 500;
        config.alerting.keepFiringForMs = 2000;
        // Memory above what the sandbox holds once the test has written its keys.
        config.alerting.thresholds.memoryUsageMb
            = std::ceil(test::sandboxInfoField(redis, "memory", "used_memory").toDouble() / (1024 * 1024) + 1.5);
        config.alerting.thresholds.cpuUsagePercent = 0;
        config.alerting.thresholds.latencyMaxMs = 0;
        config.alerting.thresholds.errorRateMaxPercent = 0;
        config.alerting.thresholds.cacheHitRateMin = 50;
        AlertRule clients;
        clients.id = u"clients"_s;
        clients.name = u"Many clients"_s;
        clients.metric = QLatin1String(metric::ConnectedClients);
        clients.threshold = 50;
        clients.forMs = 10000;
        config.rules = {clients};
        QString error;
        QVERIFY2(page->applyConfig(config, &error), qPrintable(error));
        w.setCurrentPage(MainWindow::Page::Monitoring);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        connectTargetBar(w, redis);
        QTRY_VERIFY_WITH_TIMEOUT(page->service()->isCollecting(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(page->service()->status().reachable, 5000);

        // Traffic: mostly hits, some misses, and 3 MB of values so the memory rule fires.
        RedisConnection connection(redis.endpoint());
        QVERIFY(connection.connect());
        int round = 0;
        QTimer traffic;
        connect(&traffic, &QTimer::timeout, this, [&] {
            std::vector<RedisCommand> batch;
            const QByteArray value(2048, 'v');
            for (int i = 0; i < 40; ++i)
                batch.push_back({"SET", "cwb:ui:" + QByteArray::number(round * 40 + i), value});
            for (int i = 0; i < 300; ++i)
                batch.push_back({"GET", "cwb:ui:" + QByteArray::number((round * 40 + i * 7) % ((round + 1) * 40 + 20))});
            connection.pipeline(batch);
            ++round;
        });
        traffic.start(60);
        const auto memoryFiring = [page] {
            const auto &active = page->service()->alerts().activeAlerts();
            return std::any_of(active.begin(), active.end(), [](const Alert &a) {
                return a.ruleId == u"builtin.memory"_s && a.state == AlertState::Firing;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(memoryFiring(), 15000);
        // A little history for the chart and sparklines: counted in polls, not in seconds.
        QTRY_VERIFY_WITH_TIMEOUT(page->chart()->pointCount(0) >= 5, 30000);
        traffic.stop();
        QCOMPARE(w.pageBadge(MainWindow::Page::Monitoring), page->service()->firingCount());
        Alert firing;
        for (const Alert &a : page->service()->alerts().activeAlerts())
            if (a.ruleId == u"builtin.memory"_s)
                firing = a;
        QVERIFY(!firing.id.isEmpty());
        QVERIFY(page->tile(QLatin1String(metric::OpsPerSec))->valueText() != u"–"_s);
        QVERIFY(page->chart()->pointCount(0) >= 5);
        QVERIFY(page->statusLabel()->text().contains(u"reachable"_s));
        page->alertPanel()->selectAlert(firing.id);

        const QString shots = qEnvironmentVariable("CWB_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QApplication::processEvents();
            QVERIFY(w.grab().save(shots + u"/monitoring-alert.png"_s));
        }
        RedisConnection cleanup(redis.endpoint());
        QVERIFY(cleanup.connect());
        page->stopMonitoring();
        QVERIFY(!page->service()->isCollecting());
    }

    // While the monitor daemon holds the store's lock the page neither polls nor alerts; it shows
    // the samples the daemon stores, and collects again once the daemon has gone.
    void defersToTheMonitorDaemon()
    {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(u"store.sqlite"_s);
        const QString alertLog = dir.filePath(u"alerts.log"_s);
        AsyncResultStore store(dbPath);
        QCOMPARE(store.path(), dbPath);
        QString error;
        // Another holder of the lock (a second open file description, as the daemon's process has).
        auto daemonLock = ServiceLock::acquire(dbPath, QString::fromLatin1(kMonitorServiceName),
                                               u"redis://127.0.0.1:6379"_s, &error);
        QVERIFY2(daemonLock, qPrintable(error));
        MonitorService daemon; // stands in for the daemon's collector: it stores what it samples
        daemon.setStore(&store);
        daemon.ingestSamples({keysSample(20, daemon.now() - 2000)}, daemon.now());
        store.waitForIdle();

        test::PageDoubles doubles;
        doubles.target.setEndpoint(*parseEndpoint(u"redis://127.0.0.1:1"_s));
        doubles.target.setConnected(ServerSummary{});
        MonitoringPage page(doubles.context(&store));
        QVERIFY2(page.applyConfig(keysRuleConfig(alertLog), &error), qPrintable(error));
        QVERIFY(page.monitorDaemon());
        QCOMPARE(page.monitorDaemon()->pid, qint64(QCoreApplication::applicationPid()));
        QVERIFY(!page.serviceBanner()->isHidden());
        QVERIFY2(page.serviceBanner()->text().startsWith(u"Collection and alerts are run by the monitoring service (pid %1 on "_s
                                                             .arg(QCoreApplication::applicationPid())),
                 qPrintable(page.serviceBanner()->text()));
        QVERIFY(!page.service()->isCollecting());
        QVERIFY(!page.startButton()->isEnabled());
        page.startMonitoring();
        QVERIFY(!page.service()->isCollecting());
        // The daemon's stored sample reaches the trend and the tiles, but no rule runs on it here.
        QTRY_VERIFY(page.service()->history().latest(u"127.0.0.1:6379"_s));
        daemon.ingestSamples({keysSample(30, daemon.now())}, daemon.now());
        store.waitForIdle();
        page.checkMonitorService();
        QTRY_COMPARE(page.service()->history().latest(u"127.0.0.1:6379"_s)->value(QLatin1String(metric::Keys)).value_or(0), 30.0);
        QCOMPARE(page.service()->firingCount(), 0);
        QVERIFY(page.service()->alerts().activeAlerts().empty());
        QVERIFY(!QFile::exists(alertLog));

        daemonLock.reset();
        page.checkMonitorService();
        QVERIFY(!page.monitorDaemon());
        QVERIFY(page.serviceBanner()->isHidden());
        QVERIFY(page.service()->isCollecting());
        QVERIFY(page.startButton()->isEnabled());
        page.stopMonitoring();
    }

    // A restart of the target (its uptime goes back) shows on the uptime tile and fires the
    // built-in "Target restarted" rule, which is on by default.
    void restartShowsOnTheUptimeTileAndFiresItsAlert()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        QTemporaryDir dir;
        const auto restoreDb = useFreshStore(dir);
        MainWindow w;
        w.resize(1280, 800);
        auto *page = static_cast<MonitoringPage *>(w.page(MainWindow::Page::Monitoring));
        MonitoringConfig config;
        QVERIFY(config.alerting.restartAlert);
        config.collectionIntervalMs = 200;
        config.channels.log.path = dir.filePath(u"alerts.log"_s);
        QString error;
        QVERIFY2(page->applyConfig(config, &error), qPrintable(error));
        w.setCurrentPage(MainWindow::Page::Monitoring);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        connectTargetBar(w, redis);
        MetricTile *uptime = page->tile(QLatin1String(metric::UptimeSeconds));
        QVERIFY(uptime);
        const auto restartFiring = [page] {
            const auto &active = page->service()->alerts().activeAlerts();
            return std::any_of(active.begin(), active.end(), [](const Alert &a) {
                return a.ruleId == u"builtin.restart"_s && a.state == AlertState::Firing;
            });
        };
        // Polled long enough that a new process's uptime is clearly less (whole seconds, 2 s of slack).
        const auto polledUptime = [page] {
            const MonitorSample *s = nullptr;
            for (const MonitorSample &n : page->service()->history().latestPerNode())
                if (n.isServerNode())
                    s = page->service()->history().latest(n.node);
            return s ? s->value(QLatin1String(metric::UptimeSeconds)).value_or(-1) : -1.0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(polledUptime() >= 4, 20000);
        QVERIFY2(uptime->valueText().endsWith(u" s"_s), qPrintable(uptime->valueText()));
        QVERIFY2(uptime->detailText().startsWith(u"since "_s), qPrintable(uptime->detailText()));
        QVERIFY(!restartFiring());

        QVERIFY(redis.kill());
        QString restartError;
        QVERIFY2(redis.restart(&restartError), qPrintable(restartError));
        QTRY_VERIFY_WITH_TIMEOUT(restartFiring(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(polledUptime() >= 0 && polledUptime() < 4, 10000);
        const QString shots = qEnvironmentVariable("CWB_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QApplication::processEvents();
            QVERIFY(w.grab().save(shots + u"/monitoring-restart.png"_s));
        }
        page->stopMonitoring();
    }
};

QTEST_MAIN(TestWidgetMonitoring)
#include "tst_widget_monitoring.moc"
