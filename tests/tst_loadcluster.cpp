// The load engine against a real Redis Cluster: slot routing, MOVED/ASK after a slot
// migration, a master killed mid-run, and reads from replicas (READONLY).

#include "testsupport.h"

#include "cluster/keyslot.h"
#include "load/loadrun.h"
#include "load/runresult.h"
#include "redis/redisconnection.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

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

// Calls of one command on a node so far, from INFO commandstats ("cmdstat_get:calls=12,...").
qint64 calls(SandboxRedis *node, const char *commandName)
{
    const QByteArray stat = cwb::test::sandboxInfoField(*node, "commandstats", QByteArray("cmdstat_") + commandName);
    if (stat.isEmpty())
        return 0; // never called
    const qsizetype start = stat.indexOf("calls=");
    if (start < 0)
        return -1;
    const qsizetype end = stat.indexOf(',', start);
    return stat.mid(start + 6, end < 0 ? -1 : end - start - 6).toLongLong();
}

// The reads the workload sends, summed over `nodes`.
qint64 readCalls(const std::vector<SandboxRedis *> &nodes)
{
    qint64 n = 0;
    for (SandboxRedis *node : nodes)
        n += calls(node, "get") + calls(node, "hgetall") + calls(node, "geosearch");
    return n;
}

qint64 writeCalls(const std::vector<SandboxRedis *> &nodes)
{
    qint64 n = 0;
    for (SandboxRedis *node : nodes)
        n += calls(node, "set") + calls(node, "hset") + calls(node, "geoadd") + calls(node, "incr");
    return n;
}

std::vector<SandboxRedis *> masters(const SandboxCluster &cluster)
{
    const auto all = cluster.nodes();
    return {all.begin(), all.begin() + 3};
}

std::vector<SandboxRedis *> replicas(const SandboxCluster &cluster)
{
    const auto all = cluster.nodes();
    return {all.begin() + 3, all.end()};
}

QString address(SandboxRedis *node)
{
    return u"127.0.0.1:%1"_s.arg(node->port());
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
    void readFromReplicasIsAConfigField()
    {
        QVERIFY(!LoadTestConfig{}.readFromReplicas); // off unless asked
        const auto on = parseLoadTestConfig(QByteArrayLiteral(R"({"readFromReplicas": true})"));
        QVERIFY(on.config && on.config->readFromReplicas);
        const auto wrong = parseLoadTestConfig(QByteArrayLiteral(R"({"readFromReplicas": "yes"})"));
        QVERIFY(!wrong.config);
        QCOMPARE(wrong.errors.size(), size_t(1));
        QCOMPARE(wrong.errors.front().field, u"readFromReplicas"_s);
        QVERIFY2(wrong.errors.front().message.contains(u"true or false"_s), qPrintable(wrong.errors.front().message));

        // Saved with the config and with the run that used it.
        LoadTestConfig c = clusterConfig();
        c.readFromReplicas = true;
        QCOMPARE(loadTestConfigToJson(c)["readFromReplicas"].get<bool>(), true);
        QCOMPARE(parseLoadTestConfig(loadTestConfigToJson(c)).config, std::optional<LoadTestConfig>(c));
        RunResult r;
        r.runId = u"r1"_s;
        r.config = c;
        r.status = RunStatus::Completed;
        const auto back = runResultFromJson(runResultToJson(r));
        QVERIFY(back && back->config.readFromReplicas);
        c.readFromReplicas = false;
        QCOMPARE(loadTestConfigToJson(c)["readFromReplicas"].get<bool>(), false);
    }

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
        // readFromReplicas is off by default: the replicas only replicate, they serve no reads.
        QVERIFY(readCalls(masters(cluster)) > 0);
        QCOMPARE(readCalls(replicas(cluster)), qint64(0));
        for (SandboxRedis *replica : replicas(cluster))
            QCOMPARE(calls(replica, "readonly"), qint64(0));
    }

    void readsFromReplicasWhenAsked()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster);
        LoadTestConfig c = clusterConfig();
        c.durationSec = 1.5;
        c.operationMix = {85, 10, 0, 5}; // invalidation: MULTI SMEMBERS DEL EXEC must stay whole
        c.cacheTypes = {CacheType::String, CacheType::Hash, CacheType::Counter, CacheType::Geo};
        c.readFromReplicas = true;
        const RunResult r = LoadRun(c, cluster.seed()).execute();
        QVERIFY2(r.status == RunStatus::Completed, qPrintable(r.failureReason));
        QVERIFY(r.cluster);
        const OpCounters all = r.total();
        const uint64_t reads = r.totals.op(OpType::Read).count;
        const uint64_t writes = r.totals.op(OpType::Write).count;
        QVERIFY(reads > 500 && writes > 20);
        QCOMPARE(all.errors, uint64_t(0));
        QCOMPARE(r.totals.connectErrorCount(), uint64_t(0));
        QCOMPARE(r.totals.movedRedirects, uint64_t(0));

        // Every replica served reads; the masters (nearly) none, but every write.
        qint64 replicaReads = 0;
        for (SandboxRedis *replica : replicas(cluster)) {
            const qint64 n = readCalls({replica});
            QVERIFY2(n > qint64(reads / 10), qPrintable(u"%1 served %2 of %3 reads"_s.arg(address(replica)).arg(n).arg(reads)));
            QVERIFY(calls(replica, "readonly") >= c.concurrentUsers); // each user's link sent it
            replicaReads += n;
        }
        const qint64 masterReads = readCalls(masters(cluster));
        QVERIFY2(masterReads <= qint64(reads / 100), qPrintable(u"masters served %1 of %2 reads"_s.arg(masterReads).arg(reads)));
        // Operations still in flight when the run ends reach the server but are not counted.
        const qint64 slack = c.concurrentUsers * c.pipeline;
        QVERIFY2(replicaReads >= qint64(reads) - masterReads && replicaReads <= qint64(reads) + slack,
                 qPrintable(u"replicas %1, run %2"_s.arg(replicaReads).arg(reads)));
        const qint64 masterWrites = writeCalls(masters(cluster));
        QVERIFY2(masterWrites >= qint64(writes) && masterWrites <= qint64(writes) + slack,
                 qPrintable(u"masters %1, run %2"_s.arg(masterWrites).arg(writes)));

        // The read inside the invalidation's transaction went with it to the master.
        QVERIFY(calls(masters(cluster)[0], "smembers") + calls(masters(cluster)[1], "smembers")
                    + calls(masters(cluster)[2], "smembers") > 0);
        for (SandboxRedis *replica : replicas(cluster))
            QCOMPARE(calls(replica, "smembers"), qint64(0));

        // Per-node figures list the replicas, with their throughput and latency.
        QCOMPARE(int(r.totals.nodes.size()), 6);
        for (SandboxRedis *replica : replicas(cluster)) {
            const auto it = r.totals.nodes.find(address(replica));
            QVERIFY2(it != r.totals.nodes.end(), qPrintable(address(replica)));
            QVERIFY(it->second.count > reads / 10);
            QCOMPARE(it->second.latency.count(), it->second.count);
            QVERIFY(it->second.latency.percentileNs(99) > 0);
        }

        // The command line: --read-from-replicas sets it, and the JSON result carries it.
        QTemporaryDir dir;
        const QString json = dir.filePath(u"run.json"_s);
        const qint64 replicaGetsBefore = readCalls(replicas(cluster));
        const cwb::test::CliResult cli = cwb::test::runCli(
            {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s,
             u"redis://127.0.0.1:%1"_s.arg(cluster.seed().port), u"--duration"_s, u"1"_s, u"--users"_s, u"4"_s,
             u"--threads"_s, u"1"_s, u"--read-from-replicas"_s, u"--json"_s, json},
            30000);
        QVERIFY2(cli.finished, cli.err.constData());
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        QVERIFY(readCalls(replicas(cluster)) > replicaGetsBefore);
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto doc = nlohmann::json::parse(file.readAll().toStdString());
        QCOMPARE(doc["config"]["readFromReplicas"].get<bool>(), true);
        QCOMPARE(doc["nodes"].size(), size_t(6));
        QVERIFY(doc["nodes"].contains(address(replicas(cluster)[0]).toStdString()));
    }

    void rejectsReplicaReadsAgainstASingleServer()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        LoadTestConfig c = clusterConfig();
        c.durationSec = 1;
        c.readFromReplicas = true;
        const RunResult r = LoadRun(c, redis.endpoint()).execute();
        QVERIFY(r.status == RunStatus::Failed);
        QVERIFY2(r.failureReason.startsWith(u"readFromReplicas: "_s), qPrintable(r.failureReason));
        QVERIFY(r.failureReason.contains(u"not a Redis Cluster"_s));
        QCOMPARE(r.total().count, uint64_t(0)); // refused before any load

        const cwb::test::CliResult cli = cwb::test::runCli(
            {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s, u"redis://127.0.0.1:%1"_s.arg(redis.port()),
             u"--duration"_s, u"1"_s, u"--read-from-replicas"_s},
            30000);
        QVERIFY2(cli.finished, cli.err.constData());
        QCOMPARE(cli.exitCode, 2); // bad input
        QVERIFY2(cli.err.contains("readFromReplicas: "), cli.err.constData());
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

        // A namespace the test names (not a random run tag), so it knows which slot the hot key is in.
        c.keyPrefix = QStringLiteral("cwb:t:");
        const int slot = keySlot("cwb:t:s:0");
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

        LoadRun run(c, cluster.seed(), LoadRun::Options{.insideCallerNamespace = true});
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
        QCOMPARE(dst.command({"CLUSTER", "KEYSLOT", "cwb:t:s:0"})->integer, qint64(slot));
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

    void fallsBackToTheMasterWhenAReplicaDies()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster);
        LoadTestConfig c = clusterConfig();
        c.durationSec = 4;
        c.requestsPerSecond = 600;
        c.requestTimeoutMs = 500;
        c.cacheTypes = {CacheType::String};
        c.operationMix = {80, 20, 0, 0};
        c.readFromReplicas = true;
        SandboxRedis *victim = replicas(cluster)[0];
        const quint16 masterPort = cwb::test::sandboxInfoField(*victim, "replication", "master_port").toUShort();
        SandboxRedis *master = nullptr;
        for (SandboxRedis *m : masters(cluster))
            master = m->port() == masterPort ? m : master;
        QVERIFY(master);

        LoadRun run(c, cluster.seed());
        std::thread chaos([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(1200));
            victim->kill();
        });
        const RunResult r = run.execute();
        chaos.join();
        QVERIFY2(r.status == RunStatus::Completed, qPrintable(r.failureReason));
        const OpCounters all = r.total();
        // Only the reads in flight on the dead replica fail; the rest go to its master.
        QVERIFY2(all.errors <= uint64_t(c.concurrentUsers) * 4, qPrintable(u"%1 of %2"_s.arg(all.errors).arg(all.count)));
        QVERIFY(r.series.size() >= 4);
        for (size_t s = 2; s < r.series.size(); ++s) {
            QCOMPARE(r.series[s].errors, uint64_t(0));
            QVERIFY(r.series[s].opsByType[size_t(OpType::Read)] > 250);
        }
        // Its master took over the reads; the other masters still serve none.
        QVERIFY2(calls(master, "get") > 200, qPrintable(QString::number(calls(master, "get"))));
        for (SandboxRedis *m : masters(cluster)) {
            if (m != master)
                QCOMPARE(calls(m, "get"), qint64(0));
        }
        QVERIFY(r.totals.nodes.count(address(victim)) == 1); // it served reads until it died
    }

    void followsMovedFromAReplica()
    {
        // A replica answers MOVED for a slot its master no longer owns: the run refreshes its
        // slot map and reads the key from the new owner's side instead of failing.
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster);
        LoadTestConfig c = clusterConfig();
        c.cacheTypes = {CacheType::String};
        c.operationMix = {100, 0, 0, 0}; // reads only: every MOVED comes from a replica
        c.keySpace = 8;
        c.durationSec = 4;
        c.requestsPerSecond = 800;
        c.readFromReplicas = true;

        // A namespace the test names (not a random run tag), so it knows which slot the hot key is in.
        c.keyPrefix = QStringLiteral("cwb:t:");
        const int slot = keySlot("cwb:t:s:0");
        const auto nodes = masters(cluster);
        SandboxRedis *source = nullptr;
        for (int i = 0; i < 3; ++i) {
            if (slot >= i * 16384 / 3 && slot <= (i + 1) * 16384 / 3 - 1)
                source = nodes[size_t(i)];
        }
        QVERIFY(source);
        SandboxRedis *destination = source == nodes[0] ? nodes[1] : nodes[0];
        const QByteArray sourceId = command(source, {"CLUSTER", "MYID"});
        const QByteArray destinationId = command(destination, {"CLUSTER", "MYID"});
        QVERIFY(!sourceId.isEmpty() && !destinationId.isEmpty());
        const auto replicaOf = [&](SandboxRedis *m) -> SandboxRedis * {
            for (SandboxRedis *r : replicas(cluster)) {
                if (cwb::test::sandboxInfoField(*r, "replication", "master_port").toUShort() == m->port())
                    return r;
            }
            return nullptr;
        };
        SandboxRedis *sourceReplica = replicaOf(source);
        QVERIFY(sourceReplica);

        LoadRun run(c, cluster.seed(), LoadRun::Options{.insideCallerNamespace = true});
        std::thread migration([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(1000));
            const QByteArray s = QByteArray::number(slot);
            RedisConnection src(source->endpoint()), dst(destination->endpoint());
            if (!src.connect() || !dst.connect())
                return;
            // The slot holds no keys (reads only): it moves at once.
            dst.command({"CLUSTER", "SETSLOT", s, "IMPORTING", sourceId});
            src.command({"CLUSTER", "SETSLOT", s, "MIGRATING", destinationId});
            dst.command({"CLUSTER", "SETSLOT", s, "NODE", destinationId});
            src.command({"CLUSTER", "SETSLOT", s, "NODE", destinationId});
        });
        const RunResult r = run.execute();
        migration.join();
        QVERIFY2(r.status == RunStatus::Completed, qPrintable(r.failureReason));
        // The source's replica learnt of the move and redirected: followed, not failed.
        QVERIFY2(r.totals.movedRedirects > 0, qPrintable(QString::number(r.totals.movedRedirects)));
        // Reads went to the replicas, so the redirects came from a replica; the redirected
        // reads were retried on the slot's new master, which also served that one slot's reads
        // until the refreshed map named its replicas. The masters served nothing else: the
        // source's replica kept serving the source's other slots.
        QVERIFY(calls(sourceReplica, "get") > 0);
        qint64 masterGets = 0;
        for (SandboxRedis *m : masters(cluster))
            masterGets += calls(m, "get");
        QCOMPARE(calls(destination, "get"), masterGets);
        QCOMPARE(calls(source, "get"), qint64(0));
        QVERIFY2(masterGets > 0 && masterGets < qint64(r.totals.op(OpType::Read).count / 20),
                 qPrintable(u"%1 reads on masters, %2 moved"_s.arg(masterGets).arg(r.totals.movedRedirects)));
        QVERIFY2(r.total().errors <= 10, qPrintable(QString::number(r.total().errors)));
        QCOMPARE(r.series.back().errors, uint64_t(0));
        // Redirects stop once the map is refreshed: not one per read for the rest of the run.
        QVERIFY2(r.totals.movedRedirects < r.totals.op(OpType::Read).count / 20,
                 qPrintable(u"%1 moved of %2 reads"_s.arg(r.totals.movedRedirects).arg(r.totals.op(OpType::Read).count)));
    }
};

QTEST_GUILESS_MAIN(tst_LoadCluster)
#include "tst_loadcluster.moc"
