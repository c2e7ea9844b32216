#pragma once

#include "alertrule.h"
#include "monitorsample.h"

#include <nlohmann/json_fwd.hpp>

#include <deque>
#include <map>
#include <optional>
#include <vector>

namespace cwb {

enum class AlertState { Pending, Firing, Acknowledged, Resolved };
QString alertStateName(AlertState state); // "pending", "firing", "acknowledged", "resolved"
std::optional<AlertState> alertStateFromName(const QString &name);

// One alert: one rule breached on one target+node, from the first breach to its resolution.
struct Alert
{
    QString id;           // "<fingerprint>@<startsAtMs>": unique across restarts
    QString fingerprint;  // "<rule id>|<target>|<node>": the dedup key
    QString ruleId;
    QString ruleName;
    QString metric;
    QString condition;    // the rule's conditionText() when the alert started
    Severity severity = Severity::Warning;
    QString target;
    QString node;
    AlertState state = AlertState::Pending;
    double value = 0;     // the latest value of the metric
    double firedValue = 0; // the value of the sample that made it fire (what notifications said)
    double threshold = 0;
    qint64 startsAtMs = 0;       // first breach
    qint64 firedAtMs = 0;        // 0 until it fired
    qint64 acknowledgedAtMs = 0;
    qint64 acknowledgedUntilMs = 0; // 0: until resolved
    QString acknowledgedBy;
    qint64 resolvedAtMs = 0;
    QString resolvedBy;          // "auto" or who resolved it
    qint64 updatedAtMs = 0;
    qint64 lastNotifiedAtMs = 0;
    qint64 clearSinceMs = 0;     // when the condition cleared; 0 while breached
    QString note;                // why it started, when that needs saying (back after a resolve)

    bool isActive() const { return state != AlertState::Resolved; }
    bool operator==(const Alert &) const = default;
};

// A state change (or a repeat reminder) of one alert, with who or what caused it.
struct AlertChange
{
    Alert alert;          // the alert after the change
    AlertState from = AlertState::Pending;
    AlertState to = AlertState::Pending;
    bool created = false; // the alert did not exist before (from is meaningless)
    qint64 atMs = 0;
    QString by;           // "rule", "auto", "acknowledgement expired", a user name, ...
    QString note;
    bool notify = false;  // channels other than the log should send it
    bool reminder = false; // a repeat of a still-firing alert, not a state change
};

nlohmann::json alertToJson(const Alert &alert);
std::optional<Alert> alertFromJson(const nlohmann::json &json);
nlohmann::json alertChangeToJson(const AlertChange &transition);

// The alert lifecycle as a pure state machine: every call takes the time, so tests drive it
// deterministically. Not thread-safe; one owner calls it.
//
//   (breach) -> pending --for elapsed--> firing --acknowledge--> acknowledged
//   pending/firing/acknowledged --clear for keepFiringFor (with hysteresis) or Resolve--> resolved
//   acknowledged --expiry--> firing
// A pending alert survives a clear shorter than keepFiringFor and keeps its start, so a
// flapping metric yields one alert, not one per flap.
class AlertEngine
{
public:
    // Alerts of rules that disappear are resolved ("rule removed").
    std::vector<AlertChange> setRules(std::vector<AlertRule> rules, qint64 nowMs);
    const std::vector<AlertRule> &rules() const { return m_rules; }
    void setRepeatIntervalMs(qint64 ms) { m_repeatIntervalMs = ms; }

    std::vector<AlertChange> evaluate(const MonitorSample &sample, qint64 nowMs);
    // Acknowledgement expiry and repeat reminders; call now and then (every sample does).
    std::vector<AlertChange> tick(qint64 nowMs);

    // Resolves active alerts that no sample has updated for staleAfterMs ("no data"): a node that
    // left the cluster, or alerts restored for a target that is no longer watched.
    std::vector<AlertChange> resolveStale(qint64 nowMs, qint64 staleAfterMs);

    // untilMs 0 = until resolved. Only firing (or already acknowledged) alerts.
    std::optional<AlertChange> acknowledge(const QString &alertId, const QString &by, qint64 untilMs,
                                               qint64 nowMs, QString *error = nullptr);
    std::optional<AlertChange> resolve(const QString &alertId, const QString &by, qint64 nowMs,
                                           QString *error = nullptr);

    // Pending, firing and acknowledged alerts, oldest first.
    const std::vector<Alert> &activeAlerts() const { return m_active; }
    // Recently resolved alerts, newest last (bounded).
    const std::deque<Alert> &resolvedAlerts() const { return m_resolved; }
    std::optional<Alert> alert(const QString &alertId) const;
    int count(AlertState state) const;

    // Puts back alerts saved before a restart (active ones continue; resolved ones are history).
    void restore(const std::vector<Alert> &alerts);

    static QString fingerprint(const AlertRule &rule, const MonitorSample &sample);
    static constexpr int kResolvedKept = 500;

private:
    AlertChange change(Alert &alert, AlertState to, qint64 nowMs, const QString &by, const QString &note,
                           bool notify);
    void retire(size_t index);

    std::vector<AlertRule> m_rules;
    std::vector<Alert> m_active;
    std::deque<Alert> m_resolved;
    // Fingerprint -> who resolved it by hand while its condition may still hold: a breach right
    // after such a resolve says that the condition never cleared.
    std::map<QString, QString> m_resolvedByHand;
    qint64 m_repeatIntervalMs = 0;
};

} // namespace cwb

Q_DECLARE_METATYPE(cwb::AlertChange)
