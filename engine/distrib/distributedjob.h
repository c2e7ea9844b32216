#pragma once

#include "coordinator.h"
#include "jobs/job.h"

namespace cwb {

// A distributed run as a job (engine/jobs/job.h): Coordinator::execute() on the job's thread, its
// snapshots (merged seconds, each agent's state) as progress, the merged RunResult as result. A
// stop request reaches the agents through Coordinator::requestStop(); a run that fails delivers
// its result (status Failed, with the reason) and failed(reason), as a LoadJob does.
class DistributedLoadJob : public jobs::Job<RunSnapshot, RunResult>
{
public:
    DistributedLoadJob(LoadTestConfig config, Endpoint target, CoordinatorOptions options, QObject *parent = nullptr);

    // The id every snapshot and the result carry; known before the job starts.
    const QString &runId() const { return m_runId; }

private:
    DistributedLoadJob(std::shared_ptr<Coordinator> coordinator, QObject *parent);

    QString m_runId;
};

} // namespace cwb
