#pragma once

#include "redis/redisreply.h"
#include "topology.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace cwb {

// CLUSTER SHARDS (Redis 7) reply -> Topology without metrics. Pure and total: any reply,
// however malformed, gives either a topology or nullopt with *error naming the bad part.
std::optional<Topology> parseClusterShards(const RedisReply &reply, QString *error = nullptr);

// CLUSTER NODES text -> Topology without metrics (replication offsets are not in the text).
// Pure and total like parseClusterShards. Migrating/importing markers ("[42->-id]") are
// skipped; "fail?" means suspected, "fail" failed.
std::optional<Topology> parseClusterNodes(QByteArrayView text, QString *error = nullptr);

} // namespace cwb
