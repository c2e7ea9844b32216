#include "job.h"

#include "inbox.h"

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

JobBase::JobBase(QString name, QObject *parent)
    : QObject(parent), m_name(std::move(name)), m_inbox(new Inbox(this))
{
}

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
    m_thread = std::thread([this, token = m_stop.get_token()] {
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
        {
            // Handed over under the mutex rather than captured by the queued call: the owner
            // reads them after taking the same lock, an order ThreadSanitizer can see.
            const std::lock_guard lock(m_core->mutex);
            m_core->haveResult = haveResult;
            m_core->threw = threw;
            m_core->thrownReason = thrownReason;
            m_core->stoppedBeforeEnd = token.stop_requested();
        }
        // Posted after every progress delivery the body caused, so finished() is always last.
        // The job outlives the thread (destructors join); the inbox, a child, drops what it
        // still holds when the job is deleted first. An Inbox rather than a queued call, so
        // ThreadSanitizer sees the hand-over (inbox.h).
        m_inbox->post([this] { deliverEnd(); });
    });
    return true;
}

void JobBase::requestStop()
{
    m_stop.request_stop();
}

bool JobBase::stopRequested() const
{
    return m_stop.stop_requested();
}

void JobBase::discard()
{
    requestStop();
    // QObject's destructor unblocks signals again, so destroyed() still reaches a launcher.
    blockSignals(true);
    if (m_state == JobState::Running)
        m_discarded = true; // deliverEnd() deletes it once the body has returned
    else
        deleteLater();
}

void JobBase::queueProgressDelivery()
{
    {
        const std::lock_guard lock(m_core->mutex);
        if (m_core->progressQueued)
            return;
        m_core->progressQueued = true;
    }
    m_inbox->post([this] { deliverProgress(); });
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
    m_stop.request_stop();
    if (m_thread.joinable())
        m_thread.join();
}

void JobBase::deliverProgress()
{
    if (adoptProgress())
        Q_EMIT progressAvailable();
}

void JobBase::deliverEnd()
{
    // The body has returned; joining here is immediate.
    if (m_thread.joinable())
        m_thread.join();
    bool haveResult = false;
    bool isFailure = false;
    bool stopped = false;
    {
        const std::lock_guard lock(m_core->mutex);
        haveResult = m_core->haveResult;
        isFailure = m_core->failedByBody || m_core->threw;
        stopped = m_core->stoppedBeforeEnd;
        m_failureReason = m_core->failedByBody ? m_core->failureReason : m_core->thrownReason;
    }
    m_state = isFailure ? JobState::Failed : stopped ? JobState::Stopped : JobState::Succeeded;
    if (m_discarded) {
        deleteLater();
        return;
    }
    // A receiver may delete the job from any of these signals.
    const QPointer<JobBase> self(this);
    if (haveResult) {
        adoptResult();
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
