#include "experimentcontext.h"

namespace cwb {

bool claimExperimentNamespace(ExperimentContext &ctx, bool allowExistingKeys, RedisError *error)
{
    RedisConnection connection(ctx.endpoint);
    if (!connection.connect()) {
        *error = connection.lastError();
        return false;
    }
    // The experiments write on every master of a cluster: the claim looks at each.
    QString clusterError;
    const std::optional<ClusterSlotMap> cluster = discoverClusterSlots(connection, &clusterError);
    if (!clusterError.isEmpty()) {
        *error = {RedisErrorKind::ServerError, clusterError};
        return false;
    }
    ClaimOptions options;
    options.allowExistingKeys = allowExistingKeys;
    const NamespaceClaim claim = claimNamespace(connection, ctx.keyPrefix, options, cluster);
    if (!claim.ok()) {
        *error = claim.error;
        return false;
    }
    ctx.keyPrefix = claim.keyNamespace;
    return true;
}

NamespaceCleanup releaseExperimentNamespace(const ExperimentContext &ctx)
{
    // On a cluster the namespace is removed from every master (removeNamespace says what is left
    // when the map cannot be read).
    RedisConnection connection(ctx.endpoint);
    QString clusterError;
    const std::optional<ClusterSlotMap> cluster =
        connection.connect() ? discoverClusterSlots(connection, &clusterError) : std::nullopt;
    return removeNamespace(ctx.endpoint, RedisConnection::Options{}, ctx.keyPrefix, cluster);
}

} // namespace cwb
