#include "memoryguard.h"

#include "cluster/clusterrouter.h"
#include "redis/infoparser.h"

#include <algorithm>
#include <cmath>

namespace cwb {

QString formatBytes(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    if (bytes < 1024LL * 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return QStringLiteral("%1 GiB").arg(double(bytes) / (1024.0 * 1024.0 * 1024.0), 0, 'f', 2);
}

bool MemoryGuard::sample(ClusterRouter &target, QString *error)
{
    // Default INFO sections include memory and keyspace; one round trip per master for both.
    const auto texts = target.infoOfMasters();
    if (!texts || texts->empty()) {
        *error = QStringLiteral("INFO failed: %1").arg(target.lastError().message);
        return false;
    }
    qint64 used = 0, keys = 0;
    qint64 tightestHeadroom = -1; // the least room under any master's own maxmemory
    for (const QByteArray &text : *texts) {
        const InfoSnapshot info = parseInfo(text);
        used += info.memory.usedMemory;
        for (const auto &db : info.keyspace)
            keys += db.keys;
        if (info.memory.maxMemory > 0) {
            const qint64 room = std::max<qint64>(0, info.memory.maxMemory - info.memory.usedMemory);
            tightestHeadroom = tightestHeadroom < 0 ? room : std::min(tightestHeadroom, room);
        }
    }
    m_used = used;
    m_dbKeys = keys;
    m_maxMemory = tightestHeadroom < 0 ? 0 : used + tightestHeadroom * qint64(texts->size());
    if (m_usedAtStart < 0)
        m_usedAtStart = m_used;
    return true;
}

qint64 MemoryGuard::limit() const
{
    if (m_budget > 0 && m_maxMemory > 0)
        return std::min(m_budget, m_maxMemory);
    return m_budget > 0 ? m_budget : m_maxMemory;
}

double MemoryGuard::costPerKey(double itemBytes) const
{
    const double declared = itemBytes + kOverheadPerKey;
    if (m_keysSinceStart <= 0 || m_used < 0 || m_usedAtStart < 0)
        return declared;
    const double measured = double(m_used - m_usedAtStart) / double(m_keysSinceStart);
    return std::max(declared, measured);
}

int MemoryGuard::allowedBatch(int requested, double itemBytes, QString *stopReason) const
{
    const qint64 cap = limit();
    if (cap <= 0 || m_used < 0)
        return requested;
    const qint64 reserve = 32 * m_dbKeys + 16 * 1024;
    const double headroom = double(cap - m_used - reserve);
    const double perKey = costPerKey(itemBytes);
    const double fits = std::floor(headroom / 2.0 / perKey);
    if (fits < 1) {
        const QString which = (m_budget > 0 && (m_maxMemory == 0 || m_budget <= m_maxMemory))
            ? QStringLiteral("the memory budget") : QStringLiteral("maxmemory");
        *stopReason = QStringLiteral("stopped before passing %1 (%2): used_memory is %3, about %4 per key, %5 kept in reserve")
                          .arg(which, formatBytes(cap), formatBytes(m_used), formatBytes(qint64(perKey)), formatBytes(reserve));
        return 0;
    }
    return int(std::min<double>(requested, fits));
}

} // namespace cwb
