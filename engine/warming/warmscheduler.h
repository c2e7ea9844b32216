#pragma once

#include "redis/endpoint.h"
#include "warmexecutor.h"
#include "warmingplan.h"
#include "warmrun.h"

#include <QDateTime>
#include <QObject>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace cwb {

// A plan that fell due in a time window.
struct DuePlan
{
    size_t index = 0;      // into the plan list
    QDateTime fireTime;    // when it fell due
};

// Runs plans on one worker thread, one at a time, highest priority first. tick() looks at the
// clock and queues every enabled plan whose cron schedule fired since the previous tick (all at
// once, so the worker sees them together and takes high before medium before low); runNow()
// queues one plan by hand. A plan that fails (unreachable source, bad file) is recorded with
// its reason and the queue goes on. Missed fire times while nothing ticked are not caught up,
// like cron.
//
// Signals are emitted from the worker thread: connect with a receiver object in the GUI
// thread (queued) or use direct connections from code that is thread-safe.
class WarmScheduler : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    using Runner = std::function<WarmRunRecord(const WarmingPlan &, const Endpoint &, const std::atomic<bool> *,
                                               const WarmExecutor::ProgressCallback &)>;

    explicit WarmScheduler(QObject *parent = nullptr);
    ~WarmScheduler() override; // cancels the running plan and joins the worker

    void setPlans(std::vector<WarmingPlan> plans);
    std::vector<WarmingPlan> plans() const;
    // The server for plans that name no target of their own.
    void setDefaultTarget(std::optional<Endpoint> target);
    // For tests: a fake clock, and a runner other than WarmExecutor::run.
    void setClock(Clock clock);
    void setRunner(Runner runner);
    // Where finished runs are appended (JSON lines); empty: memory only.
    void setHistoryPath(const QString &path);

    // The enabled, scheduled plans whose next fire time after `from` is <= `to`, in run order:
    // priority (high first), then fire time, then name. Pure.
    static std::vector<DuePlan> duePlans(const std::vector<WarmingPlan> &plans, const QDateTime &from,
                                         const QDateTime &to);
    // A plan's next fire time after `after`; nullopt without a (valid) schedule.
    static std::optional<QDateTime> nextFireTime(const WarmingPlan &plan, const QDateTime &after);

    // Queues the plans due since the previous tick (the first tick only sets the mark).
    // Returns the names queued, in order.
    QStringList tick();
    // Queues a plan by name (trigger "manual"). False when no plan has that name.
    bool runNow(const QString &planName);

    void cancelCurrent();   // the running plan stops after its current batch
    void cancelAll();       // also drops the queue
    bool isBusy() const;    // running or queued
    bool waitForIdle(int timeoutMs) const;
    std::vector<WarmRunRecord> history() const; // this session's runs, oldest first

Q_SIGNALS:
    void planStarted(const QString &planName);
    void progress(const cwb::WarmProgress &progress);
    void planFinished(const cwb::WarmRunRecord &record);

private:
    struct Job
    {
        WarmingPlan plan;
        QString trigger;
        quint64 sequence = 0;
    };
    void enqueue(std::vector<Job> jobs);
    void workerLoop();

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::vector<WarmingPlan> m_plans;
    std::optional<Endpoint> m_defaultTarget;
    Clock m_clock;
    Runner m_runner;
    QString m_historyPath;
    std::optional<QDateTime> m_lastTick;
    std::deque<Job> m_queue;
    quint64 m_sequence = 0;
    bool m_running = false;
    bool m_quit = false;
    std::atomic<bool> m_cancel{false};
    std::vector<WarmRunRecord> m_history;
    std::thread m_worker;
};

} // namespace cwb
