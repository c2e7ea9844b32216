#include "autotuner.h"

#include "batching.h"
#include "experimentcontext.h"
#include "loadstep.h"
#include "budgetguard.h"
#include "cluster/clusterrouter.h"
#include "redis/redisconnection.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <thread>

namespace cwb {

namespace {
using Clock = std::chrono::steady_clock;

// A LoadRun step costs more than its duration (connect, pre-flight INFO, stop, cleanup).
constexpr double kStepOverheadSec = 0.25;
// Kept back at the end for cleanup and the final INFO.
constexpr double kReserveSec = 1.5;

QString percent(double v)
{
    return QStringLiteral("%1%2%").arg(v >= 0 ? QStringLiteral("+") : QString()).arg(v, 0, 'f', 1);
}

Recommendation pipelineRecommendation(const Sweep &sweep, int depth)
{
    Recommendation r;
    r.id = QStringLiteral("pipeline");
    r.metric = QStringLiteral("throughput");
    const SweepPoint *base = nullptr, *rec = nullptr;
    for (const SweepPoint &p : sweep.points) {
        if (!base)
            base = &p;
        if (int(p.parameter) == depth)
            rec = &p;
    }
    if (!base || !rec)
        return r;
    const Spread b = base->throughput(), t = rec->throughput();
    r.value = QString::number(depth);
    r.baseline = QString::number(int(base->parameter));
    r.gainPercent = b.mean > 0 ? (t.mean / b.mean - 1) * 100 : 0;
    r.spreadPercent = std::hypot(b.relativeHalfRangePercent(), t.relativeHalfRangePercent());
    r.withinNoise = depth == int(base->parameter) || b.overlaps(t);
    r.confidence = r.withinNoise ? QStringLiteral("low (within noise)")
                   : t.n < 2 ? QStringLiteral("single run")
                   : r.spreadPercent < 25 ? QStringLiteral("high")
                                          : QStringLiteral("medium (large spread)");
    r.title = QStringLiteral("Pipeline depth %1").arg(depth);
    r.evidence = QStringLiteral("closed loop, %1 runs per depth: depth %2 = %3 ops/s (p99 %4 µs), depth %5 = %6 ops/s "
                                "(p99 %7 µs); knee: %8")
                     .arg(t.n)
                     .arg(int(base->parameter))
                     .arg(b.mean, 0, 'f', 0)
                     .arg(base->p99Us().mean, 0, 'f', 0)
                     .arg(depth)
                     .arg(t.mean, 0, 'f', 0)
                     .arg(rec->p99Us().mean, 0, 'f', 0)
                     .arg(sweep.kneeReason);
    if (!r.withinNoise)
        r.patch.pipeline = depth;
    return r;
}

// Fits the pipeline sweep into the room under the memory budget: the deepest depths go first
// (their connection buffers grow with the depth), then the key space gets half of what is left,
// 50 to 1000 keys. *leftOut names depths left out ("" when none); false when not even the
// shallowest depth leaves room for 50 keys.
bool fitSweepIntoRoom(PipelineSweepOptions &o, qint64 room, qint64 budgetBytes, QString *leftOut)
{
    const auto keysAt = [&](int depth) {
        LoadStepOptions step;
        step.users = o.users;
        step.pipeline = depth;
        step.valueSize = o.valueSize;
        step.keySpace = 0;
        return (room - loadStepMemoryEstimate(step)) / 2 / keyMemoryEstimate(o.valueSize);
    };
    QStringList dropped;
    while (!o.depths.empty() && keysAt(o.depths.back()) < 50) {
        dropped.prepend(QString::number(o.depths.back()));
        o.depths.pop_back();
    }
    if (o.depths.empty())
        return false;
    o.keySpace = std::clamp<int64_t>(keysAt(o.depths.back()), 50, 1000);
    if (!dropped.isEmpty())
        *leftOut = QStringLiteral("depths %1 left out: their connection buffers do not fit the memory budget %2")
                       .arg(dropped.join(QStringLiteral(", ")), formatByteSize(budgetBytes));
    return true;
}

} // namespace

Recommendation compressionRecommendation(const CompressionResult &c)
{
    Recommendation r;
    r.id = QStringLiteral("compression");
    r.metric = QStringLiteral("memory usage");
    r.baseline = QStringLiteral("no compression");
    r.confidence = QStringLiteral("single run");
    if (c.recommendedThreshold >= 0 && c.bestCodec != Codec::None) {
        // The gain quoted is at the largest measured json size, next to the one at the threshold.
        const CompressionCell *atThreshold = nullptr, *largest = nullptr;
        for (const CompressionCell &cell : c.cells)
            if (cell.kind == PayloadKind::Json && cell.codec == c.bestCodec) {
                if (cell.size == c.recommendedThreshold)
                    atThreshold = &cell;
                largest = &cell;
            }
        r.title = QStringLiteral("Compress values of %1 bytes and more with %2").arg(c.recommendedThreshold).arg(codecName(c.bestCodec));
        r.value = QStringLiteral("%1 from %2 B").arg(codecName(c.bestCodec)).arg(c.recommendedThreshold);
        // Signed like the evidence: memory usage goes down, so the change is negative.
        r.gainPercent = largest ? -largest->memorySaving * 100 : 0;
        r.evidence = QStringLiteral("json-like values: MEMORY USAGE %1 at %2 B (GET+decompress %3 µs), %4 at %5 B "
                                    "(GET+decompress %6 µs); random bytes never pay; rule: %7")
                         .arg(atThreshold ? percent(-atThreshold->memorySaving * 100) : QStringLiteral("?"))
                         .arg(c.recommendedThreshold)
                         .arg(atThreshold ? percent(atThreshold->latencyCostUs).chopped(1) : QStringLiteral("?"))
                         .arg(largest ? percent(-largest->memorySaving * 100) : QStringLiteral("?"))
                         .arg(largest ? largest->size : 0)
                         .arg(largest ? percent(largest->latencyCostUs).chopped(1) : QStringLiteral("?"))
                         .arg(c.rule);
    } else {
        r.title = QStringLiteral("Do not compress json-like values");
        r.value = QStringLiteral("off");
        r.withinNoise = true;
        r.evidence = QStringLiteral("no measured size met the rule: ") + c.rule;
    }
    return r;
}

int AutoTuner::recommendFromSweep(const Sweep &sweep, double tolerance)
{
    const SweepPoint *best = nullptr;
    for (const SweepPoint &p : sweep.points)
        if (!best || p.throughput().mean > best->throughput().mean)
            best = &p;
    if (!best)
        return -1;
    for (const SweepPoint &p : sweep.points)
        if (p.throughput().mean >= (1 - tolerance) * best->throughput().mean || p.throughput().overlaps(best->throughput()))
            return int(p.parameter);
    return int(best->parameter);
}

AutoTuner::AutoTuner(Endpoint endpoint, TunerOptions options)
    : m_endpoint(std::move(endpoint)), m_options(std::move(options))
{
}

TuningReport AutoTuner::run(const Progress &progress)
{
    TuningReport report;
    report.target = m_endpoint.displayUri();
    report.options = m_options;
    report.startedAt = QDateTime::currentDateTimeUtc();
    const auto started = Clock::now();
    const double budget = std::max(1.0, m_options.budgetSec);
    const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - started).count(); };
    const auto remaining = [&] { return budget - kReserveSec - elapsed(); };

    BudgetGuard guard(m_endpoint, m_options.memoryBudgetBytes);
    QString error;
    if (!guard.start(&error)) {
        report.stopReason = error;
        report.failureKind = RedisErrorKind::ConnectionLost;
        report.finishedAt = QDateTime::currentDateTimeUtc();
        return report;
    }
    report.usedMemoryBaseline = guard.baseline();

    // One stop flag for the user's cancel and the time budget.
    std::atomic<bool> stop{false};
    std::atomic<bool> done{false};
    std::thread deadline([&] {
        while (!done.load()) {
            if (m_stop.load() || remaining() < 0) {
                stop.store(true);
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });

    const int experiments = int(m_options.batching) + int(m_options.pooling) + int(m_options.compression) + int(m_options.ttl);
    int index = 0;
    ExperimentContext ctx;
    ctx.endpoint = m_endpoint;
    ctx.keyPrefix = m_options.keyPrefix;
    RedisError claimError;
    if (!claimExperimentNamespace(ctx, m_options.allowExistingKeys, &claimError)) {
        done.store(true);
        deadline.join();
        report.stopReason = claimError.message;
        report.failureKind = claimError.kind;
        report.finishedAt = QDateTime::currentDateTimeUtc();
        return report;
    }
    report.keyNamespace = ctx.keyPrefix;
    ctx.cancel = &stop;
    ctx.memory = &guard;
    const auto phase = [&](const QString &name) {
        const int i = index++;
        ctx.progress = [&, i, name](const QString &message, double f) {
            if (progress)
                progress(name + QStringLiteral(": ") + message, (double(i) + std::clamp(f, 0.0, 1.0)) / std::max(1, experiments));
        };
    };
    const auto noteBudget = [&](const QString &what, const QString &why) {
        report.notes << QStringLiteral("%1: %2").arg(what, why);
        if (why.contains(QLatin1String("memory budget")))
            report.memoryBudgetHit = true;
    };
    const int repeats = std::max(1, m_options.repeats);
    // Shares of the budget: sweeps are what the recommendations rest on.
    const double total = budget - kReserveSec;

    if (m_options.batching && !stop.load()) {
        phase(QStringLiteral("pipeline"));
        PipelineSweepOptions o;
        o.repeats = repeats;
        const double share = total * 0.38;
        o.stepSec = std::clamp(share / double(o.depths.size() * size_t(repeats)) - kStepOverheadSec, 0.2, 2.0);
        QString leftOut;
        if (!fitSweepIntoRoom(o, guard.headroom(), m_options.memoryBudgetBytes, &leftOut)) {
            noteBudget(QStringLiteral("pipeline sweep"),
                       QStringLiteral("skipped: the memory budget %1 leaves no room for 50 keys").arg(formatByteSize(m_options.memoryBudgetBytes)));
        } else {
            if (!leftOut.isEmpty())
                noteBudget(QStringLiteral("pipeline sweep"), leftOut);
            report.pipeline = runPipelineSweep(ctx, o);
            report.hasPipeline = !report.pipeline.points.empty();
            if (report.pipeline.stopped)
                noteBudget(QStringLiteral("pipeline sweep"), report.pipeline.stopReason);
            const int depth = recommendFromSweep(report.pipeline);
            if (depth > 0 && report.pipeline.points.size() >= 2)
                report.recommendations.push_back(pipelineRecommendation(report.pipeline, depth));
        }
    }

    if (m_options.pooling && !stop.load()) {
        phase(QStringLiteral("pool"));
        PoolSweepOptions o;
        const double share = total * 0.22;
        o.repeats = share >= 12 ? repeats : 1;
        o.perRequestSec = std::min(0.4, share * 0.1);
        o.stepSec = std::clamp((share - o.perRequestSec) / double(o.poolSizes.size() * size_t(o.repeats) + 1) - kStepOverheadSec,
                               0.2, 2.0);
        // The pipeline sweep's depth-1 run already measured capacity with 4 connections.
        if (report.hasPipeline)
            o.offeredRps = std::max(100.0, std::floor(report.pipeline.points.front().throughput().mean * 0.5 / 100) * 100);
        if (!guard.allows(loadStepMemoryEstimate({}), &error)) {
            noteBudget(QStringLiteral("pool sweep"), QStringLiteral("skipped: ") + error);
        } else {
            report.pooling = runPoolSweep(ctx, o);
            report.hasPooling = !report.pooling.sweep.points.empty();
            if (report.pooling.sweep.stopped)
                noteBudget(QStringLiteral("pool sweep"), report.pooling.sweep.stopReason);
            if (report.pooling.recommendedPool > 0) {
                const Sweep &s = report.pooling.sweep;
                const SweepPoint &first = s.points.front();
                const SweepPoint &rec = *s.knee();
                Recommendation r;
                r.id = QStringLiteral("pool");
                r.title = QStringLiteral("Connection pool of %1").arg(report.pooling.recommendedPool);
                r.value = QString::number(report.pooling.recommendedPool);
                r.baseline = QString::number(int(first.parameter));
                r.metric = QStringLiteral("p99 latency reduction");
                const Spread a = first.p99Us(), b = rec.p99Us();
                r.gainPercent = a.mean > 0 ? (1 - b.mean / a.mean) * 100 : 0;
                r.spreadPercent = std::hypot(a.relativeHalfRangePercent(), b.relativeHalfRangePercent());
                r.withinNoise = rec.parameter == first.parameter || a.overlaps(b);
                r.confidence = r.withinNoise ? QStringLiteral("low (within noise)")
                                             : (b.n >= 2 ? QStringLiteral("high") : QStringLiteral("single run"));
                r.evidence = QStringLiteral("open loop at %1 ops/s: pool %2 = %3 ops/s, p99 %4 µs; pool %5 = %6 ops/s, "
                                            "p99 %7 µs; %8")
                                 .arg(report.pooling.offeredRps, 0, 'f', 0)
                                 .arg(int(first.parameter))
                                 .arg(first.throughput().mean, 0, 'f', 0)
                                 .arg(a.mean, 0, 'f', 0)
                                 .arg(int(rec.parameter))
                                 .arg(rec.throughput().mean, 0, 'f', 0)
                                 .arg(b.mean, 0, 'f', 0)
                                 .arg(report.pooling.reason);
                r.patch.concurrentUsers = report.pooling.recommendedPool;
                report.recommendations.push_back(r);
            }
            const ConnectPerRequest &c = report.pooling.perRequest;
            if (c.ops > 0 && c.pooledOps > 0) {
                Recommendation r;
                r.id = QStringLiteral("connection-reuse");
                r.title = QStringLiteral("Reuse connections (no connect per request)");
                r.value = QStringLiteral("pooled");
                r.baseline = QStringLiteral("connect per request");
                r.metric = QStringLiteral("throughput");
                r.gainPercent = c.opsPerSec > 0 ? (c.pooledOpsPerSec / c.opsPerSec - 1) * 100 : 0;
                r.confidence = QStringLiteral("single run");
                r.evidence = QStringLiteral("one connection kept open: %1 ops/s, p50 %2 µs, p99 %3 µs; connect + command + "
                                            "close per operation: %4 ops/s, p50 %5 µs, p99 %6 µs")
                                 .arg(c.pooledOpsPerSec, 0, 'f', 0)
                                 .arg(c.pooledP50Us, 0, 'f', 0)
                                 .arg(c.pooledP99Us, 0, 'f', 0)
                                 .arg(c.opsPerSec, 0, 'f', 0)
                                 .arg(c.p50Us, 0, 'f', 0)
                                 .arg(c.p99Us, 0, 'f', 0);
                r.withinNoise = c.pooledP99Us >= c.p50Us; // tails overlap: the difference is not clear
                report.recommendations.push_back(r);
            }
        }
    }

    if (m_options.compression && !stop.load()) {
        phase(QStringLiteral("compression"));
        CompressionOptions o;
        if (total < 20) {
            // A short budget: fewer sizes and values, same rule.
            o.sizes = {128, 1024, 4096, 16384, 65536};
            o.keysPerCell = 16;
            o.getsPerCell = 50;
        }
        report.compression = runCompressionExperiment(ctx, o);
        report.hasCompression = !report.compression.cells.empty();
        if (report.compression.stopped)
            noteBudget(QStringLiteral("compression"), report.compression.stopReason);
        if (!report.compression.cells.empty())
            report.recommendations.push_back(compressionRecommendation(report.compression));
    }

    if (m_options.ttl && !stop.load()) {
        phase(QStringLiteral("ttl"));
        TtlReplayOptions o;
        // Each policy replays on its own sandbox (about 0.2 s to start).
        o.durationSec = std::clamp(std::min(total * 0.25, remaining() - 1) / 2 - 0.3, 1.0, 6.0);
        if (remaining() < 2 * o.durationSec + 1) {
            noteBudget(QStringLiteral("ttl"), QStringLiteral("skipped: not enough of the time budget left"));
        } else {
            report.ttl = runTtlExperiment(o, &stop, ctx.progress);
            report.hasTtl = report.ttl.policies.size() >= 2;
            if (report.ttl.stopped)
                noteBudget(QStringLiteral("ttl"), report.ttl.error);
            if (report.hasTtl) {
                const TtlPolicyResult &fixed = report.ttl.policies[0];
                const TtlPolicyResult &adaptive = report.ttl.policies[1];
                // Paired by position in the same trace: the differences' range is the noise.
                std::vector<double> diffs;
                for (size_t i = 0; i < std::min(fixed.hitRateSeries.size(), adaptive.hitRateSeries.size()); ++i)
                    diffs.push_back((adaptive.hitRateSeries[i] - fixed.hitRateSeries[i]) * 100);
                const Spread d = Spread::of(diffs);
                Recommendation r;
                r.id = QStringLiteral("ttl");
                r.metric = QStringLiteral("hit rate (points)");
                const bool adaptiveWins = adaptive.hitRate > fixed.hitRate;
                r.value = adaptiveWins ? adaptive.policy.name : fixed.policy.name;
                r.baseline = adaptiveWins ? fixed.policy.name : adaptive.policy.name;
                r.title = QStringLiteral("TTL policy: %1").arg(r.value);
                r.gainPercent = std::abs(adaptive.hitRate - fixed.hitRate) * 100;
                r.spreadPercent = (d.max - d.min) / 2;
                r.withinNoise = d.n == 0 || (d.min <= 0 && d.max >= 0);
                r.confidence = r.withinNoise ? QStringLiteral("low (within noise)") : QStringLiteral("high");
                r.evidence = QStringLiteral("Zipfian trace with a shifting hot set on a sandbox with maxmemory %1 and "
                                            "allkeys-lru: %2; paired per-tenth differences %3..%4 points")
                                 .arg(formatByteSize(o.maxmemoryBytes), report.ttl.summary)
                                 .arg(d.min, 0, 'f', 1)
                                 .arg(d.max, 0, 'f', 1);
                report.recommendations.push_back(r);
            }
        }
    }

    if (stop.load() && !m_stop.load())
        noteBudget(QStringLiteral("time budget"), QStringLiteral("stopped: the time budget of %1 s ran out").arg(budget, 0, 'f', 0));
    done.store(true);
    deadline.join();

    // Cleanup, whatever happened: only keys in our namespace.
    if (progress)
        progress(QStringLiteral("cleaning up %1*").arg(ctx.keyPrefix), 1);
    const NamespaceCleanup cleaned = releaseExperimentNamespace(ctx);
    report.keysCleanedUp = cleaned.deleted;
    report.keysLeft = cleaned.left;
    if (!cleaned.ok())
        report.notes << QStringLiteral("cleanup: ") + cleaned.error;
    if (const std::optional<qint64> finalDelta = guard.currentDelta())
        report.usedMemoryFinalDelta = *finalDelta;
    else
        report.notes << QStringLiteral("used_memory could not be read at the end");
    report.usedMemoryPeakDelta = guard.peakDelta();
    if (guard.exceeded())
        report.memoryBudgetHit = true;

    for (const Recommendation &r : report.recommendations) {
        if (r.patch.pipeline)
            report.patch.pipeline = r.patch.pipeline;
        if (r.patch.concurrentUsers)
            report.patch.concurrentUsers = r.patch.concurrentUsers;
        if (r.patch.ttlSec)
            report.patch.ttlSec = r.patch.ttlSec;
    }
    if (m_stop.load()) {
        report.status = QStringLiteral("stopped");
        report.stopReason = QStringLiteral("stopped by the user");
    } else if (report.memoryBudgetHit) {
        report.status = QStringLiteral("partial");
        report.stopReason = QStringLiteral("memory budget: ") + report.notes.filter(QStringLiteral("memory budget")).value(0);
    } else if (!report.notes.isEmpty()) {
        report.status = QStringLiteral("partial");
        report.stopReason = report.notes.join(QStringLiteral("; "));
    } else {
        report.status = QStringLiteral("completed");
    }
    report.finishedAt = QDateTime::currentDateTimeUtc();
    return report;
}

nlohmann::json tuningReportToJson(const TuningReport &r)
{
    nlohmann::json recs = nlohmann::json::array();
    for (const Recommendation &x : r.recommendations)
        recs.push_back({{"id", x.id.toStdString()},
                        {"title", x.title.toStdString()},
                        {"value", x.value.toStdString()},
                        {"baseline", x.baseline.toStdString()},
                        {"metric", x.metric.toStdString()},
                        {"gainPercent", x.gainPercent},
                        {"spreadPercent", x.spreadPercent},
                        {"withinNoise", x.withinNoise},
                        {"confidence", x.confidence.toStdString()},
                        {"evidence", x.evidence.toStdString()},
                        {"configPatch", x.patch.toJson()}});
    nlohmann::json notes = nlohmann::json::array();
    for (const QString &n : r.notes)
        notes.push_back(n.toStdString());
    nlohmann::json experiments = nlohmann::json::object();
    if (r.hasPipeline)
        experiments["pipeline"] = sweepToJson(r.pipeline);
    if (r.hasPooling)
        experiments["pooling"] = poolingToJson(r.pooling);
    if (r.hasCompression)
        experiments["compression"] = compressionToJson(r.compression);
    if (r.hasTtl || !r.ttl.policies.empty())
        experiments["ttl"] = ttlToJson(r.ttl);
    nlohmann::json j{{"schema", "cache-workbench/tuning"},
                     {"version", 1},
                     {"target", r.target.toStdString()},
                     {"startedAt", r.startedAt.toString(Qt::ISODateWithMs).toStdString()},
                     {"finishedAt", r.finishedAt.toString(Qt::ISODateWithMs).toStdString()},
                     {"elapsedSec", r.elapsedSec()},
                     {"status", r.status.toStdString()},
                     {"budget",
                      {{"timeSec", r.options.budgetSec},
                       {"memoryBytes", r.options.memoryBudgetBytes},
                       {"keyPrefix", r.options.keyPrefix.toStdString()},
                       {"keyNamespace", r.keyNamespace.toStdString()},
                       {"repeats", r.options.repeats}}},
                     {"memory",
                      {{"usedMemoryBaseline", r.usedMemoryBaseline},
                       {"peakDeltaBytes", r.usedMemoryPeakDelta},
                       {"finalDeltaBytes", r.usedMemoryFinalDelta},
                       {"budgetHit", r.memoryBudgetHit},
                       {"keysCleanedUp", r.keysCleanedUp},
                       {"keysLeft", r.keysLeft}}},
                     {"notes", notes},
                     {"experiments", experiments},
                     {"recommendations", recs},
                     {"configPatch", r.patch.toJson()}};
    if (!r.stopReason.isEmpty())
        j["stopReason"] = r.stopReason.toStdString();
    return j;
}

} // namespace cwb
