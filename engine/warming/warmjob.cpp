#include "warmjob.h"

#include "jobs/stopflag.h"
#include "warmexecutor.h"

namespace cwb {

WarmJob *makeWarmJob(WarmingPlan plan, Endpoint target, const QString &trigger, QObject *parent)
{
    return new WarmJob(
        QStringLiteral("warming %1").arg(plan.name),
        [plan = std::move(plan), target = std::move(target), trigger](const WarmJob::Context &context) {
            const jobs::StopFlag stop(context.stopToken());
            WarmRunRecord record =
                WarmExecutor::run(plan, target, stop.get(), [&context](const WarmProgress &p) { context.report(p); });
            record.trigger = trigger;
            if (record.status == WarmRunStatus::Failed)
                context.fail(record.stopReason);
            return record;
        },
        parent);
}

} // namespace cwb
