#include "warmscheduler.h"

#include "cronexpression.h"

#include <QEventLoop>
#include <QTimer>

#include <algorithm>

namespace cwb {

namespace {

constexpr int kMaxCountedFireTimes = 100000;

} // namespace

WarmScheduler::WarmScheduler(QObject *parent)
    : WarmScheduler([] { return QDateTime::currentDateTimeUtc(); }, parent)
{
}

WarmScheduler::WarmScheduler(Clock clock, QObject *parent) : QObject(parent), m_clock(std::move(clock))
{
    qRegisterMetaType<cwb::WarmProgress>();
    qRegisterMetaType<cwb::WarmRunRecord>();
}

WarmScheduler::~WarmScheduler()
{
    m_queue.clear();
    // Deleting a running job stops it and waits for its body: the batch in flight, bounded by
    // the command timeout. Its deliveries die with it, so nothing reaches this half-destroyed object.
    delete std::exchange(m_job, nullptr);
}

void WarmScheduler::setPlans(std::vector<WarmingPlan> plans)
{
    m_plans = std::move(plans);
}

void WarmScheduler::setDefaultTarget(std::optional<Endpoint> target)
{
    m_defaultTarget = std::move(target);
}

void WarmScheduler::setMark(const QDateTime &since)
{
    m_lastTick = since;
    m_catchingUp = true;
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

std::optional<QDateTime> WarmScheduler::lastFireTime(const WarmingPlan &plan, const QDateTime &from,
                                                     const QDateTime &to, int *count)
{
    if (count)
        *count = 0;
    const auto cron = CronExpression::parse(plan.schedule);
    const auto zone = cronTimeZone(plan.timezone);
    if (plan.schedule.trimmed().isEmpty() || !cron || !zone)
        return std::nullopt;
    std::optional<QDateTime> last;
    int n = 0;
    for (auto fire = cron->nextAfter(from, *zone); fire && *fire <= to && n < kMaxCountedFireTimes;
         fire = cron->nextAfter(*fire, *zone)) {
        last = fire;
        ++n;
    }
    if (count)
        *count = n;
    return last;
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
    const QDateTime now = m_clock();
    std::vector<Queued> runs;
    QStringList names;
    if (m_lastTick && now > *m_lastTick) {
        const QDateTime graceStart = now.addSecs(-std::max<qint64>(0, m_grace.count()));
        const QString trigger = m_catchingUp ? QStringLiteral("catch-up") : QStringLiteral("schedule");
        for (const DuePlan &due : duePlans(m_plans, *m_lastTick, now)) {
            const WarmingPlan &plan = m_plans[due.index];
            int missed = 0;
            const QDateTime last = lastFireTime(plan, *m_lastTick, now, &missed).value_or(due.fireTime);
            if (last < graceStart) {
                Q_EMIT runsSkipped(plan.name, missed, last);
                continue;
            }
            runs.push_back({plan, trigger, 0});
            names << plan.name;
        }
    }
    if (!m_lastTick || now > *m_lastTick) {
        m_lastTick = now;
        m_catchingUp = false;
    }
    enqueue(std::move(runs));
    return names;
}

bool WarmScheduler::runNow(const QString &planName)
{
    const auto it =
        std::find_if(m_plans.begin(), m_plans.end(), [&](const WarmingPlan &p) { return p.name == planName; });
    if (it == m_plans.end())
        return false;
    enqueue({{*it, QStringLiteral("manual"), 0}});
    return true;
}

void WarmScheduler::enqueue(std::vector<Queued> runs)
{
    for (Queued &run : runs) {
        run.sequence = ++m_sequence;
        m_queue.push_back(std::move(run));
    }
    startNext();
}

void WarmScheduler::startNext()
{
    if (m_job || m_queue.empty())
        return;
    // Highest priority first; among equals, the order they were queued.
    const auto best = std::min_element(m_queue.begin(), m_queue.end(), [](const Queued &a, const Queued &b) {
        return a.plan.priority != b.plan.priority ? int(a.plan.priority) < int(b.plan.priority)
                                                  : a.sequence < b.sequence;
    });
    WarmJobSpec spec;
    spec.plan = std::move(best->plan);
    spec.trigger = best->trigger;
    m_queue.erase(best);
    spec.historyPath = m_historyPath;
    spec.runner = m_runner;
    if (!spec.plan.target.isEmpty()) {
        spec.target = parseEndpoint(spec.plan.target, &spec.targetError);
        if (spec.target)
            applyPasswordFromEnvironment(*spec.target);
    } else {
        spec.target = m_defaultTarget;
        if (!spec.target)
            spec.targetError = QStringLiteral("no target: the plan names none and no server is selected");
    }
    m_runningPlan = spec.plan.name;
    m_job = makeWarmJob(std::move(spec), this);
    WarmJob *job = m_job;
    connect(job, &jobs::JobBase::progressAvailable, this, [this, job] { Q_EMIT progress(job->progress()); });
    connect(job, &jobs::JobBase::finished, this, &WarmScheduler::onJobFinished);
    Q_EMIT planStarted(m_runningPlan);
    job->start();
}

void WarmScheduler::onJobFinished()
{
    WarmJob *job = std::exchange(m_job, nullptr);
    job->deleteLater();
    WarmRunRecord record;
    if (job->result()) {
        record = *job->result();
    } else { // the body threw: still one record, with the reason
        record.planName = m_runningPlan;
        record.status = WarmRunStatus::Failed;
        record.stopReason = job->failureReason();
    }
    m_history.push_back(record);
    Q_EMIT planFinished(record);
    startNext();
    if (!isBusy())
        Q_EMIT idle();
}

void WarmScheduler::cancelCurrent()
{
    if (m_job)
        m_job->requestStop();
}

void WarmScheduler::cancelAll()
{
    m_queue.clear();
    cancelCurrent();
}

bool WarmScheduler::waitForIdle(int timeoutMs)
{
    if (!isBusy())
        return true;
    QEventLoop loop;
    connect(this, &WarmScheduler::idle, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !isBusy();
}

} // namespace cwb
