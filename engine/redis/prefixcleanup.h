#pragma once

#include "redisconnection.h"

#include <QString>

#include <atomic>
#include <functional>
#include <vector>

namespace cwb {

struct CleanupResult
{
    qint64 deleted = 0;
    bool ok = true;
    QString error;
};

// Removes every key that starts with `prefix` with SCAN (MATCH prefix*, COUNT 1000) and
// UNLINK in batches: the only way the workbench ever deletes keys it did not just write.
// Never KEYS or FLUSH*: SCAN keeps the server responsive on large key spaces. Glob
// characters in the prefix are escaped so a prefix can never match more than itself.
// An empty prefix is refused.
// On a Redis Cluster node, `clusterNode` makes it unlink key by key (pipelined), since one
// UNLINK with keys of several slots is refused (CROSSSLOT); run it on every master.
CleanupResult unlinkKeysWithPrefix(RedisConnection &connection, const QString &prefix,
                                   const std::atomic<bool> *cancel = nullptr, bool clusterNode = false);

// The SCAN MATCH pattern for keys starting with `prefix`, with glob characters escaped.
QByteArray prefixMatchPattern(const QString &prefix);

struct PrefixScan
{
    bool ok = true;
    bool complete = false; // the scan went round the whole key space
    QString error;
};

// SCAN MATCH prefix* COUNT 1000, handing each batch of matching keys to `onKeys` until it
// returns false, the scan ends or `maxCalls` SCANs were made (0: no limit). Keys that do not
// start with the prefix never reach `onKeys`.
PrefixScan scanKeysWithPrefix(RedisConnection &connection, const QString &prefix,
                              const std::function<bool(const std::vector<QByteArray> &)> &onKeys, int maxCalls = 0);

} // namespace cwb
