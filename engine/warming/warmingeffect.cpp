#include "warmingeffect.h"

#include "load/loadrun.h"
#include "load/ownedkeys.h"
#include "load/runsnapshot.h"
#include "redis/redisconnection.h"
#include "warmexecutor.h"

#include <nlohmann/json.hpp>

namespace cwb {

namespace {

LoadTestConfig effectLoad(const WarmingEffectOptions &options, const QString &keyNamespace)
{
    LoadTestConfig config;
    config.testName = QStringLiteral("warming-effect");
    config.durationSec = options.durationSec;
    config.concurrentUsers = options.users;
    config.operationMix = {100, 0, 0, 0};
    config.cacheTypes = {CacheType::String};
    config.keyPrefix = keyNamespace;
    config.keySpace = options.keySpace;
    config.keyDistribution = KeyDistribution::Zipfian;
    config.valueSizeMin = 64;
    config.valueSizeMax = 256;
    config.ttlSec = options.ttlSec;
    config.threads = 1;
    config.cleanup = false; // the warm run reads what the warming wrote; we clean up at the end
    return config;
}

QString describe(const char *label, const RunResult &run)
{
    const LatencySummary latency = LatencySummary::from(run.totals.op(OpType::Read));
    return QStringLiteral("%1: hit rate %2 %, %3 ops/s, p50 %4 us, p99 %5 us\n")
        .arg(QLatin1String(label))
        .arg(run.hitRate() * 100.0, 0, 'f', 1)
        .arg(run.throughput(), 0, 'f', 0)
        .arg(latency.p50Us, 0, 'f', 0)
        .arg(latency.p99Us, 0, 'f', 0);
}

} // namespace

QString WarmingEffectResult::summary() const
{
    if (!ok)
        return QStringLiteral("failed: ") + error + QLatin1Char('\n');
    return describe("cold", cold) + describe("warm", warm)
        + QStringLiteral("warming: %1\n").arg(warming.summary());
}

WarmingEffectResult measureWarmingEffect(const Endpoint &target, const WarmingEffectOptions &options,
                                         const std::function<void(const QString &)> &onStage,
                                         const std::atomic<bool> *cancel)
{
    WarmingEffectResult result;
    const auto stage = [&](const QString &text) {
        if (onStage)
            onStage(text);
    };
    RedisConnection control(target);
    if (!control.connect()) {
        result.error = QStringLiteral("target %1 unreachable: %2").arg(target.displayUri(), control.lastError().message);
        result.failureKind = control.lastError().kind;
        return result;
    }
    // Cold means cold: a namespace nothing else has written to.
    // Warming writes on every master of a cluster: the claim and the cleanup look at each.
    QString clusterError;
    const std::optional<ClusterSlotMap> cluster = discoverClusterSlots(control, &clusterError);
    if (!clusterError.isEmpty()) {
        result.error = clusterError;
        result.failureKind = RedisErrorKind::ServerError;
        return result;
    }
    ClaimOptions claimOptions;
    claimOptions.allowExistingKeys = options.allowExistingKeys;
    const NamespaceClaim claim = claimNamespace(control, options.keyPrefix, claimOptions, cluster);
    if (!claim.ok()) {
        result.error = claim.error.message;
        result.failureKind = claim.error.kind;
        return result;
    }
    result.keyNamespace = claim.keyNamespace;
    const auto cleanUp = [&] {
        result.keysLeft = removeNamespace(target, control.options(), claim.keyNamespace, cluster).left;
    };
    const LoadRun::Options inside{.insideCallerNamespace = true, .cancel = cancel};
    const auto cancelled = [&] {
        if (!cancel || !cancel->load())
            return false;
        result.error = QStringLiteral("cancelled");
        cleanUp();
        return true;
    };

    const LoadTestConfig config = effectLoad(options, claim.keyNamespace);
    stage(QStringLiteral("cold run"));
    result.cold = LoadRun(config, target, inside).execute();
    if (result.cold.status == RunStatus::Failed) {
        result.error = QStringLiteral("cold run: ") + result.cold.failureReason;
        cleanUp();
        return result;
    }

    if (cancelled())
        return result;
    stage(QStringLiteral("warming"));
    WarmingPlan plan;
    plan.name = QStringLiteral("effect");
    plan.strategy = WarmStrategy::Synthetic;
    plan.keyPrefix = claim.keyNamespace;
    plan.ttlSec = options.ttlSec;
    plan.batchSize = 1000;
    plan.params = {{"load", loadTestConfigToJson(config)},
                   {"keys", std::max<qint64>(1, qint64(double(options.keySpace) * options.warmFraction))}};
    result.warming = WarmExecutor::run(plan, target, cancel);
    if (result.warming.status != WarmRunStatus::Completed) {
        result.error = QStringLiteral("warming: ") + result.warming.stopReason;
        cleanUp();
        return result;
    }

    if (cancelled())
        return result;
    stage(QStringLiteral("warm run"));
    result.warm = LoadRun(config, target, inside).execute();
    cleanUp();
    if (cancel && cancel->load()) {
        result.error = QStringLiteral("cancelled");
        return result;
    }
    if (result.warm.status == RunStatus::Failed) {
        result.error = QStringLiteral("warm run: ") + result.warm.failureReason;
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace cwb
