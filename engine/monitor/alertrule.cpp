#include "alertrule.h"

#include "json/strictjson.h"

#include <nlohmann/json.hpp>

#include <set>

namespace cwb {

QString comparatorSymbol(Comparator comparator)
{
    switch (comparator) {
    case Comparator::Greater: return QStringLiteral(">");
    case Comparator::GreaterOrEqual: return QStringLiteral(">=");
    case Comparator::Less: return QStringLiteral("<");
    case Comparator::LessOrEqual: return QStringLiteral("<=");
    }
    return {};
}

std::optional<Comparator> comparatorFromSymbol(const QString &symbol)
{
    for (Comparator c : {Comparator::Greater, Comparator::GreaterOrEqual, Comparator::Less, Comparator::LessOrEqual})
        if (comparatorSymbol(c) == symbol)
            return c;
    return std::nullopt;
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Critical: return QStringLiteral("critical");
    }
    return {};
}

std::optional<Severity> severityFromName(const QString &name)
{
    for (Severity s : {Severity::Info, Severity::Warning, Severity::Critical})
        if (severityName(s) == name)
            return s;
    return std::nullopt;
}

bool AlertRule::breached(double value) const
{
    switch (comparator) {
    case Comparator::Greater: return value > threshold;
    case Comparator::GreaterOrEqual: return value >= threshold;
    case Comparator::Less: return value < threshold;
    case Comparator::LessOrEqual: return value <= threshold;
    }
    return false;
}

bool AlertRule::cleared(double value) const
{
    const bool upward = comparator == Comparator::Greater || comparator == Comparator::GreaterOrEqual;
    if (hysteresis <= 0)
        return !breached(value);
    return upward ? value < threshold - hysteresis : value > threshold + hysteresis;
}

bool AlertRule::matches(const MonitorSample &sample) const
{
    if (!enabled || !sample.values.contains(metric))
        return false;
    if (!targetLabel.isEmpty() && targetLabel != sample.target)
        return false;
    if (nodeLabel.isEmpty())
        return sample.node != QLatin1String(node::All);
    return nodeLabel == sample.node;
}

QString AlertRule::conditionText() const
{
    QString text = metric + QLatin1Char(' ') + comparatorSymbol(comparator) + QLatin1Char(' ')
        + QString::number(threshold, 'g', 10);
    if (forMs > 0)
        text += QStringLiteral(" for %1s").arg(double(forMs) / 1000.0, 0, 'g', 6);
    return text;
}

namespace {

bool fail(QString *error, const QString &path, const QString &message)
{
    if (error)
        *error = path + QStringLiteral(": ") + message;
    return false;
}

} // namespace

std::optional<AlertRule> alertRuleFromJson(const nlohmann::json &json, const QString &path, QString *error)
{
    if (!json.is_object()) {
        fail(error, path, QStringLiteral("must be an object"));
        return std::nullopt;
    }
    static const std::set<std::string> known{"id", "name", "metric", "comparator", "threshold", "forMs",
                                             "keepFiringForMs", "hysteresis", "severity", "labels", "enabled"};
    for (const auto &[key, value] : json.items()) {
        if (!known.count(key)) {
            fail(error, path + QLatin1Char('.') + QString::fromStdString(key), QStringLiteral("unknown field"));
            return std::nullopt;
        }
    }
    AlertRule rule;
    const auto str = [&](const char *key, QString *out, bool required) {
        const QString field = path + QLatin1Char('.') + QLatin1String(key);
        if (!json.contains(key))
            return required ? fail(error, field, QStringLiteral("is required")) : true;
        if (!json[key].is_string())
            return fail(error, field, QStringLiteral("must be a string"));
        *out = QString::fromStdString(json[key].get<std::string>()).trimmed();
        if (required && out->isEmpty())
            return fail(error, field, QStringLiteral("must not be empty"));
        return true;
    };
    const auto num = [&](const char *key, double *out, bool required, double min) {
        const QString field = path + QLatin1Char('.') + QLatin1String(key);
        if (!json.contains(key))
            return required ? fail(error, field, QStringLiteral("is required")) : true;
        if (!json[key].is_number())
            return fail(error, field, QStringLiteral("must be a number"));
        *out = json[key].get<double>();
        if (*out < min)
            return fail(error, field, QStringLiteral("must be at least %1").arg(min));
        return true;
    };
    QString comparator = QStringLiteral(">");
    QString severity = QStringLiteral("warning");
    double forMs = 0, keepMs = 0;
    if (!str("id", &rule.id, true) || !str("metric", &rule.metric, true) || !str("name", &rule.name, false)
        || !str("comparator", &comparator, false) || !str("severity", &severity, false)
        || !num("threshold", &rule.threshold, true, -1e300) || !num("forMs", &forMs, false, 0)
        || !num("keepFiringForMs", &keepMs, false, 0) || !num("hysteresis", &rule.hysteresis, false, 0))
        return std::nullopt;
    if (!metricInfo(rule.metric)) {
        fail(error, path + QStringLiteral(".metric"), QStringLiteral("unknown metric '%1'").arg(rule.metric));
        return std::nullopt;
    }
    const auto cmp = comparatorFromSymbol(comparator);
    if (!cmp) {
        fail(error, path + QStringLiteral(".comparator"),
             QStringLiteral("'%1' is not one of >, >=, <, <=").arg(comparator));
        return std::nullopt;
    }
    const auto sev = severityFromName(severity);
    if (!sev) {
        fail(error, path + QStringLiteral(".severity"),
             QStringLiteral("'%1' is not one of info, warning, critical").arg(severity));
        return std::nullopt;
    }
    rule.comparator = *cmp;
    rule.severity = *sev;
    rule.forMs = qint64(forMs);
    rule.keepFiringForMs = qint64(keepMs);
    if (json.contains("enabled")) {
        if (!json["enabled"].is_boolean()) {
            fail(error, path + QStringLiteral(".enabled"), QStringLiteral("must be true or false"));
            return std::nullopt;
        }
        rule.enabled = json["enabled"].get<bool>();
    }
    if (json.contains("labels")) {
        const auto &labels = json["labels"];
        if (!labels.is_object()) {
            fail(error, path + QStringLiteral(".labels"), QStringLiteral("must be an object"));
            return std::nullopt;
        }
        for (const auto &[key, value] : labels.items()) {
            const QString field = path + QStringLiteral(".labels.") + QString::fromStdString(key);
            if (key != "target" && key != "node") {
                fail(error, field, QStringLiteral("unknown label (use target or node)"));
                return std::nullopt;
            }
            if (!value.is_string()) {
                fail(error, field, QStringLiteral("must be a string"));
                return std::nullopt;
            }
            (key == "target" ? rule.targetLabel : rule.nodeLabel) = QString::fromStdString(value.get<std::string>());
        }
    }
    if (rule.name.isEmpty())
        rule.name = rule.id;
    return rule;
}

nlohmann::json alertRuleToJson(const AlertRule &rule)
{
    nlohmann::json j{{"id", rule.id.toStdString()},
                     {"name", rule.name.toStdString()},
                     {"metric", rule.metric.toStdString()},
                     {"comparator", comparatorSymbol(rule.comparator).toStdString()},
                     {"threshold", rule.threshold},
                     {"forMs", rule.forMs},
                     {"keepFiringForMs", rule.keepFiringForMs},
                     {"hysteresis", rule.hysteresis},
                     {"severity", severityName(rule.severity).toStdString()},
                     {"enabled", rule.enabled}};
    nlohmann::json labels = nlohmann::json::object();
    if (!rule.targetLabel.isEmpty())
        labels["target"] = rule.targetLabel.toStdString();
    if (!rule.nodeLabel.isEmpty())
        labels["node"] = rule.nodeLabel.toStdString();
    j["labels"] = labels;
    return j;
}

std::optional<std::vector<AlertRule>> parseAlertRules(const QByteArray &jsonText, QString *error)
{
    QString why;
    auto parsed = parseStrictJson(jsonText, &why);
    if (!parsed) {
        if (error)
            *error = QStringLiteral("rules: ") + why;
        return std::nullopt;
    }
    nlohmann::json json = std::move(*parsed);
    if (json.is_object()) {
        if (!json.contains("rules") || json.size() != 1) {
            if (error)
                *error = QStringLiteral("rules: expected {\"rules\": [...]} or an array");
            return std::nullopt;
        }
        json = json["rules"];
    }
    if (!json.is_array()) {
        if (error)
            *error = QStringLiteral("rules: must be an array");
        return std::nullopt;
    }
    std::vector<AlertRule> rules;
    QStringList ids;
    for (size_t i = 0; i < json.size(); ++i) {
        const QString path = QStringLiteral("rules[%1]").arg(i);
        auto rule = alertRuleFromJson(json[i], path, error);
        if (!rule)
            return std::nullopt;
        if (ids.contains(rule->id)) {
            if (error)
                *error = path + QStringLiteral(".id: '%1' is used twice").arg(rule->id);
            return std::nullopt;
        }
        ids << rule->id;
        rules.push_back(*rule);
    }
    return rules;
}

QByteArray alertRulesToJson(const std::vector<AlertRule> &rules)
{
    nlohmann::json array = nlohmann::json::array();
    for (const AlertRule &rule : rules)
        array.push_back(alertRuleToJson(rule));
    return QByteArray::fromStdString(nlohmann::json{{"rules", array}}.dump(2));
}

} // namespace cwb
