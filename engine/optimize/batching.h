#pragma once

#include "experimentcontext.h"
#include "sweep.h"

#include <vector>

namespace cwb {

struct PipelineSweepOptions
{
    std::vector<int> depths{1, 2, 4, 8, 16, 32, 64, 128};
    int repeats = 1;
    double stepSec = 1.0;
    int users = 4;
    int64_t keySpace = 1000;
    int valueSize = 128;
    double minGain = 0.10;   // knee: next step gains less than this
    double p99BoundUs = 0;   // knee: or p99 passes this (0 = no bound)
};

// Closed-loop LoadRuns at each pipeline depth (requests in flight per connection).
Sweep runPipelineSweep(const ExperimentContext &ctx, const PipelineSweepOptions &options);

struct BatchSweepOptions
{
    std::vector<int> sizes{1, 2, 4, 8, 16, 32, 64, 128};
    double stepSec = 0.3;   // per size, split between MSET and MGET
    int valueSize = 128;
    double minGain = 0.10;
};

// MSET/MGET with n keys per command on one connection, alternating; throughput in keys/s,
// latency per command. Shows what batching buys without pipelining.
Sweep runBatchSweep(const ExperimentContext &ctx, const BatchSweepOptions &options);

} // namespace cwb
