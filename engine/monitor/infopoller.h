#pragma once

#include "monitorsample.h"

#include "redis/endpoint.h"

#include <QStringList>

#include <memory>
#include <stop_token>
#include <vector>

namespace cwb {

// One collection step, synchronous: INFO from every node of the target (a cluster's nodes
// are found with CLUSTER NODES), turned into samples with rates from counter deltas. Runs on
// the collector's worker thread; every call is bounded by the connection timeouts, so a
// stopped server costs one timeout, never a hang.
class InfoPoller
{
public:
    struct Options
    {
        int timeoutMs = 2000;
        int clusterRefreshPolls = 10; // re-read CLUSTER NODES every N polls
        std::stop_token stopToken;    // a job's stop: poll() skips the nodes it has not asked yet
    };

    InfoPoller(Endpoint endpoint, Options options);
    explicit InfoPoller(Endpoint endpoint);
    ~InfoPoller();

    // One sample per node ("host:port"), plus a node "all" with the sum when there are several.
    // A node that did not answer gets a sample with only up = 0.
    std::vector<MonitorSample> poll(qint64 nowMs);

    QString target() const;     // the endpoint's address: the "target" label
    QStringList nodes() const;  // as of the last poll
    QString lastError() const;  // empty when every node answered the last poll
    bool lastPollReachable() const; // at least one node answered

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cwb
