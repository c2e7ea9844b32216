#include "warmscheduler.h"

#include "cronexpression.h"

#include <algorithm>

namespace cwb {

WarmScheduler::WarmScheduler(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cwb::WarmProgress>();
    qRegisterMetaType<cwb::WarmRunRecord>();
    m_clock = [] { return QDateTime::currentDateTimeUtc(); };
    m_runner = &WarmExecutor::run;
    m_worker = std::thread([this] { workerLoop(); });
}

WarmScheduler::~WarmScheduler()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
        m_queue.clear();
        m_cancel = true;
    }
    m_changed.notify_all();
    m_worker.join();
}

void WarmScheduler::setPlans(std::vector<WarmingPlan> plans)
{
    std::lock_guard lock(m_mutex);
    m_plans = std::move(plans);
}

std::vector<WarmingPlan> WarmScheduler::plans() const
{
    std::lock_guard lock(m_mutex);
    return m_plans;
}

void WarmScheduler::setDefaultTarget(std::optional<Endpoint> target)
{
    std::lock_guard lock(m_mutex);
    m_defaultTarget = std::move(target);
}

void WarmScheduler::setClock(Clock clock)
{
    std::lock_guard lock(m_mutex);
    m_clock = std::move(clock);
}

void WarmScheduler::setRunner(Runner runner)
{
    std::lock_guard lock(m_mutex);
    m_runner = std::move(runner);
}

void WarmScheduler::setHistoryPath(const QString &path)
{
    std::lock_guard lock(m_mutex);
    m_historyPath = path;
}

std::optional<QDateTime> WarmScheduler::nextFireTime(const WarmingPlan &plan, const QDateTime &after)
{
    if (plan.schedule.trimmed().isEmpty())
        return std::nullopt;
    const auto cron = CronExpression::parse(plan.schedule);
    const auto zone = cronTimeZone(plan.timezone);
    if (!cron || !zone)
        return std::nullopt;
    return cron->nextAfter(after, *zone);
}

std::vector<DuePlan> WarmScheduler::duePlans(const std::vector<WarmingPlan> &plans, const QDateTime &from,
                                             const QDateTime &to)
{
    std::vector<DuePlan> due;
    for (size_t i = 0; i < plans.size(); ++i) {
        if (!plans[i].enabled)
            continue;
        const auto fire = nextFireTime(plans[i], from);
        if (fire && *fire <= to)
            due.push_back({i, *fire});
    }
    std::stable_sort(due.begin(), due.end(), [&](const DuePlan &a, const DuePlan &b) {
        const WarmingPlan &pa = plans[a.index];
        const WarmingPlan &pb = plans[b.index];
        if (pa.priority != pb.priority)
            return int(pa.priority) < int(pb.priority);
        if (a.fireTime != b.fireTime)
            return a.fireTime < b.fireTime;
        return pa.name < pb.name;
    });
    return due;
}

QStringList WarmScheduler::tick()
{
    std::vector<Job> jobs;
    QStringList names;
    {
        std::lock_guard lock(m_mutex);
        const QDateTime now = m_clock();
        if (m_lastTick) {
            for (const DuePlan &due : duePlans(m_plans, *m_lastTick, now)) {
                jobs.push_back({m_plans[due.index], QStringLiteral("schedule"), 0});
                names << m_plans[due.index].name;
            }
        }
        m_lastTick = now;
    }
    enqueue(std::move(jobs));
    return names;
}

bool WarmScheduler::runNow(const QString &planName)
{
    std::vector<Job> jobs;
    {
        std::lock_guard lock(m_mutex);
        const auto it = std::find_if(m_plans.begin(), m_plans.end(), [&](const WarmingPlan &p) { return p.name == planName; });
        if (it == m_plans.end())
            return false;
        jobs.push_back({*it, QStringLiteral("manual"), 0});
    }
    enqueue(std::move(jobs));
    return true;
}

void WarmScheduler::enqueue(std::vector<Job> jobs)
{
    if (jobs.empty())
        return;
    {
        std::lock_guard lock(m_mutex);
        for (Job &job : jobs) {
            job.sequence = ++m_sequence;
            m_queue.push_back(std::move(job));
        }
    }
    m_changed.notify_all();
}

void WarmScheduler::cancelCurrent()
{
    m_cancel = true;
}

void WarmScheduler::cancelAll()
{
    std::lock_guard lock(m_mutex);
    m_queue.clear();
    m_cancel = true;
}

bool WarmScheduler::isBusy() const
{
    std::lock_guard lock(m_mutex);
    return m_running || !m_queue.empty();
}

bool WarmScheduler::waitForIdle(int timeoutMs) const
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !m_running && m_queue.empty(); });
}

std::vector<WarmRunRecord> WarmScheduler::history() const
{
    std::lock_guard lock(m_mutex);
    return m_history;
}

void WarmScheduler::workerLoop()
{
    for (;;) {
        Job job;
        Runner runner;
        std::optional<Endpoint> target;
        QString targetError;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_quit || !m_queue.empty(); });
            if (m_quit)
                return;
            // Highest priority first; among equals, the order they were queued.
            const auto best = std::min_element(m_queue.begin(), m_queue.end(), [](const Job &a, const Job &b) {
                return a.plan.priority != b.plan.priority ? int(a.plan.priority) < int(b.plan.priority)
                                                          : a.sequence < b.sequence;
            });
            job = std::move(*best);
            m_queue.erase(best);
            m_running = true;
            m_cancel = false;
            runner = m_runner;
            if (!job.plan.target.isEmpty()) {
                target = parseEndpoint(job.plan.target, &targetError);
                if (target)
                    applyPasswordFromEnvironment(*target);
            } else {
                target = m_defaultTarget;
                if (!target)
                    targetError = QStringLiteral("no target: the plan names none and no server is selected");
            }
        }
        Q_EMIT planStarted(job.plan.name);
        WarmRunRecord record;
        if (target) {
            record = runner(job.plan, *target, &m_cancel, [this](const WarmProgress &p) { Q_EMIT progress(p); });
        } else {
            record.planName = job.plan.name;
            record.strategy = job.plan.strategy;
            record.startedAt = record.finishedAt = QDateTime::currentDateTimeUtc();
            record.status = WarmRunStatus::Failed;
            record.stopReason = targetError;
        }
        record.trigger = job.trigger;
        QString historyPath;
        {
            std::lock_guard lock(m_mutex);
            m_history.push_back(record);
            historyPath = m_historyPath;
        }
        if (!historyPath.isEmpty())
            appendWarmHistory(historyPath, record);
        Q_EMIT planFinished(record);
        {
            std::lock_guard lock(m_mutex);
            m_running = false;
        }
        m_changed.notify_all();
    }
}

} // namespace cwb
