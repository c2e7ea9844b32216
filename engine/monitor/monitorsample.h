#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cwb {

// Metric names shared by the collector, alert rules, exports and the GUI. Units are in the
// name so a threshold in a rule file cannot be misread.
namespace metric {
inline constexpr auto Up = "up";                                // 1 reachable, 0 not
inline constexpr auto OpsPerSec = "ops_per_sec";                // from total_commands_processed deltas
inline constexpr auto HitRatePercent = "hit_rate_percent";      // Δhits / (Δhits + Δmisses)
inline constexpr auto UsedMemoryMb = "used_memory_mb";          // MiB
inline constexpr auto ConnectedClients = "connected_clients";
inline constexpr auto BlockedClients = "blocked_clients";
inline constexpr auto CpuPercent = "cpu_percent";               // 100 = one core busy
inline constexpr auto NetInBytesPerSec = "net_in_bytes_per_sec";
inline constexpr auto NetOutBytesPerSec = "net_out_bytes_per_sec";
inline constexpr auto ExpiredPerSec = "expired_per_sec";
inline constexpr auto EvictedPerSec = "evicted_per_sec";
inline constexpr auto Keys = "keys";
inline constexpr auto ErrorRatePercent = "error_rate_percent";  // error replies / commands
inline constexpr auto AvgLatencyMs = "avg_latency_ms";          // commandstats Δusec / Δcalls
inline constexpr auto P99LatencyMs = "p99_latency_ms";          // server: highest latencystats p99; load: interval p99
inline constexpr auto RssMb = "rss_mb";                         // workbench process
inline constexpr auto Threads = "threads";                      // workbench process
inline constexpr auto UptimeSeconds = "uptime_seconds";         // uptime_in_seconds (a cluster: its youngest node)
inline constexpr auto Restarted = "restarted";                  // 1 when the server started again since the last answer
} // namespace metric

// Node labels with a meaning of their own (server nodes are "host:port").
namespace node {
inline constexpr auto Workbench = "workbench"; // this process
inline constexpr auto Load = "load";           // an active load run's snapshots
inline constexpr auto All = "all";             // the sum over a cluster's nodes
} // namespace node

// Every metric the collector knows, in display order, with a unit and a one-line help text.
struct MetricInfo
{
    QString name;
    QString unit;
    QString help;
};
const QList<MetricInfo> &knownMetrics();
std::optional<MetricInfo> metricInfo(const QString &name);

// One reading of one node at one moment. A metric missing from `values` was not measurable
// (the first sample has no rates, a server without latencystats has no p99).
struct MonitorSample
{
    qint64 timestampMs = 0; // wall clock, ms since the epoch
    QString target;         // the monitored endpoint's address
    QString node;           // "host:port", "workbench", "load" or "all"
    QMap<QString, double> values;

    std::optional<double> value(const QString &name) const
    {
        const auto it = values.constFind(name);
        return it == values.constEnd() ? std::nullopt : std::optional<double>(*it);
    }
    bool isServerNode() const
    {
        return node != QLatin1String(node::Workbench) && node != QLatin1String(node::Load)
            && node != QLatin1String(node::All);
    }
    bool operator==(const MonitorSample &) const = default;
};

} // namespace cwb

Q_DECLARE_METATYPE(cwb::MonitorSample)
Q_DECLARE_METATYPE(std::vector<cwb::MonitorSample>)
