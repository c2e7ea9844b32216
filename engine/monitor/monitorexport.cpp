#include "monitorexport.h"

#include "store/csvexport.h"
#include "store/prometheusexport.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <set>

namespace cwb {

QByteArray monitorSamplesToJson(const std::vector<MonitorSample> &samples)
{
    nlohmann::json list = nlohmann::json::array();
    for (const MonitorSample &s : samples) {
        nlohmann::json values = nlohmann::json::object();
        for (auto it = s.values.cbegin(); it != s.values.cend(); ++it)
            values[it.key().toStdString()] = *it;
        list.push_back({{"timestampMs", s.timestampMs},
                        {"time", QDateTime::fromMSecsSinceEpoch(s.timestampMs, Qt::UTC)
                                     .toString(Qt::ISODateWithMs).toStdString()},
                        {"target", s.target.toStdString()},
                        {"node", s.node.toStdString()},
                        {"values", values}});
    }
    const nlohmann::json doc{{"schema", "cache-workbench/monitoring"}, {"version", 1}, {"samples", list}};
    return QByteArray::fromStdString(doc.dump(2)) + '\n';
}

QByteArray monitorSamplesToCsv(const std::vector<MonitorSample> &samples)
{
    // Known metrics first in their display order, then anything else alphabetically.
    QStringList columns;
    std::set<QString> present;
    for (const MonitorSample &s : samples)
        for (auto it = s.values.cbegin(); it != s.values.cend(); ++it)
            present.insert(it.key());
    for (const MetricInfo &info : knownMetrics())
        if (present.erase(info.name))
            columns << info.name;
    for (const QString &rest : present)
        columns << rest;

    QStringList header{QStringLiteral("time"), QStringLiteral("timestamp_ms"), QStringLiteral("target"),
                       QStringLiteral("node")};
    header += columns;
    QByteArray out = csvRow(header);
    for (const MonitorSample &s : samples) {
        QStringList row{QDateTime::fromMSecsSinceEpoch(s.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs),
                        QString::number(s.timestampMs), s.target, s.node};
        for (const QString &column : columns) {
            const auto v = s.value(column);
            row << (v ? QString::number(*v, 'g', 12) : QString());
        }
        out += csvRow(row);
    }
    return out;
}

std::optional<PrometheusMetric> prometheusMetric(const QString &name)
{
    static const std::map<QString, PrometheusMetric> table{
        {QLatin1String(metric::Up), {"cwb_up", 1}},
        {QLatin1String(metric::OpsPerSec), {"cwb_commands_per_second", 1}},
        {QLatin1String(metric::HitRatePercent), {"cwb_hit_ratio", 0.01}},
        {QLatin1String(metric::UsedMemoryMb), {"cwb_memory_used_bytes", 1024.0 * 1024.0}},
        {QLatin1String(metric::ConnectedClients), {"cwb_connected_clients", 1}},
        {QLatin1String(metric::BlockedClients), {"cwb_blocked_clients", 1}},
        {QLatin1String(metric::CpuPercent), {"cwb_cpu_usage_ratio", 0.01}},
        {QLatin1String(metric::NetInBytesPerSec), {"cwb_network_received_bytes_per_second", 1}},
        {QLatin1String(metric::NetOutBytesPerSec), {"cwb_network_sent_bytes_per_second", 1}},
        {QLatin1String(metric::ExpiredPerSec), {"cwb_expired_keys_per_second", 1}},
        {QLatin1String(metric::EvictedPerSec), {"cwb_evicted_keys_per_second", 1}},
        {QLatin1String(metric::Keys), {"cwb_keys", 1}},
        {QLatin1String(metric::ErrorRatePercent), {"cwb_error_ratio", 0.01}},
        {QLatin1String(metric::AvgLatencyMs), {"cwb_command_latency_mean_seconds", 0.001}},
        {QLatin1String(metric::P99LatencyMs), {"cwb_latency_p99_seconds", 0.001}},
        {QLatin1String(metric::RssMb), {"cwb_process_resident_memory_bytes", 1024.0 * 1024.0}},
        {QLatin1String(metric::Threads), {"cwb_process_threads", 1}},
        {QLatin1String(metric::UptimeSeconds), {"cwb_uptime_seconds", 1}},
        {QLatin1String(metric::Restarted), {"cwb_restarted", 1}},
    };
    const auto it = table.find(name);
    if (it == table.end())
        return std::nullopt;
    return it->second;
}

namespace {

QByteArray number(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    return QByteArray::number(v, 'g', 15);
}

} // namespace

QByteArray monitorSamplesToPrometheus(const std::vector<MonitorSample> &samples, bool withTimestamps)
{
    QByteArray out;
    for (const MetricInfo &info : knownMetrics()) {
        const auto prom = prometheusMetric(info.name);
        if (!prom)
            continue;
        // series key -> line; without timestamps a later sample of a series replaces the earlier.
        std::map<QByteArray, QByteArray> latest;
        QByteArrayList lines;
        for (const MonitorSample &s : samples) {
            const auto v = s.value(info.name);
            if (!v)
                continue;
            const QByteArray series = prom->name + "{target=\"" + prometheusLabelValue(s.target) + "\",node=\""
                + prometheusLabelValue(s.node) + "\"}";
            QByteArray line = series + ' ' + number(*v * prom->scale);
            if (withTimestamps)
                lines << line + ' ' + QByteArray::number(s.timestampMs);
            else
                latest[series] = line;
        }
        if (!withTimestamps)
            for (const auto &[series, line] : latest)
                lines << line;
        if (lines.isEmpty())
            continue;
        QString help = info.help;
        if (info.name == QLatin1String(metric::HitRatePercent) || info.name == QLatin1String(metric::CpuPercent)
            || info.name == QLatin1String(metric::ErrorRatePercent))
            help += QStringLiteral(" (ratio, 1 = 100%)");
        QByteArray helpText = help.toUtf8();
        helpText.replace('\\', "\\\\").replace('\n', "\\n");
        out += "# HELP " + prom->name + ' ' + helpText + '\n';
        out += "# TYPE " + prom->name + " gauge\n";
        for (const QByteArray &line : lines)
            out += line + '\n';
    }
    return out;
}

} // namespace cwb
