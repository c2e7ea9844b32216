#include "batching.h"

#include "loadstep.h"
#include "budgetguard.h"
#include "cluster/clusterrouter.h"
#include "cluster/routedcleanup.h"
#include "stats/latencyhistogram.h"

#include <chrono>

namespace cwb {

Sweep runPipelineSweep(const ExperimentContext &ctx, const PipelineSweepOptions &options)
{
    Sweep sweep;
    sweep.name = QStringLiteral("pipeline");
    sweep.parameterName = QStringLiteral("pipeline depth");
    const int total = int(options.depths.size()) * std::max(1, options.repeats);
    int done = 0;
    // Repeats go round the whole sweep rather than step by step, so slow drift on a shared
    // machine spreads over all steps instead of biasing some.
    sweep.points.resize(options.depths.size());
    for (size_t i = 0; i < options.depths.size(); ++i)
        sweep.points[i].parameter = options.depths[i];
    for (int r = 0; r < std::max(1, options.repeats) && !sweep.stopped; ++r) {
        for (size_t i = 0; i < options.depths.size(); ++i) {
            LoadStepOptions step;
            step.durationSec = options.stepSec;
            step.users = options.users;
            step.pipeline = options.depths[i];
            step.keySpace = options.keySpace;
            step.valueSize = options.valueSize;
            step.subPrefix = QStringLiteral("pipe:");
            ctx.report(QStringLiteral("pipeline depth %1 (repeat %2)").arg(step.pipeline).arg(r + 1),
                       double(done) / total);
            const LoadStepResult res = runLoadStep(ctx, step);
            ++done;
            if (!res.ok) {
                sweep.stopped = true;
                sweep.stopReason = res.error;
                break;
            }
            SweepPoint &p = sweep.points[i];
            p.throughputs.push_back(res.throughput);
            p.p99sUs.push_back(res.p99Us);
            p.p50sUs.push_back(res.p50Us);
            p.errors += res.errors;
        }
    }
    // Keep only steps measured at least once.
    std::erase_if(sweep.points, [](const SweepPoint &p) { return p.throughputs.empty(); });
    findKnee(sweep, options.minGain, options.p99BoundUs);
    return sweep;
}

Sweep runBatchSweep(const ExperimentContext &ctx, const BatchSweepOptions &options)
{
    using Clock = std::chrono::steady_clock;
    Sweep sweep;
    sweep.name = QStringLiteral("batch");
    sweep.parameterName = QStringLiteral("keys per MGET/MSET");
    sweep.throughputUnit = QStringLiteral("keys/s");

    ClusterRouter::Options co;
    co.connection.clientName = QByteArrayLiteral("cwb-tune");
    ClusterRouter c(ctx.endpoint, co);
    if (!c.connect()) {
        sweep.stopped = true;
        sweep.stopReason = c.lastError().message;
        return sweep;
    }
    const QString prefix = ctx.keyPrefix + QStringLiteral("batch:");
    // One hash tag for all keys: a batch stays one MGET/MSET to one node on a Redis Cluster
    // too, which is what batching buys (keys of several slots would be split by slot).
    const QString keyBase = prefix + QStringLiteral("{b}:");
    const QByteArray value(options.valueSize, 'v');
    const int maxSize = options.sizes.empty() ? 1 : *std::max_element(options.sizes.begin(), options.sizes.end());
    if (ctx.memory) {
        QString reason;
        if (!ctx.memory->allows(qint64(maxSize) * keyMemoryEstimate(options.valueSize), &reason)) {
            sweep.stopped = true;
            sweep.stopReason = reason;
            return sweep;
        }
    }
    for (size_t s = 0; s < options.sizes.size(); ++s) {
        if (ctx.cancelled()) {
            sweep.stopped = true;
            sweep.stopReason = QStringLiteral("cancelled");
            break;
        }
        const int n = options.sizes[s];
        ctx.report(QStringLiteral("MGET/MSET with %1 keys").arg(n), double(s) / double(options.sizes.size()));
        RedisCommand mset{QByteArrayLiteral("MSET")};
        RedisCommand mget{QByteArrayLiteral("MGET")};
        for (int k = 0; k < n; ++k) {
            const QByteArray key = (keyBase + QString::number(k)).toUtf8();
            mset << key << value;
            mget << key;
        }
        LatencyHistogram hist;
        uint64_t keys = 0, errors = 0;
        const auto start = Clock::now();
        const auto end = start + std::chrono::duration<double>(options.stepSec);
        for (int i = 0; Clock::now() < end; ++i) {
            const auto t0 = Clock::now();
            const auto reply = c.command((i % 2) ? mget : mset);
            const auto t1 = Clock::now();
            if (!reply || reply->isError()) {
                ++errors;
                if (!reply)
                    break;
                continue;
            }
            hist.record(uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count()));
            keys += uint64_t(n);
        }
        const double secs = std::chrono::duration<double>(Clock::now() - start).count();
        SweepPoint p;
        p.parameter = n;
        p.throughputs.push_back(secs > 0 ? double(keys) / secs : 0);
        p.p99sUs.push_back(double(hist.percentileNs(99)) / 1000.0);
        p.p50sUs.push_back(double(hist.percentileNs(50)) / 1000.0);
        p.errors = errors;
        sweep.points.push_back(std::move(p));
    }
    unlinkKeysWithPrefix(c, prefix);
    findKnee(sweep, options.minGain);
    return sweep;
}

} // namespace cwb
