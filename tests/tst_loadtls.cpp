// Load runs over TLS (rediss://) against real redis-server processes listening with --tls-port:
// the event-driven workers' non-blocking handshake, reads and writes, closed and open loop,
// pipelining, mutual TLS, a TLS cluster, and every bad input failing fast as a connection error.

#include "testsupport.h"

#include "cluster/clusterslots.h"
#include "load/connecttarget.h"
#include "load/loadrun.h"
#include "load/loadworker.h"
#include "load/runresult.h"
#include "redis/redisconnection.h"
#include "redis/throwawaypki.h"
#include "redis/tlscontext.h"
#include "redis/transport.h"

#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

LoadTestConfig tlsConfig()
{
    LoadTestConfig c;
    c.testName = u"tls"_s;
    c.durationSec = 1.5;
    c.concurrentUsers = 8;
    c.threads = 2;
    c.operationMix = {60, 30, 5, 5};
    c.cacheTypes = {CacheType::String, CacheType::Hash, CacheType::Session, CacheType::Counter};
    c.keySpace = 1000;
    c.valueSizeMin = 16;
    c.valueSizeMax = 4096; // values that span several TLS records in a pipelined batch
    c.requestTimeoutMs = 2000;
    return c;
}

// Calls of one command on a server so far, from INFO commandstats.
qint64 calls(const SandboxRedis &redis, const char *commandName)
{
    const QByteArray stat = test::sandboxInfoField(redis, "commandstats", QByteArray("cmdstat_") + commandName);
    const qsizetype start = stat.indexOf("calls=");
    if (start < 0)
        return 0;
    const qsizetype end = stat.indexOf(',', start);
    return stat.mid(start + 6, end < 0 ? -1 : end - start - 6).toLongLong();
}

qint64 dbSize(const Endpoint &endpoint)
{
    RedisConnection connection(endpoint);
    if (!connection.connect())
        return -1;
    const auto reply = connection.command({"DBSIZE"});
    return reply ? reply->integer : -1;
}

// A completed run in which every operation succeeded and was timed.
void verifyClean(const RunResult &r)
{
    QVERIFY2(r.status == RunStatus::Completed, qPrintable(r.failureReason));
    QVERIFY(r.tls);
    const OpCounters all = r.total();
    QVERIFY(all.count > 0);
    QCOMPARE(all.errors, uint64_t(0));
    QCOMPARE(all.latency.count(), all.count);
    QCOMPARE(r.totals.connectErrorCount(), uint64_t(0));
}

// What one worker saw trying to connect its users, without a run's pre-flight in front of it: the
// connection errors it counted and the sentence it kept, once every user has failed twice.
struct Attempt
{
    StatsBlock stats;
    QString failure;
    int connected = -1;
};

// One worker for all of `c`'s users against `endpoint`, as a run would set it up (without the
// run's pre-flight); it starts sending at *startNs (0: never).
void workerSettings(const LoadTestConfig &c, const Endpoint &endpoint, const std::atomic<int64_t> *startNs,
                    LoadWorker::Settings &settings)
{
    QString error;
    settings.config = c;
    settings.endpoint = endpoint;
    const auto target = ConnectTarget::resolve(endpoint, &error);
    QVERIFY2(target, qPrintable(error));
    settings.target = *target;
    settings.values = std::make_shared<const ValuePool>(c.valueSizeMax, c.seed);
    settings.userCount = settings.totalUsers = c.concurrentUsers;
    settings.startNs = startNs;
    if (endpoint.tls.enabled) {
        settings.tls = TlsContext::obtain(endpoint.tls, &error);
        QVERIFY2(settings.tls, qPrintable(error));
    }
}

SandboxCluster::Options tlsClusterOptions()
{
    SandboxCluster::Options options;
    options.masters = 3;
    options.replicasPerMaster = 0;
    options.tls.enabled = true;
    return options;
}

void attemptConnections(const Endpoint &endpoint, Attempt &out)
{
    LoadTestConfig c = tlsConfig();
    c.concurrentUsers = 2;
    c.requestTimeoutMs = 600;
    const std::atomic<int64_t> startNs{0}; // never started: only connecting is under test
    LoadWorker::Settings settings;
    workerSettings(c, endpoint, &startNs, settings);
    if (QTest::currentTestFailed())
        return;
    LoadWorker worker(std::move(settings));
    std::thread thread([&] { worker.run(); });
    const auto collect = [&] {
        worker.collect(out.stats);
        return out.stats.connectErrorCount();
    };
    QTRY_VERIFY_WITH_TIMEOUT(collect() >= uint64_t(2 * c.concurrentUsers), 30000);
    out.connected = worker.connectedUsers();
    out.failure = worker.firstConnectFailure();
    worker.requestStop();
    thread.join();
}

uint64_t errorsOfKind(const Attempt &a, RedisErrorKind kind)
{
    return a.stats.connectErrors[size_t(kind)];
}

} // namespace

class tst_LoadTls : public QObject
{
    Q_OBJECT

private slots:
    void closedLoopOverTls()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .tls = {.enabled = true});
        const qint64 setsBefore = calls(redis, "set");
        const qint64 getsBefore = calls(redis, "get");
        const RunResult r = LoadRun(tlsConfig(), redis.endpoint()).execute();
        verifyClean(r);
        QVERIFY(!r.tlsInsecure);
        QVERIFY(insecureTlsWarning(r).isEmpty());
        // Every counted operation reached the server through the encrypted stream; operations in
        // flight when the run ended reached it too, uncounted.
        const qint64 sets = calls(redis, "set") - setsBefore;
        const qint64 gets = calls(redis, "get") - getsBefore;
        const qint64 counted = qint64(r.totals.op(OpType::Read).count);
        QVERIFY2(gets + calls(redis, "hgetall") >= counted, qPrintable(u"%1 gets for %2 reads"_s.arg(gets).arg(counted)));
        QVERIFY(sets > 0);
        QVERIFY(r.keysCleanedUp > 0);
        QCOMPARE(dbSize(redis.endpoint()), qint64(0));
    }

    void pipelinedOverTls()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .tls = {.enabled = true});
        LoadTestConfig c = tlsConfig();
        c.pipeline = 16;
        // Replies of up to 60 kB, each in several TLS records (16 kB at most): the reads gather
        // them whole, and the writes stage batches of commands larger than a record.
        c.valueSizeMin = 20000;
        c.valueSizeMax = 60000;
        const RunResult r = LoadRun(c, redis.endpoint()).execute();
        verifyClean(r);
        // More operations than the pipelines hold at once: they turned over, none got stuck.
        QVERIFY(r.total().count > uint64_t(c.concurrentUsers * c.pipeline));
    }

    void openLoopOverTls()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .tls = {.enabled = true});
        LoadTestConfig c = tlsConfig();
        c.requestsPerSecond = 2000;
        c.durationSec = 2;
        const RunResult r = LoadRun(c, redis.endpoint()).execute();
        verifyClean(r);
        // The schedule decides the count, not the server's pace: every scheduled request of the
        // measured window was sent and counted (some at the window's edges fall either side).
        const double expected = c.requestsPerSecond * c.durationSec;
        QVERIFY2(double(r.total().count) >= 0.8 * expected && double(r.total().count) <= 1.2 * expected,
                 qPrintable(u"%1 operations for %2 scheduled"_s.arg(r.total().count).arg(expected)));
    }

    void insecureIsRecorded()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .tls = {.enabled = true});
        Endpoint endpoint = redis.endpoint();
        endpoint.tls.caPath.clear();
        endpoint.tls.insecure = true;
        LoadTestConfig c = tlsConfig();
        c.durationSec = 0.5;
        const RunResult r = LoadRun(c, endpoint).execute();
        QVERIFY2(r.status == RunStatus::Completed, qPrintable(r.failureReason));
        QVERIFY(r.tls && r.tlsInsecure);
        QVERIFY(insecureTlsWarning(r).contains(u"INSECURE"_s));
        const nlohmann::json j = runResultToJson(r);
        QVERIFY(j.dump().find("\"tlsVerified\":false") != std::string::npos);
        QVERIFY(j.dump().find("INSECURE") != std::string::npos);
        const auto back = runResultFromJson(j);
        QVERIFY(back && back->tlsInsecure);
    }

    void mutualTls()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .tls = {.enabled = true, .requireClientCertificates = true});
        QVERIFY(!redis.endpoint().tls.certFile.isEmpty());
        LoadTestConfig c = tlsConfig();
        c.durationSec = 0.5;
        verifyClean(LoadRun(c, redis.endpoint()).execute());

        Endpoint anonymous = redis.endpoint();
        anonymous.tls.certFile.clear();
        anonymous.tls.keyFile.clear();
        const RunResult refused = LoadRun(c, anonymous).execute();
        QCOMPARE(refused.status, RunStatus::Failed);
        QCOMPARE(refused.failureKind, RedisErrorKind::Tls);
        QVERIFY2(refused.failureReason.contains(u"client certificate"_s), qPrintable(refused.failureReason));
        QCOMPARE(refused.total().count, uint64_t(0));

        // The workers themselves: each attempt is a connection error of kind tls, with the reason.
        Attempt attempt;
        attemptConnections(anonymous, attempt);
        if (QTest::currentTestFailed())
            return;
        // (A TLS 1.3 link is up for a moment before the server reads that it has no certificate.)
        QCOMPARE(errorsOfKind(attempt, RedisErrorKind::Tls), attempt.stats.connectErrorCount());
        QVERIFY2(attempt.failure.contains(u"client certificate"_s), qPrintable(attempt.failure));
    }

    void wrongCaFailsVerification()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .tls = {.enabled = true});
        QTemporaryDir other;
        QString error;
        QVERIFY2(pki::createPki(other.path(), &error), qPrintable(error));
        Endpoint endpoint = redis.endpoint();
        endpoint.tls.caPath = other.filePath(u"ca.crt"_s);
        const qint64 setsBefore = calls(redis, "set");

        const RunResult r = LoadRun(tlsConfig(), endpoint).execute();
        QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(r.failureKind, RedisErrorKind::Tls);
        QVERIFY2(r.failureReason.contains(u"certificate verify failed"_s), qPrintable(r.failureReason));

        Attempt attempt;
        attemptConnections(endpoint, attempt);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(attempt.connected, 0);
        QCOMPARE(errorsOfKind(attempt, RedisErrorKind::Tls), attempt.stats.connectErrorCount());
        // (OpenSSL names the gap by what the server sent: its certificate alone, or the chain.)
        QVERIFY2(attempt.failure.contains(u"certificate verify failed: "_s) && attempt.failure.contains(u" for host 127.0.0.1"_s)
                     && attempt.failure.contains(u"is tls-ca the CA that signed the server's certificate?"_s),
                 qPrintable(attempt.failure));
        QCOMPARE(calls(redis, "set"), setsBefore); // nothing was written over an unverified link
    }

    void plainClientOnTlsPort()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .tls = {.enabled = true});
        Endpoint plain = redis.endpoint();
        plain.tls = {};
        LoadTestConfig c = tlsConfig();
        c.requestTimeoutMs = 600;
        const RunResult r = LoadRun(c, plain).execute();
        QCOMPARE(r.status, RunStatus::Failed);
        QVERIFY2(r.failureReason.contains(u"a TLS port? Use rediss://"_s), qPrintable(r.failureReason));
        QCOMPARE(r.total().count, uint64_t(0));
    }

    void tlsClientOnPlainPort()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        SandboxRedis tlsServer; // only for its CA
        CWB_START_SANDBOX(tlsServer, .tls = {.enabled = true});
        Endpoint endpoint = redis.endpoint();
        endpoint.tls = tlsServer.endpoint().tls;
        LoadTestConfig c = tlsConfig();
        c.requestTimeoutMs = 600;
        const RunResult r = LoadRun(c, endpoint).execute();
        QCOMPARE(r.status, RunStatus::Failed);
        QVERIFY2(r.failureReason.contains(u"plain-text port? Use redis://"_s), qPrintable(r.failureReason));

        // The workers: the plain server either answers the ClientHello with an error (not TLS) or
        // waits for the rest of the "line" until the connect timeout ends the handshake.
        Attempt attempt;
        attemptConnections(endpoint, attempt);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(attempt.connected, 0);
        QCOMPARE(errorsOfKind(attempt, RedisErrorKind::Tls) + errorsOfKind(attempt, RedisErrorKind::Timeout),
                 attempt.stats.connectErrorCount());
        QVERIFY2(attempt.failure.contains(u"plain-text port? Use redis://"_s), qPrintable(attempt.failure));
    }

    void tlsClusterLoadRun()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster, tlsClusterOptions());
        QVERIFY(cluster.seed().tls.enabled);
        LoadTestConfig c = tlsConfig();
        c.cleanup = false; // the keys stay to be counted on each master; the sandbox goes with them
        c.pipeline = 4;
        const RunResult r = LoadRun(c, cluster.seed()).execute();
        verifyClean(r);
        QVERIFY(r.cluster);
        QCOMPARE(int(r.totals.nodes.size()), 3);
        for (const auto &[address, counters] : r.totals.nodes)
            QVERIFY2(counters.count > 0 && counters.errors == 0, qPrintable(address));
        for (SandboxRedis *node : cluster.nodes()) {
            const qint64 keys = dbSize(node->endpoint());
            QVERIFY2(keys > 0, qPrintable(u"%1 holds %2 keys"_s.arg(node->port()).arg(keys)));
        }
    }

    // The "Done when" for a TLS 3+3 cluster: the CLI command itself, a master killed
    // mid-run (on what it has served, not after a sleep), its replica promoted over
    // tls-replication and the run carrying on there, the outage's errors counted and the exit
    // code and stored status saying what happened.
    void cliRunSurvivesAMasterKilledOnATlsCluster()
    {
        SandboxCluster cluster;
        SandboxCluster::Options options = tlsClusterOptions();
        options.replicasPerMaster = 1;
        CWB_START_SANDBOX(cluster, options);
        const std::vector<SandboxRedis *> nodes = cluster.nodes();
        SandboxRedis *victim = nodes[1]; // a master other than the seed
        SandboxRedis *heir = nullptr;
        for (SandboxRedis *node : nodes) {
            if (test::sandboxInfoField(*node, "replication", "master_port").toUShort() == victim->port())
                heir = node;
        }
        QVERIFY(heir);
        QTemporaryDir dir;
        const QString json = dir.filePath(u"run.json"_s), store = dir.filePath(u"store.sqlite"_s);
        test::Child cli;
        QVERIFY2(cli.start(QStringLiteral(CWB_CLI_PATH),
                           {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s,
                            u"rediss://127.0.0.1:%1"_s.arg(cluster.seed().port), u"--tls-ca"_s,
                            cluster.seed().tls.caPath, u"--duration"_s, u"12"_s, u"--json"_s, json, u"--db"_s, store}),
                 qPrintable(cli.errorString()));
        cli.closeStdin();
        // Reads the victim answered (hit or miss), from its own counters: the run is under way there.
        const auto readsServed = [](const SandboxRedis &node) {
            return test::sandboxInfoField(node, "stats", "keyspace_hits").toLongLong() +
                   test::sandboxInfoField(node, "stats", "keyspace_misses").toLongLong();
        };
        QTRY_VERIFY_WITH_TIMEOUT(readsServed(*victim) >= 40 || !cli.running(), 60000);
        QVERIFY2(cli.running(), cli.takeErr().constData());
        QVERIFY(victim->kill());
        QTRY_COMPARE_WITH_TIMEOUT(test::sandboxInfoField(*heir, "replication", "role"), QByteArray("master"), 60000);
        QVERIFY2(cli.waitForFinished(120000), "the run did not end");
        const QByteArray out = cli.takeOut() + cli.takeErr();
        QVERIFY2(cli.exitedNormally(), out.constData());
        // Completed, and cleaned up on the promoted replica: its errors are in the report, not a failure.
        QVERIFY2(cli.exitCode() == 0, out.right(900).constData());
        QVERIFY2(out.contains("status completed"), out.constData());
        QVERIFY2(out.contains("errors by class:"), out.constData());

        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const nlohmann::json r = nlohmann::json::parse(file.readAll().toStdString());
        QCOMPARE(r["status"].get<std::string>(), std::string("completed"));
        QVERIFY(r["tls"].get<bool>() && r["tlsVerified"].get<bool>());
        const nlohmann::json &summary = r["summary"];
        const uint64_t errors = summary["errors"].get<uint64_t>();
        uint64_t byKind = 0;
        for (const auto &[kind, n] : summary["errorsByKind"].items())
            byKind += n.get<uint64_t>();
        // The outage cost operations, each counted once and classed; the rest succeeded.
        QVERIFY(errors > 0);
        QCOMPARE(byKind, errors);
        QCOMPARE(summary["successes"].get<uint64_t>() + errors, summary["operations"].get<uint64_t>());
        // After the failover the promoted replica serves its slots: it answered reads, it is
        // among the run's nodes, and the last second is clean.
        QVERIFY(readsServed(*heir) > 0);
        QVERIFY2(r["nodes"].contains(u"127.0.0.1:%1"_s.arg(heir->port()).toStdString()), r["nodes"].dump().c_str());
        const nlohmann::json &last = r["series"].back();
        QCOMPARE(last["errors"].get<uint64_t>(), uint64_t(0));
        QVERIFY(last["ops"].get<uint64_t>() > 0);
        // ... and the dead master is left alone: no more connects refused by it, every user whole.
        QVERIFY2(last["connectErrors"].get<uint64_t>() == 0, last.dump().c_str());
        QVERIFY2(last["connectedUsers"].get<int>() == 10, last.dump().c_str());

        // The stored run says the same.
        const test::CliResult runs = test::runCli({u"runs"_s, u"--db"_s, store});
        QCOMPARE(runs.exitCode, 0);
        const QByteArray runId = QByteArray::fromStdString(r["runId"].get<std::string>()).left(8);
        const QList<QByteArray> rows = runs.out.split('\n');
        const auto row =
            std::find_if(rows.begin(), rows.end(), [&](const QByteArray &l) { return l.startsWith(runId); });
        QVERIFY2(row != rows.end() && row->contains("completed"), runs.out.constData());
    }

    // Each node of a TLS cluster is verified against its own host when the user gave no SNI; a
    // name the user gave is theirs (a wildcard or shared certificate) and goes to every node.
    void clusterNodesUseTheirOwnHostUnlessSniIsGiven()
    {
        Endpoint seed;
        seed.host = u"10.0.0.1"_s;
        seed.tls.enabled = true;
        ClusterSlotMap::Node node;
        node.host = u"node-2.cache.example.com"_s;
        node.port = 6380;
        QCOMPARE(tlsServerName(clusterNodeEndpoint(seed, node)), node.host);
        seed.tls.serverName = u"cache.example.com"_s;
        QCOMPARE(tlsServerName(clusterNodeEndpoint(seed, node)), u"cache.example.com"_s);
    }

    void movedRedirectsReachTlsNodes()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster, tlsClusterOptions());
        const Endpoint seed = cluster.seed();
        RedisConnection control(seed);
        QVERIFY(control.connect());
        const auto slotsReply = control.command({"CLUSTER", "SLOTS"});
        QVERIFY(slotsReply && !slotsReply->isError());
        QString error;
        auto map = ClusterSlotMap::fromClusterSlots(*slotsReply, &error);
        QVERIFY2(map, qPrintable(error));
        // A stale map: every slot on the seed's node, so the workers learn the other masters only
        // from MOVED replies - which name their TLS ports - and must reach them over TLS (the
        // nodes have no plain-text port).
        const int seedNode = map->nodeIndex(seed.host, seed.port, false);
        QVERIFY(seedNode >= 0);
        std::fill(map->owner.begin(), map->owner.end(), uint16_t(seedNode));

        LoadTestConfig c = tlsConfig();
        c.keyPrefix = u"cwb:tlsmoved:"_s;
        // No MULTI/EXEC: a transaction whose commands are redirected inside it aborts (EXECABORT)
        // over plain text too, and this test is about the redirects' connections.
        c.operationMix = {60, 40, 0, 0};
        c.concurrentUsers = 2;
        const std::atomic<int64_t> startNs{LoadWorker::nowNs()};
        LoadWorker::Settings settings;
        workerSettings(c, seed, &startNs, settings);
        if (QTest::currentTestFailed())
            return;
        settings.cluster = map;
        LoadWorker worker(std::move(settings));
        std::thread thread([&] { worker.run(); });
        StatsBlock stats;
        const auto keysEverywhere = [&] {
            worker.collect(stats);
            for (SandboxRedis *node : cluster.nodes()) {
                if (dbSize(node->endpoint()) <= 0)
                    return false;
            }
            return stats.movedRedirects >= 2;
        };
        QTRY_VERIFY_WITH_TIMEOUT(keysEverywhere(), 30000);
        worker.requestStop();
        thread.join();
        worker.collect(stats);
        QCOMPARE(stats.connectErrorCount(), uint64_t(0));
        QVERIFY(stats.total().count > 0);
        QVERIFY2(stats.total().errors == 0, qPrintable(describeErrorCounts(stats.total().errorsByKind)));
        QVERIFY(worker.firstConnectFailure().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_LoadTls)
#include "tst_loadtls.moc"
