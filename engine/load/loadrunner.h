#pragma once

#include "loadrun.h"

#include <QObject>

#include <memory>
#include <thread>

namespace cwb {

// The Qt face of LoadRun for event-loop programs (the GUI): start() returns at once and the
// run proceeds on a thread of its own; snapshots arrive as queued signals at LoadRun's 10 Hz
// cadence, never one per operation, so the receiver's event loop is never flooded.
class LoadRunner : public QObject
{
    Q_OBJECT

public:
    explicit LoadRunner(QObject *parent = nullptr);
    ~LoadRunner() override; // stops a run in progress and waits for it (at most ~1 s)

    // False when a run is already in progress.
    bool start(const LoadTestConfig &config, const Endpoint &endpoint);
    void stop();
    bool isRunning() const { return m_running; }
    // The last snapshot delivered (in the receiver's thread).
    const RunSnapshot &latestSnapshot() const { return m_latest; }

Q_SIGNALS:
    void started(const QString &runId);
    void snapshotAvailable(const cwb::RunSnapshot &snapshot);
    // Also for stopped runs; status says which. Failed runs come through runFailed instead.
    void runFinished(const cwb::RunResult &result);
    void runFailed(const QString &reason, const cwb::RunResult &result);

private:
    void onSnapshot(const RunSnapshot &snapshot);
    void onDone(const RunResult &result);

    std::unique_ptr<LoadRun> m_run;
    std::thread m_thread;
    bool m_running = false;
    RunSnapshot m_latest;
};

} // namespace cwb
