#include "warmservice.h"

#include "warming/warmingplan.h"

#include <QFileInfo>

namespace cwb {

namespace {

QString issuesText(const std::vector<PlanIssue> &issues)
{
    QStringList lines;
    for (const PlanIssue &issue : issues)
        lines << issue.toString();
    return lines.join(QStringLiteral("; "));
}

QString recordLine(const WarmRunRecord &record)
{
    QString line = QStringLiteral("%1 (%2): %3, %4")
                       .arg(record.planName, record.trigger, warmRunStatusName(record.status), record.summary());
    if (!record.stopReason.isEmpty())
        line += QStringLiteral(" - ") + record.stopReason;
    return line;
}

} // namespace

WarmService::WarmService(WarmServiceOptions options, WarmScheduler::Clock clock, QObject *parent)
    : QObject(parent), m_options(std::move(options)),
      m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); }),
      m_scheduler(new WarmScheduler(m_clock, this))
{
    m_scheduler->setDefaultTarget(m_options.defaultTarget);
    m_scheduler->setHistoryPath(m_options.historyPath);
    m_scheduler->setCatchUpGrace(m_options.grace);
    connect(m_scheduler, &WarmScheduler::planStarted, this,
            [this](const QString &name) { Q_EMIT log(QStringLiteral("%1: started").arg(name)); });
    connect(m_scheduler, &WarmScheduler::planFinished, this,
            [this](const WarmRunRecord &record) { Q_EMIT log(recordLine(record)); });
    connect(m_scheduler, &WarmScheduler::runsSkipped, this,
            [this](const QString &name, int missed, const QDateTime &lastDue) {
                Q_EMIT log(QStringLiteral("%1: skipped %2 missed run(s), the last due %3, older than the "
                                          "catch-up window of %4 s")
                               .arg(name)
                               .arg(missed)
                               .arg(lastDue.toString(Qt::ISODate))
                               .arg(m_options.grace.count()));
            });
    connect(m_scheduler, &WarmScheduler::idle, this, [this] {
        if (m_stopping)
            Q_EMIT stopped();
    });
    connect(&m_timer, &QTimer::timeout, this, &WarmService::tick);
}

WarmService::~WarmService()
{
    // The scheduler stops its running plan and waits for it before the lock is released, so no
    // second daemon starts while this one still writes.
    delete m_scheduler;
}

WarmService::StartResult WarmService::start(QString *error)
{
    if (QFileInfo(m_options.plansPath).isDir()) { // refused before a lock file is made next to it
        *error = QStringLiteral("%1 is a folder, not a plans file").arg(m_options.plansPath);
        return StartResult::BadPlans;
    }
    m_lock = ServiceLock::acquire(m_options.plansPath, QString::fromLatin1(kWarmServiceName),
                                  m_options.defaultTarget ? m_options.defaultTarget->displayUri() : QString(), error);
    if (!m_lock)
        return StartResult::Locked;
    if (!loadPlans(error)) {
        m_lock.reset();
        return StartResult::BadPlans;
    }
    const QDateTime now = m_clock();
    if (const auto &previous = m_lock->previousHeartbeat(); previous && *previous < now) {
        m_scheduler->setMark(*previous);
        Q_EMIT log(QStringLiteral("catching up on runs due since %1 (window %2 s)")
                       .arg(previous->toString(Qt::ISODate))
                       .arg(m_options.grace.count()));
    }
    tick();
    m_timer.start(m_options.tickMs);
    return StartResult::Started;
}

void WarmService::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_timer.stop();
    const bool busy = m_scheduler->isBusy();
    m_scheduler->cancelAll();
    if (!busy)
        Q_EMIT stopped();
}

QStringList WarmService::tick()
{
    if (m_stopping)
        return {};
    reloadIfChanged();
    const QStringList queued = m_scheduler->tick();
    if (m_lock)
        m_lock->heartbeat(m_clock());
    return queued;
}

bool WarmService::loadPlans(QString *error)
{
    const QFileInfo info(m_options.plansPath);
    m_plansModified = info.lastModified();
    m_plansSize = info.exists() ? info.size() : -1;
    if (!info.exists()) {
        m_scheduler->setPlans({});
        Q_EMIT log(QStringLiteral("no plans in %1 yet; watching it").arg(m_options.plansPath));
        return true;
    }
    PlanFileResult loaded = loadWarmingPlans(m_options.plansPath);
    if (!loaded.errors.empty()) {
        *error = QStringLiteral("%1: %2").arg(m_options.plansPath, issuesText(loaded.errors));
        return false;
    }
    int scheduled = 0;
    for (const WarmingPlan &plan : loaded.plans)
        scheduled += plan.enabled && !plan.schedule.trimmed().isEmpty();
    Q_EMIT log(QStringLiteral("%1 plan(s) from %2, %3 scheduled").arg(loaded.plans.size()).arg(m_options.plansPath).arg(scheduled));
    m_scheduler->setPlans(std::move(loaded.plans));
    return true;
}

// The Warming page saves the file atomically (a new inode), so size and time tell a change.
void WarmService::reloadIfChanged()
{
    const QFileInfo info(m_options.plansPath);
    if (info.lastModified() == m_plansModified && (info.exists() ? info.size() : -1) == m_plansSize)
        return;
    if (QString error; !loadPlans(&error))
        Q_EMIT log(QStringLiteral("keeping the plans read before: %1").arg(error));
}

} // namespace cwb
