#pragma once

#include <QString>

namespace cwb {

struct InfoSnapshot;

// What a user wants to know first about a server they connected to: a small value for
// labels and for deciding which features apply (cluster pages, eviction advice).
struct ServerSummary
{
    QString version; // "7.0.15"
    QString role;    // "master" or "replica" (Redis' "slave" is reported as "replica")
    QString mode;    // "standalone", "cluster" or "sentinel"
    qint64 usedMemoryBytes = 0;
    qint64 maxMemoryBytes = 0; // 0 = no limit
    QString maxMemoryPolicy;   // e.g. "allkeys-lru"; empty when not reported
    qint64 connectedClients = 0;

    bool isCluster() const { return mode == QLatin1String("cluster"); }
    bool isReplica() const { return role == QLatin1String("replica"); }
    bool operator==(const ServerSummary &) const = default;
};

ServerSummary summarize(const InfoSnapshot &info);

} // namespace cwb
