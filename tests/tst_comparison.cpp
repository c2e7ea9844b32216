// Run comparison: direction-aware verdicts, the threshold, rates, latency from histograms and
// metrics a source did not measure.

#include "store/comparison.h"

#include <QTest>

#include <random>

using namespace Qt::Literals::StringLiterals;

namespace {

// Reads and writes with lognormal latencies around `medianUs`; `opsPerSec` successful ops/s.
cwb::RunResult makeRun(double medianUs, double opsPerSec, uint64_t errors = 0, double hitRate = 0.8)
{
    using namespace cwb;
    RunResult r;
    r.runId = u"run-%1-%2"_s.arg(medianUs).arg(opsPerSec);
    r.config.testName = u"cmp"_s;
    r.target = u"redis://a:1"_s;
    r.status = RunStatus::Completed;
    r.measuredSec = 10;
    std::mt19937_64 rng(99);
    std::lognormal_distribution<double> lat(std::log(medianUs * 1000.0), 0.4);
    const uint64_t total = uint64_t(opsPerSec * r.measuredSec);
    OpCounters &reads = r.totals.op(OpType::Read);
    OpCounters &writes = r.totals.op(OpType::Write);
    for (uint64_t i = 0; i < total; ++i)
        (i % 5 == 0 ? writes : reads).latency.record(uint64_t(lat(rng)));
    reads.count = reads.latency.count();
    writes.count = writes.latency.count() + errors;
    writes.errors = errors;
    reads.hits = uint64_t(double(reads.count) * hitRate);
    reads.misses = reads.count - reads.hits;
    r.server.usedMemoryPeak = 10'000'000;
    r.client.cpuUserSec = 1;
    return r;
}

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT

private slots:
    void identicalRunsAreUnchanged();
    void slowerRunRegresses();
    void fasterRunImproves();
    void thresholdDecides();
    void errorRateUsesAFloor();
    void latencyComesFromHistogramsNotSeries();
    void notMeasuredIsNotComparable();
};

void TestComparison::identicalRunsAreUnchanged()
{
    const cwb::RunResult a = makeRun(200, 1000);
    const cwb::Comparison c = cwb::compareRuns(a, a);
    QCOMPARE(c.overall, cwb::Verdict::Unchanged);
    for (const cwb::MetricDelta &m : c.metrics)
        QVERIFY2(m.verdict == cwb::Verdict::Unchanged, qPrintable(m.key));
    QVERIFY(c.find(u"read.p99Us"_s));
    QVERIFY(!c.find(u"delete.p99Us"_s)); // no deletes in either run
}

void TestComparison::slowerRunRegresses()
{
    const cwb::RunResult base = makeRun(200, 1000);
    const cwb::RunResult slow = makeRun(300, 1000);
    const cwb::Comparison c = cwb::compareRuns(slow, base);
    QCOMPARE(c.overall, cwb::Verdict::Regressed);
    for (const char *key : {"p50Us", "p95Us", "p99Us", "read.p99Us"}) {
        const cwb::MetricDelta *m = c.find(QLatin1String(key));
        QVERIFY(m);
        QCOMPARE(m->verdict, cwb::Verdict::Regressed);
        QVERIFY(m->deltaPercent > 40 && m->deltaPercent < 60); // 1.5x, within histogram precision
        QVERIFY(!m->higherIsBetter);
    }
    QCOMPARE(c.find(u"throughput"_s)->verdict, cwb::Verdict::Unchanged);
    QCOMPARE(c.runId, slow.runId);
    QCOMPARE(c.againstId, base.runId);
}

void TestComparison::fasterRunImproves()
{
    const cwb::RunResult base = makeRun(200, 1000);
    const cwb::RunResult better = makeRun(200, 1500);
    cwb::Comparison c = cwb::compareRuns(better, base);
    QCOMPARE(c.find(u"throughput"_s)->verdict, cwb::Verdict::Improved);
    QVERIFY(c.find(u"throughput"_s)->higherIsBetter);
    QCOMPARE(c.overall, cwb::Verdict::Improved);
    // And the other way round: less throughput is a regression.
    c = cwb::compareRuns(base, better);
    QCOMPARE(c.find(u"throughput"_s)->verdict, cwb::Verdict::Regressed);
    QCOMPARE(c.overall, cwb::Verdict::Regressed);
}

void TestComparison::thresholdDecides()
{
    const cwb::RunResult base = makeRun(200, 1000);
    const cwb::RunResult slow = makeRun(230, 1000); // ~15% slower
    QCOMPARE(cwb::compareRuns(slow, base, 10).find(u"p50Us"_s)->verdict, cwb::Verdict::Regressed);
    QCOMPARE(cwb::compareRuns(slow, base, 20).find(u"p50Us"_s)->verdict, cwb::Verdict::Unchanged);
    QCOMPARE(cwb::compareRuns(slow, base, 20).overall, cwb::Verdict::Unchanged);
    QCOMPARE(cwb::compareRuns(slow, base, 20).thresholdPercent, 20.0);
}

void TestComparison::errorRateUsesAFloor()
{
    const cwb::RunResult clean = makeRun(200, 1000, 0);
    const cwb::RunResult oneError = makeRun(200, 1000, 1);   // 1 in 10,000: 0.01 points
    const cwb::RunResult failing = makeRun(200, 1000, 500);  // ~5%
    QCOMPARE(cwb::compareRuns(oneError, clean).find(u"errorRate"_s)->verdict, cwb::Verdict::Unchanged);
    const cwb::Comparison c = cwb::compareRuns(failing, clean);
    QCOMPARE(c.find(u"errorRate"_s)->verdict, cwb::Verdict::Regressed);
    QCOMPARE(c.overall, cwb::Verdict::Regressed);
    QCOMPARE(cwb::compareRuns(clean, failing).find(u"errorRate"_s)->verdict, cwb::Verdict::Improved);
    // Hit rate: higher is better.
    QCOMPARE(cwb::compareRuns(makeRun(200, 1000, 0, 0.5), clean).find(u"hitRate"_s)->verdict, cwb::Verdict::Regressed);
}

void TestComparison::latencyComesFromHistogramsNotSeries()
{
    cwb::RunResult base = makeRun(200, 1000);
    cwb::RunResult same = makeRun(200, 1000);
    // Per-second p99 figures that would say "5x slower" if averaged: the histograms say equal.
    for (int s = 0; s < 10; ++s) {
        cwb::SecondSample a;
        a.p99Us = 500;
        base.series.push_back(a);
        a.p99Us = 2500;
        same.series.push_back(a);
    }
    const cwb::Comparison c = cwb::compareRuns(same, base);
    QCOMPARE(c.find(u"p99Us"_s)->verdict, cwb::Verdict::Unchanged);
    const cwb::LatencyHistogram merged = base.total().latency;
    QCOMPARE(*c.find(u"p99Us"_s)->baseline, double(merged.percentileNs(99)) / 1000.0);
}

void TestComparison::notMeasuredIsNotComparable()
{
    cwb::StoredRun imported;
    imported.meta.source = u"redis-benchmark"_s;
    imported.result.runId = u"imported"_s;
    imported.result.status = cwb::RunStatus::Completed; // as the importers store them
    imported.meta.sourceMetrics = {{"throughput", 1000.0},
                                   {"maxUs", 9000.0},
                                   {"byOp", {{"read", {{"throughput", 800.0}, {"p50Us", 150.0}, {"p95Us", 300.0}, {"p99Us", 900.0}}}}}};
    cwb::StoredRun workbench;
    workbench.result = makeRun(200, 1000);
    const cwb::Comparison c = cwb::compareRuns(workbench, imported);
    QCOMPARE(c.find(u"p50Us"_s)->verdict, cwb::Verdict::NotComparable);
    QCOMPARE(c.find(u"errorRate"_s)->verdict, cwb::Verdict::NotComparable);
    QCOMPARE(c.find(u"hitRate"_s)->verdict, cwb::Verdict::NotComparable);
    QCOMPARE(c.find(u"throughput"_s)->verdict, cwb::Verdict::Unchanged);
    // Per-op figures the source did give are compared: read p50 200 µs vs 150 µs.
    QVERIFY(c.find(u"read.p50Us"_s));
    QCOMPARE(c.find(u"read.p50Us"_s)->verdict, cwb::Verdict::Regressed);
    QVERIFY(!c.find(u"write.p50Us"_s)); // the import has no writes
    QCOMPARE(c.overall, cwb::Verdict::Regressed);

    cwb::StoredRun empty;
    empty.meta.source = u"memtier"_s;
    QCOMPARE(cwb::compareRuns(empty, empty).overall, cwb::Verdict::NotComparable);

    // A stopped run is never judged, however its figures compare, and the reason names it.
    cwb::StoredRun stopped;
    stopped.result = makeRun(100, 2000);
    stopped.result.status = cwb::RunStatus::Stopped;
    const cwb::Comparison refused = cwb::compareRuns(stopped, workbench);
    QCOMPARE(refused.overall, cwb::Verdict::NotComparable);
    QVERIFY(refused.notComparableReason.contains(stopped.result.runId));
    QVERIFY(refused.notComparableReason.contains(u"stopped"_s));
    QCOMPARE(refused.find(u"throughput"_s)->verdict, cwb::Verdict::Improved); // still listed
}

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
