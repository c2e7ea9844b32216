// Fault injection against sandboxes: what a server does to its clients, the load engine must
// record truthfully and survive.

#include "testsupport.h"

#include "load/loadrun.h"
#include "redis/redisconnection.h"

#include <QTest>

#include <thread>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

LoadTestConfig openLoop(double seconds, double rate)
{
    LoadTestConfig c;
    c.testName = u"faults"_s;
    c.durationSec = seconds;
    c.concurrentUsers = 6;
    c.requestsPerSecond = rate;
    c.operationMix = {70, 30, 0, 0};
    c.keySpace = 500;
    c.valueSizeMin = c.valueSizeMax = 64;
    c.requestTimeoutMs = 1000;
    c.threads = 2;
    return c;
}

void afterDelay(int ms, const std::function<void()> &action, std::thread &thread)
{
    thread = std::thread([ms, action] {
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        action();
    });
}

} // namespace

class tst_LoadFaults : public QObject
{
    Q_OBJECT

private slots:
    void clientKillIsCountedAndRecovered()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        std::thread killer;
        afterDelay(1200, [&] {
            RedisConnection admin(redis.endpoint());
            if (admin.connect())
                admin.command({"CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes"});
        }, killer);
        const RunResult r = LoadRun(openLoop(4, 1000), redis.endpoint()).execute();
        killer.join();
        QCOMPARE(r.status, RunStatus::Completed);
        QVERIFY(r.totals.reconnects >= 6);
        const OpCounters all = r.total();
        // Requests in flight when their connection was killed fail as lost; the rest go on.
        QVERIFY(all.errorsByKind[size_t(RedisErrorKind::ConnectionLost)] > 0);
        QVERIFY2(all.errors < 100, qPrintable(QString::number(all.errors)));
        QCOMPARE(r.series.back().errors, uint64_t(0));
        QVERIFY(r.series.back().ops > 900);
    }

    void clientPauseShowsAsLatencyNotErrors()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        std::thread pauser;
        afterDelay(1200, [&] {
            RedisConnection admin(redis.endpoint());
            if (admin.connect())
                admin.command({"CLIENT", "PAUSE", "400", "ALL"});
        }, pauser);
        const RunResult r = LoadRun(openLoop(3, 1000), redis.endpoint()).execute();
        pauser.join();
        QCOMPARE(r.status, RunStatus::Completed);
        QCOMPARE(r.total().errors, uint64_t(0)); // 400 ms is within the 1 s timeout
        // Requests due during the pause waited: measured from their intended start.
        QVERIFY2(r.total().latency.maxNs() > 300'000'000, qPrintable(QString::number(r.total().latency.maxNs())));
        const double achieved = double(r.total().count) / r.measuredSec;
        QVERIFY2(std::abs(achieved - 1000) < 30, qPrintable(QString::number(achieved))); // the load did not drop
    }

    void stallEverySecondShowsAtP99()
    {
        // A 300 ms stall each second delays about a quarter of the requests by up to 300 ms;
        // timed from their intended start, the top percent of them is close to 300 ms.
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        std::thread pauser;
        afterDelay(700, [&] {
            RedisConnection admin(redis.endpoint());
            for (int i = 0; i < 3 && admin.connect(); ++i) {
                admin.command({"CLIENT", "PAUSE", "300", "ALL"});
                std::this_thread::sleep_for(std::chrono::milliseconds(1000));
            }
        }, pauser);
        const RunResult r = LoadRun(openLoop(4, 1000), redis.endpoint()).execute();
        pauser.join();
        QCOMPARE(r.status, RunStatus::Completed);
        QCOMPARE(r.total().errors, uint64_t(0));
        const uint64_t p99 = r.total().latency.percentileNs(99);
        QVERIFY2(p99 > 250'000'000, qPrintable(QString::number(p99)));
        const double achieved = double(r.total().count) / r.measuredSec;
        QVERIFY2(std::abs(achieved - 1000) < 30, qPrintable(QString::number(achieved)));
    }

    void fullServerUnderNoevictionAnswersOom()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .maxmemoryBytes = 2 * 1024 * 1024, .maxmemoryPolicy = u"noeviction"_s);
        LoadTestConfig c = openLoop(2, 0);
        c.operationMix = {50, 50, 0, 0};
        c.keySpace = 100000;
        c.valueSizeMin = c.valueSizeMax = 4096;
        c.ttlSec = 0;
        const RunResult r = LoadRun(c, redis.endpoint()).execute();
        QCOMPARE(r.status, RunStatus::Completed);
        const OpCounters &writes = r.totals.op(OpType::Write);
        QVERIFY(writes.errorsByKind[size_t(RedisErrorKind::OutOfMemory)] > 0);
        QCOMPARE(writes.errors, writes.errorsByKind[size_t(RedisErrorKind::OutOfMemory)]);
        // Reads keep working on a full server.
        const OpCounters &reads = r.totals.op(OpType::Read);
        QVERIFY(reads.count > 0);
        QCOMPARE(reads.errors, uint64_t(0));
        QVERIFY(r.server.usedMemoryPeak <= 3 * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(tst_LoadFaults)
#include "tst_loadfaults.moc"
