#pragma once

#include "pagecontext.h"
#include "redis/endpoint.h"
#include "service/servicelock.h"
#include "warming/warmingplan.h"
#include "warming/warmrun.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace cwb {

class PageHeader;
class ServiceBanner;
class WarmScheduler;
class WarmingTimeline;

// Cache warming: the plans (strategy, priority, schedule in words and cron, next run, last
// result), a 24-hour timeline of scheduled runs, Run now with progress and cancel, and the
// history of runs. Plans are kept in AppDataLocation/warming-plans.json (saved only when
// valid) and runs appended to AppDataLocation/warming-history.jsonl. Runs happen on the
// scheduler's worker thread.
//
// Schedules fire from here only while no warm daemon (`cache-workbench-cli warm daemon`) holds
// the plans file's lock: while one does, the page says so in a banner, fires nothing itself
// (the daemon picks up the plans saved here) and Run now still works. Each tick looks at the
// lock (a non-blocking flock and a 1 KiB read); when the daemon has gone, the page takes the
// schedule over from the daemon's last heartbeat, so a run it missed is caught up once.
class WarmingPage : public QWidget
{
    Q_OBJECT
public:
    explicit WarmingPage(const PageContext &context, QWidget *parent = nullptr);
    ~WarmingPage() override;

    PageHeader *header() const { return m_header; }

    // Adds (or replaces, by name) a plan; refuses an invalid one with the first issue.
    bool addPlan(const WarmingPlan &plan, QString *error = nullptr);
    bool removePlan(const QString &name);
    std::vector<WarmingPlan> plans() const { return m_plans; }
    // Queues the plan by hand. False when the name is unknown or no target is available.
    bool runNow(const QString &name);

    // Looks at the clock and the warm daemon's lock (the timer does this every 15 s): fires the
    // plans due since the last look, unless a daemon runs the schedules.
    void tick();
    // The warm daemon that runs the schedules now; nullopt when this page does.
    const std::optional<ServiceHolder> &scheduleOwner() const { return m_scheduleOwner; }
    ServiceBanner *serviceBanner() const { return m_serviceBanner; }

    // "every 15 minutes (UTC)", "daily at 06:00 (local time)", ... ; empty schedule: "on demand".
    static QString scheduleInWords(const QString &cron, const QString &timezone);

    QTableWidget *plansTable() const { return m_plansTable; }
    QTableWidget *historyTable() const { return m_historyTable; }
    WarmingTimeline *timeline() const { return m_timeline; }
    QPushButton *runNowButton() const { return m_runNow; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    WarmScheduler *scheduler() const { return m_scheduler; }

private:
    // The server plans without a target of their own write to (the target bar's endpoint).
    void setTarget(const std::optional<Endpoint> &endpoint);
    void loadPlans();
    bool savePlans(QString *error);
    void refreshPlans();
    void refreshHistory();
    void addHistoryRow(const WarmRunRecord &record, bool atTop);
    void updateButtons();
    // Whether a warm daemon owns the schedules now; shows or hides the banner.
    bool checkScheduleOwner();
    void onNewPlan();
    void onEditPlan();
    void onImportPlans();
    void onRemovePlan();
    void onRunNow();
    void onProgress(const WarmProgress &progress);
    void onFinished(const WarmRunRecord &record);
    QString selectedPlanName() const;
    QStringList planNamesExcept(const QString &name) const;

    PageHeader *m_header = nullptr;
    QTableWidget *m_plansTable = nullptr;
    QTableWidget *m_historyTable = nullptr;
    WarmingTimeline *m_timeline = nullptr;
    QPushButton *m_newPlan = nullptr;
    QPushButton *m_editPlan = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_runNow = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_targetLabel = nullptr;
    ServiceBanner *m_serviceBanner = nullptr;
    QTimer *m_tickTimer = nullptr;
    WarmScheduler *m_scheduler = nullptr;

    std::vector<WarmingPlan> m_plans;
    std::vector<WarmRunRecord> m_history; // oldest first
    TargetSource *m_source = nullptr;
    std::optional<Endpoint> m_target;
    QString m_plansPath;
    QString m_historyPath;
    std::optional<ServiceHolder> m_scheduleOwner;
    int m_running = 0;
    bool m_awaitingStart = false; // "Run now" queued a plan that has not started yet
};

} // namespace cwb
