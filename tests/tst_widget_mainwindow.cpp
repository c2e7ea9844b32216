#include "mainwindow.h"
#include "messagebar.h"
#include "pages/benchmarkspage.h"
#include "pages/clusterpage.h"
#include "pages/loadtestpage.h"
#include "pages/monitoringpage.h"
#include "pages/optimisationpage.h"
#include "pages/resultspage.h"
#include "pages/warmingpage.h"
#include "redis/infoparser.h"
#include "redis/redisconnection.h"
#include "redis/sandboxredis.h"
#include "sandboxlauncher.h"
#include "targetbar.h"
#include "targetsource.h"
#include "testsupport.h"
#include "translation.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

#include <memory>

using namespace cwb;

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void navigationListsSevenPagesInOrder();
    void invalidUriShowsReasonAndDisablesConnect();
    void connectToSandboxShowsVersion();
    void connectToClosedPortShowsErrorWithoutBlocking();
    void serverWithoutPasswordSaysItWantsOne();
    void pageMessagesStayWithTheirPage();
    void ctrlLFocusesTheServerField();
    void passwordNeverLandsInSettings();
    void pageAndTargetAreRestored();
    void messageBarExpandsAndDismisses();
    void sandboxMenuStartsOwnsAndStopsServer();
    void sandboxClusterConnectsInClusterMode();
    void iconsFollowDarkPalette();
    void germanTranslationLoads();

private:
    // With CWB_SCREENSHOT_DIR set, tests leave pictures of what they checked, for review.
    static void screenshot(QWidget &w, const char *name)
    {
        const QString dir = qEnvironmentVariable("CWB_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QApplication::processEvents();
        w.grab().save(dir + u'/' + QLatin1String(name) + QStringLiteral(".png"));
    }

    static QString labelText(const MainWindow &w, const char *name)
    {
        auto *label = w.findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QString();
    }
};

void MainWindowTest::initTestCase()
{
    // Settings go to ~/.qttest, never into the user's real configuration.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CacheWorkbench"));
    // A settings file of its own: widget test programs run in parallel and save the window.
    QCoreApplication::setApplicationName(QStringLiteral("Cache Workbench mainwindow"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String(".qttest")), qPrintable(QSettings().fileName()));
}

void MainWindowTest::init()
{
    QSettings().clear();
}

void MainWindowTest::navigationListsSevenPagesInOrder()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    const QStringList expected = {QStringLiteral("Load Test"), QStringLiteral("Benchmarks"),
                                  QStringLiteral("Cluster"),   QStringLiteral("Optimisation"),
                                  QStringLiteral("Warming"),   QStringLiteral("Monitoring"),
                                  QStringLiteral("Results")};
    QListWidget *nav = w.navigation();
    QCOMPARE(nav->count(), expected.size());
    for (int i = 0; i < nav->count(); ++i) {
        QCOMPARE(nav->item(i)->text(), expected.at(i));
        QVERIFY(!nav->item(i)->icon().isNull());
        QVERIFY(!nav->item(i)->toolTip().isEmpty());
    }
    // Icons must really render (a missing SVG plugin or resource gives blank ones).
    const QImage icon = nav->item(0)->icon().pixmap(QSize(22, 22)).toImage();
    bool anyInk = false;
    for (int y = 0; y < icon.height() && !anyInk; ++y)
        for (int x = 0; x < icon.width() && !anyInk; ++x)
            anyInk = qAlpha(icon.pixel(x, y)) > 0;
    QVERIFY2(anyInk, "navigation icon rendered blank");

    QCOMPARE(w.pageStack()->count(), 7);
    QVERIFY(qobject_cast<LoadTestPage *>(w.pageStack()->currentWidget()));
    nav->setCurrentRow(3);
    QVERIFY(qobject_cast<OptimisationPage *>(w.pageStack()->currentWidget()));
    QCOMPARE(w.currentPage(), MainWindow::Page::Optimisation);

    // Keyboard: arrows move through the pages.
    nav->setFocus();
    QTest::keyClick(nav, Qt::Key_Down);
    QVERIFY(qobject_cast<WarmingPage *>(w.pageStack()->currentWidget()));
    QTest::keyClick(nav, Qt::Key_End);
    QVERIFY(qobject_cast<ResultsPage *>(w.pageStack()->currentWidget()));

    // View menu shortcuts Ctrl+1..7 select pages.
    QAction *second = nullptr;
    for (QAction *a : w.findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_2))
            second = a;
    QVERIFY(second);
    second->trigger();
    QVERIFY(qobject_cast<BenchmarksPage *>(w.pageStack()->currentWidget()));
    QCOMPARE(nav->currentRow(), 1);

    w.setCurrentPage(MainWindow::Page::Cluster);
    QVERIFY(qobject_cast<ClusterPage *>(w.pageStack()->currentWidget()));
    w.setCurrentPage(MainWindow::Page::Monitoring);
    QVERIFY(qobject_cast<MonitoringPage *>(w.pageStack()->currentWidget()));
    QVERIFY(qobject_cast<BenchmarksPage *>(w.page(MainWindow::Page::Benchmarks)));
}

void MainWindowTest::invalidUriShowsReasonAndDisablesConnect()
{
    MainWindow w;
    w.show();
    auto *uri = w.findChild<QLineEdit *>(QStringLiteral("uriEdit"));
    auto *connectButton = w.findChild<QPushButton *>(QStringLiteral("connectButton"));
    auto *status = w.findChild<QLabel *>(QStringLiteral("targetStatusLabel"));
    QVERIFY(uri && connectButton && status);
    QCOMPARE(uri->text(), QStringLiteral("redis://127.0.0.1:6379"));
    QVERIFY(connectButton->isEnabled());

    uri->setText(QStringLiteral("redis://127.0.0.1:70000"));
    const QString reason = w.targetBar()->validationError();
    QVERIFY2(reason.contains(QLatin1String("70000")), qPrintable(reason));
    QVERIFY(!connectButton->isEnabled());
    QVERIFY(status->text().contains(reason));
    QVERIFY(uri->toolTip().contains(reason));
    QCOMPARE(uri->property("cwbInvalid").toBool(), true);
    QCOMPARE(w.targetBar()->state(), TargetBar::State::Invalid);
    QVERIFY(!w.targetBar()->endpoint());
    screenshot(w, "invalid-uri");

    uri->setText(QStringLiteral("ftp://example.com"));
    QVERIFY(!w.targetBar()->validationError().isEmpty());
    QVERIFY(!connectButton->isEnabled());
    // The shown reason follows the text while it stays invalid, not the first error.
    QVERIFY2(status->text().contains(w.targetBar()->validationError()), qPrintable(status->text()));
    QVERIFY(!status->text().contains(reason));
    QVERIFY(w.targetSource()->validationError() == w.targetBar()->validationError());
    QVERIFY(!w.targetSource()->endpoint());

    QSignalSpy changed(w.targetBar(), &TargetBar::endpointChanged);
    uri->setText(QStringLiteral("redis://cache.example.com:6380/2"));
    QVERIFY(w.targetBar()->validationError().isEmpty());
    QVERIFY(connectButton->isEnabled());
    QCOMPARE(uri->property("cwbInvalid").toBool(), false);
    QVERIFY(!status->text().contains(reason));
    QCOMPARE(changed.count(), 1);
    const auto endpoint = changed.at(0).at(0).value<Endpoint>();
    QCOMPARE(endpoint.host, QStringLiteral("cache.example.com"));
    QCOMPARE(endpoint.port, quint16(6380));
    QCOMPARE(endpoint.database, 2);
}

void MainWindowTest::connectToSandboxShowsVersion()
{
    SandboxRedis server;
    CWB_START_SANDBOX(server);
    // The version the server itself reports, read independently of the GUI.
    RedisConnection direct(server.endpoint());
    QVERIFY2(direct.connect(), qPrintable(direct.lastError().message));
    const std::optional<QByteArray> info = direct.info(QByteArrayLiteral("server"));
    QVERIFY(info);
    const QString version = parseInfo(*info).server.redisVersion;
    QVERIFY(!version.isEmpty());

    MainWindow w;
    w.show();
    w.targetBar()->setUri(server.endpoint().displayUri());
    QSignalSpy connected(w.targetBar(), &TargetBar::connected);
    auto *connectButton = w.findChild<QPushButton *>(QStringLiteral("connectButton"));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QCOMPARE(w.targetBar()->state(), TargetBar::State::Connecting);
    QVERIFY(!connectButton->isEnabled()); // no second probe while one runs
    QVERIFY(connected.wait(30000)); // a failure timeout: a busy machine starts servers slowly

    const auto summary = connected.at(0).at(0).value<ServerSummary>();
    QCOMPARE(summary.version, version);
    QCOMPARE(summary.role, QStringLiteral("master"));
    QCOMPARE(summary.mode, QStringLiteral("standalone"));
    QVERIFY(summary.usedMemoryBytes > 0);

    QCOMPARE(labelText(w, "serverVersionLabel"), QStringLiteral("Redis ") + version);
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("serverVersionLabel"))->isVisible());
    QVERIFY(labelText(w, "connectionStateLabel").contains(QString::number(server.port())));
    QVERIFY(!labelText(w, "usedMemoryLabel").isEmpty());
    QCOMPARE(labelText(w, "runStateLabel"), QStringLiteral("Idle"));
    QCOMPARE(labelText(w, "targetStatusLabel"), QStringLiteral("Redis %1 · master").arg(version));
    QVERIFY(!w.messageBar()->isVisible());
    QVERIFY(connectButton->isEnabled());
    screenshot(w, "connected");

    // Editing the target makes the old connection stale.
    w.targetBar()->setUri(QStringLiteral("redis://127.0.0.1:1"));
    QVERIFY(!w.findChild<QLabel *>(QStringLiteral("serverVersionLabel"))->isVisible());
    QVERIFY(!w.targetBar()->summary());
}

void MainWindowTest::serverWithoutPasswordSaysItWantsOne()
{
    SandboxRedis server;
    CWB_START_SANDBOX(server, .password = QStringLiteral("s3cret"));
    MainWindow w;
    w.show();
    w.targetBar()->setUri(server.endpoint().displayUri()); // no password typed
    QSignalSpy failed(w.targetBar(), &TargetBar::connectionFailed);
    w.targetBar()->connectToTarget();
    QVERIFY(failed.wait(10000));
    const QString reason = failed.at(0).at(0).toString();
    QVERIFY2(reason.contains(QLatin1String("wants a password")), qPrintable(reason));
    QVERIFY(!reason.contains(QLatin1String("user name")));
}

void MainWindowTest::pageMessagesStayWithTheirPage()
{
    MainWindow w;
    w.show();
    w.setCurrentPage(MainWindow::Page::LoadTest);
    auto *loadTest = qobject_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
    QVERIFY(!loadTest->openConfig(QStringLiteral("/nonexistent/config.json")));
    QVERIFY(w.messageBar()->isVisible());
    const QString text = w.messageBar()->text();
    QVERIFY(text.contains(QLatin1String("config.json")));
    // Another page: the load test's error does not follow the user there.
    w.setCurrentPage(MainWindow::Page::Results);
    QVERIFY(!w.messageBar()->isVisible());
    // Back again: it is still there, until dismissed.
    w.setCurrentPage(MainWindow::Page::LoadTest);
    QVERIFY(w.messageBar()->isVisible());
    QCOMPARE(w.messageBar()->text(), text);
    w.messageBar()->dismiss();
    w.setCurrentPage(MainWindow::Page::Results);
    w.setCurrentPage(MainWindow::Page::LoadTest);
    QVERIFY(!w.messageBar()->isVisible());
}

void MainWindowTest::ctrlLFocusesTheServerField()
{
    MainWindow w;
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    auto *uri = w.findChild<QLineEdit *>(QStringLiteral("uriEdit"));
    w.setCurrentPage(MainWindow::Page::Results);
    w.findChild<QLineEdit *>(QStringLiteral("resultsFilter"))->setFocus();
    QVERIFY(!uri->hasFocus());
    QTest::keyClick(&w, Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(uri->hasFocus());
    QCOMPARE(uri->selectedText(), uri->text());
    // No Alt+letter of the target bar's labels opens a menu instead (Alt+S was both).
    const auto mnemonic = [](const QString &text) {
        const qsizetype at = text.indexOf(u'&');
        return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
    };
    QString menus;
    for (QAction *menu : w.menuBar()->actions())
        menus += mnemonic(menu->text());
    for (QLabel *label : w.targetBar()->findChildren<QLabel *>())
        if (const QChar key = mnemonic(label->text()); label->buddy() && !key.isNull())
            QVERIFY2(!menus.contains(key), qPrintable(label->text() + QStringLiteral(" clashes with a menu")));
}

void MainWindowTest::connectToClosedPortShowsErrorWithoutBlocking()
{
    // A port that was free a moment ago and has nothing listening now.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }

    MainWindow w;
    w.show();
    w.targetBar()->setUri(QStringLiteral("redis://127.0.0.1:%1").arg(port));
    QSignalSpy failed(w.targetBar(), &TargetBar::connectionFailed);

    w.targetBar()->connectToTarget();
    // The click returns before the outcome is known: the network work happens on another thread
    // (a blocking probe would have failed already). Told by the state, not by a stopwatch.
    QCOMPARE(w.targetBar()->state(), TargetBar::State::Connecting);
    QCOMPARE(failed.count(), 0);

    QTRY_VERIFY_WITH_TIMEOUT(w.messageBar()->isVisible(), 30000);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(w.messageBar()->type(), MessageBar::Type::Error);
    QVERIFY2(w.messageBar()->text().contains(QString::number(port)), qPrintable(w.messageBar()->text()));
    QVERIFY(!w.messageBar()->details().isEmpty());
    QCOMPARE(w.targetBar()->state(), TargetBar::State::Failed);
    QCOMPARE(labelText(w, "connectionStateLabel"), QStringLiteral("Not connected"));
    QVERIFY(!w.findChild<QLabel *>(QStringLiteral("serverVersionLabel"))->isVisible());
    // The failure is not modal: the window is still the active top-level, no dialog opened.
    QVERIFY(!QApplication::activeModalWidget());
    w.messageBar()->findChild<QToolButton *>(QStringLiteral("messageDetailsButton"))->click();
    screenshot(w, "connect-failed");
}

void MainWindowTest::passwordNeverLandsInSettings()
{
    const QString fieldSecret = QStringLiteral("FieldSecret-7f3a9");
    const QString uriSecret = QStringLiteral("UriSecret-91bc2");
    {
        MainWindow w;
        w.show();
        w.targetBar()->setUri(QStringLiteral("redis://alice:%1@127.0.0.1:6391/3").arg(uriSecret));
        w.targetBar()->setPassword(fieldSecret);
        QCOMPARE(w.targetBar()->endpoint()->password, fieldSecret);
        w.close();
    }
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray contents = file.readAll();
    // The target itself was saved, so the file is the right one ...
    QVERIFY2(contents.contains("127.0.0.1:6391/3"), contents.constData());
    QVERIFY(contents.contains("alice"));
    // ... and neither password is in it.
    QVERIFY(!contents.contains(fieldSecret.toUtf8()));
    QVERIFY(!contents.contains(uriSecret.toUtf8()));

    // A restored window has the URI, but no password anywhere.
    MainWindow restored;
    QCOMPARE(restored.targetBar()->uri(), QStringLiteral("redis://alice:@127.0.0.1:6391/3"));
    QVERIFY(restored.targetBar()->endpoint()->password.isEmpty());
}

void MainWindowTest::pageAndTargetAreRestored()
{
    {
        MainWindow w;
        w.show();
        w.setCurrentPage(MainWindow::Page::Warming);
        w.targetBar()->setUri(QStringLiteral("redis://127.0.0.1:6400"));
        w.close();
    }
    MainWindow w;
    QCOMPARE(w.currentPage(), MainWindow::Page::Warming);
    QVERIFY(qobject_cast<WarmingPage *>(w.pageStack()->currentWidget()));
    QCOMPARE(w.targetBar()->uri(), QStringLiteral("redis://127.0.0.1:6400"));

    // An invalid URI at close is not saved (it could be half typed, password included).
    w.targetBar()->setUri(QStringLiteral("redis://:half"));
    w.close();
    QCOMPARE(QSettings().value(QStringLiteral("target/uri")).toString(), QStringLiteral("redis://127.0.0.1:6400"));
}

void MainWindowTest::messageBarExpandsAndDismisses()
{
    MainWindow w;
    w.show();
    MessageBar *bar = w.messageBar();
    QVERIFY(!bar->isVisible());
    bar->showMessage(MessageBar::Type::Warning, QStringLiteral("Short text"), QStringLiteral("Long details"));
    QVERIFY(bar->isVisible());
    auto *details = bar->findChild<QToolButton *>(QStringLiteral("messageDetailsButton"));
    QVERIFY(details && details->isVisible());
    QVERIFY(!bar->detailsExpanded());
    QTest::mouseClick(details, Qt::LeftButton);
    QVERIFY(bar->detailsExpanded());
    QCOMPARE(bar->details(), QStringLiteral("Long details"));

    bar->showMessage(MessageBar::Type::Information, QStringLiteral("No details"));
    QVERIFY(!details->isVisible());
    QVERIFY(!bar->detailsExpanded());

    QSignalSpy dismissed(bar, &MessageBar::dismissed);
    QTest::mouseClick(bar->findChild<QToolButton *>(QStringLiteral("messageCloseButton")), Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    QCOMPARE(dismissed.count(), 1);
}

void MainWindowTest::sandboxMenuStartsOwnsAndStopsServer()
{
    quint16 port = 0;
    {
        MainWindow w;
        w.show();
        w.targetBar()->setUri(QStringLiteral("redis://127.0.0.1:6402"));
        QSignalSpy connected(w.targetBar(), &TargetBar::connected);
        auto *single = w.findChild<QAction *>(QStringLiteral("sandboxSingleAction"));
        QVERIFY(single);
        single->trigger();
        QVERIFY(w.sandbox()->isStarting());
        QVERIFY(!w.findChild<QPushButton *>(QStringLiteral("connectButton"))->isEnabled());
        QVERIFY(connected.wait(30000));

        QVERIFY(w.sandbox()->isRunning());
        port = w.sandbox()->endpoint().port;
        QVERIFY(w.targetBar()->uri().endsWith(QStringLiteral(":%1").arg(port)));
        QVERIFY(w.findChild<QAction *>(QStringLiteral("sandboxStopAction"))->isEnabled());
        QCOMPARE(labelText(w, "serverVersionLabel").left(6), QStringLiteral("Redis "));
        w.close();
    }
    // The window owned the server: it is gone with the window.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!socket.waitForConnected(1000));
    // And the next start offers the target from before the sandbox, not the dead address.
    MainWindow restored;
    QCOMPARE(restored.targetBar()->uri(), QStringLiteral("redis://127.0.0.1:6402"));
}

void MainWindowTest::sandboxClusterConnectsInClusterMode()
{
    MainWindow w;
    w.show();
    QSignalSpy connected(w.targetBar(), &TargetBar::connected);
    QSignalSpy stopped(w.sandbox(), &SandboxLauncher::stopped);
    w.findChild<QAction *>(QStringLiteral("sandboxClusterAction"))->trigger();
    QVERIFY(connected.wait(40000));
    const auto summary = connected.at(0).at(0).value<ServerSummary>();
    QCOMPARE(summary.mode, QStringLiteral("cluster"));
    QVERIFY(summary.isCluster());
    QVERIFY(labelText(w, "targetStatusLabel").endsWith(QStringLiteral(" · cluster")));
    screenshot(w, "cluster-sandbox");

    // A failover demotes the target node, and the target bar says so (it kept calling it master).
    QTRY_VERIFY_WITH_TIMEOUT(labelText(w, "targetStatusLabel").contains(QStringLiteral(" · master")), 10000);
    RedisConnection seed(w.sandbox()->endpoint());
    QVERIFY2(seed.connect(), qPrintable(seed.lastError().message));
    const auto nodes = seed.command({"CLUSTER", "NODES"});
    QVERIFY(nodes && !nodes->isError());
    QByteArray seedId, replicaAddress;
    for (const QByteArray &line : nodes->str.split('\n'))
        if (line.contains("myself"))
            seedId = line.split(' ').value(0);
    for (const QByteArray &line : nodes->str.split('\n'))
        if (const QList<QByteArray> f = line.split(' '); f.size() > 3 && f[3] == seedId)
            replicaAddress = f[1].split('@').value(0);
    QVERIFY2(!replicaAddress.isEmpty(), nodes->str.constData());
    Endpoint replica = w.sandbox()->endpoint();
    replica.port = quint16(replicaAddress.split(':').value(1).toUInt());
    RedisConnection promote(replica);
    QVERIFY2(promote.connect(), qPrintable(promote.lastError().message));
    const auto failover = promote.command({"CLUSTER", "FAILOVER"});
    QVERIFY(failover && failover->isOk());
    QTRY_VERIFY_WITH_TIMEOUT(labelText(w, "targetStatusLabel").contains(QStringLiteral(" · replica")), 30000);

    // "Stop sandbox" ends it while the window stays open.
    const quint16 port = w.sandbox()->endpoint().port;
    w.findChild<QAction *>(QStringLiteral("sandboxStopAction"))->trigger();
    QCOMPARE(stopped.count(), 1);
    QVERIFY(!w.sandbox()->isRunning());
    QVERIFY(!w.findChild<QAction *>(QStringLiteral("sandboxStopAction"))->isEnabled());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!socket.waitForConnected(1000));
}

void MainWindowTest::iconsFollowDarkPalette()
{
    const QPalette original = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x21, 0x24));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x33, 0x37, 0x3c));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    dark.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    QApplication::setPalette(dark);
    {
        MainWindow w;
        w.show();
        w.setCurrentPage(MainWindow::Page::Monitoring);
        w.messageBar()->showMessage(MessageBar::Type::Error, QStringLiteral("Nothing is listening at 127.0.0.1:1."),
                                    QStringLiteral("cannot connect to 127.0.0.1:1: Connection refused"));
        // The line icons take the palette's text colour: light strokes on a dark window.
        const QImage icon = w.navigation()->item(1)->icon().pixmap(QSize(22, 22)).toImage();
        int lightInk = 0;
        int darkInk = 0;
        for (int y = 0; y < icon.height(); ++y) {
            for (int x = 0; x < icon.width(); ++x) {
                const QRgb px = icon.pixel(x, y);
                if (qAlpha(px) > 200)
                    (qGray(px) > 128 ? lightInk : darkInk)++;
            }
        }
        QVERIFY2(lightInk > 0 && darkInk == 0, qPrintable(QStringLiteral("%1 %2").arg(lightInk).arg(darkInk)));
        screenshot(w, "dark");
    }
    QApplication::setPalette(original);
}

void MainWindowTest::germanTranslationLoads()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/cache-workbench_de.qm")));
    QCoreApplication::installTranslator(&translator);
    {
        MainWindow w;
        QCOMPARE(w.navigation()->item(0)->text(), QStringLiteral("Lasttest"));
        QCOMPARE(w.navigation()->item(6)->text(), QStringLiteral("Ergebnisse"));
        QCOMPARE(labelText(w, "runStateLabel"), QStringLiteral("Bereit"));
        auto *header = w.page(MainWindow::Page::LoadTest)->findChild<QLabel *>(QStringLiteral("pageTitle"));
        QVERIFY(header);
        QCOMPARE(header->text(), QStringLiteral("Lasttest"));
        w.targetBar()->setUri(QStringLiteral("redis://127.0.0.1:99999"));
        QVERIFY(labelText(w, "targetStatusLabel").startsWith(QStringLiteral("Ungültige URI")));
        // Recent strings too: the key scan.
        auto *scan = w.page(MainWindow::Page::Optimisation)->findChild<QPushButton *>(QStringLiteral("keyScanButton"));
        QVERIFY(scan);
        QCOMPARE(scan->text(), QStringLiteral("Schlüssel des Ziels scannen"));
        w.show();
        w.resize(1200, 700);
        screenshot(w, "german");
    }
    QCoreApplication::removeTranslator(&translator);

    // Every string lupdate found has its German: nothing left unfinished in the source file.
    QFile ts(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../translations/cache-workbench_de.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray text = ts.readAll();
    QVERIFY(text.count("<message") > 1000);
    QCOMPARE(text.count("type=\"unfinished\""), 0);

    // The application's own loader, as main() uses it (last test: translators stay installed).
    QCOMPARE(installTranslations(*qApp, QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(MainWindow().navigation()->item(0)->text(), QStringLiteral("Lasttest"));
    // An unknown language falls back to English; the later translator takes precedence.
    QCOMPARE(installTranslations(*qApp, QStringLiteral("fr")), QStringLiteral("en"));
    QCOMPARE(MainWindow().navigation()->item(0)->text(), QStringLiteral("Load Test"));
}

QTEST_MAIN(MainWindowTest)
#include "tst_widget_mainwindow.moc"
