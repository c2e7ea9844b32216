// The load engine against a real Redis Cluster: slot routing, MOVED/ASK after a slot
// migration, and a master killed mid-run.

#include "testsupport.h"

#include "cluster/keyslot.h"
#include "load/loadrun.h"
#include "redis/redisconnection.h"

#include <QTest>

#include <thread>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

LoadTestConfig clusterConfig()
{
    LoadTestConfig c;
    c.testName = u"cluster"_s;
    c.durationSec = 2;
    c.concurrentUsers = 6;
    c.threads = 2;
    c.operationMix = {60, 30, 5, 5};
    c.cacheTypes = {CacheType::String, CacheType::Hash, CacheType::Session, CacheType::Counter, CacheType::Geo};
    c.keySpace = 2000;
    c.valueSizeMin = 16;
    c.valueSizeMax = 64;
    c.requestTimeoutMs = 1000;
    return c;
}

QByteArray command(SandboxRedis *node, const RedisCommand &args)
{
    RedisConnection connection(node->endpoint());
    if (!connection.connect())
        return {};
    const auto reply = connection.command(args);
    return reply ? reply->str : QByteArray();
}

qint64 keysOn(SandboxRedis *node)
{
    RedisConnection connection(node->endpoint());
    if (!connection.connect())
        return -1;
    const auto reply = connection.command({"DBSIZE"});
    return reply ? reply->integer : -1;
}

} // namespace

class tst_LoadCluster : public QObject
{
    Q_OBJECT

private slots:
    void routesEveryKeyToItsMaster()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster);
        const RunResult r = LoadRun(clusterConfig(), cluster.seed()).execute();
        QVERIFY2(r.status == RunStatus::Completed, qPrintable(r.failureReason));
        QVERIFY(r.cluster);
        const OpCounters all = r.total();
        QVERIFY(all.count > 500);
        QCOMPARE(all.errors, uint64_t(0));
        QCOMPARE(r.totals.movedRedirects, uint64_t(0)); // the slot map was right from the start
        QCOMPARE(int(r.totals.nodes.size()), 3);
        for (const auto &[address, counters] : r.totals.nodes)
            QVERIFY2(counters.count > all.count / 6, qPrintable(address)); // spread over the masters
        QVERIFY(r.keysCleanedUp > 0);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(keysOn(cluster.nodes()[size_t(i)]), qint64(0));
    }

    void followsMovedAndAskDuringASlotMigration()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster);
        LoadTestConfig c = clusterConfig();
        c.cacheTypes = {CacheType::String};
        c.operationMix = {50, 50, 0, 0};
        c.keySpace = 8; // every key is busy, including the one whose slot moves
        c.durationSec = 4;
        c.requestsPerSecond = 1000;
        c.cleanup = true;

        const int slot = keySlot("cwb:s:0");
        // Which master owns it, and which one will take it.
        const auto nodes = cluster.nodes();
        SandboxRedis *source = nullptr;
        SandboxRedis *destination = nullptr;
        for (int i = 0; i < 3; ++i) {
            const int first = i * 16384 / 3, last = (i + 1) * 16384 / 3 - 1;
            if (slot >= first && slot <= last)
                source = nodes[size_t(i)];
        }
        destination = source == nodes[0] ? nodes[1] : nodes[0];
        QVERIFY(source);
        const QByteArray sourceId = command(source, {"CLUSTER", "MYID"});
        const QByteArray destinationId = command(destination, {"CLUSTER", "MYID"});
        QVERIFY(!sourceId.isEmpty() && !destinationId.isEmpty());

        LoadRun run(c, cluster.seed());
        std::thread migration([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(1200));
            const QByteArray s = QByteArray::number(slot);
            RedisConnection src(source->endpoint()), dst(destination->endpoint());
            if (!src.connect() || !dst.connect())
                return;
            dst.command({"CLUSTER", "SETSLOT", s, "IMPORTING", sourceId});
            src.command({"CLUSTER", "SETSLOT", s, "MIGRATING", destinationId});
            // Keys move while the load goes on: clients get ASK for moved keys meanwhile.
            for (int round = 0; round < 20; ++round) {
                const auto keys = src.command({"CLUSTER", "GETKEYSINSLOT", s, "100"});
                if (!keys || keys->elements.empty())
                    break;
                RedisCommand migrate{"MIGRATE", "127.0.0.1", QByteArray::number(destination->port()), "", "0", "5000", "KEYS"};
                for (const auto &k : keys->elements)
                    migrate.append(k.str);
                src.command(migrate);
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            for (SandboxRedis *node : {destination, source})
                RedisConnection(node->endpoint()).command({"CLUSTER", "SETSLOT", s, "NODE", destinationId});
        });
        const RunResult r = run.execute();
        migration.join();
        QVERIFY2(r.status == RunStatus::Completed, qPrintable(r.failureReason));
        QVERIFY2(r.totals.movedRedirects + r.totals.askRedirects > 0,
                 qPrintable(u"moved %1 ask %2"_s.arg(r.totals.movedRedirects).arg(r.totals.askRedirects)));
        // Redirects are followed, not counted as failures: at most a handful of errors.
        QVERIFY2(r.total().errors <= 10, qPrintable(QString::number(r.total().errors)));
        QCOMPARE(r.series.back().errors, uint64_t(0));
        // The key really lives on the destination now.
        RedisConnection dst(destination->endpoint());
        QVERIFY(dst.connect());
        QCOMPARE(dst.command({"CLUSTER", "KEYSLOT", "cwb:s:0"})->integer, qint64(slot));
    }

    void survivesAMasterKilledMidRun()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster);
        LoadTestConfig c = clusterConfig();
        c.durationSec = 9;
        c.requestsPerSecond = 600;
        c.requestTimeoutMs = 500;
        c.cacheTypes = {CacheType::String};
        c.operationMix = {70, 30, 0, 0};
        SandboxRedis *victim = cluster.nodes()[1];
        LoadRun run(c, cluster.seed());
        std::thread chaos([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            victim->kill();
        });
        const RunResult r = run.execute();
        chaos.join();
        QVERIFY2(r.status == RunStatus::Completed, qPrintable(r.failureReason));
        const OpCounters all = r.total();
        // Errors while the replica takes over (node timeout 2 s), bounded: not the whole run.
        QVERIFY(all.errors > 0);
        QVERIFY2(all.errors < all.count / 2, qPrintable(u"%1 of %2"_s.arg(all.errors).arg(all.count)));
        // After the failover the promoted replica serves the slots: the last second is clean.
        QVERIFY(r.series.size() >= 8);
        QCOMPARE(r.series.back().errors, uint64_t(0));
        QVERIFY(r.series.back().ops > 500);
        QVERIFY(r.totals.nodes.size() >= 4); // the three masters and the promoted replica
    }
};

QTEST_GUILESS_MAIN(tst_LoadCluster)
#include "tst_loadcluster.moc"
