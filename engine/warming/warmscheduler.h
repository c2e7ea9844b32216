#pragma once

#include "redis/endpoint.h"
#include "warmjob.h"
#include "warmingplan.h"
#include "warmrun.h"

#include <QDateTime>
#include <QObject>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>

namespace cwb {

// A plan that fell due in a time window.
struct DuePlan
{
    size_t index = 0;      // into the plan list
    QDateTime fireTime;    // when it fell due
};

// Runs plans as warming jobs (warmjob.h), one at a time, highest priority first. It lives on
// the thread of its owner's event loop (the GUI's, the warm daemon's) and emits there; only the
// runs themselves are on the jobs' threads.
//
// tick() reads the clock and queues every enabled plan whose cron schedule fired since the
// previous tick (all at once, so high runs before medium before low); runNow() queues one by
// hand. A plan runs at most once per tick, however many of its fire times passed.
//
// Catch-up policy: a plan whose newest missed fire time is older than the grace window (default
// one hour) when a tick sees it is not run; runsSkipped() says so. This covers a daemon that was
// down (setMark() with the time it last looked), a laptop that slept and a GUI that was closed:
// a run missed by minutes still happens once, a morning's warming is not replayed at midnight.
// The mark never moves backwards, so a clock set back makes nothing fire twice.
//
// A plan that fails (no target, unreachable source, bad file) is recorded with its reason and the
// queue goes on. Each record is appended to the history file on the job's thread.
class WarmScheduler : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    using Runner = WarmRunner;
    static constexpr std::chrono::seconds kDefaultGrace{3600};

    explicit WarmScheduler(QObject *parent = nullptr); // the wall clock (UTC)
    explicit WarmScheduler(Clock clock, QObject *parent = nullptr);
    ~WarmScheduler() override; // stops the running plan (it ends after its batch in flight) and waits for it

    void setPlans(std::vector<WarmingPlan> plans);
    const std::vector<WarmingPlan> &plans() const { return m_plans; }
    // The server for plans that name no target of their own.
    void setDefaultTarget(std::optional<Endpoint> target);
    void setClock(Clock clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); } // the scheduler's clock (UTC)
    // For tests: a runner other than WarmExecutor::run (it still runs as a job).
    void setRunner(Runner runner) { m_runner = std::move(runner); }
    // Where finished runs are appended (JSON lines); empty: memory only.
    void setHistoryPath(const QString &path) { m_historyPath = path; }
    void setCatchUpGrace(std::chrono::seconds grace) { m_grace = grace; }
    std::chrono::seconds catchUpGrace() const { return m_grace; }
    // Schedules fire from `since` on, not from the first tick: a daemon passes the time it last
    // looked before it went down, and the next tick runs (trigger "catch-up") or skips what it missed.
    void setMark(const QDateTime &since);

    // The enabled, scheduled plans whose next fire time after `from` is <= `to`, in run order:
    // priority (high first), then fire time, then name. Pure.
    static std::vector<DuePlan> duePlans(const std::vector<WarmingPlan> &plans, const QDateTime &from,
                                         const QDateTime &to);
    // A plan's next fire time after `after`; nullopt without a (valid) schedule.
    static std::optional<QDateTime> nextFireTime(const WarmingPlan &plan, const QDateTime &after);
    // The newest fire time in (from, to], and how many there were (counted up to 100000).
    static std::optional<QDateTime> lastFireTime(const WarmingPlan &plan, const QDateTime &from, const QDateTime &to,
                                                 int *count = nullptr);

    // Queues the plans due since the previous tick (without a mark, the first tick only sets it).
    // Returns the names queued, in order.
    QStringList tick();
    // Queues a plan by name (trigger "manual"). False when no plan has that name.
    bool runNow(const QString &planName);

    void cancelCurrent(); // the running plan stops after its current batch
    void cancelAll();     // also drops the queue
    bool isBusy() const { return m_job || !m_queue.empty(); }
    // Runs an event loop until nothing runs or is queued, or the timeout passed. True when idle.
    bool waitForIdle(int timeoutMs);
    const std::vector<WarmRunRecord> &history() const { return m_history; } // this session's runs, oldest first

Q_SIGNALS:
    void planStarted(const QString &planName);
    void progress(const cwb::WarmProgress &progress);
    void planFinished(const cwb::WarmRunRecord &record);
    // Fire times of a plan that passed beyond the grace window and were not run.
    void runsSkipped(const QString &planName, int missed, const QDateTime &lastDue);
    void idle();

private:
    struct Queued
    {
        WarmingPlan plan;
        QString trigger;
        quint64 sequence = 0;
    };
    void enqueue(std::vector<Queued> runs);
    void startNext();
    void onJobFinished();

    std::vector<WarmingPlan> m_plans;
    std::optional<Endpoint> m_defaultTarget;
    Clock m_clock;
    Runner m_runner;
    QString m_historyPath;
    std::chrono::seconds m_grace = kDefaultGrace;
    std::optional<QDateTime> m_lastTick;
    bool m_catchingUp = false; // the mark came from setMark(): the next tick's runs are catch-ups
    std::deque<Queued> m_queue;
    quint64 m_sequence = 0;
    WarmJob *m_job = nullptr; // the running plan, a child
    QString m_runningPlan;
    std::vector<WarmRunRecord> m_history;
};

} // namespace cwb
