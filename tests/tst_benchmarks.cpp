// Integration tests of the ten benchmarks against a real sandbox server, with tiny parameters:
// each asserts that its numbers are coherent, not merely present.

#include "testsupport.h"

#include "bench/benchmark.h"
#include "bench/benchmarkrunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

class TestBenchmarks : public QObject
{
    Q_OBJECT

private:
    SandboxRedis m_redis;

    BenchmarkResult runOne(const QString &name, const QMap<QString, double> &parameters, bool allowEviction = false)
    {
        auto benchmark = createBenchmark(name);
        if (!benchmark)
            return {};
        BenchmarkContext context;
        context.endpoint = m_redis.endpoint();
        context.parameters = parameters;
        context.allowEvictionSandbox = allowEviction;
        return runBenchmark(*benchmark, context);
    }

    qint64 dbSize()
    {
        const auto reply = test::sandboxCommand(m_redis, {"DBSIZE"});
        return reply ? reply->integer : -1;
    }

    // What every completed result must satisfy.
    void verifyCoherent(const BenchmarkResult &r)
    {
        QVERIFY2(r.status == BenchmarkStatus::Completed, qPrintable(r.failureReason));
        QVERIFY(!r.operations.empty());
        QVERIFY(r.startedAt.isValid() && r.finishedAt >= r.startedAt);
        QVERIFY2(test::redisVersionAtLeast(r.server.version, 6, 2), qPrintable(r.server.version));
        QVERIFY(r.server.maxMemoryPolicy.size() > 0);
        QVERIFY(r.server.ioThreads >= 1);
        for (const auto &op : r.operations) {
            QVERIFY2(op.count > 0, qPrintable(op.name));
            QVERIFY2(op.errors == 0, qPrintable(op.name));
            const LatencyHistogram &h = op.latency;
            QVERIFY2(h.count() > 0, qPrintable(op.name));
            QVERIFY2(h.minNs() > 0, qPrintable(op.name));
            QVERIFY2(h.minNs() <= h.percentileNs(50), qPrintable(op.name));
            QVERIFY2(h.percentileNs(50) <= h.percentileNs(99), qPrintable(op.name));
            QVERIFY2(h.percentileNs(99) <= h.maxNs(), qPrintable(op.name));
            QVERIFY2(op.durationSec > 0 && op.throughput() > 0, qPrintable(op.name));
        }
        QVERIFY(r.server.usedMemory.before > 0);
        QVERIFY(r.server.usedMemory.peak >= r.server.usedMemory.before);
        QVERIFY(r.server.usedMemory.peak >= r.server.usedMemory.after);
        QVERIFY(r.server.rss.peak >= r.server.rss.before);
        QVERIFY(r.client.rss.before > 0);
        QVERIFY(r.client.rss.peak >= r.client.rss.before);
        // Measured (not -1); /proc counts in 10 ms ticks, so a tiny run may show 0.
        QVERIFY(r.client.cpuUserSec >= 0 && r.client.cpuSystemSec >= 0 && r.client.cpuPercent >= 0);
        QVERIFY(r.server.cpuUserSec >= 0 && r.server.cpuSystemSec >= 0);
        QVERIFY(r.keysCleanedUp >= 0);
        // The cleanup removed everything the benchmark wrote (the sandbox holds nothing else).
        QCOMPARE(dbSize(), 0);
        // The JSON document round-trips.
        const nlohmann::json doc = benchmarkResultToJson(r);
        QString error;
        const auto back = benchmarkResultFromJson(doc, &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QCOMPARE(back->operations.size(), r.operations.size());
        QCOMPARE(back->operations.front().latency, r.operations.front().latency);
        QCOMPARE(back->metrics.size(), r.metrics.size());
        QCOMPARE(back->series.size(), r.series.size());
        QCOMPARE(back->server.usedMemory.peak, r.server.usedMemory.peak);
    }

    double metric(const BenchmarkResult &r, const QString &name)
    {
        const auto v = r.metric(name);
        if (!v)
            qWarning("missing metric %s", qPrintable(name));
        return v.value_or(-12345);
    }

private slots:
    void initTestCase() { CWB_START_SANDBOX(m_redis); }
    void cleanupTestCase() { m_redis.stop(); }

    void serverVersionCheckAcceptsRedis62AndNewer_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("7.0.15") << u"7.0.15"_s << true;
        QTest::newRow("7.2.4") << u"7.2.4"_s << true;
        QTest::newRow("6.2.0") << u"6.2.0"_s << true;
        QTest::newRow("6.2.14") << u"6.2.14"_s << true;
        QTest::newRow("10.0.1") << u"10.0.1"_s << true;
        QTest::newRow("6.0.20") << u"6.0.20"_s << false;
        QTest::newRow("5.0.14") << u"5.0.14"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("garbage") << u"seven"_s << false;
    }

    void serverVersionCheckAcceptsRedis62AndNewer()
    {
        QFETCH(QString, version);
        QFETCH(bool, accepted);
        QCOMPARE(test::redisVersionAtLeast(version, 6, 2), accepted);
    }

    void benchmarksRouteOnACluster()
    {
        // Against a 3 + 3 cluster every command reaches its slot's master: no MOVED errors,
        // multi-key UNLINKs split by slot, and the cleanup empties every master.
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster);
        const std::vector<std::pair<QString, QMap<QString, double>>> runs{
            {u"cache-basic-ops"_s, {{u"operations"_s, 200}}},
            {u"invalidation-patterns"_s,
             {{u"tags"_s, 5}, {u"keysPerTag"_s, 10}, {u"expiringKeys"_s, 100}, {u"expiryWindowSec"_s, 0.5}, {u"prefixKeys"_s, 300}}},
            {u"session-management"_s, {{u"maxConnections"_s, 2}, {u"stepSec"_s, 0.2}}},
            {u"geospatial-queries"_s, {{u"points"_s, 500}, {u"queries"_s, 20}}},
            {u"realtime-updates"_s, {{u"messages"_s, 50}, {u"maxSubscribers"_s, 1}}},
        };
        for (const auto &[name, parameters] : runs) {
            auto benchmark = createBenchmark(name);
            QVERIFY(benchmark);
            BenchmarkContext context;
            context.endpoint = cluster.seed();
            context.parameters = parameters;
            const BenchmarkResult r = runBenchmark(*benchmark, context);
            QVERIFY2(r.status == BenchmarkStatus::Completed, qPrintable(name + u": "_s + r.failureReason));
            for (const auto &op : r.operations)
                QVERIFY2(op.errors == 0, qPrintable(name + u": "_s + op.name));
            QVERIFY2(r.keysCleanedUp >= 0, qPrintable(name)); // -1: the cleanup failed
        }
        const auto nodes = cluster.nodes();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(test::sandboxCommand(*nodes[size_t(i)], {"DBSIZE"})->integer, 0);
    }

    void registry()
    {
        const QStringList names = benchmarkNames();
        QCOMPARE(names.size(), 10);
        for (const QString &name : names) {
            auto b = createBenchmark(name);
            QVERIFY(b);
            QCOMPARE(b->name(), name);
            QVERIFY(!b->title().isEmpty() && !b->description().isEmpty());
            for (const auto &p : b->parameters())
                QVERIFY2(p.defaultValue >= p.minValue && p.defaultValue <= p.maxValue, qPrintable(p.name));
        }
        QVERIFY(!createBenchmark(u"no-such"_s));
    }

    void basicOps()
    {
        const auto r = runOne(u"cache-basic-ops"_s, {{u"operations"_s, 200}});
        verifyCoherent(r);
        for (const char *op : {"GET", "SET", "DEL", "EXISTS", "EXPIRE"}) {
            const auto *o = r.operation(QString::fromLatin1(op));
            QVERIFY2(o, op);
            QCOMPARE(o->count, uint64_t(200));
        }
        QCOMPARE(metric(r, u"GET hit rate"_s), 100.0);
    }

    void concurrentReads()
    {
        const auto r = runOne(u"concurrent-reads"_s,
                              {{u"durationSec"_s, 0.3}, {u"keySpace"_s, 500}, {u"connections"_s, 4}});
        verifyCoherent(r);
        QVERIFY(r.operation(u"GET uniform"_s) && r.operation(u"GET zipfian"_s));
        // Every key was pre-filled, so every read hits.
        QCOMPARE(metric(r, u"hit rate uniform"_s), 100.0);
        QCOMPARE(metric(r, u"hit rate zipfian"_s), 100.0);
    }

    void concurrentWrites()
    {
        const auto r = runOne(u"concurrent-writes"_s,
                              {{u"durationSec"_s, 0.2}, {u"keySpace"_s, 100}, {u"connections"_s, 4}});
        verifyCoherent(r);
        QCOMPARE(r.operations.size(), size_t(4));
        QVERIFY(r.operation(u"SET 64 KiB"_s));
        const auto *bw = r.seriesNamed(u"bandwidth by value size"_s);
        QVERIFY(bw && bw->points.size() == 4);
        // 64 KiB writes move more bytes per second than 32 B writes on any machine.
        QVERIFY(bw->points.back().second > bw->points.front().second);
    }

    void mixedOperations()
    {
        const auto r = runOne(u"mixed-operations"_s, {{u"durationSec"_s, 0.4}, {u"keySpace"_s, 500}, {u"connections"_s, 4}});
        verifyCoherent(r);
        const auto *get = r.operation(u"GET"_s);
        const auto *set = r.operation(u"SET"_s);
        const auto *del = r.operation(u"DEL"_s);
        QVERIFY(get && set && del);
        // 70/25/5: the shares show in the counts.
        QVERIFY(get->count > set->count && set->count > del->count);

        const auto bad = runOne(u"mixed-operations"_s, {{u"readPercent"_s, 50}});
        QCOMPARE(bad.status, BenchmarkStatus::Failed);
        QVERIFY(bad.failureReason.contains(u"sum to 100"_s));
    }

    void invalidationPatterns()
    {
        const auto r = runOne(u"invalidation-patterns"_s, {{u"tags"_s, 5},
                                                          {u"keysPerTag"_s, 10},
                                                          {u"expiringKeys"_s, 200},
                                                          {u"expiryWindowSec"_s, 1.0},
                                                          {u"prefixKeys"_s, 300}});
        verifyCoherent(r);
        QCOMPARE(metric(r, u"keys invalidated by tag"_s), 50.0);
        QCOMPARE(metric(r, u"prefix keys invalidated"_s), 300.0);
        QVERIFY(metric(r, u"prefix invalidation time"_s) > 0);
        // Keys expire while reads go on: the hit rate falls from (nearly) all to none.
        QVERIFY(metric(r, u"hit rate at start"_s) > 90);
        QCOMPARE(metric(r, u"hit rate at end"_s), 0.0);
        QVERIFY(metric(r, u"expired keys"_s) >= 150);
        const auto *s = r.seriesNamed(u"hit rate during TTL expiry"_s);
        QVERIFY(s && s->points.size() >= 4);
    }

    void sessionManagement()
    {
        const auto r = runOne(u"session-management"_s, {{u"maxConnections"_s, 2}, {u"stepSec"_s, 0.3}});
        verifyCoherent(r);
        QCOMPARE(r.operations.size(), size_t(4));
        QVERIFY(metric(r, u"sessions completed"_s) > 0);
        const auto *s = r.seriesNamed(u"sessions/s by connections"_s);
        QVERIFY(s && s->points.size() == 2);
        // Reads happen twice per session, destroys once.
        QVERIFY(r.operation(u"read (HGETALL)"_s)->count >= 2 * r.operation(u"destroy (DEL)"_s)->count);
    }

    void geospatialQueries()
    {
        const auto r = runOne(u"geospatial-queries"_s, {{u"points"_s, 2000}, {u"queries"_s, 20}});
        verifyCoherent(r);
        QVERIFY(r.operation(u"GEODIST"_s) && r.operation(u"GEOSEARCH box 2x2 km"_s));
        // A bigger radius finds more points.
        QVERIFY(metric(r, u"GEOSEARCH radius 5 km results"_s) > metric(r, u"GEOSEARCH radius 100 m results"_s));
        QVERIFY(metric(r, u"GEOSEARCH radius 5 km results"_s) > 10);
    }

    void realtimeUpdates()
    {
        const auto r = runOne(u"realtime-updates"_s, {{u"messages"_s, 200}, {u"maxSubscribers"_s, 2}});
        verifyCoherent(r);
        QCOMPARE(r.operation(u"PUBLISH"_s)->count, uint64_t(400));
        QCOMPARE(r.operation(u"Pub/Sub delivery (1 subscribers)"_s)->count, uint64_t(200));
        QCOMPARE(r.operation(u"Pub/Sub delivery (2 subscribers)"_s)->count, uint64_t(400));
        QCOMPARE(metric(r, u"pubsub messages lost"_s), 0.0);
        // Streams deliver every message.
        QCOMPARE(metric(r, u"stream messages published"_s), 200.0);
        QCOMPARE(metric(r, u"stream messages acknowledged"_s), 200.0);
        QCOMPARE(metric(r, u"stream messages lost"_s), 0.0);
        QCOMPARE(metric(r, u"stream pending after run"_s), 0.0);
        QCOMPARE(r.operation(u"stream delivery"_s)->count, uint64_t(200));
    }

    void memoryStress()
    {
        const auto r = runOne(u"memory-stress"_s,
                              {{u"fillMiB"_s, 2}, {u"samplesPerClass"_s, 5}, {u"evictionMaxMemoryMiB"_s, 2},
                               {u"evictionWriteFactor"_s, 2}},
                              true);
        verifyCoherent(r);
        // 2 MiB were written, so the server's peak is at least about that much above the start.
        QVERIFY(r.server.usedMemory.peak - r.server.usedMemory.before > 1500000);
        QVERIFY(metric(r, u"overhead per key 64 B"_s) > 0);
        QVERIFY(metric(r, u"memory per key 32 KiB"_s) >= 32768);
        QVERIFY(metric(r, u"fragmentation after fill"_s) > 0);
        // The small maxmemory of the eviction sandbox forces evictions.
        QVERIFY(metric(r, u"evicted keys"_s) > 0);
        QVERIFY(r.operation(u"SET during eviction"_s));
        QVERIFY(metric(r, u"eviction used_memory peak"_s) <= metric(r, u"eviction maxmemory"_s) * 1.5);

        const auto noEviction = runOne(u"memory-stress"_s, {{u"fillMiB"_s, 0.2}, {u"samplesPerClass"_s, 2}}, false);
        verifyCoherent(noEviction);
        QVERIFY(!noEviction.metric(u"evicted keys"_s).has_value());
        QVERIFY(!noEviction.notes.empty());
    }

    void highConcurrencyStress()
    {
        const auto r = runOne(u"high-concurrency-stress"_s, {{u"minConnections"_s, 2},
                                                            {u"maxConnections"_s, 20},
                                                            {u"steps"_s, 3},
                                                            {u"stepSec"_s, 0.3},
                                                            {u"keySpace"_s, 200}});
        verifyCoherent(r);
        const auto *p99 = r.seriesNamed(u"p99 by connections"_s);
        const auto *tput = r.seriesNamed(u"throughput by connections"_s);
        QVERIFY(p99 && tput);
        // The ramp reports every step, in order.
        QCOMPARE(p99->points.size(), size_t(3));
        QCOMPARE(tput->points.size(), size_t(3));
        QCOMPARE(p99->points[0].first, 2.0);
        QCOMPARE(p99->points[2].first, 20.0);
        QCOMPARE(metric(r, u"steps completed"_s), 3.0);
        QVERIFY(r.metric(u"knee point"_s).has_value());

        // A tiny threshold puts the knee at the first step.
        const auto low = runOne(u"high-concurrency-stress"_s, {{u"minConnections"_s, 2},
                                                              {u"maxConnections"_s, 4},
                                                              {u"steps"_s, 2},
                                                              {u"stepSec"_s, 0.2},
                                                              {u"keySpace"_s, 100},
                                                              {u"p99ThresholdMs"_s, 0.01}});
        verifyCoherent(low);
        QCOMPARE(metric(low, u"knee point"_s), 2.0);
    }

    void badInputAndUnreachable()
    {
        const auto outOfRange = runOne(u"cache-basic-ops"_s, {{u"operations"_s, 1}});
        QCOMPARE(outOfRange.status, BenchmarkStatus::Failed);
        QVERIFY(outOfRange.failureReason.startsWith(u"operations:"_s));

        auto benchmark = createBenchmark(u"cache-basic-ops"_s);
        BenchmarkContext context;
        context.endpoint = *parseEndpoint(u"redis://127.0.0.1:1"_s);
        const auto r = runBenchmark(*benchmark, context);
        QCOMPARE(r.status, BenchmarkStatus::Failed);
        QVERIFY(r.failureReason.startsWith(u"cannot connect"_s)); // refused at once, not waited out
        QVERIFY(r.failureReason.contains(u"Connection refused"_s));
    }

    void cli()
    {
        const auto list = test::runCli({u"bench"_s, u"--list"_s});
        QCOMPARE(list.exitCode, 0);
        for (const QString &name : benchmarkNames())
            QVERIFY(list.out.contains(name.toUtf8()));
        QCOMPARE(test::runCli({u"bench"_s, u"no-such"_s}).exitCode, 2);
        QCOMPARE(test::runCli({u"bench"_s, u"--set"_s, u"operations=1"_s, u"cache-basic-ops"_s}).exitCode, 2);
        QCOMPARE(test::runCli({u"bench"_s, u"--target"_s, u"redis://127.0.0.1:1"_s, u"--no-save"_s}).exitCode, 3);

        QTemporaryDir dir;
        const QString json = dir.filePath(u"out.json"_s);
        const auto run = test::runCli({u"bench"_s, u"cache-basic-ops"_s, u"geospatial-queries"_s, u"--target"_s,
                                       m_redis.endpoint().displayUri(), u"--json"_s, json, u"--db"_s,
                                       dir.filePath(u"db.sqlite"_s), u"--set"_s, u"operations=50"_s, u"--set"_s,
                                       u"geospatial-queries.points=500"_s, u"--set"_s, u"queries=5"_s},
                                      30000);
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("== Cache basic operations (cache-basic-ops): completed"));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto doc = nlohmann::json::parse(file.readAll().toStdString());
        QCOMPARE(doc["schema"].get<std::string>(), std::string("cache-workbench/benchmarks"));
        QCOMPARE(doc["results"].size(), size_t(2));
        const auto &first = doc["results"][0];
        QCOMPARE(first["operations"][0]["count"].get<int>(), 50);
        QCOMPARE(first["parameters"]["operations"].get<double>(), 50.0);
        QCOMPARE(doc["results"][1]["parameters"]["points"].get<double>(), 500.0);
        QVERIFY(first.contains("keyMetrics") && first["server"].contains("ioThreads"));
        QCOMPARE(dbSize(), 0);
    }

    void cancel()
    {
        std::atomic<bool> cancel{true};
        auto benchmark = createBenchmark(u"concurrent-reads"_s);
        BenchmarkContext context;
        context.endpoint = m_redis.endpoint();
        context.cancel = &cancel;
        const auto r = runBenchmark(*benchmark, context);
        QCOMPARE(r.status, BenchmarkStatus::Cancelled);
        QCOMPARE(dbSize(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBenchmarks)
#include "tst_benchmarks.moc"
