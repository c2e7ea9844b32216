#include "monitorsample.h"

namespace cwb {

const QList<MetricInfo> &knownMetrics()
{
    static const QList<MetricInfo> metrics = {
        {QLatin1String(metric::Up), QString(), QStringLiteral("1 when the node answered INFO, 0 when it did not")},
        {QLatin1String(metric::OpsPerSec), QStringLiteral("ops/s"), QStringLiteral("Commands processed per second")},
        {QLatin1String(metric::HitRatePercent), QStringLiteral("%"), QStringLiteral("Keyspace hits / (hits + misses) over the interval")},
        {QLatin1String(metric::UsedMemoryMb), QStringLiteral("MB"), QStringLiteral("Memory used by the data set (used_memory)")},
        {QLatin1String(metric::ConnectedClients), QString(), QStringLiteral("Connected clients")},
        {QLatin1String(metric::BlockedClients), QString(), QStringLiteral("Clients blocked in a blocking command")},
        {QLatin1String(metric::CpuPercent), QStringLiteral("%"), QStringLiteral("CPU use; 100 is one core fully busy")},
        {QLatin1String(metric::NetInBytesPerSec), QStringLiteral("B/s"), QStringLiteral("Network bytes received per second")},
        {QLatin1String(metric::NetOutBytesPerSec), QStringLiteral("B/s"), QStringLiteral("Network bytes sent per second")},
        {QLatin1String(metric::ExpiredPerSec), QStringLiteral("keys/s"), QStringLiteral("Keys expired per second")},
        {QLatin1String(metric::EvictedPerSec), QStringLiteral("keys/s"), QStringLiteral("Keys evicted per second")},
        {QLatin1String(metric::Keys), QString(), QStringLiteral("Keys in all databases")},
        {QLatin1String(metric::ErrorRatePercent), QStringLiteral("%"), QStringLiteral("Error replies per command over the interval")},
        {QLatin1String(metric::AvgLatencyMs), QStringLiteral("ms"), QStringLiteral("Mean server-side time per command over the interval")},
        {QLatin1String(metric::P99LatencyMs), QStringLiteral("ms"), QStringLiteral("99th percentile latency (server: highest per-command p99 since reset; load: last interval)")},
        {QLatin1String(metric::RssMb), QStringLiteral("MB"), QStringLiteral("Resident memory of the workbench process")},
        {QLatin1String(metric::Threads), QString(), QStringLiteral("Threads of the workbench process")},
        {QLatin1String(metric::UptimeSeconds), QStringLiteral("s"), QStringLiteral("Seconds since the server started")},
        {QLatin1String(metric::Restarted), QString(), QStringLiteral("1 when the server restarted since its previous answer (its uptime went back), else 0")},
    };
    return metrics;
}

std::optional<MetricInfo> metricInfo(const QString &name)
{
    for (const MetricInfo &info : knownMetrics())
        if (info.name == name)
            return info;
    return std::nullopt;
}

} // namespace cwb
