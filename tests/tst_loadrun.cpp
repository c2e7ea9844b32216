// Integration tests of the load engine against real sandbox servers.

#include "testsupport.h"

#include "load/loadrun.h"
#include "redis/infoparser.h"
#include "redis/redisconnection.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <thread>

#include <sys/resource.h>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

LoadTestConfig quickConfig()
{
    LoadTestConfig c;
    c.testName = QStringLiteral("test");
    c.durationSec = 1;
    c.concurrentUsers = 4;
    c.requestsPerSecond = 0;
    c.operationMix = {70, 20, 5, 5};
    c.cacheTypes = {CacheType::String};
    c.keySpace = 1000;
    c.valueSizeMin = 16;
    c.valueSizeMax = 64;
    c.threads = 2;
    c.requestTimeoutMs = 1000;
    return c;
}

QMap<QString, InfoSnapshot::CommandStat> commandStats(const SandboxRedis &redis)
{
    RedisConnection connection(redis.endpoint());
    if (!connection.connect())
        return {};
    const auto text = connection.info("commandstats");
    return text ? parseInfo(*text).commandStats : QMap<QString, InfoSnapshot::CommandStat>{};
}

qint64 countKeys(const SandboxRedis &redis, const QByteArray &pattern)
{
    return test::keysMatching(redis.endpoint(), pattern);
}

void verifyCoherent(const OpCounters &c)
{
    if (c.successes() == 0)
        return;
    const auto &h = c.latency;
    QVERIFY(h.minNs() > 0);
    QVERIFY(h.minNs() <= h.percentileNs(50));
    QVERIFY(h.percentileNs(50) <= h.percentileNs(99));
    QVERIFY(h.percentileNs(99) <= h.maxNs());
    QCOMPARE(h.count(), c.successes());
}

} // namespace

class tst_LoadRun : public QObject
{
    Q_OBJECT

private slots:
    void closedLoopCountsEveryOperation()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        LoadTestConfig c = quickConfig();
        c.durationSec = 2;
        c.cleanup = false;
        int snapshots = 0;
        LoadRun run(c, redis.endpoint());
        const RunResult r = run.execute([&](const RunSnapshot &) { ++snapshots; });

        QCOMPARE(r.status, RunStatus::Completed);
        const OpCounters all = r.total();
        QVERIFY2(all.count > 1000, qPrintable(QString::number(all.count)));
        QCOMPARE(all.errors, uint64_t(0));
        QCOMPARE(all.hits + all.misses, r.totals.op(OpType::Read).count);
        for (const auto &op : r.totals.ops)
            verifyCoherent(op);
        QCOMPARE(int(r.series.size()), 2);
        uint64_t seriesOps = 0; // the seconds hold every operation, the stop's drain too
        for (const SecondSample &s : r.series)
            seriesOps += s.ops;
        QCOMPARE(seriesOps, r.total().count);
        QVERIFY2(r.measuredSec > 1.9 && r.measuredSec < 2.6, qPrintable(QString::number(r.measuredSec))); // a late collector tick measures a longer window
        QVERIFY(snapshots >= 20); // 10 Hz over 2 s
        // The server saw at least what we counted, command by command.
        const auto stats = commandStats(redis);
        QVERIFY(stats.value(QStringLiteral("get")).calls >= qint64(r.totals.op(OpType::Read).count));
        QVERIFY(stats.value(QStringLiteral("set")).calls >= qint64(r.totals.op(OpType::Write).count));
        QVERIFY(stats.value(QStringLiteral("del")).calls >= qint64(r.totals.op(OpType::Delete).count));
        QVERIFY(stats.value(QStringLiteral("smembers")).calls >= qint64(r.totals.op(OpType::Invalidate).count));
        QVERIFY(r.server.usedMemoryBefore > 0);
        QVERIFY(r.server.usedMemoryPeak >= r.server.usedMemoryBefore);
        QVERIFY(r.client.cpuUserSec + r.client.cpuSystemSec > 0);
        QCOMPARE(r.keysCleanedUp, qint64(-1));
        QVERIFY(countKeys(redis, "cwb:*") > 0); // cleanup was off
    }

    void openLoopHoldsItsRate()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        LoadTestConfig c = quickConfig();
        c.requestsPerSecond = 2000;
        c.concurrentUsers = 10;
        c.durationSec = 3;
        const RunResult r = LoadRun(c, redis.endpoint()).execute();
        QCOMPARE(r.status, RunStatus::Completed);
        const double achieved = double(r.total().count) / r.measuredSec;
        QVERIFY2(std::abs(achieved - 2000) / 2000 < 0.01, qPrintable(QString::number(achieved)));
        QCOMPARE(r.total().errors, uint64_t(0));
    }

    void openLoopWakesPerBatchNotPerRequest()
    {
        // Each wake-up costs more CPU than a request: the worker sends the requests due within
        // a millisecond in one turn and reads their replies at the next, so it wakes about once
        // per batch. It used to wake twice per request (to send, and for the reply).
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        LoadTestConfig c = quickConfig();
        c.requestsPerSecond = 2000;
        c.concurrentUsers = 20;
        c.durationSec = 3;
        c.threads = 0;
        c.operationMix = {50, 50, 0, 0};
        rusage before{};
        getrusage(RUSAGE_SELF, &before);
        const RunResult r = LoadRun(c, redis.endpoint()).execute();
        rusage after{};
        getrusage(RUSAGE_SELF, &after);
        QCOMPARE(r.status, RunStatus::Completed);
        QCOMPARE(r.client.workerThreads, 1); // 2,000 ops/s need no second thread
        const OpCounters all = r.total();
        QCOMPARE(all.errors, uint64_t(0));
        const double achieved = double(all.count) / r.measuredSec;
        QVERIFY2(std::abs(achieved - 2000) / 2000 < 0.01, qPrintable(QString::number(achieved)));
        // Replies read a turn later are timed by their arrival, not by when they were read.
        verifyCoherent(all);
        QVERIFY2(all.latency.percentileNs(50) < 1'000'000'000, qPrintable(QString::number(all.latency.percentileNs(50))));
        const double wakeUps = double(after.ru_nvcsw - before.ru_nvcsw);
        QVERIFY2(wakeUps / double(all.count) < 1.0, qPrintable(QStringLiteral("%1 voluntary context switches for %2 requests")
                                                                     .arg(wakeUps).arg(all.count)));
    }

    void everyCacheTypeSendsItsCommands_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("commands");
        QTest::newRow("string") << u"string"_s << QStringList{u"get"_s, u"set"_s, u"del"_s, u"sadd"_s, u"smembers"_s, u"exec"_s};
        QTest::newRow("hash") << u"hash"_s << QStringList{u"hgetall"_s, u"hset"_s, u"expire"_s, u"del"_s};
        QTest::newRow("session") << u"session"_s << QStringList{u"hgetall"_s, u"hset"_s, u"expire"_s, u"del"_s};
        QTest::newRow("geo") << u"geo"_s << QStringList{u"geosearch"_s, u"geoadd"_s, u"zrem"_s};
        QTest::newRow("counter") << u"counter"_s << QStringList{u"get"_s, u"incr"_s, u"expire"_s, u"del"_s};
    }

    void everyCacheTypeSendsItsCommands()
    {
        QFETCH(QString, type);
        QFETCH(QStringList, commands);
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        LoadTestConfig c = quickConfig();
        c.cacheTypes = {*cacheTypeFromName(type)};
        c.operationMix = {40, 40, 10, 10};
        c.keySpace = 50; // small, so reads and deletes find what writes made
        const RunResult r = LoadRun(c, redis.endpoint()).execute();
        QCOMPARE(r.status, RunStatus::Completed);
        QCOMPARE(r.total().errors, uint64_t(0));
        QVERIFY(r.totals.op(OpType::Read).hits > 0);
        const auto stats = commandStats(redis);
        for (const QString &command : commands)
            QVERIFY2(stats.value(command).calls > 0, qPrintable(command));
        QVERIFY(r.keysCleanedUp > 0);
        QCOMPARE(countKeys(redis, "cwb:*"), qint64(0));
    }

    void invalidationRemovesTaggedKeys()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        LoadTestConfig c = quickConfig();
        c.tagCount = 5;
        c.cleanup = false;
        c.ttlSec = 0;
        c.operationMix = {0, 99, 0, 1}; // writes register their keys in the five tags
        c.cacheTypes = {CacheType::String, CacheType::Geo};
        // Both runs work in one namespace the test owns, so the second sees the first's tags.
        c.keyPrefix = QStringLiteral("cwb:t:");
        LoadRun::Options shared;
        shared.insideCallerNamespace = true;
        QCOMPARE(LoadRun(c, redis.endpoint(), shared).execute().status, RunStatus::Completed);
        QVERIFY(countKeys(redis, "cwb:t:s:*") > 0);
        QVERIFY(countKeys(redis, "cwb:t:tag:*") > 0);

        c.operationMix = {0, 0, 0, 100}; // now only invalidate: every tag, and so every key, goes
        const RunResult r = LoadRun(c, redis.endpoint(), shared).execute();
        QCOMPARE(r.total().errors, uint64_t(0));
        QVERIFY(r.totals.op(OpType::Invalidate).count > 10);
        QCOMPARE(countKeys(redis, "cwb:t:tag:*"), qint64(0));
        QCOMPARE(countKeys(redis, "cwb:t:s:*"), qint64(0));
        // Geo members were removed from their sets by ZREM (empty sets disappear).
        QCOMPARE(countKeys(redis, "cwb:t:geo:*"), qint64(0));
    }

    void warmupIsExcluded()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        LoadTestConfig c = quickConfig();
        c.operationMix = {100, 0, 0, 0};
        c.warmupSec = 2;
        c.durationSec = 2;
        double warmupOps = 0; // what the snapshots showed while warming up: successes per 100 ms tick
        const RunResult r = LoadRun(c, redis.endpoint()).execute([&](const RunSnapshot &s) {
            if (s.phase == RunPhase::WarmingUp)
                warmupOps += s.intervalOpsPerSec / LoadRun::kSnapshotHz;
        });
        QCOMPARE(r.status, RunStatus::Completed);
        QCOMPARE(int(r.series.size()), 2);
        uint64_t seriesOps = 0; // the seconds hold every operation, the stop's drain too
        for (const SecondSample &s : r.series)
            seriesOps += s.ops;
        QCOMPARE(seriesOps, r.total().count);
        QVERIFY2(r.measuredSec > 1.9 && r.measuredSec < 2.6, qPrintable(QString::number(r.measuredSec))); // a late collector tick measures a longer window
        const qint64 served = commandStats(redis).value(QStringLiteral("get")).calls;
        // The warm-up ran and the server served it, but the result counts none of it.
        QVERIFY(warmupOps > 0);
        QVERIFY2(double(served) >= double(r.total().count) + warmupOps,
                 qPrintable(QStringLiteral("%1 served, %2 measured, %3 in the warm-up").arg(served).arg(r.total().count).arg(warmupOps)));
    }

    void stopRequestEndsTheRun()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        LoadTestConfig c = quickConfig();
        c.durationSec = 60;
        LoadRun run(c, redis.endpoint());
        // Stop once the run has really measured something (an event, not a sleep); how fast the
        // stop is, is measured in bench/timing_bench, not asserted here.
        std::atomic<bool> stopped{false};
        const RunResult r = run.execute([&](const RunSnapshot &snapshot) {
            if (snapshot.phase == RunPhase::Running && snapshot.total.count > 0 && !stopped.exchange(true))
                run.requestStop();
        });
        QCOMPARE(r.status, RunStatus::Stopped);
        QVERIFY(r.measuredSec > 0 && r.measuredSec < c.durationSec); // ended by the request, not by time
        QVERIFY(r.total().count > 0);
    }

    void serverKilledMidRunIsCountedAndSurvived()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        LoadTestConfig c = quickConfig();
        c.requestsPerSecond = 1000;
        c.concurrentUsers = 6;
        c.durationSec = 10; // the outage takes about 1 s of it: recovery has the rest, even under TSan
        c.requestTimeoutMs = 500;
        LoadRun run(c, redis.endpoint());
        // Driven by what the run has counted, not by sleeps: the server dies once 500 operations
        // succeeded and comes back once 500 failed.
        std::atomic<uint64_t> succeeded = 0, failed = 0;
        std::atomic<bool> done = false, killed = false, restarted = false;
        std::thread chaos([&] {
            const auto waitFor = [&](const std::function<bool()> &condition) {
                while (!done && !condition())
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                return !done;
            };
            if (!waitFor([&] { return succeeded > 500; }))
                return;
            killed = redis.kill();
            if (!waitFor([&] { return failed > 500; }))
                return;
            QString error;
            restarted = redis.restart(&error);
        });
        const RunResult r = run.execute([&](const RunSnapshot &snapshot) {
            succeeded = snapshot.total.count - snapshot.total.errors;
            failed = snapshot.total.errors;
        });
        done = true;
        chaos.join();
        QVERIFY(killed && restarted);
        QCOMPARE(r.status, RunStatus::Completed);
        const OpCounters all = r.total();
        QVERIFY(all.errors > 500);
        QVERIFY(all.errorsByKind[size_t(RedisErrorKind::Refused)] + all.errorsByKind[size_t(RedisErrorKind::ConnectionLost)] > 0);
        QVERIFY(r.totals.reconnects >= uint64_t(c.concurrentUsers));
        QVERIFY(r.series.size() >= 10);
        // Errors during the outage (whichever second the kill fell in), none after the recovery.
        QVERIFY(std::any_of(r.series.begin(), r.series.end(), [](const SecondSample &s) { return s.errors > 0; }));
        QCOMPARE(r.series.back().errors, uint64_t(0));
        QVERIFY(r.series.back().ops > 900);
    }

    void pausedServerTimesOutAndStopIsPrompt()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        LoadTestConfig c = quickConfig();
        c.requestsPerSecond = 500;
        c.durationSec = 30;
        c.requestTimeoutMs = 1000;
        LoadRun run(c, redis.endpoint());
        std::thread chaos([&] {
            // A short stall (under the timeout): what was due meanwhile completes late.
            std::this_thread::sleep_for(std::chrono::milliseconds(800));
            redis.pause();
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            redis.resume();
            // A long one: requests time out, and stop must not wait for the server.
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            redis.pause();
            std::this_thread::sleep_for(std::chrono::milliseconds(1800));
            run.requestStop();
        });
        const RunResult r = run.execute();
        chaos.join();
        // execute() returned while the server was still paused (it is resumed only now): the stop
        // did not wait for the server. Its latency is measured in bench/timing_bench.
        QVERIFY(redis.resume());
        QCOMPARE(r.status, RunStatus::Stopped);
        QVERIFY(r.total().errorsByKind[size_t(RedisErrorKind::Timeout)] > 0);
        // Latency counts from the intended send time: the short stall shows as latency, not
        // as fewer requests (no coordinated omission).
        QVERIFY2(r.total().latency.maxNs() > 300'000'000, qPrintable(QString::number(r.total().latency.maxNs())));
        QVERIFY(r.total().latency.percentileNs(99) > 50'000'000);
    }

    void unreachableServerFailsFast()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        Endpoint endpoint = redis.endpoint();
        redis.stop();
        const RunResult r = LoadRun(quickConfig(), endpoint).execute();
        QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(r.failureKind, RedisErrorKind::Refused); // refused at once, not timed out
        QVERIFY(r.failureReason.contains(endpoint.displayUri()));
        QVERIFY(r.series.empty()); // failed in the pre-flight, before any second was measured
    }

    void wrongPasswordFailsWithAuthError()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .password = QStringLiteral("right-secret"));
        Endpoint endpoint = redis.endpoint();
        endpoint.password = QStringLiteral("wrong-secret");
        const RunResult r = LoadRun(quickConfig(), endpoint).execute();
        QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(r.failureKind, RedisErrorKind::AuthFailed);
        QVERIFY(!r.failureReason.contains(QStringLiteral("wrong-secret")));

        // And with the right one, every user authenticates.
        endpoint.password = QStringLiteral("right-secret");
        const RunResult ok = LoadRun(quickConfig(), endpoint).execute();
        QCOMPARE(ok.status, RunStatus::Completed);
        QCOMPARE(ok.total().errors, uint64_t(0));
    }

    void cleanupTouchesOnlyThePrefix()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        RedisConnection connection(redis.endpoint());
        QVERIFY(connection.connect());
        QVERIFY(connection.command({"SET", "app:user:1", "foreign"}));
        QVERIFY(connection.command({"SET", "cwbx:1", "looks similar but is not ours"}));
        QVERIFY(connection.command({"SET", "cwb*:1", "a glob character in the name"}));
        const RunResult r = LoadRun(quickConfig(), redis.endpoint()).execute();
        QCOMPARE(r.status, RunStatus::Completed);
        QVERIFY(r.keysCleanedUp > 0);
        QCOMPARE(countKeys(redis, "cwb:*"), qint64(0));
        QCOMPARE(connection.command({"GET", "app:user:1"})->str, QByteArray("foreign"));
        QCOMPARE(connection.command({"EXISTS", "cwbx:1"})->integer, 1LL);
        QCOMPARE(connection.command({"EXISTS", "cwb*:1"})->integer, 1LL);
        QCOMPARE(commandStats(redis).value(QStringLiteral("keys")).calls, qint64(0));
        QCOMPARE(commandStats(redis).value(QStringLiteral("flushdb")).calls, qint64(0));
        QCOMPARE(commandStats(redis).value(QStringLiteral("flushall")).calls, qint64(0));
    }

    void resultSurvivesJsonRoundTrip()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        const RunResult r = LoadRun(quickConfig(), redis.endpoint()).execute();
        QString error;
        const auto back = runResultFromJson(runResultToJson(r), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->runId, r.runId);
        QCOMPARE(back->total().count, r.total().count);
        QCOMPARE(back->total().latency.percentileNs(99), r.total().latency.percentileNs(99));
        QCOMPARE(back->series.size(), r.series.size());
        QCOMPARE(back->config.concurrentUsers, r.config.concurrentUsers);
        QCOMPARE(back->server.version, r.server.version);
    }
};

QTEST_GUILESS_MAIN(tst_LoadRun)
#include "tst_loadrun.moc"
