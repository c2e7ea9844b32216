// Result store performance: saving a one-hour run, listing 10,000 runs, exporting a one-hour
// run as CSV. Prints each figure against its budget; exit 1 when one is over.
//   cwb_store_bench [--db FILE]   (default: a temporary file)

#include "store/csvexport.h"
#include "store/resultstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <random>

namespace {

cwb::RunResult oneHourRun(int seconds)
{
    using namespace cwb;
    RunResult r;
    r.config.testName = QStringLiteral("store-bench");
    r.target = QStringLiteral("redis://127.0.0.1:6379");
    r.status = RunStatus::Completed;
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.finishedAt = r.startedAt.addSecs(seconds);
    r.measuredSec = seconds;
    std::mt19937_64 rng(1);
    std::lognormal_distribution<double> lat(std::log(250000.0), 0.8);
    for (int op = 0; op < kOpTypeCount; ++op) {
        OpCounters &c = r.totals.ops[size_t(op)];
        for (int i = 0; i < 200000; ++i)
            c.latency.record(uint64_t(lat(rng)));
        c.count = c.latency.count();
    }
    for (int s = 0; s < seconds; ++s) {
        SecondSample x;
        x.t = s + 1;
        x.ops = 50000 + uint64_t(rng() % 1000);
        x.opsByType = {40000, 7500, 1500, 1000};
        x.hits = 30000;
        x.misses = 10000;
        x.p50Us = 250;
        x.p95Us = 700;
        x.p99Us = 1500 + double(rng() % 100);
        x.maxUs = 9000;
        x.clientCpuPercent = 55.5;
        x.clientRssBytes = 80'000'000;
        x.serverUsedMemory = 1'000'000'000 + qint64(s) * 1000;
        x.serverCpuPercent = 80.25;
        x.connectedUsers = 50;
        r.series.push_back(x);
    }
    return r;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

bool report(const char *what, double ms, double budgetMs)
{
    const bool ok = ms < budgetMs;
    std::printf("%-44s %9.2f ms   (budget %.0f ms) %s\n", what, ms, budgetMs, ok ? "ok" : "OVER BUDGET");
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--db")); i > 0 && i + 1 < args.size())
        path = args.at(i + 1);

    cwb::ResultStore store;
    if (!store.open(path)) {
        std::fprintf(stderr, "cwb_store_bench: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    const cwb::RunResult hour = oneHourRun(3600);
    bool ok = true;

    std::vector<double> saves;
    QString hourId;
    for (int i = 0; i < 5; ++i) {
        cwb::RunResult copy = hour;
        QElapsedTimer t;
        t.start();
        hourId = store.saveRun(copy);
        saves.push_back(double(t.nsecsElapsed()) / 1e6);
        if (hourId.isEmpty()) {
            std::fprintf(stderr, "cwb_store_bench: %s\n", qPrintable(store.lastError()));
            return 1;
        }
    }
    ok &= report("save a one-hour run (3600 s series), median", median(saves), 200);

    std::vector<double> exports;
    std::vector<double> loads;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const auto loaded = store.loadRun(hourId);
        loads.push_back(double(t.nsecsElapsed()) / 1e6);
        t.restart();
        const QByteArray csv = cwb::runSeriesToCsv(loaded ? loaded->result : hour);
        exports.push_back(double(t.nsecsElapsed()) / 1e6);
        if (csv.count('\n') != 3601) {
            std::fprintf(stderr, "cwb_store_bench: CSV has %lld lines\n", qlonglong(csv.count('\n')));
            return 1;
        }
    }
    ok &= report("export a one-hour run as CSV, median", median(exports), 100);
    std::printf("%-44s %9.2f ms   (load from the store, for reference)\n", "load a one-hour run, median", median(loads));

    // 10,000 stored runs: each with histograms and a short series, saved one transaction each.
    cwb::RunResult small = oneHourRun(10);
    QElapsedTimer fill;
    fill.start();
    const int existing = store.countRuns();
    for (int i = existing; i < 10000; ++i) {
        small.runId.clear();
        small.startedAt = QDateTime::currentDateTimeUtc().addSecs(-i);
        if (store.saveRun(small).isEmpty()) {
            std::fprintf(stderr, "cwb_store_bench: %s\n", qPrintable(store.lastError()));
            return 1;
        }
    }
    std::printf("%-44s %9.2f ms   (setup)\n", "save 10,000 small runs", double(fill.nsecsElapsed()) / 1e6);
    std::vector<double> lists;
    size_t listed = 0;
    for (int i = 0; i < 5; ++i) {
        cwb::RunFilter all;
        all.limit = 0;
        QElapsedTimer t;
        t.start();
        listed = store.listRuns(all).size();
        lists.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    if (listed < 10000) {
        std::fprintf(stderr, "cwb_store_bench: listed %zu runs\n", listed);
        return 1;
    }
    ok &= report("list 10,000 runs (all rows), median", median(lists), 200);
    cwb::RunFilter page;
    page.limit = 100;
    QElapsedTimer t;
    t.start();
    store.listRuns(page);
    std::printf("%-44s %9.2f ms\n", "list the newest 100 runs", double(t.nsecsElapsed()) / 1e6);
    return ok ? 0 : 1;
}
