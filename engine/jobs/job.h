#pragma once

// The one way long work runs off the caller's thread, in the GUI, the CLI and the services.
//
// A job owns its thread. Its body runs there with a JobContext: a std::stop_token to honour
// (within a second), report() for progress values, fail() for a reason. Everything the owner
// sees arrives in the owner's thread as queued deliveries, in this order:
//
//   started()  progressAvailable()*  resultAvailable()?  failed(reason)?  finished()
//
// started() is emitted by start() itself; finished() always comes last, whatever happened;
// state() then says how it ended. Values cross threads by copy, never as pointers into the
// body's state: progress() and result() return the owner's copies. Progress is coalesced:
// however often the body reports, at most one delivery is queued at a time and the owner always
// sees the newest value, so a fast body cannot flood an event loop. A progress type that carries
// deltas (new per-second samples, new monitoring samples) declares
//
//   void foldEarlier(Progress &&earlier);
//
// and a value replacing an undelivered one takes that one's deltas in, so coalescing never
// loses data (see RunSnapshot).

#include <QObject>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>
#include <utility>

namespace cwb::jobs {

enum class JobState {
    Idle,      // not started
    Running,
    Succeeded, // the body returned a result and no stop was requested before it returned
    Stopped,   // a stop was requested while it ran; a partial result may have been delivered
    Failed,    // the body called fail() or threw; a partial result may have been delivered
};
QString jobStateName(JobState state); // "idle", "running", "succeeded", "stopped", "failed"

// Thrown by a body to fail without a result.
struct JobFailure : std::exception
{
    explicit JobFailure(QString why) : reason(std::move(why)) {}
    const char *what() const noexcept override { return "job failed"; }
    QString reason;
};

class Inbox;

template <class P>
concept FoldsEarlier = requires(P &newer, P &&earlier) { newer.foldEarlier(std::move(earlier)); };

// The typed-agnostic part: thread, stop, ordering of deliveries. Use Job<Progress, Result>.
class JobBase : public QObject
{
    Q_OBJECT

public:
    explicit JobBase(QString name, QObject *parent = nullptr);
    ~JobBase() override; // requests a stop and joins the thread

    const QString &name() const { return m_name; }
    JobState state() const { return m_state; }
    bool isRunning() const { return m_state == JobState::Running; }
    bool isDone() const { return m_state != JobState::Idle && m_state != JobState::Running; }
    const QString &failureReason() const { return m_failureReason; }

    // Starts the body on the job's own thread. A job runs once: false when it ran already.
    bool start();
    // Thread-safe, from any thread and at any time (before start() too: the body then sees a
    // stop at once); the body sees it through its token.
    void requestStop();
    bool stopRequested() const;
    // For an owner that no longer wants the outcome and must not wait for it (a superseded
    // probe, a collector for a target that changed): asks the job to stop, silences every
    // further signal and deletes the job once its body has returned. Never blocks.
    void discard();

Q_SIGNALS:
    void started();
    void progressAvailable();
    void resultAvailable();
    void failed(const QString &reason);
    void finished();

protected:
    // Shared by the owner's deliveries and the body's thread; everything in it is guarded by
    // `mutex`, which is also what orders the body's writes before the owner's reads.
    struct Core
    {
        std::mutex mutex;
        bool progressQueued = false;
        bool failedByBody = false;
        QString failureReason;
        // Set once by the thread when the body has returned.
        bool haveResult = false;
        bool threw = false;
        QString thrownReason;
        bool stoppedBeforeEnd = false;
    };

    // Runs on the job's thread; returns whether a result was produced.
    virtual bool runBody(std::stop_token token) = 0;
    // Owner thread: move the pending progress / result into the owner's copies. adoptProgress()
    // also clears Core::progressQueued (under the same lock) and says whether a value was pending.
    virtual bool adoptProgress() = 0;
    virtual void adoptResult() = 0;

    // Body side: queue a progress delivery unless one is already queued.
    void queueProgressDelivery();
    void markFailed(const QString &reason);
    // Every derived destructor calls this first, so no body outlives the typed state it writes.
    void stopAndJoin();

    std::shared_ptr<Core> m_core = std::make_shared<Core>();

private:
    void deliverProgress();
    void deliverEnd();

    QString m_name;
    JobState m_state = JobState::Idle;
    QString m_failureReason;
    bool m_discarded = false;
    Inbox *m_inbox; // a child: it lives in the owner's thread
    std::stop_source m_stop;
    std::thread m_thread;
};

// What a body gets.
template <class Progress>
class JobContext
{
public:
    using Reporter = std::function<void(Progress)>;
    JobContext(std::stop_token token, Reporter reporter, std::function<void(const QString &)> failer)
        : m_token(std::move(token)), m_report(std::move(reporter)), m_fail(std::move(failer))
    {
    }

    const std::stop_token &stopToken() const { return m_token; }
    bool stopRequested() const { return m_token.stop_requested(); }
    // Publishes the newest progress value; cheap, call it as often as convenient, from any thread.
    void report(Progress value) const { m_report(std::move(value)); }
    // Marks the job failed; the body may still return a partial result.
    void fail(const QString &reason) const { m_fail(reason); }
    // Sleeps for `duration` or until a stop is requested, whichever comes first. False when stopped.
    bool sleepFor(std::chrono::milliseconds duration) const
    {
        std::mutex mutex;
        std::condition_variable_any wake;
        std::unique_lock lock(mutex);
        wake.wait_for(lock, m_token, duration, [] { return false; });
        return !m_token.stop_requested();
    }

private:
    std::stop_token m_token;
    Reporter m_report;
    std::function<void(const QString &)> m_fail;
};

template <class Progress, class Result>
class Job : public JobBase
{
public:
    using ProgressType = Progress;
    using ResultType = Result;
    using Context = JobContext<Progress>;
    using Body = std::function<Result(const Context &)>;

    Job(QString name, Body body, QObject *parent = nullptr)
        : JobBase(std::move(name), parent), m_body(std::move(body)), m_typed(std::make_shared<Typed>())
    {
    }
    ~Job() override { stopAndJoin(); }

    // The newest progress delivered to the owner's thread (a default value before the first).
    const Progress &progress() const { return m_progress; }
    // Set once resultAvailable() was delivered.
    const std::optional<Result> &result() const { return m_result; }
    // Moves the result out (for results that own something, such as a started sandbox).
    std::optional<Result> releaseResult() { return std::exchange(m_result, std::nullopt); }

protected:
    bool runBody(std::stop_token token) override
    {
        const std::shared_ptr<Typed> typed = m_typed;
        const Context context(
            token,
            [this, typed](Progress value) {
                {
                    const std::lock_guard lock(m_core->mutex);
                    if constexpr (FoldsEarlier<Progress>) {
                        if (typed->pendingProgress)
                            value.foldEarlier(std::move(*typed->pendingProgress));
                    }
                    typed->pendingProgress = std::move(value);
                }
                queueProgressDelivery();
            },
            [this](const QString &reason) { markFailed(reason); });
        Result value = m_body(context);
        const std::lock_guard lock(m_core->mutex);
        typed->result = std::move(value);
        return true;
    }
    bool adoptProgress() override
    {
        const std::lock_guard lock(m_core->mutex);
        m_core->progressQueued = false;
        if (!m_typed->pendingProgress)
            return false;
        m_progress = std::move(*m_typed->pendingProgress);
        m_typed->pendingProgress.reset();
        return true;
    }
    void adoptResult() override
    {
        const std::lock_guard lock(m_core->mutex);
        m_result = std::move(m_typed->result);
        m_typed->result.reset();
    }

private:
    struct Typed
    {
        std::optional<Progress> pendingProgress;
        std::optional<Result> result;
    };

    Body m_body;
    std::shared_ptr<Typed> m_typed;
    Progress m_progress{};
    std::optional<Result> m_result;
};

} // namespace cwb::jobs
