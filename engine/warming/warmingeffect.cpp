#include "warmingeffect.h"

#include "load/loadrun.h"
#include "load/runsnapshot.h"
#include "redis/prefixcleanup.h"
#include "redis/redisconnection.h"
#include "warmexecutor.h"

#include <nlohmann/json.hpp>

namespace cwb {

namespace {

LoadTestConfig effectLoad(const WarmingEffectOptions &options)
{
    LoadTestConfig config;
    config.testName = QStringLiteral("warming-effect");
    config.durationSec = options.durationSec;
    config.concurrentUsers = options.users;
    config.operationMix = {100, 0, 0, 0};
    config.cacheTypes = {CacheType::String};
    config.keyPrefix = options.keyPrefix;
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
                                         const std::function<void(const QString &)> &onStage)
{
    WarmingEffectResult result;
    const auto stage = [&](const QString &text) {
        if (onStage)
            onStage(text);
    };
    RedisConnection control(target);
    if (!control.connect()) {
        result.error = QStringLiteral("target %1 unreachable: %2").arg(target.displayUri(), control.lastError().message);
        return result;
    }
    // Cold means cold: nothing of ours left from an earlier measurement.
    unlinkKeysWithPrefix(control, options.keyPrefix);

    const LoadTestConfig config = effectLoad(options);
    stage(QStringLiteral("cold run"));
    result.cold = LoadRun(config, target).execute();
    if (result.cold.status == RunStatus::Failed) {
        result.error = QStringLiteral("cold run: ") + result.cold.failureReason;
        return result;
    }

    stage(QStringLiteral("warming"));
    WarmingPlan plan;
    plan.name = QStringLiteral("effect");
    plan.strategy = WarmStrategy::Synthetic;
    plan.keyPrefix = options.keyPrefix;
    plan.ttlSec = options.ttlSec;
    plan.batchSize = 1000;
    plan.params = {{"load", loadTestConfigToJson(config)},
                   {"keys", std::max<qint64>(1, qint64(double(options.keySpace) * options.warmFraction))}};
    result.warming = WarmExecutor::run(plan, target);
    if (result.warming.status != WarmRunStatus::Completed) {
        result.error = QStringLiteral("warming: ") + result.warming.stopReason;
        unlinkKeysWithPrefix(control, options.keyPrefix);
        return result;
    }

    stage(QStringLiteral("warm run"));
    result.warm = LoadRun(config, target).execute();
    unlinkKeysWithPrefix(control, options.keyPrefix);
    if (result.warm.status == RunStatus::Failed) {
        result.error = QStringLiteral("warm run: ") + result.warm.failureReason;
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace cwb
