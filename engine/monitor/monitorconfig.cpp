#include "monitorconfig.h"

#include "json/strictjson.h"

#include <nlohmann/json.hpp>

#include <QUrl>

#include <set>

namespace cwb {

namespace {

// A small reader that walks one JSON object, remembers which keys it consumed and reports the
// first problem with its full path.
class Reader
{
public:
    Reader(const nlohmann::json &object, QString path, QString *error)
        : m_json(object), m_path(std::move(path)), m_error(error) {}

    bool ok() const { return m_ok; }
    QString field(const char *key) const
    {
        return m_path.isEmpty() ? QString::fromLatin1(key) : QString(m_path + QLatin1Char('.') + QLatin1String(key));
    }
    bool fail(const QString &field, const QString &message)
    {
        if (m_ok && m_error)
            *m_error = field + QStringLiteral(": ") + message;
        m_ok = false;
        return false;
    }
    bool isObject()
    {
        if (!m_json.is_object())
            return fail(m_path.isEmpty() ? QStringLiteral("monitoring") : m_path, QStringLiteral("must be an object"));
        return true;
    }
    const nlohmann::json *get(const char *key)
    {
        m_seen.insert(key);
        if (!m_ok || !m_json.contains(key))
            return nullptr;
        return &m_json[key];
    }
    void boolean(const char *key, bool *out)
    {
        if (const auto *v = get(key)) {
            if (!v->is_boolean())
                fail(field(key), QStringLiteral("must be true or false"));
            else
                *out = v->get<bool>();
        }
    }
    template<typename T>
    void number(const char *key, T *out, double min, double max)
    {
        if (const auto *v = get(key)) {
            if (!v->is_number()) {
                fail(field(key), QStringLiteral("must be a number"));
                return;
            }
            const double d = v->get<double>();
            if (d < min || d > max) {
                fail(field(key), QStringLiteral("must be between %1 and %2").arg(min).arg(max));
                return;
            }
            *out = T(d);
        }
    }
    void string(const char *key, QString *out)
    {
        if (const auto *v = get(key)) {
            if (!v->is_string())
                fail(field(key), QStringLiteral("must be a string"));
            else
                *out = QString::fromStdString(v->get<std::string>());
        }
    }
    void stringList(const char *key, QStringList *out)
    {
        if (const auto *v = get(key)) {
            if (v->is_string()) {
                *out = QStringList{QString::fromStdString(v->get<std::string>())};
                return;
            }
            if (!v->is_array()) {
                fail(field(key), QStringLiteral("must be an array of strings"));
                return;
            }
            out->clear();
            for (const auto &item : *v) {
                if (!item.is_string()) {
                    fail(field(key), QStringLiteral("must be an array of strings"));
                    return;
                }
                out->append(QString::fromStdString(item.get<std::string>()));
            }
        }
    }
    // Checks for keys nobody asked for: a typo must not be silently ignored.
    void finish()
    {
        if (!m_ok)
            return;
        for (const auto &[key, value] : m_json.items())
            if (!m_seen.count(key)) {
                fail(field(key.c_str()), QStringLiteral("unknown field"));
                return;
            }
    }

private:
    const nlohmann::json &m_json;
    QString m_path;
    QString *m_error;
    std::set<std::string> m_seen;
    bool m_ok = true;
};

bool isLoopback(const QString &address)
{
    return address == QLatin1String("127.0.0.1") || address == QLatin1String("::1")
        || address == QLatin1String("localhost") || address.startsWith(QLatin1String("127."));
}

} // namespace

std::optional<MonitoringConfig> parseMonitoringConfig(const QByteArray &jsonText, QString *error)
{
    QString why;
    const auto json = parseStrictJson(jsonText, &why);
    if (!json) {
        if (error)
            *error = QStringLiteral("monitoring: ") + why;
        return std::nullopt;
    }
    return parseMonitoringConfig(*json, error);
}

std::optional<MonitoringConfig> parseMonitoringConfig(const nlohmann::json &input, QString *error)
{
    const nlohmann::json &json = input.is_object() && input.size() == 1 && input.contains("monitoring")
        ? input["monitoring"] : input;
    MonitoringConfig config;
    Reader top(json, QString(), error);
    if (!top.isObject())
        return std::nullopt;
    top.boolean("enabled", &config.enabled);
    top.number("collectionInterval", &config.collectionIntervalMs, 100, 3600000);
    top.number("retentionPeriod", &config.retentionHours, 1, 24 * 365);
    if (const auto *alerting = top.get("alerting")) {
        Reader r(*alerting, QStringLiteral("alerting"), error);
        if (!r.isObject())
            return std::nullopt;
        r.boolean("enabled", &config.alerting.enabled);
        r.number("forMs", &config.alerting.forMs, 0, 86400000);
        r.number("keepFiringForMs", &config.alerting.keepFiringForMs, 0, 86400000);
        r.number("repeatIntervalMs", &config.alerting.repeatIntervalMs, 0, 7 * 86400000.0);
        r.boolean("restartAlert", &config.alerting.restartAlert);
        if (const auto *thresholds = r.get("thresholds")) {
            Reader t(*thresholds, QStringLiteral("alerting.thresholds"), error);
            if (!t.isObject())
                return std::nullopt;
            MonitoringThresholds &th = config.alerting.thresholds;
            t.number("memoryUsage", &th.memoryUsageMb, 0, 1e9);
            t.number("cpuUsage", &th.cpuUsagePercent, 0, 10000);
            t.number("cacheHitRate", &th.cacheHitRateMin, 0, 100);
            t.number("latency", &th.latencyMaxMs, 0, 3600000);
            t.number("errorRate", &th.errorRateMaxPercent, 0, 100);
            t.finish();
            if (!t.ok())
                return std::nullopt;
        }
        r.finish();
        if (!r.ok())
            return std::nullopt;
    }
    if (const auto *rules = top.get("rules")) {
        if (!rules->is_array()) {
            top.fail(QStringLiteral("rules"), QStringLiteral("must be an array"));
            return std::nullopt;
        }
        QStringList ids;
        for (size_t i = 0; i < rules->size(); ++i) {
            const QString path = QStringLiteral("rules[%1]").arg(i);
            auto rule = alertRuleFromJson((*rules)[i], path, error);
            if (!rule)
                return std::nullopt;
            if (ids.contains(rule->id) || rule->id.startsWith(QLatin1String("builtin."))) {
                if (error)
                    *error = path + QStringLiteral(".id: '%1' is taken").arg(rule->id);
                return std::nullopt;
            }
            ids << rule->id;
            config.rules.push_back(*rule);
        }
    }
    if (const auto *channels = top.get("channels")) {
        Reader c(*channels, QStringLiteral("channels"), error);
        if (!c.isObject())
            return std::nullopt;
        c.boolean("desktop", &config.channels.desktop);
        if (const auto *log = c.get("log")) {
            Reader l(*log, QStringLiteral("channels.log"), error);
            if (!l.isObject())
                return std::nullopt;
            l.boolean("enabled", &config.channels.log.enabled);
            l.string("path", &config.channels.log.path);
            l.number("maxBytes", &config.channels.log.maxBytes, 1024, 1e12);
            l.number("keepFiles", &config.channels.log.keepFiles, 0, 100);
            l.finish();
            if (!l.ok())
                return std::nullopt;
        }
        if (const auto *hook = c.get("webhook")) {
            Reader w(*hook, QStringLiteral("channels.webhook"), error);
            if (!w.isObject())
                return std::nullopt;
            w.boolean("enabled", &config.channels.webhook.enabled);
            w.string("url", &config.channels.webhook.url);
            w.number("timeoutMs", &config.channels.webhook.timeoutMs, 100, 600000);
            w.number("retries", &config.channels.webhook.retries, 0, 20);
            w.number("backoffMs", &config.channels.webhook.backoffMs, 0, 600000);
            w.finish();
            if (!w.ok())
                return std::nullopt;
        }
        if (const auto *mail = c.get("email")) {
            Reader m(*mail, QStringLiteral("channels.email"), error);
            if (!m.isObject())
                return std::nullopt;
            EmailChannelConfig &e = config.channels.email;
            m.boolean("enabled", &e.enabled);
            m.string("server", &e.server);
            m.number("port", &e.port, 1, 65535);
            m.boolean("startTls", &e.startTls);
            m.string("user", &e.user);
            m.string("from", &e.from);
            m.stringList("to", &e.to);
            m.number("timeoutMs", &e.timeoutMs, 100, 600000);
            m.finish();
            if (!m.ok())
                return std::nullopt;
        }
        c.finish();
        if (!c.ok())
            return std::nullopt;
    }
    if (const auto *endpoint = top.get("metricsEndpoint")) {
        Reader m(*endpoint, QStringLiteral("metricsEndpoint"), error);
        if (!m.isObject())
            return std::nullopt;
        MetricsEndpointConfig &e = config.metricsEndpoint;
        m.boolean("enabled", &e.enabled);
        m.string("bindAddress", &e.bindAddress);
        m.number("port", &e.port, 0, 65535);
        m.boolean("allowRemote", &e.allowRemote);
        m.string("bearerToken", &e.bearerToken);
        m.finish();
        if (!m.ok())
            return std::nullopt;
    }
    top.finish();
    if (!top.ok())
        return std::nullopt;
    const QString problem = validateMonitoringConfig(config);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return config;
}

QString validateMonitoringConfig(const MonitoringConfig &c)
{
    if (c.collectionIntervalMs < 100)
        return QStringLiteral("collectionInterval: must be at least 100 ms");
    if (c.retentionHours < 1)
        return QStringLiteral("retentionPeriod: must be at least 1 hour");
    const MonitoringThresholds &t = c.alerting.thresholds;
    if (t.memoryUsageMb < 0)
        return QStringLiteral("alerting.thresholds.memoryUsage: must not be negative");
    if (t.cpuUsagePercent < 0)
        return QStringLiteral("alerting.thresholds.cpuUsage: must not be negative");
    if (t.cacheHitRateMin < 0 || t.cacheHitRateMin > 100)
        return QStringLiteral("alerting.thresholds.cacheHitRate: must be between 0 and 100");
    if (t.latencyMaxMs < 0)
        return QStringLiteral("alerting.thresholds.latency: must not be negative");
    if (t.errorRateMaxPercent < 0 || t.errorRateMaxPercent > 100)
        return QStringLiteral("alerting.thresholds.errorRate: must be between 0 and 100");
    const WebhookChannelConfig &w = c.channels.webhook;
    if (w.enabled) {
        const QUrl url(w.url, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty())
            return QStringLiteral("channels.webhook.url: '%1' is not an http(s) URL").arg(w.url);
    }
    const EmailChannelConfig &e = c.channels.email;
    if (e.enabled) {
        if (e.server.trimmed().isEmpty())
            return QStringLiteral("channels.email.server: is required when email is enabled");
        if (!e.from.contains(QLatin1Char('@')))
            return QStringLiteral("channels.email.from: '%1' is not an address").arg(e.from);
        if (e.to.isEmpty())
            return QStringLiteral("channels.email.to: needs at least one address");
        for (const QString &to : e.to)
            if (!to.contains(QLatin1Char('@')))
                return QStringLiteral("channels.email.to: '%1' is not an address").arg(to);
    }
    const MetricsEndpointConfig &m = c.metricsEndpoint;
    if (m.enabled && !isLoopback(m.bindAddress)) {
        if (!m.allowRemote)
            return QStringLiteral("metricsEndpoint.bindAddress: '%1' is not loopback; set allowRemote to bind it")
                .arg(m.bindAddress);
    }
    return {};
}

nlohmann::json monitoringConfigToJson(const MonitoringConfig &c)
{
    const MonitoringThresholds &t = c.alerting.thresholds;
    nlohmann::json rules = nlohmann::json::array();
    for (const AlertRule &rule : c.rules)
        rules.push_back(alertRuleToJson(rule));
    nlohmann::json to = nlohmann::json::array();
    for (const QString &address : c.channels.email.to)
        to.push_back(address.toStdString());
    return {
        {"enabled", c.enabled},
        {"collectionInterval", c.collectionIntervalMs},
        {"retentionPeriod", c.retentionHours},
        {"alerting",
         {{"enabled", c.alerting.enabled},
          {"thresholds",
           {{"memoryUsage", t.memoryUsageMb},
            {"cpuUsage", t.cpuUsagePercent},
            {"cacheHitRate", t.cacheHitRateMin},
            {"latency", t.latencyMaxMs},
            {"errorRate", t.errorRateMaxPercent}}},
          {"forMs", c.alerting.forMs},
          {"keepFiringForMs", c.alerting.keepFiringForMs},
          {"repeatIntervalMs", c.alerting.repeatIntervalMs},
          {"restartAlert", c.alerting.restartAlert}}},
        {"rules", rules},
        {"channels",
         {{"desktop", c.channels.desktop},
          {"log",
           {{"enabled", c.channels.log.enabled},
            {"path", c.channels.log.path.toStdString()},
            {"maxBytes", c.channels.log.maxBytes},
            {"keepFiles", c.channels.log.keepFiles}}},
          {"webhook",
           {{"enabled", c.channels.webhook.enabled},
            {"url", c.channels.webhook.url.toStdString()},
            {"timeoutMs", c.channels.webhook.timeoutMs},
            {"retries", c.channels.webhook.retries},
            {"backoffMs", c.channels.webhook.backoffMs}}},
          {"email",
           {{"enabled", c.channels.email.enabled},
            {"server", c.channels.email.server.toStdString()},
            {"port", c.channels.email.port},
            {"startTls", c.channels.email.startTls},
            {"user", c.channels.email.user.toStdString()},
            {"from", c.channels.email.from.toStdString()},
            {"to", to},
            {"timeoutMs", c.channels.email.timeoutMs}}}}},
        {"metricsEndpoint",
         {{"enabled", c.metricsEndpoint.enabled},
          {"bindAddress", c.metricsEndpoint.bindAddress.toStdString()},
          {"port", c.metricsEndpoint.port},
          {"allowRemote", c.metricsEndpoint.allowRemote}}},
    };
}

QByteArray monitoringConfigToJsonText(const MonitoringConfig &config)
{
    return QByteArray::fromStdString(monitoringConfigToJson(config).dump(2));
}

namespace {

// Fires on the poll that sees a node's uptime go back, and stays firing ten minutes after it, so
// a restart between two glances at the panel is still seen (the sample itself says 1 only once).
AlertRule restartRule()
{
    AlertRule rule;
    rule.id = QStringLiteral("builtin.restart");
    rule.name = QStringLiteral("Target restarted");
    rule.metric = QLatin1String(metric::Restarted);
    rule.comparator = Comparator::GreaterOrEqual;
    rule.threshold = 1;
    rule.keepFiringForMs = 10 * 60 * 1000;
    rule.severity = Severity::Warning;
    rule.builtIn = true;
    return rule;
}

} // namespace

std::vector<AlertRule> effectiveRules(const MonitoringConfig &config)
{
    std::vector<AlertRule> rules;
    if (!config.alerting.enabled)
        return rules;
    const MonitoringThresholds &t = config.alerting.thresholds;
    const auto add = [&](const char *id, const QString &name, const char *metricName, Comparator cmp, double threshold,
                         Severity severity) {
        if (threshold <= 0)
            return;
        AlertRule rule;
        rule.id = QLatin1String(id);
        rule.name = name;
        rule.metric = QLatin1String(metricName);
        rule.comparator = cmp;
        rule.threshold = threshold;
        rule.forMs = config.alerting.forMs;
        rule.keepFiringForMs = config.alerting.keepFiringForMs;
        rule.severity = severity;
        rule.builtIn = true;
        rules.push_back(rule);
    };
    add("builtin.memory", QStringLiteral("Memory usage high"), metric::UsedMemoryMb, Comparator::Greater,
        t.memoryUsageMb, Severity::Warning);
    add("builtin.cpu", QStringLiteral("CPU usage high"), metric::CpuPercent, Comparator::Greater, t.cpuUsagePercent,
        Severity::Warning);
    add("builtin.hitrate", QStringLiteral("Cache hit rate low"), metric::HitRatePercent, Comparator::Less,
        t.cacheHitRateMin, Severity::Warning);
    add("builtin.latency", QStringLiteral("Latency high"), metric::P99LatencyMs, Comparator::Greater, t.latencyMaxMs,
        Severity::Warning);
    add("builtin.errors", QStringLiteral("Error rate high"), metric::ErrorRatePercent, Comparator::Greater,
        t.errorRateMaxPercent, Severity::Critical);
    if (config.alerting.restartAlert)
        rules.push_back(restartRule());
    for (const AlertRule &rule : config.rules)
        rules.push_back(rule);
    return rules;
}

} // namespace cwb
