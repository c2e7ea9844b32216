#include "guitools.h"

#include "charts/runcharts.h"
#include "charts/serieschart.h"
#include "config/loadconfigform.h"
#include "mainwindow.h"
#include "models/runstablemodel.h"
#include "cluster/topologygraph.h"
#include "pages/benchmarkspage.h"
#include "pages/clusterpage.h"
#include "pages/loadtestpage.h"
#include "optimise/keyscanpanel.h"
#include "pages/monitoringpage.h"
#include "pages/optimisationpage.h"
#include "pages/resultspage.h"
#include "pages/warmingpage.h"
#include "pages/warmingplandialog.h"
#include "monitor/monitorservice.h"
#include "sandboxlauncher.h"
#include "redis/prefixcleanup.h"
#include "redis/redisconnection.h"
#include "redis/sandboxredis.h"
#include "store/asyncresultstore.h"
#include "targetbar.h"

#include <QAbstractButton>
#include <QApplication>
#include <QItemSelectionModel>
#include <QMouseEvent>
#include <QPushButton>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <poll.h>
#include <unistd.h>

namespace cwb {

namespace {

void say(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

// Runs the event loop until `done` holds or the timeout passes; the window keeps painting.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool grabTo(QWidget &w, const QString &path)
{
    settle(300); // queued replots and layouts land first
    QImage image = w.grab().toImage();
    // Screenshots of a UI have few colours: a palette PNG is a fraction of the size.
    const QImage small = image.convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither | Qt::AvoidDither);
    const bool ok = small.save(path, "PNG", 9);
    say(QStringLiteral("saved %1 (%2 KB)").arg(path).arg(QFileInfo(path).size() / 1024));
    return ok;
}

// A window isolated from the user's own data: settings in test mode, store in a temp folder.
struct IsolatedSession
{
    QTemporaryDir dir;
    IsolatedSession()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("CWB_DB_PATH", dir.filePath(QStringLiteral("results.sqlite")).toLocal8Bit());
    }
};

LoadTestConfig tourConfig(const QString &name, double seconds, int users, int pipeline)
{
    LoadTestConfig c;
    c.testName = name;
    c.description = QStringLiteral("Screenshot tour");
    c.durationSec = seconds;
    c.concurrentUsers = users;
    c.pipeline = pipeline;
    c.threads = 1;
    c.cacheTypes = {CacheType::String, CacheType::Hash, CacheType::Session};
    c.keySpace = 20000;
    c.keyDistribution = KeyDistribution::Zipfian;
    c.keyPrefix = QStringLiteral("cwb:tour:");
    return c;
}

bool runOnPage(LoadTestPage *page, const LoadTestConfig &c, const std::function<void()> &whileRunning = {})
{
    page->form()->setConfig(c);
    page->start();
    if (!page->isRunning())
        return false;
    if (whileRunning)
        whileRunning();
    return waitUntil([page] { return !page->isRunning() && !page->lastSavedRunId().isEmpty(); },
                     int(c.durationSec * 1000) + 20000);
}

} // namespace

double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = stat.readAll();
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble(); // field 22: starttime
    const double up = uptime.readAll().split(' ').value(0).toDouble();
    return (up - startTicks / double(sysconf(_SC_CLK_TCK))) * 1000.0;
}

namespace {

// How the tour takes pictures and gives input. Driven by scripts/screenshots.sh (stdin is not
// a terminal and CWB_TOUR_DRIVER=x11), each step is a line on stdout that the script answers
// after acting on the X server: "SHOT name" (import -window root), "KEY keys" and "CLICK x y"
// (xdotool), so a run is stopped with the real Shift+F5 and buttons are really clicked.
// Without the script, the tour grabs the window itself and calls the same slots.
class TourDriver
{
public:
    TourDriver(QWidget &window, const QDir &dir)
        : m_window(window), m_dir(dir), m_x11(qEnvironmentVariable("CWB_TOUR_DRIVER") == QLatin1String("x11"))
    {
    }

    bool shot(const QString &name) { return shotOf(m_window, name); }

    // A window of its own (a dialog over the main window): the screen under X, else the widget.
    bool shotOf(QWidget &widget, const QString &name)
    {
        if (!m_x11)
            return grabTo(widget, m_dir.filePath(name + QStringLiteral(".png")));
        settle(300);
        return ask(QStringLiteral("SHOT ") + name);
    }

    // Keys as xdotool names them ("shift+F5"); `fallback` does the same without X input.
    bool key(const QString &keys, const std::function<void()> &fallback)
    {
        if (!m_x11) {
            fallback();
            return true;
        }
        return ask(QStringLiteral("KEY ") + keys);
    }

    bool click(QWidget *widget, QPoint at, const std::function<void()> &fallback)
    {
        if (!m_x11) {
            fallback();
            return true;
        }
        settle(200);
        const QPoint global = widget->mapToGlobal(at);
        return ask(QStringLiteral("CLICK %1 %2").arg(global.x()).arg(global.y()));
    }

    bool click(QAbstractButton *button)
    {
        return click(button, button->rect().center(), [button] { button->click(); });
    }

    void done()
    {
        if (m_x11)
            ask(QStringLiteral("DONE"));
    }

private:
    // One line out, one line back; the event loop keeps running while the script acts.
    bool ask(const QString &line)
    {
        say(QStringLiteral("tour: ") + line);
        std::fprintf(stdout, "%s\n", qPrintable(line));
        std::fflush(stdout);
        pollfd in{STDIN_FILENO, POLLIN, 0};
        if (!waitUntil([&in] { return ::poll(&in, 1, 0) > 0; }, 60000))
            return false;
        char answer[64] = {};
        return std::fgets(answer, sizeof answer, stdin) && QByteArray(answer).trimmed() == "ok";
    }

    QWidget &m_window;
    QDir m_dir;
    bool m_x11 = false;
};

// Run 1 live and summarised, run 2 stopped with Shift+F5, run 3 compared with the baseline.
bool tourLoadTests(MainWindow &w, TourDriver &tour)
{
    auto *page = static_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
    w.setCurrentPage(MainWindow::Page::LoadTest);
    bool ok = runOnPage(page, tourConfig(QStringLiteral("tour-cache-mix"), 12, 24, 1), [&] {
        waitUntil([page] { return page->charts()->latencyChart()->pointCount(0) >= 6; }, 20000);
        ok = tour.shot(QStringLiteral("loadtest-live"));
    });
    if (ok) {
        page->tabs()->setCurrentIndex(1);
        ok = tour.shot(QStringLiteral("loadtest-summary"));
        page->saveAsBaseline();
        page->tabs()->setCurrentIndex(0);
    }
    ok = ok && runOnPage(page, tourConfig(QStringLiteral("tour-stopped"), 60, 24, 1), [&] {
        waitUntil([page] { return page->charts()->latencyChart()->pointCount(0) >= 4; }, 20000);
        ok = tour.key(QStringLiteral("shift+F5"), [page] { page->stop(); });
        // A key that never arrived would let the run complete: that is a failed step.
        if (ok && !waitUntil([page] { return !page->isRunning(); }, 15000)) {
            say(QStringLiteral("Shift+F5 did not stop the run"));
            ok = false;
        }
    });
    if (ok) {
        page->tabs()->setCurrentIndex(1);
        ok = tour.shot(QStringLiteral("loadtest-stopped"));
    }
    ok = ok && runOnPage(page, tourConfig(QStringLiteral("tour-cache-mix"), 8, 24, 8));
    if (ok) {
        page->compareWithBaseline();
        settle(1000);
        page->tabs()->setCurrentIndex(1);
        ok = tour.shot(QStringLiteral("loadtest-compare"));
    }
    return ok;
}

bool tourResults(MainWindow &w, TourDriver &tour)
{
    auto *results = static_cast<ResultsPage *>(w.page(MainWindow::Page::Results));
    w.setCurrentPage(MainWindow::Page::Results);
    bool ok = waitUntil([results] { return results->model()->rowCount() >= 3; }, 10000);
    results->table()->selectRow(2);
    results->openSelected();
    ok = ok && waitUntil([results] { return !results->openRunId().isEmpty(); }, 10000);
    ok = ok && tour.shot(QStringLiteral("results"));
    results->table()->clearSelection();
    results->table()->selectRow(0);
    results->table()->selectionModel()->select(results->table()->model()->index(2, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
    results->compareSelected();
    settle(1500);
    return ok && tour.shot(QStringLiteral("results-compare"));
}

bool tourBenchmarks(MainWindow &w, TourDriver &tour)
{
    auto *page = static_cast<BenchmarksPage *>(w.page(MainWindow::Page::Benchmarks));
    w.setCurrentPage(MainWindow::Page::Benchmarks);
    page->setUseSandbox(true);
    page->setParameters(QStringLiteral("cache-basic-ops"), {{QStringLiteral("operations"), 3000}});
    page->setParameters(QStringLiteral("concurrent-reads"), {{QStringLiteral("durationSec"), 2}});
    page->setChecked({QStringLiteral("cache-basic-ops"), QStringLiteral("concurrent-reads")});
    page->runSelected();
    bool ok = waitUntil([page] { return !page->isRunning(); }, 120000);
    ok = ok && tour.shot(QStringLiteral("benchmarks"));
    page->findChild<QTabWidget *>(QStringLiteral("benchmarkTabs"))->setCurrentIndex(1);
    ok = ok && tour.shot(QStringLiteral("benchmarks-latency"));
    page->setUseSandbox(false);
    return ok;
}

// The masters that are up and own slots.
int servingMasters(const Topology &t)
{
    int n = 0;
    for (const TopologyNode &node : t.nodes)
        n += node.isMaster() && node.health == NodeHealth::Up && !node.slotRanges.empty();
    return n;
}

bool tourCluster(MainWindow &w, TourDriver &tour)
{
    auto *page = static_cast<ClusterPage *>(w.page(MainWindow::Page::Cluster));
    w.sandbox()->start(SandboxLauncher::Kind::Cluster);
    w.setCurrentPage(MainWindow::Page::Cluster);
    TopologyGraph *graph = page->topologyGraph();
    bool ok = waitUntil([graph] { return servingMasters(graph->topology()) == 3 && graph->drawnNodeIds().size() == 6; },
                        60000);
    settle(2500); // a second poll: rates
    ok = ok && tour.shot(QStringLiteral("cluster-topology"));
    // The first master is drawn top left: click it, then Kill master.
    const QString victim = graph->drawnNodeIds().value(0);
    const QPointF onVictim(graph->width() / 6.0, 24);
    ok = ok && tour.click(graph, onVictim.toPoint(), [graph, onVictim] {
        QMouseEvent press(QEvent::MouseButtonPress, onVictim, graph->mapToGlobal(onVictim), Qt::LeftButton,
                          Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(graph, &press);
    });
    QPushButton *kill = nullptr;
    for (QPushButton *b : page->findChildren<QPushButton *>())
        if (b->text() == ClusterPage::tr("Kill master"))
            kill = b;
    if (!ok || !kill || !waitUntil([graph, victim] { return graph->selectedNodeId() == victim; }, 5000)) {
        say(QStringLiteral("could not select the first master"));
        return false;
    }
    ok = waitUntil([kill] { return kill->isEnabled(); }, 5000) && tour.click(kill);
    // The cluster marks the master failed after its node timeout and promotes its replica.
    ok = ok && waitUntil([graph, victim] {
             const TopologyNode *dead = graph->topology().node(victim);
             return dead && dead->health != NodeHealth::Up && servingMasters(graph->topology()) == 3;
         }, 60000);
    settle(1500);
    ok = ok && tour.shot(QStringLiteral("cluster-failover"));
    page->tabs()->setCurrentIndex(1);
    ok = ok && tour.shot(QStringLiteral("cluster-simulation"));
    page->tabs()->setCurrentIndex(0);
    return ok;
}

bool tourWarming(MainWindow &w, TourDriver &tour)
{
    auto *page = static_cast<WarmingPage *>(w.page(MainWindow::Page::Warming));
    w.setCurrentPage(MainWindow::Page::Warming);
    WarmingPlan plan;
    plan.name = QStringLiteral("tour-config");
    plan.strategy = WarmStrategy::Config;
    plan.priority = WarmPriority::High;
    plan.schedule = QStringLiteral("0 6 * * 1-5");
    plan.params = {{"entries", {{"tour:greeting", "hello"}, {"tour:flags", "{\"beta\":true}"}}}};
    QString error;
    if (!page->addPlan(plan, &error)) {
        say(QStringLiteral("warming plan refused: %1").arg(error));
        return false;
    }
    page->plansTable()->selectRow(0);
    const int before = page->historyTable()->rowCount();
    bool ok = tour.click(page->runNowButton());
    ok = ok && waitUntil([page, before] { return page->historyTable()->rowCount() > before; }, 30000);
    ok = ok && tour.shot(QStringLiteral("warming"));
    // The plan form, as Edit... opens it over the page (shown, not exec(): the tour goes on).
    WarmingPlanDialog dialog(page);
    dialog.setPlan(plan);
    dialog.show();
    settle(300);
    ok = ok && tour.shotOf(dialog, QStringLiteral("warming-plan"));
    dialog.close();
    return ok;
}

// The key scan over keys of the tour's own sandbox: a session store with one hot session and
// one big cart, under an LFU policy so the hot key shows its access counter.
bool tourOptimisation(MainWindow &w, TourDriver &tour, const SandboxRedis &redis)
{
    RedisConnection control(redis.endpoint());
    if (!control.connect())
        return false;
    control.command({"CONFIG", "SET", "maxmemory-policy", "allkeys-lfu"});
    for (int i = 0; i < 60; ++i)
        control.command({"SET", "shop:session:" + QByteArray::number(1000 + i), QByteArray(40 + i * 7, 's')});
    control.command({"SET", "shop:cart:big", QByteArray(48 * 1024, 'c')});
    for (int i = 0; i < 200; ++i)
        control.command({"GET", "shop:session:1007"});
    w.setCurrentPage(MainWindow::Page::Optimisation);
    KeyScanPanel *panel = static_cast<OptimisationPage *>(w.page(MainWindow::Page::Optimisation))->keyScan();
    panel->prefixEdit()->setText(QStringLiteral("shop:"));
    panel->start();
    bool ok = waitUntil([panel] { return !panel->isScanning(); }, 30000) && panel->table()->rowCount() > 0;
    ok = ok && tour.shot(QStringLiteral("optimisation"));
    control.command({"CONFIG", "SET", "maxmemory-policy", "noeviction"});
    unlinkKeysWithPrefix(control, QStringLiteral("shop:"));
    return ok;
}

// Against the single sandbox: a memory rule below what the server holds fires within seconds.
bool tourMonitoring(MainWindow &w, TourDriver &tour, const SandboxRedis &redis)
{
    w.sandbox()->stop();
    w.targetBar()->setUri(redis.endpoint().displayUri());
    w.targetBar()->connectToTarget();
    waitUntil([&] { return w.targetBar()->state() == TargetBar::State::Connected; }, 5000);
    auto *page = static_cast<MonitoringPage *>(w.page(MainWindow::Page::Monitoring));
    MonitoringConfig config = page->service()->config();
    config.enabled = true;
    config.collectionIntervalMs = 500;
    config.alerting.forMs = 1000;
    config.alerting.thresholds.memoryUsageMb = 0.5;
    QString error;
    if (!page->applyConfig(config, &error)) {
        say(QStringLiteral("monitoring config refused: %1").arg(error));
        return false;
    }
    page->startMonitoring();
    bool ok = tour.key(QStringLiteral("ctrl+6"), [&w] { w.setCurrentPage(MainWindow::Page::Monitoring); });
    ok = ok && waitUntil([page] { return page->service()->firingCount() > 0; }, 30000);
    settle(4000); // a little trend
    return ok && tour.shot(QStringLiteral("monitoring-alert"));
}

} // namespace

int runScreenshotTour(const QString &dirPath)
{
    IsolatedSession session;
    QDir().mkpath(dirPath);
    const QDir dir(dirPath);
    SandboxRedis redis;
    QString error;
    if (!redis.start(&error)) {
        say(QStringLiteral("sandbox did not start: %1").arg(error));
        return 1;
    }
    MainWindow w;
    w.move(0, 0);
    w.resize(1280, 800); // the size every page must fit
    w.show();
    w.targetBar()->setUri(redis.endpoint().displayUri());
    w.targetBar()->connectToTarget();
    waitUntil([&] { return w.targetBar()->state() == TargetBar::State::Connected; }, 5000);

    TourDriver tour(w, dir);
    bool ok = tourLoadTests(w, tour);
    ok = ok && tourResults(w, tour);
    ok = ok && tourBenchmarks(w, tour);
    ok = ok && tourOptimisation(w, tour, redis);
    ok = ok && tourWarming(w, tour);
    ok = ok && tourCluster(w, tour);
    ok = ok && tourMonitoring(w, tour, redis);
    if (!ok)
        say(QStringLiteral("screenshot tour failed"));
    tour.done();
    w.close();
    return ok ? 0 : 1;
}

namespace {

struct DelayStats
{
    double p50 = 0, p99 = 0, max = 0;
    int samples = 0;
};

// A 10 ms timer; its lateness is the event loop's delay for everything else (input, paint).
DelayStats probeDuring(const std::function<bool()> &running)
{
    std::vector<double> delays;
    QElapsedTimer clock;
    clock.start();
    qint64 expected = 10;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(10);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const double now = double(clock.nsecsElapsed()) / 1e6;
        delays.push_back(std::max(0.0, now - double(expected)));
        expected = qint64(now) + 10;
    });
    timer.start();
    waitUntil([&] { return !running(); }, 120000);
    timer.stop();
    DelayStats s;
    s.samples = int(delays.size());
    if (delays.empty())
        return s;
    std::sort(delays.begin(), delays.end());
    s.p50 = delays[delays.size() / 2];
    s.p99 = delays[std::min(delays.size() - 1, size_t(double(delays.size()) * 0.99))];
    s.max = delays.back();
    return s;
}

} // namespace

int runPerformanceProbe(double startupMs)
{
    IsolatedSession session;
    QTextStream out(stdout);
    out << "| Measure | Figure |\n|---|---|\n";
    out << "| App start to visible main window | " << QString::number(startupMs, 'f', 0) << " ms |\n";
    out.flush();

    // Chart redraw: one hour of per-second data in six series.
    {
        SeriesChart chart(QStringLiteral("bench"), QStringLiteral("t"), QStringLiteral("v"));
        chart.resize(1200, 450);
        chart.show();
        QVector<double> keys(3600);
        for (int i = 0; i < 3600; ++i)
            keys[i] = i + 1;
        for (int s = 0; s < 6; ++s) {
            chart.addSeries(QStringLiteral("series %1").arg(s));
            QVector<double> values(3600);
            for (int i = 0; i < 3600; ++i)
                values[i] = 1000 + 300 * std::sin(i / (20.0 + s)) + 50 * s + (i * 7919 % 97);
            chart.setPoints(s, keys, values);
        }
        chart.resetView();
        QApplication::processEvents();
        std::vector<double> times;
        for (int i = 0; i < 60; ++i) {
            QElapsedTimer t;
            t.start();
            chart.replot(QCustomPlot::rpImmediateRefresh);
            times.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::sort(times.begin(), times.end());
        out << "| Chart redraw, 6 series x 3600 points, 1200x450 (median / p95 of 60) | "
            << QString::number(times[30], 'f', 2) << " ms / " << QString::number(times[57], 'f', 2) << " ms |\n";
        out.flush();
    }

    SandboxRedis redis;
    QString error;
    if (!redis.start(&error)) {
        say(QStringLiteral("sandbox did not start: %1").arg(error));
        return 1;
    }
    MainWindow w;
    w.resize(1440, 900);
    w.show();
    w.targetBar()->setUri(redis.endpoint().displayUri());
    auto *page = static_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));

    auto probeRun = [&](const QString &label, LoadTestConfig c) {
        c.keyPrefix = QStringLiteral("cwb:perf:");
        page->form()->setConfig(c);
        page->start();
        if (!page->isRunning()) {
            say(QStringLiteral("%1 did not start").arg(label));
            return;
        }
        const DelayStats s = probeDuring([page] { return page->isRunning(); });
        const double throughput = page->lastResult() ? page->lastResult()->throughput() : 0;
        out << "| Event-loop delay during " << label << " (" << QString::number(throughput, 'f', 0)
            << " ops/s; p50 / p99 / max of " << s.samples << " ticks) | " << QString::number(s.p50, 'f', 1)
            << " / " << QString::number(s.p99, 'f', 1) << " / " << QString::number(s.max, 'f', 1) << " ms |\n";
        out.flush();
    };
    LoadTestConfig closed;
    closed.testName = QStringLiteral("perf-closed-loop");
    closed.durationSec = 15;
    closed.concurrentUsers = 50;
    closed.pipeline = 8;
    closed.requestsPerSecond = 0;
    probeRun(QStringLiteral("closed-loop max throughput, 50 users x pipeline 8, 15 s"), closed);
    if (auto extreme = presetByName(QStringLiteral("extreme-load"))) {
        extreme->durationSec = 15;
        probeRun(QStringLiteral("extreme-load preset (15 s)"), *extreme);
    }
    w.close();
    return 0;
}

} // namespace cwb
