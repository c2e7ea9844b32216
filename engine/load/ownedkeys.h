#pragma once

// The half of the ownership rule that talks to the server (keyprefix.h has the names):
//   - before writing, a command claims a fresh run namespace under its prefix, and refuses a
//     prefix that already holds keys unless the user allows it (even then, those keys are
//     outside the namespace and never touched);
//   - afterwards it removes its namespace, and counts what is left when it cannot.
// Against a Redis Cluster both look at every master that owns slots (SCAN sees one node).

#include "cluster/clusterslots.h"
#include "redis/prefixcleanup.h"
#include "redis/redisconnection.h"

#include <QStringList>

#include <atomic>
#include <optional>

namespace cwb {

struct PrefixOccupancy
{
    qint64 found = 0;     // keys seen under the prefix (the scan stops after a few)
    QStringList examples; // up to three, "name (type)"
    bool complete = true; // false: the key space was too large to scan to its end
    RedisError error;     // the scan could not run
};

// Looks for keys under `prefix` with SCAN MATCH (glob characters escaped), stopping once it has
// found a few or after `maxScanCalls` calls of COUNT 1000 (a huge key space is sampled, not
// scanned to its end: the run namespace still keeps every foreign key safe).
PrefixOccupancy findKeysUnderPrefix(RedisConnection &connection, const QString &prefix, int maxScanCalls = 200);

// The sentence a command refuses an occupied prefix with; `allowHint` names the way to allow it
// ("--allow-existing-keys").
QString occupiedPrefixMessage(const QString &prefix, const PrefixOccupancy &occupancy, const QString &allowHint);

struct NamespaceClaim
{
    QString tag;          // 8 hex digits
    QString keyNamespace; // "<prefix><tag>:"
    RedisError error;     // why the prefix was refused (kind None: occupied or invalid prefix)
    bool ok() const { return !keyNamespace.isEmpty(); }
};

struct ClaimOptions
{
    QString runId; // the tag comes from it; empty = a new tag
    bool allowExistingKeys = false;
    QString allowHint = QStringLiteral("--allow-existing-keys");
};

// Validates `prefix`, refuses it when it already holds keys (unless allowed) and returns the run
// namespace under it. `cluster`: check every master; `endpoint` gives their credentials.
NamespaceClaim claimNamespace(RedisConnection &connection, const QString &prefix, const ClaimOptions &options = {},
                              const std::optional<ClusterSlotMap> &cluster = std::nullopt);

struct NamespaceCleanup
{
    qint64 deleted = 0;
    qint64 left = 0; // keys still under the namespace; -1 when the server could not say
    QString error;   // empty when everything was removed
    bool ok() const { return error.isEmpty() && left == 0; }
};

// Removes every key under `keyNamespace` (every master of a cluster), then counts what is left.
NamespaceCleanup removeNamespace(const Endpoint &endpoint, const RedisConnection::Options &options,
                                 const QString &keyNamespace,
                                 const std::optional<ClusterSlotMap> &cluster = std::nullopt,
                                 const std::atomic<bool> *cancel = nullptr);
// Counts the keys under `keyNamespace` (for a cleanup that was skipped); -1 when it cannot.
qint64 countNamespaceKeys(const Endpoint &endpoint, const RedisConnection::Options &options,
                          const QString &keyNamespace, const std::optional<ClusterSlotMap> &cluster = std::nullopt);

// The target's slot map when it is a Redis Cluster node, nullopt for a single server. *error is
// set (and nullopt returned) when it is a cluster node whose map cannot be read.
std::optional<ClusterSlotMap> discoverClusterSlots(RedisConnection &connection, QString *error);

} // namespace cwb
