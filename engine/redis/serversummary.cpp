#include "serversummary.h"

#include "infoparser.h"

namespace cwb {

ServerSummary summarize(const InfoSnapshot &info)
{
    ServerSummary summary;
    summary.version = info.server.redisVersion;
    // Redis still says "slave" on the wire; users (and the Redis docs) say "replica".
    const QString role = info.replication.role;
    summary.role = role == QLatin1String("slave") ? QStringLiteral("replica") : role;
    // Servers before 3.0 do not report redis_mode; cluster_enabled is the surer sign.
    summary.mode = info.server.redisMode;
    if (info.cluster.clusterEnabled)
        summary.mode = QStringLiteral("cluster");
    else if (summary.mode.isEmpty())
        summary.mode = QStringLiteral("standalone");
    summary.usedMemoryBytes = info.memory.usedMemory;
    summary.maxMemoryBytes = info.memory.maxMemory;
    summary.maxMemoryPolicy = info.memory.maxMemoryPolicy;
    summary.connectedClients = info.clients.connectedClients;
    return summary;
}

} // namespace cwb
