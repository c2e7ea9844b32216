#pragma once

#include "load/runresult.h"
#include "redis/endpoint.h"
#include "warmrun.h"

#include <QString>

#include <atomic>
#include <functional>

namespace cwb {

// Measures what warming buys: the same read-only Zipfian load test (mix 100/0/0/0, strings)
// runs twice against one server - first cold (in a fresh namespace under the key prefix), then
// after the synthetic strategy warmed the key space the test reads - and both runs' hit rates
// and latencies are reported. The namespace is removed at the end.
struct WarmingEffectOptions
{
    QString keyPrefix = QStringLiteral("cwb:effect:"); // a prefix that already holds keys is refused
    bool allowExistingKeys = false;
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
    // Why it could not start: None = a refused key prefix, else the connection's error. A
    // failure after the start (a run, the warming) leaves ServerError.
    RedisErrorKind failureKind = RedisErrorKind::ServerError;
    RunResult cold;
    RunResult warm;
    WarmRunRecord warming;
    QString keyNamespace; // where the measurement's keys lived
    qint64 keysLeft = 0;  // keys still there after the cleanup; -1: unknown
    double coldHitRate() const { return cold.hitRate(); }
    double warmHitRate() const { return warm.hitRate(); }
    // "cold: hit rate 0.0 %, p50 ... / warm: ..." lines for the CLI.
    QString summary() const;
};

// `cancel` stops whichever stage runs (the namespace is still removed); the result then says
// "cancelled".
WarmingEffectResult measureWarmingEffect(const Endpoint &target, const WarmingEffectOptions &options = {},
                                         const std::function<void(const QString &)> &onStage = {},
                                         const std::atomic<bool> *cancel = nullptr);

} // namespace cwb
