#pragma once

// The warm daemon's engine: the warming scheduler without a window, on the plans file the
// Warming page edits, one instance per plans file (servicelock.h).
//
// Catch-up policy for runs missed while no daemon ran: the lock file keeps the time the last
// daemon looked at the schedule (its heartbeat, written on every tick). A new daemon starts its
// schedule from there, so a plan whose newest missed fire time lies within the grace window
// (default one hour) runs once, at start, with trigger "catch-up"; older misses are skipped and
// logged, never replayed (a morning's warming is not run at midnight). Without an earlier
// heartbeat nothing is caught up. The same rule covers a machine that slept.

#include "redis/endpoint.h"
#include "servicelock.h"
#include "warming/warmscheduler.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace cwb {

inline constexpr char kWarmServiceName[] = "warm";

struct WarmServiceOptions
{
    QString plansPath;    // the plans file (warming-plans.json); also what the lock is named after
    QString historyPath;  // run records are appended here (JSON lines); empty: nowhere
    std::optional<Endpoint> defaultTarget; // for plans that name no target
    std::chrono::seconds grace = WarmScheduler::kDefaultGrace;
    int tickMs = 1000; // how often it looks at the clock and the plans file
};

class WarmService : public QObject
{
    Q_OBJECT
public:
    explicit WarmService(WarmServiceOptions options, WarmScheduler::Clock clock = {}, QObject *parent = nullptr);
    ~WarmService() override;

    enum class StartResult { Started, Locked, BadPlans };
    // Takes the lock, reads the plans and starts ticking. Otherwise *error says why: Locked
    // (another daemon, named with its pid, or a lock file that cannot be used) or BadPlans (a
    // plans file that cannot be read or holds an invalid plan). A missing file is no plans yet.
    StartResult start(QString *error);
    // Stops ticking and cancels: the running plan ends after its batch in flight, nothing queued
    // starts. stopped() follows once nothing runs (at once when idle).
    void stop();
    bool isStopping() const { return m_stopping; }

    WarmScheduler *scheduler() const { return m_scheduler; }
    // Looks at the clock now (the timer does this every tickMs). Returns the plans queued.
    QStringList tick();

Q_SIGNALS:
    void log(const QString &line); // one line for stderr / the journal
    void stopped();

private:
    bool loadPlans(QString *error);
    void reloadIfChanged();

    WarmServiceOptions m_options;
    WarmScheduler::Clock m_clock;
    WarmScheduler *m_scheduler;
    std::unique_ptr<ServiceLock> m_lock;
    QTimer m_timer;
    QDateTime m_plansModified;
    qint64 m_plansSize = -1;
    bool m_stopping = false;
};

} // namespace cwb
