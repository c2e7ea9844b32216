// A test helper, never shipped: writes into or locks a result store from a second process.
//
//   cwb_store_helper stress FILE SECONDS   saves synthetic runs in a loop, printing
//                                          "committed ID" after each commit (the crash test)
//   cwb_store_helper lock FILE             takes SQLite's exclusive lock on FILE (readers
//                                          too are shut out), prints "locked" and holds it
//                                          until stdin closes

#include "store/resultstore.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>

namespace {

cwb::RunResult syntheticRun(int seconds, std::mt19937_64 &rng)
{
    std::lognormal_distribution<double> latency(std::log(200000.0), 0.5);
    cwb::RunResult r;
    r.config.testName = QStringLiteral("store-stress");
    r.config.target = QStringLiteral("redis://127.0.0.1:6379");
    r.target = r.config.target;
    r.status = cwb::RunStatus::Completed;
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.finishedAt = r.startedAt.addSecs(seconds);
    r.measuredSec = seconds;
    for (int op = 0; op < 2; ++op) {
        cwb::OpCounters &c = r.totals.ops[size_t(op)];
        for (int k = 0; k < 2000; ++k)
            c.latency.record(uint64_t(latency(rng)));
        c.count = 2000;
    }
    for (int s = 0; s < seconds; ++s) {
        cwb::SecondSample x;
        x.t = s + 1;
        x.ops = 1000 + uint64_t(s);
        x.opsByType = {800, 200, 0, 0};
        x.p50Us = 200;
        x.p99Us = 900;
        r.series.push_back(x);
    }
    return r;
}

int stress(const QString &path, int seconds)
{
    cwb::ResultStore store;
    if (!store.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(store.lastError()));
        return 1;
    }
    std::mt19937_64 rng(42);
    for (;;) {
        const QString id = store.saveRun(syntheticRun(seconds, rng));
        if (id.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(store.lastError()));
            return 1;
        }
        // Printed only after the commit returned: every printed id must survive a kill.
        std::printf("committed %s %d\n", id.toLatin1().constData(), seconds);
        std::fflush(stdout);
    }
}

int holdLock(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
    db.setDatabaseName(path);
    QSqlQuery q(db);
    // In WAL mode an exclusive transaction still lets readers in; exclusive locking mode does not.
    if (!db.open() || !q.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")) ||
        !q.exec(QStringLiteral("BEGIN EXCLUSIVE")) || !q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        std::fprintf(stderr, "cannot lock %s: %s\n", qPrintable(path), qPrintable(q.lastError().text()));
        return 1;
    }
    std::printf("locked\n");
    std::fflush(stdout);
    std::string line;
    while (std::getline(std::cin, line)) {
    }
    q.exec(QStringLiteral("ROLLBACK"));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 4 && args[1] == QLatin1String("stress"))
        return stress(args[2], std::max(1, args[3].toInt()));
    if (args.size() == 3 && args[1] == QLatin1String("lock"))
        return holdLock(args[2]);
    std::fprintf(stderr, "usage: cwb_store_helper stress FILE SECONDS | lock FILE\n");
    return 2;
}
