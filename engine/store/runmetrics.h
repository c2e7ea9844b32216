#pragma once

// The comparable figures of a stored run, whatever measured it. Workbench runs derive them
// from their histograms (latency percentiles of the merged per-op histograms, never averages);
// imported runs use the figures their source reported (RunMeta::sourceMetrics). A metric that
// was not measured is std::nullopt.

#include "resultstore.h"

#include <array>
#include <optional>

namespace cwb {

struct OpMetrics
{
    std::optional<double> throughput; // successful ops/s of this op type
    std::optional<double> p50Us, p95Us, p99Us, maxUs;
    std::optional<qint64> count;
};

struct RunMetrics
{
    std::optional<double> throughput;      // successful ops/s
    std::optional<double> p50Us, p95Us, p99Us, p999Us, maxUs;
    std::optional<double> errorRate;       // 0..1
    std::optional<double> hitRate;         // 0..1
    std::optional<double> serverMemoryBytes; // peak used_memory (else after) during the run
    std::optional<double> clientCpuUsPerOp;  // client CPU time per operation, microseconds
    std::optional<qint64> ops;             // operations, failed ones included
    std::array<OpMetrics, kOpTypeCount> byOp;
};

RunMetrics runMetrics(const StoredRun &run);
RunMetrics runMetrics(const RunResult &result); // as a workbench run

} // namespace cwb
