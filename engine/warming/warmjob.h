#pragma once

#include "jobs/job.h"
#include "redis/endpoint.h"
#include "warmingplan.h"
#include "warmrun.h"

namespace cwb {

// One warming run as a job: WarmExecutor::run() on the job's thread, its per-batch WarmProgress
// as progress, the WarmRunRecord as result. A stop request raises the executor's cancel flag: it
// ends after the batch in flight (or at once during a rate-limit wait) and the record says
// "cancelled after N keys", with every figure as far as it got. A run that failed (unreachable
// target or source, invalid plan) delivers its record and failed(reason); one stopped by the
// memory guard succeeds with status MemoryLimit, because that stop is the plan working as set.
// `trigger` is what the record says started it ("manual", "schedule").
using WarmJob = jobs::Job<WarmProgress, WarmRunRecord>;
WarmJob *makeWarmJob(WarmingPlan plan, Endpoint target, const QString &trigger = QStringLiteral("manual"),
                     QObject *parent = nullptr);

} // namespace cwb
