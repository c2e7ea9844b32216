#pragma once

#include <QStringList>

namespace cwb::cli {

// `cluster topology`: a Redis Cluster's nodes, roles, health, slots and metrics.
// `cluster simulate`: a sharding what-if (balance, movement on add/remove, rebalancing plan).
// `cluster failover`: CLUSTER FAILOVER on a replica.
int clusterCommand(const QStringList &args);

} // namespace cwb::cli
