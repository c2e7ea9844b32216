#pragma once

#include "alertrule.h"

#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <vector>

namespace cwb {

// The seed's alert thresholds. A value of 0 turns that built-in rule off.
struct MonitoringThresholds
{
    double memoryUsageMb = 1024;   // alert above this used_memory
    double cpuUsagePercent = 80;   // alert above this CPU (server nodes and the workbench)
    double cacheHitRateMin = 80;   // alert below this hit rate, percent
    double latencyMaxMs = 10;      // alert above this p99
    double errorRateMaxPercent = 1; // alert above this error rate
    bool operator==(const MonitoringThresholds &) const = default;
};

struct AlertingConfig
{
    bool enabled = true;
    MonitoringThresholds thresholds;
    qint64 forMs = 30000;            // `for` of the built-in rules
    qint64 keepFiringForMs = 10000;  // `keep firing for` of the built-in rules
    qint64 repeatIntervalMs = 3600000; // re-notify a firing, unacknowledged alert this often
    // The built-in "Target restarted" rule (metric `restarted`). On by default: a restart empties a
    // cache that does not persist, and uptime never goes back otherwise, so it cannot be noise.
    bool restartAlert = true;
    bool operator==(const AlertingConfig &) const = default;
};

struct LogChannelConfig
{
    bool enabled = true;
    QString path;                  // empty: <app data>/monitoring/alerts.log
    qint64 maxBytes = 1 << 20;     // rotate when the file would grow past this
    int keepFiles = 3;             // alerts.log.1 ... alerts.log.N
    bool operator==(const LogChannelConfig &) const = default;
};

struct WebhookChannelConfig
{
    bool enabled = false;
    QString url;                   // http:// or https://
    int timeoutMs = 5000;
    int retries = 3;               // further attempts after the first
    int backoffMs = 500;           // first retry delay; doubles each time
    bool operator==(const WebhookChannelConfig &) const = default;
};

// The SMTP password never lives here: it comes from CWB_SMTP_PASSWORD at send time.
struct EmailChannelConfig
{
    bool enabled = false;
    QString server;                // host name
    int port = 25;
    bool startTls = false;         // require STARTTLS
    QString user;                  // empty: no login
    QString from;
    QStringList to;
    int timeoutMs = 10000;
    bool operator==(const EmailChannelConfig &) const = default;
};

// Which transitions reach the webhook and email channels (the log records all).
struct ChannelsConfig
{
    LogChannelConfig log;
    WebhookChannelConfig webhook;
    EmailChannelConfig email;
    bool desktop = true;           // tray notification while the window is minimised
    bool operator==(const ChannelsConfig &) const = default;
};

// The optional Prometheus /metrics endpoint. The bearer token is not saved with the config:
// it is set at run time or read from CWB_METRICS_TOKEN.
struct MetricsEndpointConfig
{
    bool enabled = false;
    QString bindAddress = QStringLiteral("127.0.0.1");
    int port = 9121;
    bool allowRemote = false;      // must be true to bind anything but loopback ...
    QString bearerToken;           // ... and then a token is required
    bool operator==(const MetricsEndpointConfig &) const = default;
};

// Monitoring in the seed's shape ({enabled, collectionInterval, retentionPeriod, alerting
// {enabled, thresholds {...}}}) plus extensions: rules, channels, metricsEndpoint.
struct MonitoringConfig
{
    bool enabled = true;
    int collectionIntervalMs = 5000;
    int retentionHours = 24;
    AlertingConfig alerting;
    std::vector<AlertRule> rules;  // custom rules
    ChannelsConfig channels;
    MetricsEndpointConfig metricsEndpoint;
    bool operator==(const MonitoringConfig &) const = default;
};

// Parses {"monitoring": {...}} or the inner object. Unknown keys and bad values are errors
// naming the field ("alerting.thresholds.cpuUsage: must be between 0 and 10000").
std::optional<MonitoringConfig> parseMonitoringConfig(const QByteArray &jsonText, QString *error);
std::optional<MonitoringConfig> parseMonitoringConfig(const nlohmann::json &json, QString *error);
// The same checks for configs built in code (the settings dialog). Empty when valid.
QString validateMonitoringConfig(const MonitoringConfig &config);
// Back to JSON (the inner object; never the token or a password).
nlohmann::json monitoringConfigToJson(const MonitoringConfig &config);
QByteArray monitoringConfigToJsonText(const MonitoringConfig &config);

// The rules made from the thresholds (ids "builtin.memory", "builtin.cpu", "builtin.hitrate",
// "builtin.latency", "builtin.errors"; "builtin.restart" unless restartAlert is off), then the
// custom rules. Empty when alerting is off.
std::vector<AlertRule> effectiveRules(const MonitoringConfig &config);

} // namespace cwb
