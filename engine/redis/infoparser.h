#pragma once

#include <QByteArrayView>
#include <QMap>
#include <QString>

#include <optional>
#include <vector>

namespace cwb {

// INFO output as typed values. Every numeric field defaults to 0 (or empty) when the server did
// not report it, so check sections/has() when absence matters (older servers lack some keys).
struct InfoSnapshot
{
    struct Server
    {
        QString redisVersion;    // "7.0.15"
        QString redisMode;       // standalone, cluster, sentinel
        QString os;
        qint64 processId = 0;
        int tcpPort = 0;
        qint64 uptimeSeconds = 0;
        int ioThreadsActive = 0; // 0 or 1
    };
    struct Clients
    {
        qint64 connectedClients = 0;
        qint64 blockedClients = 0;
        qint64 maxClients = 0;
    };
    struct Memory
    {
        qint64 usedMemory = 0;        // bytes
        qint64 usedMemoryRss = 0;     // bytes
        qint64 usedMemoryPeak = 0;    // bytes
        qint64 maxMemory = 0;         // bytes; 0 = no limit
        QString maxMemoryPolicy;      // e.g. "noeviction", "allkeys-lru"
        double fragmentationRatio = 0; // rss / used
    };
    struct Stats
    {
        qint64 totalCommandsProcessed = 0;
        qint64 totalConnectionsReceived = 0;
        qint64 keyspaceHits = 0;
        qint64 keyspaceMisses = 0;
        qint64 expiredKeys = 0;
        qint64 evictedKeys = 0;
        qint64 instantaneousOpsPerSec = 0;
        qint64 totalNetInputBytes = 0;  // bytes
        qint64 totalNetOutputBytes = 0; // bytes
        qint64 rejectedConnections = 0;
    };
    struct Cpu
    {
        double usedCpuSys = 0;  // seconds of CPU since start
        double usedCpuUser = 0; // seconds of CPU since start
    };
    // One "cmdstat_<name>" line.
    struct CommandStat
    {
        qint64 calls = 0;
        qint64 usec = 0;          // total microseconds spent
        double usecPerCall = 0;   // microseconds
        qint64 rejectedCalls = 0;
        qint64 failedCalls = 0;
    };
    // One "latency_percentiles_usec_<name>" line; microseconds.
    struct LatencyPercentiles
    {
        std::optional<double> p50;
        std::optional<double> p99;
        std::optional<double> p999;
        QMap<QString, double> all; // every reported percentile, key as sent ("p99.9")
    };
    struct KeyspaceDb
    {
        qint64 keys = 0;
        qint64 expires = 0;
        qint64 avgTtlMs = 0; // milliseconds
    };
    struct ReplicaInfo
    {
        QString ip;
        int port = 0;
        QString state;   // "online", "wait_bgsave", ...
        qint64 offset = 0;
        qint64 lag = 0;  // seconds since the last ack
    };
    struct Replication
    {
        QString role;               // "master" or "slave"
        qint64 connectedSlaves = 0;
        qint64 masterReplOffset = 0;
        std::vector<ReplicaInfo> replicas; // slaveN entries (on a master)
        // On a replica:
        QString masterHost;
        int masterPort = 0;
        QString masterLinkStatus;   // "up" or "down"
        qint64 slaveReplOffset = 0;
    };
    struct Cluster
    {
        bool clusterEnabled = false;
    };

    // Raw values: lower-case section name -> key -> value, exactly as sent.
    QMap<QString, QMap<QString, QString>> sections;

    Server server;
    Clients clients;
    Memory memory;
    Stats stats;
    Cpu cpu;
    QMap<QString, CommandStat> commandStats;        // key: command name as sent ("get", "client|setname")
    QMap<QString, LatencyPercentiles> latencyStats; // key: command name
    QMap<QString, qint64> errorStats;               // key: error code ("ERR", "WRONGTYPE") -> count
    QMap<int, KeyspaceDb> keyspace;                 // key: database number
    Replication replication;
    Cluster cluster;

    bool hasSection(const QString &section) const { return sections.contains(section); }
    bool has(const QString &section, const QString &key) const;
    // Raw value, or an empty string when missing.
    QString value(const QString &section, const QString &key) const;
};

// Parses INFO text. Tolerant by design: unknown sections and keys are kept only in `sections`,
// malformed lines are skipped, and no input makes it crash. Key/value lines seen before any
// "# Section" header are stored under the section "".
InfoSnapshot parseInfo(QByteArrayView text);

} // namespace cwb
