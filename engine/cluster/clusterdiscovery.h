#pragma once

#include "clusterparsers.h"
#include "redis/endpoint.h"
#include "topology.h"

#include <QString>

#include <memory>
#include <optional>
#include <stop_token>

namespace cwb {

// Reads a real Redis Cluster's topology from any one of its nodes: CLUSTER SHARDS (Redis 7),
// falling back to CLUSTER NODES on older servers, then each node's INFO for its metrics
// (one RedisConnection per node, kept between calls, every call bounded by the timeout).
// Health comes from the cluster's own flags, plus our health check: a node the cluster
// still calls up but that does not answer INFO within the timeout is "suspected".
// One thread uses an instance at a time.
class ClusterDiscovery
{
public:
    enum class Method { Auto, Shards, Nodes };

    struct Options
    {
        int timeoutMs = 1500;        // connect and command timeout per node
        bool collectMetrics = true;  // INFO on every node
        Method method = Method::Auto;
        // A job's stop: discover() and manualFailover() give up between node calls once it is
        // requested (a call in flight still ends within timeoutMs).
        std::stop_token stopToken;
    };

    explicit ClusterDiscovery(Endpoint seed, Options options);
    explicit ClusterDiscovery(Endpoint seed);
    ~ClusterDiscovery();
    ClusterDiscovery(const ClusterDiscovery &) = delete;
    ClusterDiscovery &operator=(const ClusterDiscovery &) = delete;

    // nullopt with *error set when no known node answers or the target is not a cluster.
    // Ops/s come from the counter deltas since the previous successful call.
    std::optional<Topology> discover(QString *error = nullptr);
    const std::optional<Topology> &last() const;

    // CLUSTER FAILOVER on a replica (node id, id prefix or host:port), then waits up to
    // waitMs for it to report itself master (or until a stop is requested: false, "stopped").
    bool manualFailover(const QString &replica, QString *error = nullptr, int waitMs = 10000);

    // SIGKILLs a node's server, only if this process started it (a sandbox: its parent pid is
    // ours and it is a redis-server). Never touches a user's cluster.
    static bool killOwnedNode(const TopologyNode &node, QString *error = nullptr);
    static bool isOwnedSandboxProcess(qint64 pid);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cwb
