#include "pooling.h"

#include "loadstep.h"
#include "cluster/clusterrouter.h"
#include "stats/elapsed.h"
#include "stats/latencyhistogram.h"

#include <nlohmann/json.hpp>

#include <chrono>

namespace cwb {

namespace {
using Clock = std::chrono::steady_clock;
} // namespace

ConnectPerRequest measureConnectPerRequest(const ExperimentContext &ctx, double seconds)
{
    ConnectPerRequest out;
    const QByteArray key = (ctx.keyPrefix + QStringLiteral("pool:probe")).toUtf8();
    RedisConnection::Options o;
    o.reconnectAttempts = 0;
    o.connectTimeoutMs = 1000;
    o.commandTimeoutMs = 1000;
    // Both halves talk to the node that serves the key (on a cluster, its slot's master), so a
    // connect per request is the plain anti-pattern and not a redirect.
    ClusterRouter router(ctx.endpoint, ClusterRouter::Options{o});
    if (!router.connect()) {
        out.error = router.lastError().message;
        return out;
    }
    const Endpoint node = router.endpointFor(key);
    const auto failed = [](const std::optional<RedisReply> &reply) { return !reply || reply->isError(); };

    // Anti-pattern: connect (+ AUTH/SELECT when configured), one GET, close - per operation.
    LatencyHistogram perOp;
    auto start = Clock::now();
    auto end = start + std::chrono::duration<double>(seconds / 2);
    while (Clock::now() < end && !ctx.cancelled()) {
        const auto t0 = Clock::now();
        RedisConnection c(node, o);
        if (!c.connect()) {
            out.error = c.lastError().message;
            return out;
        }
        const auto reply = c.command({QByteArrayLiteral("GET"), key});
        c.disconnect();
        if (failed(reply)) {
            out.error = c.lastError().message;
            return out;
        }
        perOp.record(nanosSince(t0));
    }
    double secs = std::chrono::duration<double>(Clock::now() - start).count();
    out.ops = perOp.count();
    out.opsPerSec = secs > 0 ? double(out.ops) / secs : 0;
    out.p50Us = double(perOp.percentileNs(50)) / 1000.0;
    out.p99Us = double(perOp.percentileNs(99)) / 1000.0;

    // The same GET on one connection kept open.
    RedisConnection pooled(node, o);
    if (!pooled.connect()) {
        out.error = pooled.lastError().message;
        return out;
    }
    LatencyHistogram reused;
    start = Clock::now();
    end = start + std::chrono::duration<double>(seconds / 2);
    while (Clock::now() < end && !ctx.cancelled()) {
        const auto t0 = Clock::now();
        if (failed(pooled.command({QByteArrayLiteral("GET"), key}))) {
            out.error = pooled.lastError().message;
            return out;
        }
        reused.record(nanosSince(t0));
    }
    secs = std::chrono::duration<double>(Clock::now() - start).count();
    out.pooledOps = reused.count();
    out.pooledOpsPerSec = secs > 0 ? double(out.pooledOps) / secs : 0;
    out.pooledP50Us = double(reused.percentileNs(50)) / 1000.0;
    out.pooledP99Us = double(reused.percentileNs(99)) / 1000.0;
    return out;
}

PoolingResult runPoolSweep(const ExperimentContext &ctx, const PoolSweepOptions &options)
{
    PoolingResult out;
    out.sweep.name = QStringLiteral("pool");
    out.sweep.parameterName = QStringLiteral("pool size");
    out.offeredRps = options.offeredRps;
    const int steps = int(options.poolSizes.size()) * std::max(1, options.repeats) + 2;
    int done = 0;

    if (out.offeredRps <= 0) {
        ctx.report(QStringLiteral("probing capacity for the offered load"), 0);
        LoadStepOptions probe;
        probe.durationSec = std::max(0.3, options.stepSec / 2);
        probe.users = 8;
        probe.subPrefix = QStringLiteral("pool:");
        const LoadStepResult r = runLoadStep(ctx, probe);
        if (!r.ok) {
            out.sweep.stopped = true;
            out.sweep.stopReason = r.error;
            return out;
        }
        out.offeredRps = std::max(100.0, std::floor(r.throughput * 0.5 / 100) * 100);
    }
    ++done;
    out.sweep.points.resize(options.poolSizes.size());
    for (size_t i = 0; i < options.poolSizes.size(); ++i)
        out.sweep.points[i].parameter = options.poolSizes[i];
    for (int r = 0; r < std::max(1, options.repeats) && !out.sweep.stopped; ++r) {
        for (size_t i = 0; i < options.poolSizes.size(); ++i) {
            LoadStepOptions step;
            step.durationSec = options.stepSec;
            step.users = options.poolSizes[i];
            step.pipeline = 1;
            step.requestsPerSecond = out.offeredRps;
            step.subPrefix = QStringLiteral("pool:");
            ctx.report(QStringLiteral("pool size %1 at %2 ops/s").arg(step.users).arg(out.offeredRps, 0, 'f', 0),
                       double(done) / steps);
            const LoadStepResult res = runLoadStep(ctx, step);
            ++done;
            if (!res.ok) {
                out.sweep.stopped = true;
                out.sweep.stopReason = res.error;
                break;
            }
            SweepPoint &p = out.sweep.points[i];
            p.throughputs.push_back(res.throughput);
            p.p99sUs.push_back(res.p99Us);
            p.p50sUs.push_back(res.p50Us);
            p.errors += res.errors;
        }
    }
    std::erase_if(out.sweep.points, [](const SweepPoint &p) { return p.throughputs.empty(); });

    // The plateau: the best throughput and p99 seen; the recommendation is the smallest pool
    // near both (a bigger pool costs server memory and file descriptors for nothing).
    double bestTput = 0, bestP99 = 0;
    for (const SweepPoint &p : out.sweep.points) {
        bestTput = std::max(bestTput, p.throughput().mean);
        bestP99 = bestP99 == 0 ? p.p99Us().mean : std::min(bestP99, p.p99Us().mean);
    }
    // An open loop cannot do more than it is offered (catching up a backlog can look like it).
    bestTput = std::min(bestTput, out.offeredRps);
    const double p99Limit = std::max(bestP99 * options.p99Slack, bestP99 + 200);
    for (size_t i = 0; i < out.sweep.points.size(); ++i) {
        const SweepPoint &p = out.sweep.points[i];
        if (p.throughput().mean >= bestTput * options.plateauFraction && p.p99Us().mean <= p99Limit) {
            out.recommendedPool = int(p.parameter);
            out.sweep.kneeIndex = int(i);
            out.reason = QStringLiteral("smallest pool with throughput >= %1% of the best (%2 ops/s) and p99 <= %3 µs")
                             .arg(options.plateauFraction * 100, 0, 'f', 0)
                             .arg(bestTput, 0, 'f', 0)
                             .arg(p99Limit, 0, 'f', 0);
            out.sweep.kneeReason = out.reason;
            break;
        }
    }
    if (out.recommendedPool == 0) {
        // No pool met both: the smallest that carried the load, with its p99 said plainly.
        for (size_t i = 0; i < out.sweep.points.size(); ++i) {
            const SweepPoint &p = out.sweep.points[i];
            if (p.throughput().mean >= bestTput * options.plateauFraction) {
                out.recommendedPool = int(p.parameter);
                out.sweep.kneeIndex = int(i);
                out.reason = QStringLiteral("smallest pool with throughput >= %1% of the offered load; no pool kept p99 "
                                            "within %2 µs (p99 here %3 µs: the load is near capacity or the machine is busy)")
                                 .arg(options.plateauFraction * 100, 0, 'f', 0)
                                 .arg(p99Limit, 0, 'f', 0)
                                 .arg(p.p99Us().mean, 0, 'f', 0);
                out.sweep.kneeReason = out.reason;
                break;
            }
        }
    }

    if (!ctx.cancelled() && options.perRequestSec > 0) {
        ctx.report(QStringLiteral("connect-per-request anti-pattern"), double(done) / steps);
        out.perRequest = measureConnectPerRequest(ctx, options.perRequestSec);
    }
    ctx.report(QStringLiteral("pool sweep done"), 1);
    return out;
}

nlohmann::json poolingToJson(const PoolingResult &r)
{
    const ConnectPerRequest &c = r.perRequest;
    nlohmann::json j{{"sweep", sweepToJson(r.sweep)},
                     {"offeredRps", r.offeredRps},
                     {"recommendedPool", r.recommendedPool},
                     {"reason", r.reason.toStdString()},
                     {"connectPerRequest",
                      {{"ops", c.ops},
                       {"opsPerSec", c.opsPerSec},
                       {"p50Us", c.p50Us},
                       {"p99Us", c.p99Us},
                       {"pooledOps", c.pooledOps},
                       {"pooledOpsPerSec", c.pooledOpsPerSec},
                       {"pooledP50Us", c.pooledP50Us},
                       {"pooledP99Us", c.pooledP99Us}}}};
    if (!c.error.isEmpty())
        j["connectPerRequest"]["error"] = c.error.toStdString();
    return j;
}

} // namespace cwb
