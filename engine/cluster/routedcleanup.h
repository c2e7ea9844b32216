#pragma once

#include "redis/prefixcleanup.h"

namespace cwb {

class ClusterRouter;

// unlinkKeysWithPrefix on every master the router reaches (the server itself when single):
// SCAN sees one node's keys, so a cluster is cleaned node by node, key by key.
CleanupResult unlinkKeysWithPrefix(ClusterRouter &router, const QString &prefix,
                                   const std::atomic<bool> *cancel = nullptr);

} // namespace cwb
