// The optimisation experiments against sandbox redis-servers: each test checks a measured
// effect, so a broken experiment (or a broken measurement) fails it.

#include "testsupport.h"

#include "optimize/adaptivettl.h"
#include "optimize/autotuner.h"
#include "optimize/batching.h"
#include "optimize/compression.h"
#include "optimize/hotkeys.h"
#include "optimize/hotkeyscan.h"
#include "optimize/loadstep.h"
#include "optimize/budgetguard.h"
#include "cluster/clusterrouter.h"
#include "redis/redisconnection.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <random>

using namespace Qt::Literals::StringLiterals;

class TestOptimize : public QObject
{
    Q_OBJECT

private slots:
    void hotKeyTrackerKeepsItsErrorBound();
    void pipelineSixteenBeatsDepthOne();
    void compressionOfRepetitiveValuesSavesMemory();
    void hotKeyExperimentFindsPlantedKeys();
    void serverScanSaysWhenPolicyIsNotLfu();
    void experimentsRouteOnACluster();
    void adaptiveTtlStaysWithinBounds();
    void tunerPipelineRecommendationIsAmongTheBest();
    void memoryBudgetIsRespected();
    void budgetGuardTellsShrinkingFromUnreadable();
    void compressionHeadlineSignMatchesItsEvidence();
    void loadStepStaysWithinItsEstimate();
    void cliRejectsBadInput();
};

namespace {
qint64 dbsize(const cwb::SandboxRedis &s)
{
    const auto r = cwb::test::sandboxCommand(s, {"DBSIZE"_ba});
    return r ? r->integer : -1;
}
} // namespace

void TestOptimize::hotKeyTrackerKeepsItsErrorBound()
{
    // A Zipfian stream over 20000 keys: the true top-10 carry far more than N/k each.
    constexpr int kKeys = 20000, kOps = 200000;
    std::vector<double> cdf(kKeys);
    double sum = 0;
    for (int i = 0; i < kKeys; ++i)
        cdf[size_t(i)] = sum += 1.0 / std::pow(i + 1, 1.1);
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> u(0, sum);
    cwb::HotKeyTracker tracker(200);
    std::map<std::string, uint64_t> truth;
    for (int n = 0; n < kOps; ++n) {
        const auto i = std::lower_bound(cdf.begin(), cdf.end(), u(rng)) - cdf.begin();
        const std::string key = "key:" + std::to_string(i);
        ++truth[key];
        tracker.observe(key);
    }
    QCOMPARE(tracker.totalObserved(), uint64_t(kOps));
    QCOMPARE(tracker.errorBound(), uint64_t(kOps / 200));
    const auto top = tracker.top(10);
    QCOMPARE(top.size(), size_t(10));
    for (int i = 0; i < 10; ++i) {
        const cwb::HotKey &h = top[size_t(i)];
        // The planted hot keys are exactly the first ten ranks.
        QCOMPARE(QString::fromStdString(h.key), u"key:%1"_s.arg(i));
        const uint64_t t = truth[h.key];
        QVERIFY2(h.count >= t, "space-saving never underestimates");
        QVERIFY2(h.count - t <= h.error && h.error <= tracker.errorBound(), "overestimate within error <= N/k");
        QVERIFY(h.guaranteed);
    }
    // Weighted observations and the per-key lookup.
    cwb::HotKeyTracker small(2);
    small.observe("a", 5);
    small.observe("b", 1);
    small.observe("c", 1); // replaces b (the minimum): count 2, error 1
    QCOMPARE(small.countOf("a"), uint64_t(5));
    QCOMPARE(small.countOf("b"), uint64_t(0));
    const auto t2 = small.top(2);
    QCOMPARE(t2[1].key, std::string("c"));
    QCOMPARE(t2[1].count, uint64_t(2));
    QCOMPARE(t2[1].error, uint64_t(1));
    QVERIFY(t2[0].guaranteed);   // 5 - 0 > anything unmonitored (<= 2)
    QVERIFY(!t2[1].guaranteed);  // 2 - 1 = 1 is not above the unmonitored bound 2
}

void TestOptimize::pipelineSixteenBeatsDepthOne()
{
    cwb::SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    cwb::ExperimentContext ctx;
    ctx.endpoint = redis.endpoint();
    cwb::PipelineSweepOptions o;
    o.depths = {1, 16};
    o.stepSec = 0.6;
    o.users = 2;
    const cwb::Sweep sweep = cwb::runPipelineSweep(ctx, o);
    QVERIFY2(!sweep.stopped, qPrintable(sweep.stopReason));
    QCOMPARE(sweep.points.size(), size_t(2));
    const double one = sweep.points[0].throughput().mean, sixteen = sweep.points[1].throughput().mean;
    // How much deeper pipelines gain depends on the machine's load (1.49x at load 15 on 2 cores,
    // well over 2x on a quiet one); that they gain does not.
    QVERIFY2(one > 0 && sixteen > one, qPrintable(u"depth 1: %1 ops/s, depth 16: %2 ops/s"_s.arg(one).arg(sixteen)));
    QCOMPARE(dbsize(redis), 0); // the LoadRun cleaned up its prefix
}

void TestOptimize::compressionOfRepetitiveValuesSavesMemory()
{
    cwb::SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    cwb::ExperimentContext ctx;
    ctx.endpoint = redis.endpoint();
    cwb::CompressionOptions o;
    o.sizes = {16384};
    o.kinds = {cwb::PayloadKind::Repetitive, cwb::PayloadKind::Random};
    o.codecs = {cwb::Codec::Zstd, cwb::Codec::Zlib};
    o.keysPerCell = 8;
    o.getsPerCell = 300; // enough GETs for a p50 that a busy machine does not tip over
    const cwb::CompressionResult r = cwb::runCompressionExperiment(ctx, o);
    QVERIFY2(!r.stopped, qPrintable(r.stopReason));
    QCOMPARE(r.cells.size(), size_t(6));
    const cwb::CompressionCell &raw = r.cells[0], &zstd = r.cells[1];
    QCOMPARE(raw.codec, cwb::Codec::None);
    QCOMPARE(zstd.codec, cwb::Codec::Zstd);
    // MEMORY USAGE as the server reports it, not the codec's ratio.
    QVERIFY2(raw.memoryUsage > 16384 && zstd.memoryUsage < raw.memoryUsage / 4,
             qPrintable(u"raw %1 B, zstd %2 B per key"_s.arg(raw.memoryUsage).arg(zstd.memoryUsage)));
    // Whether it *pays* also weighs the measured GET + decompress latency, which depends on
    // the machine; the verdict must follow the documented rule from the measured figures.
    const bool withinLatency = zstd.latencyCostUs <= std::max(o.maxLatencyCost * raw.getP50Us, o.maxLatencyCostUs);
    QCOMPARE(zstd.pays, zstd.memorySaving >= o.minMemorySaving && withinLatency);
    // Random bytes do not compress: no saving, no recommendation for them.
    for (size_t i = 4; i < 6; ++i)
        QVERIFY(!r.cells[i].pays);
    QCOMPARE(r.thresholds[1].second, -1);
    QCOMPARE(dbsize(redis), 0);
    // Codec round trip on every payload kind.
    for (auto kind : {cwb::PayloadKind::Json, cwb::PayloadKind::Random, cwb::PayloadKind::Repetitive}) {
        const QByteArray v = cwb::makePayload(kind, 3000, 5);
        QCOMPARE(v.size(), 3000);
        for (auto codec : {cwb::Codec::Zstd, cwb::Codec::Zlib})
            QCOMPARE(cwb::decompressValue(codec, cwb::compressValue(codec, v), v.size()).value_or(QByteArray()), v);
    }
}

void TestOptimize::hotKeyExperimentFindsPlantedKeys()
{
    cwb::SandboxRedis redis;
    CWB_START_SANDBOX(redis, .maxmemoryBytes = 64 << 20, .maxmemoryPolicy = u"allkeys-lfu"_s);
    cwb::ExperimentContext ctx;
    ctx.endpoint = redis.endpoint();
    cwb::HotKeyExperimentOptions o;
    o.operations = 30000;
    o.keySpace = 800; // below the 1000-key sample, so the planted big values are always seen
    const cwb::HotKeyExperimentResult r = cwb::runHotKeyExperiment(ctx, o);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.totalObserved, uint64_t(30000));
    QVERIFY(r.withinBound);
    QVERIFY2(r.plantedFound >= 8, qPrintable(u"found %1 of the planted top 10"_s.arg(r.plantedFound)));
    QCOMPARE(r.clientTop.front().estimate.key, r.plantedHot.front().toStdString());
    // Server side: LFU counters for the hottest, the planted 64 KiB values as the biggest.
    QVERIFY(r.server.lfu);
    QVERIFY(r.server.note.isEmpty());
    QVERIFY(!r.server.hottest.empty());
    QVERIFY(r.server.hottest.front().freq > 0);
    QVERIFY(r.server.biggest.size() >= 3);
    for (int i = 0; i < 3; ++i)
        QVERIFY(r.server.biggest[size_t(i)].key.contains(":big:"));
    QCOMPARE(dbsize(redis), 0);
}

void TestOptimize::serverScanSaysWhenPolicyIsNotLfu()
{
    cwb::SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    QVERIFY(cwb::test::sandboxCommand(redis, {"SET"_ba, "app:big"_ba, QByteArray(10000, 'x')}));
    QVERIFY(cwb::test::sandboxCommand(redis, {"SET"_ba, "app:small"_ba, "x"_ba}));
    QVERIFY(cwb::test::sandboxCommand(redis, {"SET"_ba, "other:key"_ba, "x"_ba}));
    cwb::ClusterRouter c(redis.endpoint());
    QVERIFY(c.connect());
    const cwb::ServerHotKeyScan s = cwb::scanServerHotKeys(c, u"app:"_s, 100, 10, 10);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QVERIFY(!s.lfu);
    QCOMPARE(s.note, u"server-side frequency needs an LFU policy; current policy: noeviction"_s);
    QCOMPARE(s.scanned, 2); // the prefix only
    QVERIFY(s.hottest.empty());
    QCOMPARE(s.biggest.front().key, "app:big"_ba);
    QVERIFY(s.biggest.front().memoryShare > 0.9);
}

void TestOptimize::experimentsRouteOnACluster()
{
    // Against a 3 + 3 cluster every experiment's command reaches its slot's master: no MOVED
    // errors, the measurements complete, and the cleanup empties every master.
    cwb::SandboxCluster cluster;
    CWB_START_SANDBOX(cluster);
    cwb::ExperimentContext ctx;
    ctx.endpoint = cluster.seed();

    cwb::BatchSweepOptions batch;
    batch.sizes = {1, 10, 50};
    batch.stepSec = 0.2;
    const cwb::Sweep sweep = cwb::runBatchSweep(ctx, batch);
    QVERIFY2(!sweep.stopped, qPrintable(sweep.stopReason));
    QCOMPARE(sweep.points.size(), size_t(3));
    for (const cwb::SweepPoint &p : sweep.points) {
        QCOMPARE(p.errors, uint64_t(0));
        QVERIFY(p.throughput().mean > 0);
    }

    cwb::CompressionOptions zip;
    zip.sizes = {1024};
    zip.kinds = {cwb::PayloadKind::Json};
    zip.codecs = {cwb::Codec::Zstd};
    zip.keysPerCell = 20; // keys of several slots, so several masters
    zip.getsPerCell = 20;
    const cwb::CompressionResult compression = cwb::runCompressionExperiment(ctx, zip);
    QVERIFY2(!compression.stopped, qPrintable(compression.stopReason));
    QCOMPARE(compression.cells.size(), size_t(2));
    QVERIFY(compression.cells[0].memoryUsage > 1024); // MEMORY USAGE answered by each key's master

    cwb::HotKeyExperimentOptions hot;
    hot.operations = 2000;
    hot.keySpace = 200;
    const cwb::HotKeyExperimentResult hotKeys = cwb::runHotKeyExperiment(ctx, hot);
    QVERIFY2(hotKeys.error.isEmpty(), qPrintable(hotKeys.error));
    QVERIFY2(hotKeys.server.error.isEmpty(), qPrintable(hotKeys.server.error));
    QCOMPARE(hotKeys.totalObserved, uint64_t(2000));
    QVERIFY(hotKeys.server.scanned > 0); // keys found on the masters' SCANs
    QVERIFY(hotKeys.server.biggest.size() >= 3);

    const auto nodes = cluster.nodes();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(dbsize(*nodes[size_t(i)]), 0);
}

void TestOptimize::adaptiveTtlStaysWithinBounds()
{
    cwb::TtlReplayOptions o;
    o.durationSec = 1.0;
    o.opsPerSec = 10000;
    o.keySpace = 5000;
    o.maxmemoryBytes = 2 << 20;
    const cwb::TtlResult r = cwb::runTtlExperiment(o);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.policies.size(), size_t(2));
    for (const auto &p : r.policies) {
        QVERIFY(p.reads >= 9000);
        QVERIFY(p.hits > 0 && p.hits < p.reads);
        QVERIFY(p.meanUsedMemory > 0);
    }
    const auto &adaptive = r.policies[1];
    QVERIFY(adaptive.policy.adaptive);
    QVERIFY(adaptive.meanTtlMs >= adaptive.policy.minTtlMs && adaptive.meanTtlMs <= adaptive.policy.maxTtlMs);
    QCOMPARE(r.policies[0].meanTtlMs, double(r.policies[0].policy.fixedTtlMs));
}

void TestOptimize::tunerPipelineRecommendationIsAmongTheBest()
{
    cwb::SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    cwb::TunerOptions o;
    o.budgetSec = 9;
    o.pooling = o.compression = o.ttl = false;
    o.repeats = 2;
    cwb::AutoTuner tuner(redis.endpoint(), o);
    const cwb::TuningReport report = tuner.run();
    QVERIFY2(report.hasPipeline, qPrintable(report.stopReason));
    // Keeping to the time budget is measured in bench/timing_bench, not asserted on a shared machine.
    QVERIFY(report.pipeline.points.size() >= 4);
    const cwb::SweepPoint *bestPoint = nullptr;
    for (const auto &p : report.pipeline.points)
        if (!bestPoint || p.throughput().mean > bestPoint->throughput().mean)
            bestPoint = &p;
    const double best = bestPoint->throughput().mean;
    QCOMPARE(report.recommendations.size(), size_t(1));
    const cwb::Recommendation &rec = report.recommendations.front();
    QCOMPARE(rec.id, u"pipeline"_s);
    const auto point = std::find_if(report.pipeline.points.begin(), report.pipeline.points.end(),
                                    [&](const auto &p) { return QString::number(int(p.parameter)) == rec.value; });
    QVERIFY(point != report.pipeline.points.end());
    // One of the measured best: within 10% of the best mean, or its repeats overlap the best's.
    QVERIFY2(point->throughput().mean >= 0.9 * best || point->throughput().overlaps(bestPoint->throughput()),
             qPrintable(u"recommended %1 at %2 ops/s, best %3"_s.arg(rec.value).arg(point->throughput().mean).arg(best)));
    QVERIFY(rec.gainPercent > 50);
    // Whether the gain stands out of the noise depends on how steady the machine was: on a loaded
    // one the baseline's repeats can reach the recommended depth's. What must hold either way is
    // that the verdict follows the repeats and that only a gain out of the noise becomes a patch.
    const cwb::SweepPoint &baseline = report.pipeline.points.front();
    QCOMPARE(rec.withinNoise, baseline.throughput().overlaps(point->throughput()));
    if (rec.withinNoise) {
        QVERIFY(!report.patch.pipeline.has_value());
        QVERIFY2(rec.confidence.startsWith(u"low"_s), qPrintable(rec.confidence));
    } else {
        QCOMPARE(report.patch.pipeline.value_or(0), rec.value.toInt());
    }

    const nlohmann::json j = cwb::tuningReportToJson(report);
    QCOMPARE(j["schema"].get<std::string>(), std::string("cache-workbench/tuning"));
    QCOMPARE(j["version"].get<int>(), 1);
    QCOMPARE(j["configPatch"].contains("pipeline"), report.patch.pipeline.has_value());
    if (report.patch.pipeline)
        QCOMPARE(j["configPatch"]["pipeline"].get<int>(), rec.value.toInt());
    QCOMPARE(dbsize(redis), 0);
}

void TestOptimize::memoryBudgetIsRespected()
{
    cwb::SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    cwb::TunerOptions o;
    o.budgetSec = 8;
    o.memoryBudgetBytes = 400 * 1024; // far too small for 64 KiB compression cells
    o.pooling = o.ttl = false;
    o.repeats = 1;
    cwb::AutoTuner tuner(redis.endpoint(), o);
    const cwb::TuningReport report = tuner.run();
    QVERIFY(report.memoryBudgetHit);
    QCOMPARE(report.status, u"partial"_s);
    QVERIFY2(report.notes.join(u" "_s).contains(u"memory budget"_s), qPrintable(report.notes.join(u" | "_s)));
    qInfo("peak growth %lld B of a %lld B budget", static_cast<long long>(report.usedMemoryPeakDelta),
          static_cast<long long>(o.memoryBudgetBytes));
    QVERIFY2(report.usedMemoryPeakDelta <= o.memoryBudgetBytes,
             qPrintable(u"peak growth %1 B, budget %2 B"_s.arg(report.usedMemoryPeakDelta).arg(o.memoryBudgetBytes)));
    QCOMPARE(dbsize(redis), 0);
    // It still measured what fitted.
    QVERIFY(report.hasCompression);
}

// Memory that fell below the start value is room, not "cannot read"; a server that does not
// answer is "cannot read".
void TestOptimize::budgetGuardTellsShrinkingFromUnreadable()
{
    cwb::SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    for (int i = 0; i < 200; ++i)
        cwb::test::sandboxCommand(redis, {"SET"_ba, "app:big:"_ba + QByteArray::number(i), QByteArray(10000, 'v')});
    cwb::BudgetGuard guard(redis.endpoint(), 1 << 20);
    QVERIFY(guard.start());
    for (int i = 0; i < 200; ++i)
        cwb::test::sandboxCommand(redis, {"DEL"_ba, "app:big:"_ba + QByteArray::number(i)});
    const std::optional<qint64> delta = guard.currentDelta();
    QVERIFY(delta.has_value());
    QVERIFY2(*delta < 0, qPrintable(QString::number(*delta)));
    QString reason;
    QVERIFY2(guard.allows(100000, &reason), qPrintable(reason));
    QVERIFY(guard.headroom() > 800000);
    QVERIFY(!guard.allows(2 << 20, &reason)); // the budget still holds
    QVERIFY2(reason.contains(u"would be exceeded"_s), qPrintable(reason));
    redis.stop();
    QVERIFY(!guard.currentDelta().has_value());
    QVERIFY(!guard.allows(1000, &reason));
    QVERIFY2(reason.contains(u"could not be read"_s), qPrintable(reason));
}

// "memory usage -45%" above "MEMORY USAGE -45%": the headline's sign is the evidence's. The
// latency part of the rule is opened wide so that the verdict rests on memory alone (what a busy
// machine does to GET latency is not this test's subject).
void TestOptimize::compressionHeadlineSignMatchesItsEvidence()
{
    cwb::SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    cwb::ExperimentContext ctx;
    ctx.endpoint = redis.endpoint();
    cwb::CompressionOptions o;
    o.sizes = {2048, 16384};
    o.kinds = {cwb::PayloadKind::Json};
    o.codecs = {cwb::Codec::Zstd};
    o.keysPerCell = 8;
    o.getsPerCell = 20;
    o.maxLatencyCostUs = 1e9;
    const cwb::CompressionResult result = cwb::runCompressionExperiment(ctx, o);
    QVERIFY2(!result.stopped, qPrintable(result.stopReason));
    const cwb::Recommendation rec = cwb::compressionRecommendation(result);
    QVERIFY2(rec.value != u"off"_s, qPrintable(rec.evidence)); // json-like values compress
    QCOMPARE(rec.metric, u"memory usage"_s);
    QVERIFY2(rec.gainPercent < 0, qPrintable(QString::number(rec.gainPercent)));
    const QString largest = u"%1%"_s.arg(rec.gainPercent, 0, 'f', 1);
    QVERIFY2(rec.evidence.contains(largest), qPrintable(largest + u" not in: "_s + rec.evidence));
    QCOMPARE(dbsize(redis), 0);
}

void TestOptimize::loadStepStaysWithinItsEstimate()
{
    // The budget checks admit a load step by loadStepMemoryEstimate(), so that estimate must bound
    // what the step really takes, whatever the scheduling: its users' and its own connections
    // with their buffers at the pipeline depth, and its keys. Observed here by the guard's own
    // watcher, the same readings memoryBudgetIsRespected's peak comes from.
    cwb::SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    cwb::BudgetGuard guard(redis.endpoint(), 0); // unlimited, but watching
    QString error;
    QVERIFY2(guard.start(&error), qPrintable(error));
    cwb::ExperimentContext ctx;
    ctx.endpoint = redis.endpoint();
    ctx.memory = &guard;
    cwb::LoadStepOptions step;
    step.durationSec = 1;
    step.users = 4;
    step.pipeline = 128;
    step.valueSize = 128;
    step.keySpace = 420;
    const cwb::LoadStepResult result = cwb::runLoadStep(ctx, step);
    QVERIFY2(result.ok, qPrintable(result.error));
    const qint64 estimate = cwb::loadStepMemoryEstimate(step);
    qInfo("peak used_memory growth %lld B, estimate %lld B", static_cast<long long>(guard.peakDelta()),
          static_cast<long long>(estimate));
    QVERIFY(guard.peakDelta() > 0);
    QVERIFY2(guard.peakDelta() <= estimate,
             qPrintable(u"peak growth %1 B, estimate %2 B"_s.arg(guard.peakDelta()).arg(estimate)));
}

void TestOptimize::cliRejectsBadInput()
{
    auto r = cwb::test::runCli({u"tune"_s, u"--sandbox"_s, u"--budget"_s, u"soon"_s});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--budget"));
    r = cwb::test::runCli({u"tune"_s, u"--sandbox"_s, u"--memory-budget"_s, u"lots"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--memory-budget"));
    r = cwb::test::runCli({u"optimize"_s, u"everything"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("compression, batching, pooling, ttl, hotkeys"));
    r = cwb::test::runCli({u"tune"_s, u"--target"_s, u"redis://127.0.0.1:1"_s, u"--budget"_s, u"10s"_s});
    QCOMPARE(r.exitCode, 3);
}

QTEST_GUILESS_MAIN(TestOptimize)
#include "tst_optimize.moc"
