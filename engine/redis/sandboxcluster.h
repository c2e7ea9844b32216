#pragma once

#include "endpoint.h"
#include "sandboxredis.h"

#include <QString>

#include <memory>
#include <vector>

namespace cwb {

// A throw-away Redis Cluster on loopback: `masters` masters each with `replicasPerMaster`
// replicas (default 3 + 3), slots 0-16383 split evenly over the masters, replication set
// up, and start() returning only once every node reports cluster_state:ok and every
// replica is attached. Nodes are stopped when the object is destroyed.
class SandboxCluster
{
public:
    struct Options
    {
        int masters = 3;
        int replicasPerMaster = 1;
        int startTimeoutMs = 30000;
        QString password; // requirepass + masterauth on every node, when not empty
        std::stop_token stopToken; // a job's stop: start() gives up, stops what it started ("stopped")
        // TLS on every node (tls-cluster and tls-replication too), one throw-away CA for all;
        // seed() and each node's endpoint() are then rediss:// endpoints.
        SandboxRedis::Tls tls;
    };

    SandboxCluster();
    ~SandboxCluster();

    bool start(const Options &options, QString *error = nullptr);
    bool start(QString *error = nullptr) { return start(Options{}, error); }
    void stop();

    // All nodes, masters first in slot order, then replicas.
    std::vector<SandboxRedis *> nodes() const;
    // A seed endpoint (the first master).
    Endpoint seed() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cwb
