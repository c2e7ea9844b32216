#include "loadstep.h"

#include "load/loadrun.h"
#include "load/runsnapshot.h"
#include "budgetguard.h"

#include <atomic>
#include <thread>

namespace cwb {

LoadTestConfig loadStepConfig(const ExperimentContext &ctx, const LoadStepOptions &o)
{
    LoadTestConfig c;
    c.testName = QStringLiteral("tune-") + QString(o.subPrefix).remove(QLatin1Char(':'));
    c.target = ctx.endpoint.displayUri();
    c.keyPrefix = ctx.keyPrefix + o.subPrefix;
    c.durationSec = o.durationSec;
    c.concurrentUsers = o.users;
    c.pipeline = o.pipeline;
    c.requestsPerSecond = o.requestsPerSecond;
    c.threads = o.threads;
    c.keySpace = o.keySpace;
    c.valueSizeMin = o.valueSize;
    c.valueSizeMax = o.valueSize;
    c.operationMix = {90, 10, 0, 0};
    c.cacheTypes = {CacheType::String};
    c.ttlSec = 0;
    c.warmupSec = 0;
    c.cleanup = true;
    return c;
}

qint64 loadStepMemoryEstimate(const LoadStepOptions &o)
{
    // Connections the step opens besides its users: LoadRun's control connection and INFO
    // sampler, and the budget guard's watcher.
    constexpr qint64 kExtraConnections = 3;
    constexpr qint64 kReplyChunk = 16 * 1024; // Redis' reply buffer, and the size of its reply list nodes
    // A closed loop keeps at most `pipeline` requests per user in flight: what does not fit the
    // 16 KiB reply buffer queues in 16 KiB reply list nodes.
    const qint64 inFlight = qint64(o.pipeline) * (o.valueSize + 64);
    const qint64 overflow = inFlight <= kReplyChunk ? 0 : (inFlight + kReplyChunk - 1) / kReplyChunk * kReplyChunk;
    return o.keySpace * keyMemoryEstimate(o.valueSize) + (o.users + kExtraConnections) * kConnectionMemory
        + qint64(o.users) * overflow;
}

LoadStepResult runLoadStep(const ExperimentContext &ctx, const LoadStepOptions &options)
{
    LoadStepResult out;
    if (ctx.cancelled()) {
        out.error = QStringLiteral("cancelled");
        return out;
    }
    if (ctx.memory) {
        QString reason;
        if (!ctx.memory->allows(loadStepMemoryEstimate(options), &reason)) {
            out.error = reason;
            return out;
        }
    }
    // ctx.keyPrefix is the experiment's namespace, claimed and cleaned up by whoever started it.
    LoadRun run(loadStepConfig(ctx, options), ctx.endpoint, LoadRun::Options{.insideCallerNamespace = true});
    // A watcher for cancel requests: LoadRun only knows its own stop flag.
    std::atomic<bool> done{false};
    std::thread cancelWatcher;
    if (ctx.cancel) {
        cancelWatcher = std::thread([&] {
            while (!done.load()) {
                if (ctx.cancelled()) {
                    run.requestStop();
                    return;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
    }
    if (ctx.memory)
        ctx.memory->watch([&run] { run.requestStop(); });
    out.run = run.execute();
    if (ctx.memory)
        ctx.memory->unwatch();
    done.store(true);
    if (cancelWatcher.joinable())
        cancelWatcher.join();

    if (out.run.status == RunStatus::Failed) {
        out.error = out.run.failureReason;
        return out;
    }
    if (ctx.memory && ctx.memory->exceeded()) {
        out.error = ctx.memory->exceededReason();
        return out;
    }
    if (out.run.status == RunStatus::Stopped) {
        out.error = QStringLiteral("cancelled");
        return out;
    }
    const LatencySummary total = LatencySummary::from(out.run.total());
    out.throughput = out.run.throughput();
    out.p50Us = total.p50Us;
    out.p99Us = total.p99Us;
    out.errors = total.errors;
    out.ok = true;
    return out;
}

} // namespace cwb
