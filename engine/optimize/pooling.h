#pragma once

#include "experimentcontext.h"
#include "sweep.h"

#include <nlohmann/json_fwd.hpp>

#include <vector>

namespace cwb {

struct PoolSweepOptions
{
    std::vector<int> poolSizes{1, 2, 4, 8, 16, 32};
    double offeredRps = 0;        // fixed offered load; 0 = probe: 50% of a closed-loop run with 8 connections
    double stepSec = 1.0;
    int repeats = 1;
    double plateauFraction = 0.95; // reaches the plateau: throughput >= this x the best
    double p99Slack = 1.5;         // keeps p99 low: p99 <= this x the best p99 (or best + 200 µs)
    double perRequestSec = 0.3;    // how long to measure connect-per-request (and the pooled baseline)
};

// The connect-per-request anti-pattern next to a reused connection: the same GET, timed.
struct ConnectPerRequest
{
    uint64_t ops = 0;
    double opsPerSec = 0;
    double p50Us = 0;
    double p99Us = 0;
    uint64_t pooledOps = 0;
    double pooledOpsPerSec = 0;
    double pooledP50Us = 0;
    double pooledP99Us = 0;
    QString error;
};

struct PoolingResult
{
    Sweep sweep;                // throughput and p99 against pool size, at offeredRps
    double offeredRps = 0;
    int recommendedPool = 0;    // 0 when none reached the plateau
    QString reason;
    ConnectPerRequest perRequest;
};

// Open-loop LoadRuns (pipeline 1) at a fixed offered rate with 1, 2, 4, ... connections: the
// smallest pool that reaches the throughput plateau and keeps p99 near its best.
PoolingResult runPoolSweep(const ExperimentContext &ctx, const PoolSweepOptions &options);
ConnectPerRequest measureConnectPerRequest(const ExperimentContext &ctx, double seconds);

nlohmann::json poolingToJson(const PoolingResult &result);

} // namespace cwb
