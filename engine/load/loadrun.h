#pragma once

#include "loadconfig.h"
#include "redis/endpoint.h"
#include "runresult.h"
#include "runsnapshot.h"

#include <atomic>
#include <functional>

namespace cwb {

// One load test from start to result. execute() blocks the calling thread, which becomes the
// collector: it starts the worker threads, merges their statistics ten times a second into
// immutable snapshots, closes one SecondSample per second, and at the end builds the result.
//
//   execute():  validate -> resolve -> pre-flight (connect, INFO) -> start workers
//               -> wait for connections (<= 5 s) -> warm-up -> measurement -> stop (<= 1 s)
//               -> final INFO -> cleanup of the prefix (optional) -> RunResult
//
// A failure before the load starts (bad config, unreachable server, wrong password) returns a
// result with status Failed and the reason; once the load runs, server failures are counted
// as errors and the run goes on until its end.
class LoadRun
{
public:
    using SnapshotCallback = std::function<void(const RunSnapshot &)>;
    static constexpr int kSnapshotHz = 10;

    LoadRun(LoadTestConfig config, Endpoint endpoint);
    ~LoadRun();

    RunResult execute(const SnapshotCallback &onSnapshot = {});
    // Thread-safe. execute() returns within about a second, with status Stopped.
    void requestStop() { m_stopRequested.store(true); }
    bool stopRequested() const { return m_stopRequested.load(); }
    const QString &runId() const { return m_runId; }

private:
    LoadTestConfig m_config;
    Endpoint m_endpoint;
    QString m_runId;
    std::atomic<bool> m_stopRequested{false};
};

} // namespace cwb
