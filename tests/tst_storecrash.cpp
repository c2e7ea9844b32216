// Crash safety: a child process saving runs in a loop is SIGKILLed mid-write, 50 times. After
// each kill the store must pass PRAGMA integrity_check and hold every run the child reported
// as committed, complete (series and histograms); at the end every run is loaded once more.

#include "store/resultstore.h"

#include <QElapsedTimer>
#include <QThread>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <random>

using namespace Qt::Literals::StringLiterals;

class TestStoreCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileSaving();
};

void TestStoreCrash::killedWhileSaving()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"crash.sqlite"_s);
    const int seconds = 900; // series rows per run: each save takes a few milliseconds
    QStringList committed;
    std::mt19937 rng(12345);
    int killedMidWrite = 0;
    constexpr int kKills = 50;
    qsizetype loadedUpTo = 0; // runs before this index were loaded after an earlier kill
    const auto loadsComplete = [&](qsizetype from) {
        cwb::ResultStore store;
        QVERIFY2(store.open(db), qPrintable(store.lastError()));
        QVERIFY2(store.recoveryMessage().isEmpty(), qPrintable(store.recoveryMessage()));
        for (qsizetype i = from; i < committed.size(); ++i) {
            const auto run = store.loadRun(committed.at(i));
            QVERIFY2(run, qPrintable(store.lastError()));
            QCOMPARE(run->result.series.size(), size_t(seconds));
            QCOMPARE(run->result.totals.ops[0].latency.count(), uint64_t(2000));
            QCOMPARE(run->result.totals.ops[1].latency.count(), uint64_t(2000));
        }
    };

    for (int iteration = 0; iteration < kKills; ++iteration) {
        cwb::test::Child child;
        QVERIFY2(child.start(QStringLiteral(CWB_STORE_HELPER_PATH), {u"stress"_s, db, QString::number(seconds)}),
                 qPrintable(child.errorString()));
        // Let it commit 1..4 runs, then kill it at a random moment of the next save.
        const int wanted = int(rng() % 4) + 1;
        int seen = 0;
        QElapsedTimer timer;
        timer.start();
        while (seen < wanted && timer.elapsed() < 20000) {
            const auto line = child.readLine(100);
            if (line && line->startsWith("committed ")) {
                committed << QString::fromLatin1(line->split(' ').at(1));
                ++seen;
            }
            QVERIFY2(line || child.running(), child.takeErr().constData());
        }
        QVERIFY2(seen >= wanted, "the child did not commit runs in time");
        QThread::usleep(rng() % 4000);
        QVERIFY(child.signal(SIGKILL));
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.terminatingSignal(), SIGKILL);
        // Ids printed between our last read and the kill were committed too.
        for (const QByteArray &line : child.takeOut().split('\n')) {
            if (line.startsWith("committed "))
                committed << QString::fromLatin1(line.split(' ').at(1));
        }

        // The file is sound...
        {
            QSqlDatabase check = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            check.setDatabaseName(db);
            QVERIFY(check.open());
            QSqlQuery q(check);
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
            // A run row without all its series rows would be a torn write.
            QVERIFY(q.exec(u"SELECT count(*) FROM runs r WHERE r.series_count <> (SELECT count(*) FROM run_series s WHERE s.run_id = r.id)"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            QVERIFY(q.exec(u"SELECT count(*) FROM runs"_s) && q.next());
            killedMidWrite += q.value(0).toInt() == committed.size() ? 1 : 0;
            QVERIFY2(q.value(0).toInt() >= committed.size(), "a committed run is missing");
            q.finish();
            check.close();
        }
        QSqlDatabase::removeDatabase(u"check"_s);

        // ...and the runs committed since the last kill load complete (all of them at the end:
        // loading every run after every kill would make the loop quadratic).
        loadsComplete(loadedUpTo);
        if (QTest::currentTestFailed())
            return;
        loadedUpTo = committed.size();
    }
    loadsComplete(0);
    QVERIFY(committed.size() >= kKills);
    // A kill between a commit and its "committed" line leaves one more run than reported;
    // every other kill hit a save in progress, which was rolled back entirely.
    qInfo("%lld runs committed over %d kills; %d kills left exactly the reported runs", qlonglong(committed.size()),
          kKills, killedMidWrite);
}

QTEST_GUILESS_MAIN(TestStoreCrash)
#include "tst_storecrash.moc"
