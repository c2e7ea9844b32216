#pragma once

#include "loadconfig.h"
#include "redis/endpoint.h"
#include "runresult.h"
#include "runsnapshot.h"

#include <atomic>
#include <functional>

namespace cwb {

// How a LoadRun treats its keys and stop requests (see LoadRun).
struct LoadRunOptions
{
    // Write beside keys already under the prefix (they stay untouched either way).
    bool allowExistingKeys = false;
    // The prefix is a namespace the caller claimed for this work (a benchmark, a tuning
    // sweep) and cleans up itself: keys go straight under it, and it is not checked again.
    bool insideCallerNamespace = false;
    // A caller's stop flag, honoured like requestStop().
    const std::atomic<bool> *cancel = nullptr;
    // Called on the collector thread as each second of the measurement window closes, with the
    // second's full statistics (histograms included): what a distributed run's agent streams to
    // its coordinator (distrib/). Keep it short: the next collection waits for it.
    std::function<void(const SecondSample &, const StatsBlock &)> onSecond;
};

// One load test from start to result. execute() blocks the calling thread, which becomes the
// collector: it starts the worker threads, merges their statistics ten times a second into
// immutable snapshots, closes one SecondSample per second, and at the end builds the result.
//
//   execute():  validate -> resolve -> pre-flight (connect, INFO, claim the key namespace)
//               -> start workers -> wait for connections (<= 5 s) -> warm-up -> measurement
//               -> stop (<= 1 s) -> final INFO -> cleanup of the namespace (optional) -> RunResult
//
// Keys: the run writes only under its namespace "<keyPrefix><tag>:" (tag = the run id's first
// 8 hex digits, see keyprefix.h), and refuses a prefix that already holds keys unless
// Options::allowExistingKeys. Cleanup removes the namespace; what it leaves is in keysLeft.
//
// A failure before the load starts (bad config, unreachable server, wrong password, occupied
// prefix) returns a result with status Failed and the reason; once the load runs, server
// failures are counted as errors and the run goes on until its end. A run whose every
// operation failed, or that ends with no user connected and a last second without a single
// success (it lost its server), is Failed too, with its measurements.
class LoadRun
{
public:
    using SnapshotCallback = std::function<void(const RunSnapshot &)>;
    static constexpr int kSnapshotHz = 10;

    using Options = LoadRunOptions;

    LoadRun(LoadTestConfig config, Endpoint endpoint, Options options = {});
    ~LoadRun();

    RunResult execute(const SnapshotCallback &onSnapshot = {});
    // Thread-safe. execute() returns within about a second, with status Stopped.
    void requestStop() { m_stopRequested.store(true); }
    bool stopRequested() const { return m_stopRequested.load() || (m_options.cancel && m_options.cancel->load()); }
    const QString &runId() const { return m_runId; }

private:
    LoadTestConfig m_config;
    Endpoint m_endpoint;
    Options m_options;
    QString m_runId;
    std::atomic<bool> m_stopRequested{false};
};

} // namespace cwb
