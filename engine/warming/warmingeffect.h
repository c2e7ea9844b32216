#pragma once

#include "load/runresult.h"
#include "redis/endpoint.h"
#include "warmrun.h"

#include <QString>

#include <atomic>
#include <functional>

namespace cwb {

// Measures what warming buys: the same read-only Zipfian load test (mix 100/0/0/0, strings)
// runs twice against one server - first cold (its key prefix emptied), then after the
// synthetic strategy warmed the key space the test reads - and both runs' hit rates and
// latencies are reported.
struct WarmingEffectOptions
{
    QString keyPrefix = QStringLiteral("cwb:effect:"); // emptied (SCAN + UNLINK) before and after
    qint64 keySpace = 5000;
    double durationSec = 2;
    int users = 4;
    double warmFraction = 1.0; // share of the key space to warm, from the hottest key
    int ttlSec = 600;
};

struct WarmingEffectResult
{
    bool ok = false;
    QString error;
    RunResult cold;
    RunResult warm;
    WarmRunRecord warming;
    double coldHitRate() const { return cold.hitRate(); }
    double warmHitRate() const { return warm.hitRate(); }
    // "cold: hit rate 0.0 %, p50 ... / warm: ..." lines for the CLI.
    QString summary() const;
};

WarmingEffectResult measureWarmingEffect(const Endpoint &target, const WarmingEffectOptions &options = {},
                                         const std::function<void(const QString &)> &onStage = {});

} // namespace cwb
