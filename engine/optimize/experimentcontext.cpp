#include "experimentcontext.h"

namespace cwb {

bool claimExperimentNamespace(ExperimentContext &ctx, bool allowExistingKeys, RedisError *error)
{
    RedisConnection connection(ctx.endpoint);
    if (!connection.connect()) {
        *error = connection.lastError();
        return false;
    }
    ClaimOptions options;
    options.allowExistingKeys = allowExistingKeys;
    const NamespaceClaim claim = claimNamespace(connection, ctx.keyPrefix, options);
    if (!claim.ok()) {
        *error = claim.error;
        return false;
    }
    ctx.keyPrefix = claim.keyNamespace;
    return true;
}

NamespaceCleanup releaseExperimentNamespace(const ExperimentContext &ctx)
{
    return removeNamespace(ctx.endpoint, RedisConnection::Options{}, ctx.keyPrefix);
}

} // namespace cwb
