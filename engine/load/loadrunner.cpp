#include "loadrunner.h"

#include <QMetaObject>
#include <QPointer>

namespace cwb {

LoadRunner::LoadRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<cwb::RunSnapshot>();
    qRegisterMetaType<cwb::RunResult>();
}

LoadRunner::~LoadRunner()
{
    if (m_run)
        m_run->requestStop();
    if (m_thread.joinable())
        m_thread.join();
}

bool LoadRunner::start(const LoadTestConfig &config, const Endpoint &endpoint)
{
    if (m_running)
        return false;
    if (m_thread.joinable())
        m_thread.join(); // the previous run's thread has already delivered its result
    m_run = std::make_unique<LoadRun>(config, endpoint);
    m_running = true;
    m_latest = RunSnapshot{};
    Q_EMIT started(m_run->runId());
    // The run's thread hands values to this object's thread with queued invocations; the
    // QPointer guards against a runner deleted while a delivery is in flight.
    QPointer<LoadRunner> self(this);
    LoadRun *run = m_run.get();
    m_thread = std::thread([self, run] {
        const RunResult result = run->execute([self](const RunSnapshot &snapshot) {
            QMetaObject::invokeMethod(
                self.data(), [self, snapshot] { if (self) self->onSnapshot(snapshot); }, Qt::QueuedConnection);
        });
        QMetaObject::invokeMethod(
            self.data(), [self, result] { if (self) self->onDone(result); }, Qt::QueuedConnection);
    });
    return true;
}

void LoadRunner::stop()
{
    if (m_run && m_running)
        m_run->requestStop();
}

void LoadRunner::onSnapshot(const RunSnapshot &snapshot)
{
    m_latest = snapshot;
    Q_EMIT snapshotAvailable(snapshot);
}

void LoadRunner::onDone(const RunResult &result)
{
    m_running = false;
    if (result.status == RunStatus::Failed)
        Q_EMIT runFailed(result.failureReason, result);
    else
        Q_EMIT runFinished(result);
}

} // namespace cwb
