#include "routedcleanup.h"

#include "clusterrouter.h"

namespace cwb {

CleanupResult unlinkKeysWithPrefix(ClusterRouter &router, const QString &prefix, const std::atomic<bool> *cancel)
{
    CleanupResult total;
    const bool cluster = router.isCluster();
    const bool reached = router.forEachMaster([&](RedisConnection &node) {
        const CleanupResult one = unlinkKeysWithPrefix(node, prefix, cancel, cluster);
        total.deleted += one.deleted;
        if (!one.ok) {
            total.ok = false;
            total.error = cluster ? QStringLiteral("%1: %2").arg(node.endpoint().address(), one.error) : one.error;
        }
        return one.ok;
    });
    if (!reached && total.ok) {
        total.ok = false;
        total.error = router.lastError().message;
    }
    return total;
}

} // namespace cwb
