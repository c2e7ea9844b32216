#include "job.h"

#include <QMetaObject>
#include <QPointer>

namespace cwb::jobs {

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Idle: return QStringLiteral("idle");
    case JobState::Running: return QStringLiteral("running");
    case JobState::Succeeded: return QStringLiteral("succeeded");
    case JobState::Stopped: return QStringLiteral("stopped");
    case JobState::Failed: return QStringLiteral("failed");
    }
    return {};
}

JobBase::JobBase(QString name, QObject *parent) : QObject(parent), m_name(std::move(name)) {}

JobBase::~JobBase()
{
    stopAndJoin();
}

bool JobBase::start()
{
    if (m_state != JobState::Idle)
        return false;
    m_state = JobState::Running;
    Q_EMIT started();
    m_thread = std::jthread([this](std::stop_token token) {
        bool haveResult = false;
        bool threw = false;
        QString thrownReason;
        try {
            haveResult = runBody(token);
        } catch (const JobFailure &failure) {
            threw = true;
            thrownReason = failure.reason;
        } catch (const std::exception &e) {
            threw = true;
            thrownReason = QString::fromUtf8(e.what());
        } catch (...) {
            threw = true;
            thrownReason = QStringLiteral("unknown error");
        }
        // Queued after every progress delivery the body caused, so finished() is always last.
        // The object outlives the thread (destructors join), and Qt drops events posted to an
        // object that is deleted before they are delivered.
        QMetaObject::invokeMethod(
            this, [this, haveResult, threw, thrownReason] { deliverEnd(haveResult, threw, thrownReason); },
            Qt::QueuedConnection);
    });
    return true;
}

void JobBase::requestStop()
{
    m_thread.request_stop();
}

bool JobBase::stopRequested() const
{
    return m_thread.get_stop_token().stop_requested();
}

void JobBase::queueProgressDelivery()
{
    {
        const std::lock_guard lock(m_core->mutex);
        if (m_core->progressQueued)
            return;
        m_core->progressQueued = true;
    }
    QMetaObject::invokeMethod(this, [this] { deliverProgress(); }, Qt::QueuedConnection);
}

void JobBase::markFailed(const QString &reason)
{
    const std::lock_guard lock(m_core->mutex);
    if (!m_core->failedByBody) {
        m_core->failedByBody = true;
        m_core->failureReason = reason;
    }
}

void JobBase::stopAndJoin()
{
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();
    }
}

void JobBase::deliverProgress()
{
    {
        const std::lock_guard lock(m_core->mutex);
        m_core->progressQueued = false;
    }
    takeProgress();
    Q_EMIT progressAvailable();
}

void JobBase::deliverEnd(bool haveResult, bool threw, const QString &thrownReason)
{
    // The body has returned; joining here is immediate and makes its writes visible.
    if (m_thread.joinable())
        m_thread.join();
    bool failedByBody = false;
    {
        const std::lock_guard lock(m_core->mutex);
        failedByBody = m_core->failedByBody;
        if (failedByBody)
            m_failureReason = m_core->failureReason;
    }
    if (threw && !failedByBody)
        m_failureReason = thrownReason;
    const bool isFailure = threw || failedByBody;
    if (isFailure)
        m_state = JobState::Failed;
    else
        m_state = m_thread.get_stop_token().stop_requested() ? JobState::Stopped : JobState::Succeeded;
    // A receiver may delete the job from any of these signals.
    const QPointer<JobBase> self(this);
    if (haveResult) {
        takeResult();
        Q_EMIT resultAvailable();
        if (!self)
            return;
    }
    if (isFailure) {
        Q_EMIT failed(m_failureReason);
        if (!self)
            return;
    }
    Q_EMIT finished();
}

} // namespace cwb::jobs
