#pragma once

#include "jobs/job.h"
#include "jobs/stepprogress.h"
#include "sandboxcluster.h"
#include "sandboxredis.h"

#include <memory>

namespace cwb {

struct SandboxRequest
{
    enum class Kind { Single, Cluster };
    Kind kind = Kind::Single;
    SandboxRedis::Options single;    // for Kind::Single (its stopToken is set by the job)
    SandboxCluster::Options cluster; // for Kind::Cluster (likewise)
};

// A started sandbox, handed over whole: whoever holds it owns the servers, and destroying it stops
// them (by pid). Take it out of the job with releaseResult(); left in the job, it dies with it.
struct StartedSandbox
{
    std::unique_ptr<SandboxRedis> single;
    std::unique_ptr<SandboxCluster> cluster;
    Endpoint endpoint; // what to connect to: the server, or a cluster's first master

    bool isRunning() const { return single || cluster; }
};

// Starting a sandbox as a job (a cluster takes seconds: it waits for cluster_state:ok). A stop
// request ends the start between its steps; whatever was started is stopped again and the result
// holds no sandbox (also when the stop came just as the start succeeded). A start that fails fails the job with the
// sandbox's own reason, no result.
using SandboxJob = jobs::Job<jobs::StepProgress, StartedSandbox>;
SandboxJob *makeSandboxJob(SandboxRequest request, QObject *parent = nullptr);

} // namespace cwb
