// Importers: the committed redis-benchmark output (real runs, see tests/data) and a memtier
// --json-out-file document; figures kept as the tool reported them, gaps named.

#include "store/comparison.h"
#include "store/importers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestImporters : public QObject
{
    Q_OBJECT

private slots:
    void redisBenchmarkCsv();
    void redisBenchmarkBadInput_data();
    void redisBenchmarkBadInput();
    void memtierJson();
    void memtierBadInput();
    void compareImportedRuns();
};

void TestImporters::redisBenchmarkCsv()
{
    const cwb::ImportResult r = cwb::importRunFile(cwb::ImportFormat::RedisBenchmark,
                                                   QStringLiteral(CWB_TEST_DATA_DIR "/redis-benchmark-set-get.csv"),
                                                   u"set-get"_s, u"redis://127.0.0.1:6379"_s);
    QVERIFY2(r.run, qPrintable(r.error));
    const cwb::StoredRun &run = *r.run;
    QCOMPARE(run.meta.source, u"redis-benchmark"_s);
    QCOMPARE(run.meta.sourceFile, u"redis-benchmark-set-get.csv"_s);
    QCOMPARE(run.result.config.testName, u"set-get"_s);
    QCOMPARE(run.result.target, u"redis://127.0.0.1:6379"_s);
    const cwb::RunMetrics m = cwb::runMetrics(run);
    // The file's figures, converted from ms to µs: SET 49751.24 rps p50 0.231 p99 0.511 max 10.807.
    const cwb::OpMetrics &w = m.byOp[size_t(cwb::OpType::Write)];
    QCOMPARE(*w.throughput, 49751.24);
    QCOMPARE(*w.p50Us, 231.0);
    QCOMPARE(*w.p95Us, 351.0);
    QCOMPARE(*w.p99Us, 511.0);
    QCOMPARE(*w.maxUs, 10807.0);
    const cwb::OpMetrics &g = m.byOp[size_t(cwb::OpType::Read)];
    QCOMPARE(*g.throughput, 35335.69);
    QCOMPARE(*g.p99Us, 5959.0);
    // Overall: harmonic mean of equal-n tests; max = max of maxima; percentiles not mergeable.
    QVERIFY(qAbs(*m.throughput - 2.0 / (1 / 49751.24 + 1 / 35335.69)) < 1e-6);
    QCOMPARE(*m.maxUs, 43359.0);
    QVERIFY(!m.p50Us && !m.p99Us && !m.errorRate && !m.hitRate);
    for (const char *k : {"p50Us", "p99Us", "errorRate", "hitRate", "serverMemory", "histograms"})
        QVERIFY2(run.meta.notMeasured.contains(QLatin1String(k)), k);
    QCOMPARE(run.meta.sourceMetrics["tests"].size(), size_t(2));
}

void TestImporters::redisBenchmarkBadInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("plain output") << QByteArray("SET: 49751.24 requests per second\n") << u"line 1"_s;
    QTest::newRow("short row") << QByteArray("\"test\",\"rps\",\"avg_latency_ms\",\"min_latency_ms\",\"p50_latency_ms\",\"p95_latency_ms\",\"p99_latency_ms\",\"max_latency_ms\"\n\"SET\",\"1\"\n")
                               << u"line 2: expected 8 fields"_s;
    QTest::newRow("not a number") << QByteArray("\"test\",\"rps\",\"avg_latency_ms\",\"min_latency_ms\",\"p50_latency_ms\",\"p95_latency_ms\",\"p99_latency_ms\",\"max_latency_ms\"\n\"SET\",\"fast\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\"\n")
                                  << u"rps is not a number"_s;
    QTest::newRow("negative rate") << QByteArray("\"test\",\"rps\",\"avg_latency_ms\",\"min_latency_ms\",\"p50_latency_ms\",\"p95_latency_ms\",\"p99_latency_ms\",\"max_latency_ms\"\n\"SET\",\"-5000\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\"\n")
                                   << u"line 2: rps is negative (\"-5000\")"_s;
    QTest::newRow("negative latency") << QByteArray("\"test\",\"rps\",\"avg_latency_ms\",\"min_latency_ms\",\"p50_latency_ms\",\"p95_latency_ms\",\"p99_latency_ms\",\"max_latency_ms\"\n\"SET\",\"5000\",\"1\",\"1\",\"1\",\"1\",\"-0.5\",\"1\"\n")
                                      << u"p99_latency_ms is negative"_s;
}

void TestImporters::redisBenchmarkBadInput()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const cwb::ImportResult r = cwb::importRedisBenchmarkCsv(data);
    QVERIFY(!r.run);
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
}

// tests/data/memtier-all-stats.json follows memtier_benchmark's --json-out-file layout (written
// by hand: memtier_benchmark is not packaged in Debian 12).
void TestImporters::memtierJson()
{
    const cwb::ImportResult r = cwb::importRunFile(cwb::ImportFormat::Memtier, QStringLiteral(CWB_TEST_DATA_DIR "/memtier-all-stats.json"));
    QVERIFY2(r.run, qPrintable(r.error));
    const cwb::StoredRun &run = *r.run;
    QCOMPARE(run.meta.source, u"memtier"_s);
    QCOMPARE(run.result.config.testName, u"memtier"_s);
    QCOMPARE(run.result.target, u"unknown"_s);
    QCOMPARE(run.result.measuredSec, 2.35);
    QCOMPARE(run.result.startedAt.toMSecsSinceEpoch(), qint64(1764355200000));
    const cwb::RunMetrics m = cwb::runMetrics(run);
    QCOMPARE(*m.throughput, 85106.38);
    QCOMPARE(*m.p50Us, 207.0);
    QCOMPARE(*m.p99Us, 575.0);
    QCOMPARE(*m.p999Us, 1631.0);
    QCOMPARE(*m.maxUs, 5375.0);
    QCOMPARE(*m.ops, qint64(200000));
    QVERIFY(qAbs(*m.hitRate - 3871.60 / (3871.60 + 73497.76)) < 1e-12);
    QVERIFY(!m.p95Us); // memtier was asked for 50/99/99.9 only
    QVERIFY(run.meta.notMeasured.contains(u"p95Us"_s));
    QVERIFY(run.meta.notMeasured.contains(u"errorRate"_s));
    QCOMPARE(*m.byOp[size_t(cwb::OpType::Read)].throughput, 77369.36);
    QCOMPARE(*m.byOp[size_t(cwb::OpType::Write)].p99Us, 591.0);
    QCOMPARE(*m.byOp[size_t(cwb::OpType::Write)].count, qint64(18182));
}

void TestImporters::memtierBadInput()
{
    QVERIFY(cwb::importMemtierJson("not json").error.contains(u"not JSON"_s));
    QVERIFY(cwb::importMemtierJson("{\"configuration\":{}}").error.contains(u"ALL STATS"_s));
    QVERIFY(cwb::importMemtierJson("{\"ALL STATS\":{\"Totals\":{}}}").error.contains(u"Ops/sec"_s));
    QVERIFY(cwb::importRunFile(cwb::ImportFormat::Memtier, u"/no/such/file.json"_s).error.contains(u"cannot read"_s));
    // A negative rate is named as such, not as "not a number".
    const QString negative = cwb::importMemtierJson(R"({"ALL STATS": {"Totals": {"Ops/sec": -12.5}}})").error;
    QVERIFY2(negative.contains(u"\"Ops/sec\" is negative (-12.5)"_s), qPrintable(negative));
    // Strict JSON: a key twice, content after a NUL byte, a file over 1 MiB.
    const QString twice = cwb::importMemtierJson(R"({"ALL STATS": {"Totals": {"Ops/sec": 10, "Ops/sec": 99999}}})").error;
    QVERIFY2(twice.contains(u"duplicate key 'ALL STATS.Totals.Ops/sec'"_s), qPrintable(twice));
    QByteArray withNul = R"({"ALL STATS": {"Totals": {"Ops/sec": 10}}})";
    withNul.append('\0');
    QVERIFY(cwb::importMemtierJson(withNul).error.contains(u"NUL byte"_s));
    QTemporaryDir dir;
    QFile big(dir.filePath(u"big.json"_s));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(2 * 1024 * 1024, ' '));
    big.close();
    const QString tooBig = cwb::importRunFile(cwb::ImportFormat::Memtier, big.fileName()).error;
    QVERIFY2(tooBig.contains(u"at most 1 MiB"_s), qPrintable(tooBig));
}

// Both fixtures are real redis-benchmark runs; the second used 64 KiB values and is slower.
void TestImporters::compareImportedRuns()
{
    const auto fast = cwb::importRunFile(cwb::ImportFormat::RedisBenchmark, QStringLiteral(CWB_TEST_DATA_DIR "/redis-benchmark-set-get.csv"));
    const auto slow = cwb::importRunFile(cwb::ImportFormat::RedisBenchmark,
                                         QStringLiteral(CWB_TEST_DATA_DIR "/redis-benchmark-set-get-64k-values.csv"));
    QVERIFY(fast.run && slow.run);
    const cwb::Comparison c = cwb::compareRuns(*slow.run, *fast.run);
    QCOMPARE(c.overall, cwb::Verdict::Regressed);
    QCOMPARE(c.find(u"throughput"_s)->verdict, cwb::Verdict::Regressed);
    QCOMPARE(c.find(u"write.throughput"_s)->verdict, cwb::Verdict::Regressed);
    QCOMPARE(c.find(u"p99Us"_s)->verdict, cwb::Verdict::NotComparable);
    QCOMPARE(cwb::compareRuns(*fast.run, *fast.run).overall, cwb::Verdict::Unchanged);
}

QTEST_GUILESS_MAIN(TestImporters)
#include "tst_importers.moc"
