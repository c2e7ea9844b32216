#pragma once

#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <functional>
#include <vector>

namespace cwb {

// TTL policies for a cache-aside client. The adaptive one derives each key's TTL from how often
// it was read recently (a space-saving tracker over a sliding window of two halves):
//   ttl = minTtl + (maxTtl - minTtl) * log(1 + f) / log(1 + fTop)
// where f is the key's estimated reads in the window and fTop the hottest key's, so hot keys
// live up to maxTtl and cold ones expire after minTtl; always within [minTtl, maxTtl].
struct TtlPolicy
{
    QString name;
    bool adaptive = false;
    int fixedTtlMs = 2000;
    int minTtlMs = 500;
    int maxTtlMs = 8000;
};

struct TtlReplayOptions
{
    int64_t keySpace = 20000;
    double zipfExponent = 0.99;
    int valueSize = 256;
    double durationSec = 5;       // per policy
    double opsPerSec = 20000;     // replay rate (reads; misses add a write)
    int phases = 4;               // the hot set moves this many times per replay
    qint64 maxmemoryBytes = 8 * 1024 * 1024; // the sandbox's limit (allkeys-lru)
    int trackerCapacity = 512;
    double windowSec = 1.0;       // frequency window of the adaptive policy
    uint64_t seed = 7;
    std::vector<TtlPolicy> policies; // empty: fixed 2 s and adaptive 0.5..8 s
};

struct TtlPolicyResult
{
    TtlPolicy policy;
    uint64_t reads = 0;
    uint64_t hits = 0;
    double hitRate = 0;
    double meanUsedMemory = 0;   // bytes, sampled 10 times a second
    qint64 peakUsedMemory = 0;
    qint64 evictedKeys = 0;
    qint64 expiredKeys = 0;
    double achievedOpsPerSec = 0;
    double meanTtlMs = 0;        // the TTLs the policy gave
    std::vector<double> hitRateSeries; // per tenth of the replay
};

struct TtlResult
{
    std::vector<TtlPolicyResult> policies;
    int bestIndex = -1;          // highest hit rate
    QString summary;
    QString error;
    bool stopped = false;
};

// Replays the same synthetic Zipfian trace with a shifting hot set once per policy, each against
// a fresh sandbox redis-server with maxmemory and allkeys-lru (never the user's server: it needs
// a memory limit the workbench must not impose on someone else's server). Time is compressed:
// TTLs are seconds and the replay takes durationSec per policy.
TtlResult runTtlExperiment(const TtlReplayOptions &options, const std::atomic<bool> *cancel = nullptr,
                           const std::function<void(const QString &, double)> &progress = {});
nlohmann::json ttlToJson(const TtlResult &result);

} // namespace cwb
