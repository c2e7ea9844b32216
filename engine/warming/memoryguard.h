#pragma once

#include <QString>

namespace cwb {

class ClusterRouter;

// Keeps a warming run under a memory limit: the plan's budget (target used_memory in bytes)
// and the server's maxmemory, whichever is lower (neither set: no limit).
//
// Before each batch it reads INFO (used_memory, maxmemory, key counts) and sizes the batch so
// that the batch's estimated cost takes at most half of the remaining headroom: batches shrink
// geometrically as memory approaches the limit, and the run stops once not even one key fits.
// The estimate per key is the larger of the bytes sent plus a fixed overhead and the average
// growth of used_memory per key measured so far. A reserve covers the main and expires
// dictionaries doubling (about 32 bytes per key in the database) when they grow.
// Against a Redis Cluster the figures are sums over the masters, and the maxmemory limit is the
// total at which the fullest master reaches its own maxmemory when keys spread evenly.
class MemoryGuard
{
public:
    explicit MemoryGuard(qint64 budgetBytes) : m_budget(budgetBytes) {}

    // Reads INFO (of every master). False (and *error) when a server does not answer.
    bool sample(ClusterRouter &target, QString *error);
    // The batch size to use next (0 = stop; *stopReason then says why). `itemBytes` is the
    // average size of the items about to be written.
    int allowedBatch(int requested, double itemBytes, QString *stopReason) const;
    // After a batch: keys written and used_memory then (from the next sample()).
    void recordBatch(qint64 keys) { m_keysSinceStart += keys; }

    qint64 usedMemory() const { return m_used; }
    qint64 usedMemoryAtStart() const { return m_usedAtStart; }
    qint64 maxMemory() const { return m_maxMemory; }
    qint64 limit() const; // 0 = none
    double costPerKey(double itemBytes) const;

    static constexpr double kOverheadPerKey = 96; // dict entry, robj, SDS headers, expire entry

private:
    qint64 m_budget = 0;
    qint64 m_used = -1;
    qint64 m_usedAtStart = -1;
    qint64 m_maxMemory = 0;
    qint64 m_dbKeys = 0;
    qint64 m_keysSinceStart = 0;
};

QString formatBytes(qint64 bytes); // "1.2 MiB"

} // namespace cwb
