#pragma once

#include "loadjob.h"

#include <QObject>

namespace cwb {

namespace jobs {
class JobLauncher;
}

// The Qt face of a load run for event-loop programs (the GUI), on top of LoadJob: start()
// returns at once and the run proceeds on the job's thread; snapshots arrive as signals at
// LoadRun's 10 Hz cadence at most (coalesced, never one per operation), so the receiver's event
// loop is never flooded. New code can use LoadJob directly.
class LoadRunner : public QObject
{
    Q_OBJECT

public:
    explicit LoadRunner(QObject *parent = nullptr);
    ~LoadRunner() override; // stops a run in progress and waits for it (at most ~1 s)

    using RunJob = jobs::Job<RunSnapshot, RunResult>;

    // False when a run is already in progress.
    bool start(const LoadTestConfig &config, const Endpoint &endpoint);
    // Any other job that delivers a load run's snapshots and result (a distributed run,
    // distrib/distributedjob.h), run and reported the same way. Takes `job` over (also when it
    // returns false: the job is then deleted).
    bool start(RunJob *job, const QString &runId);
    void stop();
    // Runs go through this launcher from now on, so its owner sees them among the running jobs.
    void setLauncher(jobs::JobLauncher *launcher) { m_launcher = launcher; }
    bool isRunning() const { return m_job != nullptr; }
    // The last snapshot delivered (in the receiver's thread).
    const RunSnapshot &latestSnapshot() const { return m_latest; }

Q_SIGNALS:
    void started(const QString &runId);
    void snapshotAvailable(const cwb::RunSnapshot &snapshot);
    // Also for stopped runs; status says which. Failed runs come through runFailed instead.
    void runFinished(const cwb::RunResult &result);
    void runFailed(const QString &reason, const cwb::RunResult &result);

private:
    void onFinished();

    RunJob *m_job = nullptr;
    QString m_runId;
    jobs::JobLauncher *m_launcher = nullptr;
    RunSnapshot m_latest;
};

} // namespace cwb
