#pragma once

#include "monitorsample.h"

#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <vector>

namespace cwb {

enum class Comparator { Greater, GreaterOrEqual, Less, LessOrEqual };
enum class Severity { Info, Warning, Critical };

QString comparatorSymbol(Comparator comparator); // ">", ">=", "<", "<="
std::optional<Comparator> comparatorFromSymbol(const QString &symbol);
QString severityName(Severity severity);         // "info", "warning", "critical"
std::optional<Severity> severityFromName(const QString &name);

// "metric comparator threshold, held for `forMs`": one alerting condition. A rule matches every
// sample of its metric unless its labels narrow it to one target or node; each matching
// target+node pair gets its own alert (dedup key: rule id + labels).
struct AlertRule
{
    QString id;          // unique, stable: alert identity and history hang on it
    QString name;        // shown to people
    QString metric;      // a name from knownMetrics()
    Comparator comparator = Comparator::Greater;
    double threshold = 0;
    qint64 forMs = 0;            // the condition must hold this long before the alert fires
    qint64 keepFiringForMs = 0;  // ... and be clear this long before it resolves
    double hysteresis = 0;       // "clear" means past the threshold by this margin, in metric units
    Severity severity = Severity::Warning;
    QString targetLabel;         // empty: any target
    QString nodeLabel;           // empty: any server node, "workbench" and "load" (not the "all" sum)
    bool enabled = true;
    bool builtIn = false;        // made from the config's thresholds; not saved with custom rules

    // True when the value breaches the threshold.
    bool breached(double value) const;
    // True when the value is back on the good side of the threshold by the hysteresis margin.
    bool cleared(double value) const;
    bool matches(const MonitorSample &sample) const;
    // "used_memory_mb > 100 for 5s"
    QString conditionText() const;
    bool operator==(const AlertRule &) const = default;
};

// Parses one rule ({"id","name","metric","comparator","threshold","forMs","keepFiringForMs",
// "hysteresis","severity","labels":{"target","node"},"enabled"}). Errors name the field,
// prefixed with `path` ("rules[2].comparator: ...").
std::optional<AlertRule> alertRuleFromJson(const nlohmann::json &json, const QString &path, QString *error);
nlohmann::json alertRuleToJson(const AlertRule &rule);
// A rules file: {"rules": [...]} or a bare array. Ids must be unique.
std::optional<std::vector<AlertRule>> parseAlertRules(const QByteArray &jsonText, QString *error);
QByteArray alertRulesToJson(const std::vector<AlertRule> &rules);

} // namespace cwb
