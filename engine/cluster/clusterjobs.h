#pragma once

// Cluster discovery and manual failover as jobs (engine/jobs/job.h). The ClusterDiscovery object
// and its node connections live on the job's thread only; the owner gets Topology values.

#include "clusterdiscovery.h"
#include "jobs/job.h"
#include "jobs/stepprogress.h"

namespace cwb {

struct ClusterWatchOptions
{
    ClusterDiscovery::Options discovery; // its stopToken is set by the job
    int intervalMs = 1500;               // between the starts of two polls
    int polls = 0;                       // stop after this many; 0 = until a stop is requested
};

// One poll's outcome, newest wins: the whole picture, so coalescing loses nothing.
struct ClusterUpdate
{
    std::optional<Topology> topology; // nullopt when this poll failed
    QString error;                    // why it failed
    int poll = 0;                     // 1 for the first
};

struct ClusterWatchResult
{
    std::optional<Topology> last; // the newest topology read, if any
    QString lastError;            // of the last poll; empty when it succeeded
    int polls = 0;
};

// Reads the topology every intervalMs (ops/s from the second poll on) until stopped or `polls`
// are done; a stop request is honoured between polls at once and between node calls within a
// poll. A failed poll is reported and the watch goes on (nodes come back); a bounded watch whose
// every poll failed fails with the last reason. The result always holds the newest topology.
using ClusterWatchJob = jobs::Job<ClusterUpdate, ClusterWatchResult>;
ClusterWatchJob *makeClusterWatchJob(Endpoint seed, ClusterWatchOptions options = {}, QObject *parent = nullptr);

struct FailoverResult
{
    bool promoted = false; // the replica reports itself master
    QString error;
};

// CLUSTER FAILOVER on a replica (node id, id prefix or host:port), then waits up to waitMs for it
// to report itself master. Fails with the reason unless promoted; a stop ends the wait.
using ClusterFailoverJob = jobs::Job<jobs::StepProgress, FailoverResult>;
ClusterFailoverJob *makeClusterFailoverJob(Endpoint seed, QString replica, int waitMs = 10000,
                                           ClusterDiscovery::Options options = {}, QObject *parent = nullptr);

} // namespace cwb
