// The result store: round trips, listing, baselines, suites, migration from a file written by
// schema v1, files that are not ours left alone, a damaged store of ours moved aside, a lock held
// by another process, alerts, benchmarks, monitoring retention.

#include "testsupport.h"

#include "store/asyncresultstore.h"
#include "store/resultstore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace Qt::Literals::StringLiterals;

namespace {

// A run with real-shaped content: lognormal latencies in the histograms, a per-second series,
// server and client observations. `scale` multiplies latencies.
cwb::RunResult makeRun(const QString &testName, const QString &target, int seconds, double scale = 1.0,
                       const QDateTime &started = QDateTime::currentDateTimeUtc())
{
    using namespace cwb;
    RunResult r;
    r.config.testName = testName;
    r.config.concurrentUsers = 7;
    r.config.keyPrefix = u"cwb:test:"_s;
    r.target = target;
    r.startedAt = started;
    r.finishedAt = started.addSecs(seconds);
    r.status = RunStatus::Completed;
    r.measuredSec = seconds;
    std::mt19937_64 rng(7);
    std::lognormal_distribution<double> lat(std::log(150000.0 * scale), 0.6);
    for (int op = 0; op < kOpTypeCount; ++op) {
        OpCounters &c = r.totals.ops[size_t(op)];
        const int n = op == 0 ? 5000 : 700 - 150 * op;
        for (int i = 0; i < n; ++i)
            c.latency.record(uint64_t(lat(rng)));
        c.count = uint64_t(n) + 3;
        c.errors = 3;
        c.errorsByKind[size_t(RedisErrorKind::Timeout)] = 3;
    }
    r.totals.op(OpType::Read).hits = 4000;
    r.totals.op(OpType::Read).misses = 1000;
    r.totals.reconnects = 2;
    r.totals.bytesSent = 123456;
    r.totals.bytesReceived = 654321;
    for (int s = 0; s < seconds; ++s) {
        SecondSample x;
        x.t = s + 1;
        x.ops = 100 + uint64_t(s);
        x.errors = uint64_t(s % 2);
        x.opsByType = {70, 20, 5, uint64_t(5 + s)};
        x.hits = 50;
        x.misses = 20;
        x.p50Us = 150 + s;
        x.p95Us = 300 + s;
        x.p99Us = 900 + s;
        x.maxUs = 5000 + s;
        x.clientCpuPercent = 12.5;
        x.clientRssBytes = 50'000'000 + s;
        x.serverUsedMemory = 2'000'000 + s * 10;
        x.serverCpuPercent = 33.25;
        x.connectedUsers = 7;
        r.series.push_back(x);
    }
    r.server.version = u"7.0.15"_s;
    r.server.mode = u"standalone"_s;
    r.server.usedMemoryBefore = 1'000'000;
    r.server.usedMemoryAfter = 2'500'000;
    r.server.usedMemoryPeak = 3'000'000;
    r.server.cpuSeconds = 1.5;
    r.server.keyspaceHits = 4000;
    r.server.keyspaceMisses = 1000;
    r.client.cpuUserSec = 0.75;
    r.client.cpuSystemSec = 0.25;
    r.client.rssPeak = 60'000'000;
    r.client.workerThreads = 2;
    r.keysCleanedUp = 42;
    return r;
}

} // namespace

class TestResultStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void pathResolution();
    void roundTrip();
    void replaceAndDelete();
    void listFilterAndPrefix();
    void baselineUniquePerTestAndTarget();
    void suites();
    void migratesFileWrittenBySchemaV1();
    void fileNotOursIsLeftAlone_data();
    void fileNotOursIsLeftAlone();
    void damagedStoreOfOursMovedAside();
    void lockedStoreIsNotDamaged();
    void benchmarkResults();
    void alertsAndHistory();
    void monitoringRetention();
    void asyncStoreWorksOffThread();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(u"results.sqlite"_s); }
};

void TestResultStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestResultStore::pathResolution()
{
    QCOMPARE(cwb::ResultStore::resolveStorePath(u"/x/explicit.sqlite"_s), u"/x/explicit.sqlite"_s);
    qputenv("CWB_DB_PATH", "/x/from-env.sqlite");
    QCOMPARE(cwb::ResultStore::resolveStorePath(), u"/x/from-env.sqlite"_s);
    qunsetenv("CWB_DB_PATH");
    QVERIFY(cwb::ResultStore::resolveStorePath().endsWith(u"/results.sqlite"_s));
}

void TestResultStore::roundTrip()
{
    cwb::ResultStore store;
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QCOMPARE(store.schemaVersion(), cwb::ResultStore::kSchemaVersion);
    QVERIFY(store.recoveryMessage().isEmpty());
    cwb::RunResult run = makeRun(u"roundtrip"_s, u"redis://127.0.0.1:7001"_s, 30);
    run.failureReason = u"none, \"quoted\""_s;
    // A distributed run's breakdown, a lost agent with its reason among them.
    cwb::AgentSummary lost;
    lost.agent = u"gen-2"_s;
    lost.state = u"lost"_s;
    lost.lost = true;
    lost.users = 3;
    lost.operations = 1234;
    lost.errors = 5;
    lost.p99Us = 812.5;
    lost.failureReason = u"agent gen-2 was lost mid-run"_s;
    run.agents = {lost};
    const QString id = store.saveRun(run);
    QVERIFY2(!id.isEmpty(), qPrintable(store.lastError()));

    const auto loaded = store.loadRun(id);
    QVERIFY2(loaded, qPrintable(store.lastError()));
    const cwb::RunResult &r = loaded->result;
    QCOMPARE(r.runId, id);
    QCOMPARE(r.config, run.config);
    QCOMPARE(r.target, run.target);
    QCOMPARE(r.startedAt.toMSecsSinceEpoch(), run.startedAt.toMSecsSinceEpoch());
    QCOMPARE(r.finishedAt.toMSecsSinceEpoch(), run.finishedAt.toMSecsSinceEpoch());
    QCOMPARE(r.status, run.status);
    QCOMPARE(r.failureReason, run.failureReason);
    QCOMPARE(r.measuredSec, run.measuredSec);
    for (int op = 0; op < cwb::kOpTypeCount; ++op) {
        const auto &a = r.totals.ops[size_t(op)];
        const auto &b = run.totals.ops[size_t(op)];
        QCOMPARE(a.count, b.count);
        QCOMPARE(a.errors, b.errors);
        QCOMPARE(a.errorsByKind, b.errorsByKind);
        QCOMPARE(a.hits, b.hits);
        QCOMPARE(a.misses, b.misses);
        QVERIFY2(a.latency == b.latency, "histogram differs after the round trip");
    }
    QCOMPARE(r.totals.reconnects, run.totals.reconnects);
    QCOMPARE(r.totals.bytesSent, run.totals.bytesSent);
    QCOMPARE(r.series.size(), run.series.size());
    for (size_t i = 0; i < run.series.size(); ++i) {
        const auto &a = r.series[i];
        const auto &b = run.series[i];
        QCOMPARE(a.t, b.t);
        QCOMPARE(a.ops, b.ops);
        QCOMPARE(a.errors, b.errors);
        QCOMPARE(a.opsByType, b.opsByType);
        QCOMPARE(a.p99Us, b.p99Us);
        QCOMPARE(a.maxUs, b.maxUs);
        QCOMPARE(a.clientRssBytes, b.clientRssBytes);
        QCOMPARE(a.serverUsedMemory, b.serverUsedMemory);
        QCOMPARE(a.serverCpuPercent, b.serverCpuPercent);
        QCOMPARE(a.connectedUsers, b.connectedUsers);
    }
    QCOMPARE(r.server.version, run.server.version);
    QCOMPARE(r.server.usedMemoryPeak, run.server.usedMemoryPeak);
    QCOMPARE(r.server.keyspaceMisses, run.server.keyspaceMisses);
    QCOMPARE(r.client.cpuUserSec, run.client.cpuUserSec);
    QCOMPARE(r.client.workerThreads, run.client.workerThreads);
    QCOMPARE(r.keysCleanedUp, run.keysCleanedUp);
    QCOMPARE(r.agents.size(), size_t(1));
    QCOMPARE(r.agents[0].agent, lost.agent);
    QCOMPARE(r.agents[0].state, lost.state);
    QVERIFY(r.agents[0].lost);
    QCOMPARE(r.agents[0].operations, lost.operations);
    QCOMPARE(r.agents[0].failureReason, lost.failureReason);
    QCOMPARE(loaded->meta.source, u"workbench"_s);

    // The summary columns come from the merged histograms.
    const auto rows = store.listRuns();
    QCOMPARE(rows.size(), size_t(1));
    const cwb::LatencyHistogram all = run.total().latency;
    QCOMPARE(rows[0].p99Us, double(all.percentileNs(99)) / 1000.0);
    QCOMPARE(rows[0].throughput, run.throughput());
    QCOMPARE(rows[0].ops, qint64(run.total().count));
    QCOMPARE(rows[0].hitRate, 0.8);
}

void TestResultStore::replaceAndDelete()
{
    cwb::ResultStore store;
    QVERIFY(store.open(dbPath()));
    cwb::RunResult run = makeRun(u"replace"_s, u"redis://h:1"_s, 10);
    run.runId = u"11111111-2222-3333-4444-555555555555"_s;
    QCOMPARE(store.saveRun(run), run.runId);
    run.series.resize(4);
    QCOMPARE(store.saveRun(run), run.runId);
    QCOMPARE(store.loadRun(run.runId)->result.series.size(), size_t(4));
    QCOMPARE(store.countRuns(), 1);

    QVERIFY(store.setBaseline(run.runId));
    QVERIFY2(store.deleteRun(run.runId), qPrintable(store.lastError()));
    QVERIFY(!store.loadRun(run.runId));
    QVERIFY(store.lastError().contains(run.runId));
    QVERIFY(store.baselineFor(u"replace"_s, u"redis://h:1"_s).isEmpty());
    QVERIFY(!store.deleteRun(run.runId));

    // The cascade removed the series and histograms too.
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
    db.setDatabaseName(dbPath());
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT (SELECT count(*) FROM run_series) + (SELECT count(*) FROM run_histograms)"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"check"_s);
}

void TestResultStore::listFilterAndPrefix()
{
    cwb::ResultStore store;
    QVERIFY(store.open(dbPath()));
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-1);
    QStringList ids;
    for (int i = 0; i < 6; ++i) {
        cwb::RunResult r = makeRun(i % 2 ? u"odd-test"_s : u"even_test"_s, i < 3 ? u"redis://a:1"_s : u"redis://b:2"_s, 3,
                                   1.0, t0.addSecs(i * 60));
        r.runId = QStringLiteral("%1aaaaaa-0000-0000-0000-00000000000%2").arg(i < 2 ? u"ab"_s : u"c%1"_s.arg(i)).arg(i);
        ids << store.saveRun(r);
    }
    QCOMPARE(store.countRuns(), 6);
    auto rows = store.listRuns();
    QCOMPARE(rows.size(), size_t(6));
    QCOMPARE(rows.front().runId, ids.last()); // newest first
    QCOMPARE(rows.back().runId, ids.first());

    cwb::RunFilter f;
    f.text = u"ODD"_s; // case-insensitive substring
    QCOMPARE(store.listRuns(f).size(), size_t(3));
    f.text = u"_"_s; // LIKE wildcards are literal
    QCOMPARE(store.listRuns(f).size(), size_t(3));
    f = {};
    f.target = u"redis://b:2"_s;
    QCOMPARE(store.listRuns(f).size(), size_t(3));
    f.testName = u"odd-test"_s;
    QCOMPARE(store.listRuns(f).size(), size_t(2));
    f = {};
    f.limit = 2;
    f.offset = 1;
    rows = store.listRuns(f);
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows[0].runId, ids[4]);

    QCOMPARE(store.resolveRunId(ids[3]), ids[3]);
    QCOMPARE(store.resolveRunId(u"c3"_s), ids[3]);
    QVERIFY(store.resolveRunId(u"ab"_s).isEmpty());
    QVERIFY2(store.lastError().contains(u"ambiguous"_s), qPrintable(store.lastError()));
    QVERIFY(store.resolveRunId(u"zz"_s).isEmpty());
    QVERIFY(store.lastError().contains(u"no run"_s));
}

void TestResultStore::baselineUniquePerTestAndTarget()
{
    cwb::ResultStore store;
    QVERIFY(store.open(dbPath()));
    const QString a = store.saveRun(makeRun(u"t"_s, u"redis://a:1"_s, 2));
    const QString b = store.saveRun(makeRun(u"t"_s, u"redis://a:1"_s, 2));
    const QString c = store.saveRun(makeRun(u"t"_s, u"redis://other:1"_s, 2));
    QVERIFY(store.setBaseline(a));
    QCOMPARE(store.baselineFor(u"t"_s, u"redis://a:1"_s), a);
    QVERIFY(store.setBaseline(b));
    QCOMPARE(store.baselineFor(u"t"_s, u"redis://a:1"_s), b);
    QVERIFY(store.setBaseline(c));
    QCOMPARE(store.listBaselines().size(), size_t(2));
    QVERIFY(store.loadRun(b)->isBaseline);
    QVERIFY(!store.loadRun(a)->isBaseline);
    cwb::RunFilter f;
    f.baselinesOnly = true;
    QCOMPARE(store.listRuns(f).size(), size_t(2));
    QVERIFY(store.clearBaseline(b));
    QVERIFY(store.baselineFor(u"t"_s, u"redis://a:1"_s).isEmpty());
    QCOMPARE(store.baselineFor(u"t"_s, u"redis://other:1"_s), c);
    QVERIFY(!store.setBaseline(u"no-such-run"_s));
}

void TestResultStore::suites()
{
    cwb::ResultStore store;
    QVERIFY(store.open(dbPath()));
    const QString suite = store.createSuite(u"basic"_s);
    QVERIFY(!suite.isEmpty());
    store.saveRun(makeRun(u"one"_s, u"redis://a:1"_s, 2), suite);
    store.saveRun(makeRun(u"two"_s, u"redis://a:1"_s, 2), suite);
    store.saveRun(makeRun(u"alone"_s, u"redis://a:1"_s, 2));
    const auto s = store.suite(suite);
    QVERIFY(s);
    QCOMPARE(s->name, u"basic"_s);
    QCOMPARE(s->runCount, 2);
    cwb::RunFilter f;
    f.suiteId = suite;
    QCOMPARE(store.listRuns(f).size(), size_t(2));
    QCOMPARE(store.resolveSuiteId(suite.left(6)), suite);
    QCOMPARE(store.listSuites().size(), size_t(1));
}

// tests/data/store-v1.sqlite was written by the CLI of schema v1 (one redis-benchmark import,
// one synthetic 5-second run from `store-stress`). Later schemas must open and migrate it.
void TestResultStore::migratesFileWrittenBySchemaV1()
{
    const QString copy = m_dir->filePath(u"old.sqlite"_s);
    QVERIFY(QFile::copy(QStringLiteral(CWB_TEST_DATA_DIR "/store-v1.sqlite"), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    cwb::ResultStore store;
    QVERIFY2(store.open(copy), qPrintable(store.lastError()));
    QVERIFY2(store.recoveryMessage().isEmpty(), qPrintable(store.recoveryMessage()));
    QCOMPARE(store.schemaVersion(), cwb::ResultStore::kSchemaVersion);
    const auto rows = store.listRuns();
    QCOMPARE(rows.size(), size_t(2));
    bool sawImport = false;
    bool sawStress = false;
    for (const cwb::RunRow &row : rows) {
        const auto run = store.loadRun(row.runId);
        QVERIFY2(run, qPrintable(store.lastError()));
        if (row.source == u"redis-benchmark"_s) {
            sawImport = true;
            QCOMPARE(run->meta.sourceMetrics["byOp"]["write"]["throughput"].get<double>(), 49751.24);
        } else {
            sawStress = true;
            QCOMPARE(run->result.series.size(), size_t(5));
            QCOMPARE(run->result.totals.ops[0].latency.count(), uint64_t(2000));
        }
    }
    QVERIFY(sawImport && sawStress);
    // And it is writable at the new schema.
    QVERIFY(!store.saveRun(makeRun(u"after-migration"_s, u"redis://a:1"_s, 2)).isEmpty());
    QVERIFY(store.appendMonitoringSamples({{QDateTime::currentDateTimeUtc(), u"redis://a:1"_s, {{"ops", 1}}}}));
}

void TestResultStore::fileNotOursIsLeftAlone_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("foreignSqlite");
    QTest::newRow("text file") << QByteArray("this is not a database\n") << false;
    QTest::newRow("random bytes") << QByteArray(8192, '\x5a') << false;
    QTest::newRow("sqlite header then garbage") << QByteArray("SQLite format 3\0", 16) + QByteArray(4096, '\x01') << false;
    QTest::newRow("another application's sqlite") << QByteArray() << true;
}

// The store never renames, replaces or writes into a file it did not create: it refuses it
// with a sentence and leaves it byte for byte as it was.
void TestResultStore::fileNotOursIsLeftAlone()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, foreignSqlite);
    if (foreignSqlite) {
        QVERIFY(cwb::test::writeForeignSqlite(dbPath()));
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        content = f.readAll();
    } else {
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }

    cwb::ResultStore store;
    QVERIFY(!store.open(dbPath()));
    QVERIFY2(store.lastError().contains(u"not a Cache Workbench result store"_s), qPrintable(store.lastError()));
    QVERIFY(store.lastError().contains(u"left untouched"_s));
    QVERIFY(store.recoveryMessage().isEmpty());
    QCOMPARE(QDir(m_dir->path()).entryList({u"results.sqlite*"_s}, QDir::Files), QStringList{u"results.sqlite"_s});
    QFile kept(dbPath());
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), content);
    // A folder is no store either.
    QVERIFY(QDir().mkpath(m_dir->filePath(u"folder.sqlite"_s)));
    QVERIFY(!store.open(m_dir->filePath(u"folder.sqlite"_s)));
    QVERIFY2(store.lastError().contains(u"a directory"_s), qPrintable(store.lastError()));
}

// Only a store of our own whose pages are damaged is moved aside (never deleted) and replaced.
void TestResultStore::damagedStoreOfOursMovedAside()
{
    {
        cwb::ResultStore store;
        QVERIFY(store.open(dbPath()));
        for (int i = 0; i < 20; ++i)
            QVERIFY(!store.saveRun(makeRun(u"r%1"_s.arg(i), u"redis://a:1"_s, 30)).isEmpty());
    }
    // Keep the header (it says "ours"), wreck the pages after it.
    QFile f(dbPath());
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(4096));
    f.write(QByteArray(int(f.size() - 4096), '\x5a'));
    f.close();
    QFile wrecked(dbPath());
    QVERIFY(wrecked.open(QIODevice::ReadOnly));
    const QByteArray content = wrecked.readAll();
    wrecked.close();

    cwb::ResultStore store;
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QVERIFY2(store.recoveryMessage().contains(u".corrupt-"_s), qPrintable(store.recoveryMessage()));
    const QStringList aside = QDir(m_dir->path()).entryList({u"results.sqlite.corrupt-*"_s}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QFile moved(m_dir->filePath(aside.first()));
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), content); // kept byte for byte, never deleted
    QVERIFY(!store.saveRun(makeRun(u"fresh"_s, u"redis://a:1"_s, 2)).isEmpty());
    QCOMPARE(store.countRuns(), 1);
    store.close();
    QVERIFY(store.open(dbPath()));
    QVERIFY(store.recoveryMessage().isEmpty());
}

// A lock held by another process is waited for, then reported as a lock: the store is never
// declared damaged for it.
void TestResultStore::lockedStoreIsNotDamaged()
{
    {
        cwb::ResultStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY(!store.saveRun(makeRun(u"kept"_s, u"redis://a:1"_s, 2)).isEmpty());
    }
    cwb::test::Child holder;
    QVERIFY2(holder.start(QStringLiteral(CWB_STORE_HELPER_PATH), {u"lock"_s, dbPath()}), qPrintable(holder.errorString()));
    QCOMPARE(holder.readLine(10000).value_or("(nothing)").trimmed(), QByteArray("locked"));
    cwb::ResultStore store;
    QVERIFY(!store.open(dbPath()));
    QVERIFY2(store.lastError().contains(u"locked by another process"_s), qPrintable(store.lastError()));
    QCOMPARE(QDir(m_dir->path()).entryList({u"results.sqlite.corrupt-*"_s}, QDir::Files).size(), 0);
    holder.closeStdin();
    QVERIFY(holder.waitForFinished(10000));
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QCOMPARE(store.countRuns(), 1);
}

void TestResultStore::benchmarkResults()
{
    cwb::ResultStore store;
    QVERIFY(store.open(dbPath()));
    const nlohmann::json doc{{"benchmark", "pipeline-depth"},
                             {"target", "redis://a:1"},
                             {"startedAt", "2026-01-02T03:04:05.000Z"},
                             {"keyMetrics", {{"throughput", 12345.5}, {"p99Us", 870.0}}},
                             {"points", nlohmann::json::array({1, 2, 3})}};
    const QString id = store.saveBenchmarkResult(doc);
    QVERIFY2(!id.isEmpty(), qPrintable(store.lastError()));
    nlohmann::json other = doc;
    other["benchmark"] = "value-size";
    store.saveBenchmarkResult(other);
    const auto list = store.listBenchmarkResults(u"pipeline-depth"_s);
    QCOMPARE(list.size(), size_t(1));
    QCOMPARE(list[0].throughput, 12345.5);
    QCOMPARE(list[0].p99Us, 870.0);
    QCOMPARE(list[0].p50Us, -1.0);
    QCOMPARE(list[0].startedAt, QDateTime::fromString(u"2026-01-02T03:04:05.000Z"_s, Qt::ISODateWithMs));
    QVERIFY(list[0].doc == doc);
    QCOMPARE(store.listBenchmarkResults().size(), size_t(2));
    QVERIFY(store.saveBenchmarkResult({{"target", "x"}}).isEmpty());
    QVERIFY(store.lastError().contains(u"benchmark"_s));
    QVERIFY(store.deleteBenchmarkResult(id));
    QVERIFY(!store.loadBenchmarkResult(id));
}

void TestResultStore::alertsAndHistory()
{
    cwb::ResultStore store;
    QVERIFY(store.open(dbPath()));
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    cwb::AlertTransition t;
    t.alertId = u"memory-high:redis://a:1"_s;
    t.ruleId = u"memory-high"_s;
    t.labels = {{"target", "redis://a:1"}};
    t.severity = u"warning"_s;
    t.toState = u"pending"_s;
    t.at = t0;
    t.changedBy = u"rule-engine"_s;
    t.message = u"used_memory 91% of maxmemory"_s;
    t.value = 0.91;
    QVERIFY2(store.appendAlertTransition(t), qPrintable(store.lastError()));
    t.fromState = u"pending"_s;
    t.toState = u"firing"_s;
    t.at = t0.addSecs(30);
    QVERIFY(store.appendAlertTransition(t));
    QCOMPARE(store.loadAlerts(true).size(), size_t(1));
    t.fromState = u"firing"_s;
    t.toState = u"resolved"_s;
    t.changedBy = u"alice"_s;
    t.at = t0.addSecs(90);
    QVERIFY(store.appendAlertTransition(t));

    const auto alerts = store.loadAlerts();
    QCOMPARE(alerts.size(), size_t(1));
    QCOMPARE(alerts[0].state, u"resolved"_s);
    QCOMPARE(alerts[0].firstSeen.toMSecsSinceEpoch(), t0.toMSecsSinceEpoch());
    QCOMPARE(alerts[0].updatedAt.toMSecsSinceEpoch(), t0.addSecs(90).toMSecsSinceEpoch());
    QCOMPARE(alerts[0].lastChangedBy, u"alice"_s);
    QVERIFY(alerts[0].labels == t.labels);
    QVERIFY(store.loadAlerts(true).empty());
    const auto history = store.loadAlertHistory(t.alertId);
    QCOMPARE(history.size(), size_t(3));
    QCOMPARE(history[0].transition.toState, u"resolved"_s);
    QCOMPARE(history[2].transition.toState, u"pending"_s);
    QCOMPARE(history[2].transition.value.get<double>(), 0.91);
    cwb::AlertTransition bad;
    QVERIFY(!store.appendAlertTransition(bad));
}

void TestResultStore::monitoringRetention()
{
    cwb::ResultStore store;
    QVERIFY(store.open(dbPath()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<cwb::MonitoringSample> samples;
    for (int day : {10, 8, 3, 1, 0})
        samples.push_back({now.addDays(-day), u"redis://a:1"_s, {{"usedMemory", 1000 + day}, {"opsPerSec", 5.5}}});
    samples.push_back({now.addDays(-9), u"redis://b:2"_s, {{"usedMemory", 7}}});
    QVERIFY2(store.appendMonitoringSamples(samples), qPrintable(store.lastError()));
    auto a = store.loadMonitoringSamples(u"redis://a:1"_s);
    QCOMPARE(a.size(), size_t(5));
    QCOMPARE(a.front().metrics["usedMemory"].get<int>(), 1010); // oldest first
    QCOMPARE(store.loadMonitoringSamples(u"redis://a:1"_s, now.addDays(-4), now.addSecs(-3600)).size(), size_t(2));
    QCOMPARE(store.loadMonitoringSamples({}).size(), size_t(6));

    QCOMPARE(store.purgeMonitoringSamplesOlderThan(now.addDays(-7)), 3);
    a = store.loadMonitoringSamples(u"redis://a:1"_s);
    QCOMPARE(a.size(), size_t(3));
    QCOMPARE(a.front().metrics["usedMemory"].get<int>(), 1003);
    QVERIFY(store.loadMonitoringSamples(u"redis://b:2"_s).empty());
    QCOMPARE(store.purgeMonitoringSamplesOlderThan(now.addDays(-7)), 0);
}

void TestResultStore::asyncStoreWorksOffThread()
{
    cwb::AsyncResultStore async(dbPath());
    QSignalSpy opened(&async, &cwb::AsyncResultStore::opened);
    QSignalSpy saved(&async, &cwb::AsyncResultStore::runSaved);
    QSignalSpy listed(&async, &cwb::AsyncResultStore::runsListed);
    QSignalSpy changed(&async, &cwb::AsyncResultStore::storeChanged);
    const quint64 saveRequest = async.saveRun(makeRun(u"async"_s, u"redis://a:1"_s, 60));
    const quint64 listRequest = async.listRuns();
    QTRY_COMPARE(listed.size(), 1);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved[0][0].value<quint64>(), saveRequest);
    QCOMPARE(listed[0][0].value<quint64>(), listRequest);
    const auto rows = listed[0][1].value<std::shared_ptr<const std::vector<cwb::RunRow>>>();
    QCOMPARE(rows->size(), size_t(1));
    QCOMPARE(rows->front().runId, saved[0][1].toString());
    QCOMPARE(changed.size(), 1);

    // A generic job runs on the worker thread, its result comes back on ours.
    Qt::HANDLE workerThread = nullptr;
    int count = -1;
    async.submit<int>(
        [&workerThread](cwb::ResultStore &store) {
            workerThread = QThread::currentThreadId();
            return store.countRuns();
        },
        [&count](int n) { count = n; });
    QTRY_COMPARE(count, 1);
    QVERIFY(workerThread != QThread::currentThreadId());
}

QTEST_GUILESS_MAIN(TestResultStore)
#include "tst_resultstore.moc"
