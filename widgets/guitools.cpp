#include "guitools.h"

#include "charts/runcharts.h"
#include "charts/serieschart.h"
#include "config/loadconfigform.h"
#include "mainwindow.h"
#include "models/runstablemodel.h"
#include "pages/loadtestpage.h"
#include "pages/resultspage.h"
#include "redis/sandboxredis.h"
#include "store/asyncresultstore.h"
#include "targetbar.h"

#include <QApplication>
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
    w.resize(1440, 900);
    w.show();
    w.targetBar()->setUri(redis.endpoint().displayUri());
    w.targetBar()->connectToTarget();
    waitUntil([&] { return w.targetBar()->state() == TargetBar::State::Connected; }, 5000);

    auto *page = static_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
    bool ok = true;
    // Run 1: watch it live, grab the dashboard mid-run, then the summary.
    ok = ok && runOnPage(page, tourConfig(QStringLiteral("tour-cache-mix"), 12, 24, 1), [&] {
        waitUntil([page] { return page->charts()->latencyChart()->pointCount(0) >= 6; }, 20000);
        ok = ok && grabTo(w, dir.filePath(QStringLiteral("loadtest-live.png")));
    });
    if (ok) {
        page->tabs()->setCurrentIndex(1);
        ok = grabTo(w, dir.filePath(QStringLiteral("loadtest-summary.png")));
        page->saveAsBaseline();
    }
    // Run 2: pipelined, so the comparison has something to show.
    ok = ok && runOnPage(page, tourConfig(QStringLiteral("tour-cache-mix"), 8, 24, 8));
    if (ok) {
        page->compareWithBaseline();
        settle(1000);
        page->tabs()->setCurrentIndex(1);
        ok = grabTo(w, dir.filePath(QStringLiteral("loadtest-compare.png")));
    }

    auto *results = static_cast<ResultsPage *>(w.page(MainWindow::Page::Results));
    w.setCurrentPage(MainWindow::Page::Results);
    if (ok) {
        ok = waitUntil([results] { return results->model()->rowCount() >= 2; }, 10000);
        results->table()->selectRow(1);
        results->openSelected();
        ok = ok && waitUntil([results] { return !results->openRunId().isEmpty(); }, 10000);
        ok = ok && grabTo(w, dir.filePath(QStringLiteral("results.png")));
        results->table()->selectAll();
        results->compareSelected();
        settle(1500);
        ok = ok && grabTo(w, dir.filePath(QStringLiteral("results-compare.png")));
    }
    // The other pages as they are now.
    const struct
    {
        MainWindow::Page page;
        const char *file;
    } others[] = {{MainWindow::Page::Benchmarks, "benchmarks.png"}, {MainWindow::Page::Cluster, "cluster.png"},
                  {MainWindow::Page::Optimisation, "optimisation.png"}, {MainWindow::Page::Warming, "warming.png"},
                  {MainWindow::Page::Monitoring, "monitoring.png"}};
    for (const auto &other : others) {
        w.setCurrentPage(other.page);
        ok = ok && grabTo(w, dir.filePath(QLatin1String(other.file)));
    }
    w.setCurrentPage(MainWindow::Page::LoadTest);
    if (!ok)
        say(QStringLiteral("screenshot tour failed"));
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
