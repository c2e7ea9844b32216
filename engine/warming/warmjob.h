#pragma once

#include "jobs/job.h"
#include "redis/endpoint.h"
#include "warmexecutor.h"
#include "warmingplan.h"
#include "warmrun.h"

#include <optional>

namespace cwb {

// What runs a plan: WarmExecutor::run, or a stand-in in tests.
using WarmRunner = std::function<WarmRunRecord(const WarmingPlan &, const Endpoint &, const std::atomic<bool> *,
                                               const WarmExecutor::ProgressCallback &)>;

// One warming run, as the scheduler (or a command) asks for it.
struct WarmJobSpec
{
    WarmingPlan plan;
    // nullopt: the run fails at once with targetError (the plan names no server and none is chosen).
    std::optional<Endpoint> target;
    QString targetError;
    QString trigger = QStringLiteral("manual"); // what the record says started it ("schedule", "catch-up")
    // Where the record is appended (JSON lines), on the job's thread; empty: nowhere.
    QString historyPath;
    WarmRunner runner; // empty: WarmExecutor::run
};

// One warming run as a job: the runner on the job's thread, its per-batch WarmProgress as
// progress, the WarmRunRecord as result. A stop request raises the executor's cancel flag: it
// ends after the batch in flight (or at once during a rate-limit wait) and the record says
// "cancelled after N keys", with every figure as far as it got. A run that failed (no target,
// unreachable target or source, invalid plan) delivers its record and failed(reason); one
// stopped by the memory guard succeeds with status MemoryLimit, because that stop is the plan
// working as set.
using WarmJob = jobs::Job<WarmProgress, WarmRunRecord>;
WarmJob *makeWarmJob(WarmJobSpec spec, QObject *parent = nullptr);
WarmJob *makeWarmJob(WarmingPlan plan, Endpoint target, const QString &trigger = QStringLiteral("manual"),
                     QObject *parent = nullptr);

} // namespace cwb
