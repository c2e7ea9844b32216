#include "ownedkeys.h"

#include "keyprefix.h"
#include "redis/infoparser.h"

namespace cwb {

namespace {

constexpr int kExamples = 3;

// Runs `onNode` with a connection to every master that owns slots, or with `connection` itself
// against a single server. Stops at the first false.
template <typename OnNode>
bool forEachNode(RedisConnection &connection, const std::optional<ClusterSlotMap> &cluster, OnNode onNode)
{
    if (!cluster)
        return onNode(connection, false);
    for (const int node : cluster->owningNodes()) {
        RedisConnection nodeConnection(clusterNodeEndpoint(connection.endpoint(), cluster->nodes[size_t(node)]),
                                       connection.options());
        if (!onNode(nodeConnection, true))
            return false;
    }
    return true;
}

} // namespace

PrefixOccupancy findKeysUnderPrefix(RedisConnection &connection, const QString &prefix, int maxScanCalls)
{
    PrefixOccupancy occupancy;
    const PrefixScan scan = scanKeysWithPrefix(
        connection, prefix,
        [&](const std::vector<QByteArray> &keys) {
            for (const QByteArray &key : keys) {
                ++occupancy.found;
                if (occupancy.examples.size() < kExamples) {
                    const auto type = connection.command({"TYPE", key});
                    occupancy.examples << QStringLiteral("'%1' (%2)")
                                              .arg(QString::fromUtf8(key), type && !type->isError()
                                                                               ? QString::fromUtf8(type->str)
                                                                               : QStringLiteral("?"));
                }
            }
            return occupancy.found < kExamples;
        },
        maxScanCalls);
    if (!scan.ok)
        occupancy.error = connection.lastError().isError() ? connection.lastError()
                                                           : RedisError{RedisErrorKind::ServerError, scan.error};
    occupancy.complete = scan.complete || occupancy.found > 0;
    return occupancy;
}

QString occupiedPrefixMessage(const QString &prefix, const PrefixOccupancy &occupancy, const QString &allowHint)
{
    return QStringLiteral("the key prefix '%1' already holds keys the workbench did not write in this run (%2%3); "
                          "choose a prefix no key uses, remove those keys, or pass %4 to write beside them (they are "
                          "never deleted or overwritten)")
        .arg(prefix, occupancy.examples.join(QStringLiteral(", ")),
             occupancy.found > occupancy.examples.size() ? QStringLiteral(", ...") : QString(), allowHint);
}

NamespaceClaim claimNamespace(RedisConnection &connection, const QString &prefix, const ClaimOptions &options,
                              const std::optional<ClusterSlotMap> &cluster)
{
    NamespaceClaim claim;
    if (const QString problem = keyPrefixProblem(prefix); !problem.isEmpty()) {
        claim.error = {RedisErrorKind::None, QStringLiteral("key prefix '%1' %2").arg(prefix, problem)};
        return claim;
    }
    const QString tag = options.runId.isEmpty() ? newRunTag() : runTag(options.runId);
    if (tag.isEmpty()) {
        claim.error = {RedisErrorKind::None, QStringLiteral("'%1' is not a run id").arg(options.runId)};
        return claim;
    }
    if (!options.allowExistingKeys) {
        PrefixOccupancy total;
        forEachNode(connection, cluster, [&](RedisConnection &node, bool) {
            const PrefixOccupancy found = findKeysUnderPrefix(node, prefix);
            if (found.error.isError()) {
                total.error = found.error;
                return false;
            }
            total.found += found.found;
            total.examples += found.examples;
            return total.found == 0;
        });
        if (total.error.isError()) {
            claim.error = {total.error.kind,
                           QStringLiteral("cannot check the key prefix '%1': %2").arg(prefix, total.error.message)};
            return claim;
        }
        if (total.found > 0) {
            claim.error = {RedisErrorKind::None, occupiedPrefixMessage(prefix, total, options.allowHint)};
            return claim;
        }
    }
    claim.tag = tag;
    claim.keyNamespace = runNamespace(prefix, tag);
    return claim;
}

NamespaceCleanup removeNamespace(const Endpoint &endpoint, const RedisConnection::Options &options,
                                 const QString &keyNamespace, const std::optional<ClusterSlotMap> &cluster,
                                 const std::atomic<bool> *cancel)
{
    NamespaceCleanup cleanup;
    RedisConnection connection(endpoint, options);
    forEachNode(connection, cluster, [&](RedisConnection &node, bool clusterNode) {
        const CleanupResult removed = unlinkKeysWithPrefix(node, keyNamespace, cancel, clusterNode);
        cleanup.deleted += removed.deleted;
        if (!removed.ok && cleanup.error.isEmpty())
            cleanup.error = removed.error;
        return true; // the other masters are still worth cleaning
    });
    cleanup.left = countNamespaceKeys(endpoint, options, keyNamespace, cluster);
    if (cleanup.left != 0 && cleanup.error.isEmpty())
        cleanup.error = cleanup.left < 0 ? QStringLiteral("the server did not answer after the cleanup")
                                         : QStringLiteral("keys remained after the cleanup");
    return cleanup;
}

qint64 countNamespaceKeys(const Endpoint &endpoint, const RedisConnection::Options &options,
                          const QString &keyNamespace, const std::optional<ClusterSlotMap> &cluster)
{
    qint64 count = 0;
    RedisConnection connection(endpoint, options);
    const bool ok = forEachNode(connection, cluster, [&](RedisConnection &node, bool) {
        return scanKeysWithPrefix(node, keyNamespace,
                                  [&](const std::vector<QByteArray> &keys) {
                                      count += qint64(keys.size());
                                      return true;
                                  })
            .ok;
    });
    return ok ? count : -1;
}

std::optional<ClusterSlotMap> discoverClusterSlots(RedisConnection &connection, QString *error)
{
    const auto info = connection.info("cluster");
    if (!info) {
        *error = connection.lastError().message;
        return std::nullopt;
    }
    if (!parseInfo(*info).cluster.clusterEnabled)
        return std::nullopt;
    const auto reply = connection.command({"CLUSTER", "SLOTS"});
    if (!reply || reply->isError()) {
        *error = connection.lastError().message;
        return std::nullopt;
    }
    auto map = ClusterSlotMap::fromClusterSlots(*reply, error);
    if (map && map->assignedSlots() == 0) {
        *error = QStringLiteral("no slot is assigned");
        return std::nullopt;
    }
    return map;
}

} // namespace cwb
