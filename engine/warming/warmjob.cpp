#include "warmjob.h"

#include "jobs/stopflag.h"

namespace cwb {

namespace {

WarmRunRecord notRun(const WarmingPlan &plan, const QString &why)
{
    WarmRunRecord record;
    record.planName = plan.name;
    record.strategy = plan.strategy;
    record.startedAt = record.finishedAt = QDateTime::currentDateTimeUtc();
    record.status = WarmRunStatus::Failed;
    record.stopReason = why;
    return record;
}

} // namespace

WarmJob *makeWarmJob(WarmJobSpec spec, QObject *parent)
{
    if (!spec.runner)
        spec.runner = &WarmExecutor::run;
    const QString name = QStringLiteral("warming %1").arg(spec.plan.name);
    return new WarmJob(
        name,
        [spec = std::move(spec)](const WarmJob::Context &context) {
            WarmRunRecord record;
            if (spec.target) {
                const jobs::StopFlag stop(context.stopToken());
                record = spec.runner(spec.plan, *spec.target, stop.get(),
                                     [&context](const WarmProgress &p) { context.report(p); });
            } else {
                record = notRun(spec.plan, spec.targetError);
            }
            record.trigger = spec.trigger;
            if (!spec.historyPath.isEmpty())
                appendWarmHistory(spec.historyPath, record);
            if (record.status == WarmRunStatus::Failed)
                context.fail(record.stopReason);
            return record;
        },
        parent);
}

WarmJob *makeWarmJob(WarmingPlan plan, Endpoint target, const QString &trigger, QObject *parent)
{
    WarmJobSpec spec;
    spec.plan = std::move(plan);
    spec.target = std::move(target);
    spec.trigger = trigger;
    return makeWarmJob(std::move(spec), parent);
}

} // namespace cwb
