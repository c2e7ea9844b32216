#pragma once

#include "jobs/job.h"
#include "loadrun.h"

namespace cwb {

// A load test as a job: LoadRun::execute() on the job's thread, its snapshots (10 Hz) as
// progress, the RunResult as result. A stop request reaches LoadRun::requestStop() through a
// stop callback; the result then has status Stopped and holds what was measured until then.
// A run that fails (bad configuration, unreachable server, wrong password) delivers its result
// (status Failed, with the reason) and failed(reason).
class LoadJob : public jobs::Job<RunSnapshot, RunResult>
{
public:
    LoadJob(LoadTestConfig config, Endpoint endpoint, QObject *parent = nullptr);
    LoadJob(LoadTestConfig config, Endpoint endpoint, LoadRunOptions options, QObject *parent = nullptr);

    // The id every snapshot and the result carry; known before the job starts.
    const QString &runId() const { return m_runId; }

private:
    LoadJob(std::shared_ptr<LoadRun> run, QObject *parent);

    QString m_runId;
};

} // namespace cwb
