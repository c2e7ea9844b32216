#pragma once

#include "jobs/job.h"
#include "monitorsample.h"
#include "redis/endpoint.h"

#include <atomic>
#include <memory>

namespace cwb {

// What the collector delivers. Samples accumulate until the owner takes them: when deliveries
// coalesce (a busy owner), an earlier batch is folded into the newer one, so no sample is lost.
struct CollectedSamples
{
    std::vector<MonitorSample> samples; // every node of every poll since the last delivery, oldest first
    bool reachable = false;             // as of the newest poll: at least one node answered
    QString error;                      // of the newest poll; empty when every node answered
    int polls = 0;                      // since the job started

    void foldEarlier(CollectedSamples &&earlier)
    {
        earlier.samples.insert(earlier.samples.end(), samples.begin(), samples.end());
        samples = std::move(earlier.samples);
    }
};

struct CollectionSummary
{
    int polls = 0;
};

// Monitoring collection as a job: polls INFO from every node of the target (InfoPoller) plus this
// process's CPU and memory, at once and then every *intervalMs, until stopped. The interval is read
// before each wait, so the owner may change it while the job runs. A poll bounds each node by
// min(interval / 2, 2 s), taking the interval the job started with. A stop request ends the wait
// at once, and a poll before its next node (that poll's samples are then dropped, not delivered
// half).
using CollectionJob = jobs::Job<CollectedSamples, CollectionSummary>;
CollectionJob *makeCollectionJob(Endpoint endpoint, std::shared_ptr<const std::atomic<int>> intervalMs,
                                 QObject *parent = nullptr);

} // namespace cwb
