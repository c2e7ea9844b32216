#pragma once

#include "experimentcontext.h"
#include "load/loadconfig.h"
#include "load/runresult.h"

namespace cwb {

// One short LoadRun as a step of a sweep: a small, fixed workload under ctx.keyPrefix + sub,
// cleaned up afterwards, stopped early on cancel or when the memory guard trips.
struct LoadStepOptions
{
    double durationSec = 1.0;
    int users = 4;
    int pipeline = 1;
    double requestsPerSecond = 0; // 0 = closed loop
    int threads = 1;
    int64_t keySpace = 1000;
    int valueSize = 128;
    QString subPrefix = QStringLiteral("load:");
};

struct LoadStepResult
{
    bool ok = false;
    QString error;          // why it failed or stopped early
    double throughput = 0;  // successful ops/s
    double p50Us = 0;
    double p99Us = 0;
    uint64_t errors = 0;
    RunResult run;
};

// The config the step runs: 90% reads, 10% writes of fixed-size strings on a uniform key space.
LoadTestConfig loadStepConfig(const ExperimentContext &ctx, const LoadStepOptions &options);
LoadStepResult runLoadStep(const ExperimentContext &ctx, const LoadStepOptions &options);
// An upper bound of the bytes the step takes on the server: its keys, and its connections with
// their buffers at the pipeline depth (see keyMemoryEstimate and kConnectionMemory).
qint64 loadStepMemoryEstimate(const LoadStepOptions &options);

} // namespace cwb
