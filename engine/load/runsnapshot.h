#pragma once

#include "runresult.h"

#include <QMetaType>

#include <memory>

namespace cwb {

enum class RunPhase { Connecting, WarmingUp, Running, Stopping, Finished, Failed };
QString runPhaseName(RunPhase phase);

// Latency summary of one operation type (or all), in microseconds.
struct LatencySummary
{
    uint64_t count = 0;
    uint64_t errors = 0;
    uint64_t hits = 0;
    uint64_t misses = 0;
    double minUs = 0, meanUs = 0, p50Us = 0, p95Us = 0, p99Us = 0, p999Us = 0, maxUs = 0;

    static LatencySummary from(const OpCounters &counters);
};

// One agent's second of a distributed run: `agent` indexes RunSnapshot::agents, `second` is what
// that agent measured in it (the merged second of the same index sums these).
struct AgentSecond
{
    int agent = 0;
    SecondSample second;
};

// What a running load test looks like now: published by the collector at a fixed cadence
// (10 Hz) as an immutable value. The GUI, the CLI and alert rules all read these.
struct RunSnapshot
{
    QString runId;
    QString testName;
    RunPhase phase = RunPhase::Connecting;
    double elapsedSec = 0;   // since the load started (warm-up included)
    double plannedSec = 0;   // warm-up + duration
    double measuredSec = 0;  // of the measurement window so far
    int connectedUsers = 0;
    int totalUsers = 0;

    // The last collection interval (about 100 ms).
    double intervalOpsPerSec = 0;
    double intervalErrorsPerSec = 0;
    double intervalP99Us = 0;

    // Since the measurement started.
    std::array<LatencySummary, kOpTypeCount> ops{};
    LatencySummary total;
    uint64_t connectErrors = 0;
    // All operations' latencies since the measurement started, for distribution views.
    std::shared_ptr<const LatencyHistogram> totalLatency;
    // Seconds completed since the previous snapshot (consumers append them to their series).
    std::vector<SecondSample> newSeconds;
    // A distributed run (distrib/coordinator.h): each agent as it stands (empty otherwise).
    std::vector<AgentSummary> agents;
    // ... and each agent's seconds that arrived since the previous snapshot, in arrival order
    // (an agent's own seconds in order), for per-agent series. Empty for a run on one machine.
    std::vector<AgentSecond> newAgentSeconds;

    double progress() const { return plannedSec > 0 ? std::min(1.0, elapsedSec / plannedSec) : 0; }

    // Coalesced delivery (engine/jobs/job.h): a snapshot that replaces an undelivered one of the
    // same run takes in that one's completed seconds (merged and per agent), so a consumer
    // appending newSeconds and newAgentSeconds misses none.
    void foldEarlier(RunSnapshot &&earlier)
    {
        if (earlier.runId != runId)
            return;
        prependEarlier(newSeconds, std::move(earlier.newSeconds));
        prependEarlier(newAgentSeconds, std::move(earlier.newAgentSeconds));
    }

private:
    template <typename T> static void prependEarlier(std::vector<T> &later, std::vector<T> &&earlier)
    {
        if (earlier.empty())
            return;
        earlier.insert(earlier.end(), std::make_move_iterator(later.begin()), std::make_move_iterator(later.end()));
        later = std::move(earlier);
    }
};

} // namespace cwb

Q_DECLARE_METATYPE(cwb::RunSnapshot)
Q_DECLARE_METATYPE(cwb::RunResult)
