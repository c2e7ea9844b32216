#include "alertengine.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace cwb {

QString alertStateName(AlertState state)
{
    switch (state) {
    case AlertState::Pending: return QStringLiteral("pending");
    case AlertState::Firing: return QStringLiteral("firing");
    case AlertState::Acknowledged: return QStringLiteral("acknowledged");
    case AlertState::Resolved: return QStringLiteral("resolved");
    }
    return {};
}

std::optional<AlertState> alertStateFromName(const QString &name)
{
    for (AlertState s : {AlertState::Pending, AlertState::Firing, AlertState::Acknowledged, AlertState::Resolved})
        if (alertStateName(s) == name)
            return s;
    return std::nullopt;
}

nlohmann::json alertToJson(const Alert &a)
{
    return {{"id", a.id.toStdString()},
            {"fingerprint", a.fingerprint.toStdString()},
            {"ruleId", a.ruleId.toStdString()},
            {"ruleName", a.ruleName.toStdString()},
            {"metric", a.metric.toStdString()},
            {"condition", a.condition.toStdString()},
            {"severity", severityName(a.severity).toStdString()},
            {"labels", {{"target", a.target.toStdString()}, {"node", a.node.toStdString()}}},
            {"state", alertStateName(a.state).toStdString()},
            {"value", a.value},
            {"firedValue", a.firedValue},
            {"threshold", a.threshold},
            {"startsAtMs", a.startsAtMs},
            {"firedAtMs", a.firedAtMs},
            {"acknowledgedAtMs", a.acknowledgedAtMs},
            {"acknowledgedUntilMs", a.acknowledgedUntilMs},
            {"acknowledgedBy", a.acknowledgedBy.toStdString()},
            {"resolvedAtMs", a.resolvedAtMs},
            {"resolvedBy", a.resolvedBy.toStdString()},
            {"updatedAtMs", a.updatedAtMs},
            {"lastNotifiedAtMs", a.lastNotifiedAtMs},
            {"clearSinceMs", a.clearSinceMs},
            {"note", a.note.toStdString()}};
}

std::optional<Alert> alertFromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return std::nullopt;
    const auto s = [&](const char *key) {
        return j.contains(key) && j[key].is_string() ? QString::fromStdString(j[key].get<std::string>()) : QString();
    };
    const auto n = [&](const char *key) { return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0.0; };
    Alert a;
    a.id = s("id");
    a.fingerprint = s("fingerprint");
    a.ruleId = s("ruleId");
    a.ruleName = s("ruleName");
    a.metric = s("metric");
    a.condition = s("condition");
    a.severity = severityFromName(s("severity")).value_or(Severity::Warning);
    if (j.contains("labels") && j["labels"].is_object()) {
        const auto &labels = j["labels"];
        if (labels.contains("target") && labels["target"].is_string())
            a.target = QString::fromStdString(labels["target"].get<std::string>());
        if (labels.contains("node") && labels["node"].is_string())
            a.node = QString::fromStdString(labels["node"].get<std::string>());
    }
    const auto state = alertStateFromName(s("state"));
    if (a.id.isEmpty() || !state)
        return std::nullopt;
    a.state = *state;
    a.value = n("value");
    a.firedValue = j.contains("firedValue") ? n("firedValue") : a.value;
    a.threshold = n("threshold");
    a.startsAtMs = qint64(n("startsAtMs"));
    a.firedAtMs = qint64(n("firedAtMs"));
    a.acknowledgedAtMs = qint64(n("acknowledgedAtMs"));
    a.acknowledgedUntilMs = qint64(n("acknowledgedUntilMs"));
    a.acknowledgedBy = s("acknowledgedBy");
    a.resolvedAtMs = qint64(n("resolvedAtMs"));
    a.resolvedBy = s("resolvedBy");
    a.updatedAtMs = qint64(n("updatedAtMs"));
    a.lastNotifiedAtMs = qint64(n("lastNotifiedAtMs"));
    a.clearSinceMs = qint64(n("clearSinceMs"));
    a.note = s("note");
    return a;
}

nlohmann::json alertChangeToJson(const AlertChange &t)
{
    return {{"alert", alertToJson(t.alert)},
            {"from", t.created ? nullptr : nlohmann::json(alertStateName(t.from).toStdString())},
            {"to", alertStateName(t.to).toStdString()},
            {"atMs", t.atMs},
            {"by", t.by.toStdString()},
            {"note", t.note.toStdString()},
            {"reminder", t.reminder}};
}

QString AlertEngine::fingerprint(const AlertRule &rule, const MonitorSample &sample)
{
    return rule.id + QLatin1Char('|') + sample.target + QLatin1Char('|') + sample.node;
}

std::vector<AlertChange> AlertEngine::setRules(std::vector<AlertRule> rules, qint64 nowMs)
{
    m_rules = std::move(rules);
    std::vector<AlertChange> out;
    for (size_t i = m_active.size(); i-- > 0;) {
        Alert &alert = m_active[i];
        const bool kept = std::any_of(m_rules.begin(), m_rules.end(),
                                      [&](const AlertRule &r) { return r.id == alert.ruleId && r.enabled; });
        if (kept)
            continue;
        const bool wasFiring = alert.state != AlertState::Pending;
        alert.resolvedBy = QStringLiteral("rule removed");
        out.push_back(change(alert, AlertState::Resolved, nowMs, alert.resolvedBy, QString(), wasFiring));
        retire(i);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

AlertChange AlertEngine::change(Alert &alert, AlertState to, qint64 nowMs, const QString &by, const QString &note,
                                    bool notify)
{
    AlertChange t;
    t.from = alert.state;
    t.to = to;
    alert.state = to;
    alert.updatedAtMs = nowMs;
    if (to == AlertState::Resolved)
        alert.resolvedAtMs = nowMs;
    if (notify)
        alert.lastNotifiedAtMs = nowMs;
    t.alert = alert;
    t.atMs = nowMs;
    t.by = by;
    t.note = note;
    t.notify = notify;
    return t;
}

void AlertEngine::retire(size_t index)
{
    m_resolved.push_back(m_active[index]);
    while (m_resolved.size() > size_t(kResolvedKept))
        m_resolved.pop_front();
    m_active.erase(m_active.begin() + qsizetype(index));
}

std::vector<AlertChange> AlertEngine::evaluate(const MonitorSample &sample, qint64 nowMs)
{
    std::vector<AlertChange> out;
    for (const AlertRule &rule : m_rules) {
        if (!rule.matches(sample))
            continue;
        const double value = *sample.value(rule.metric);
        const QString key = fingerprint(rule, sample);
        const auto it = std::find_if(m_active.begin(), m_active.end(),
                                     [&](const Alert &a) { return a.fingerprint == key; });
        const bool breached = rule.breached(value);

        if (it == m_active.end()) {
            const auto byHand = m_resolvedByHand.find(key);
            if (!breached) {
                if (byHand != m_resolvedByHand.end() && rule.cleared(value))
                    m_resolvedByHand.erase(byHand);
                continue;
            }
            Alert alert;
            alert.fingerprint = key;
            alert.id = key + QLatin1Char('@') + QString::number(nowMs);
            alert.ruleId = rule.id;
            alert.ruleName = rule.name;
            alert.metric = rule.metric;
            alert.condition = rule.conditionText();
            alert.severity = rule.severity;
            alert.target = sample.target;
            alert.node = sample.node;
            alert.value = value;
            alert.threshold = rule.threshold;
            alert.startsAtMs = nowMs;
            alert.updatedAtMs = nowMs;
            if (byHand != m_resolvedByHand.end()) {
                alert.note = QStringLiteral("back at once: the condition still holds (%1 %2) after %3 resolved it")
                                 .arg(QString::number(value, 'g', 6), alert.condition, byHand->second);
                m_resolvedByHand.erase(byHand);
            }
            AlertChange created;
            created.alert = alert;
            created.created = true;
            created.to = AlertState::Pending;
            created.atMs = nowMs;
            created.by = QStringLiteral("rule");
            created.note = alert.note;
            out.push_back(created);
            m_active.push_back(alert);
            Alert &stored = m_active.back();
            if (rule.forMs <= 0) {
                stored.firedAtMs = nowMs;
                stored.firedValue = value;
                out.push_back(change(stored, AlertState::Firing, nowMs, QStringLiteral("rule"), stored.note, true));
            }
            continue;
        }

        Alert &alert = *it;
        alert.value = value;
        alert.updatedAtMs = nowMs;
        alert.threshold = rule.threshold;
        alert.severity = rule.severity;
        if (breached) {
            alert.clearSinceMs = 0;
            if (alert.state == AlertState::Pending && nowMs - alert.startsAtMs >= rule.forMs) {
                alert.firedAtMs = nowMs;
                alert.firedValue = value;
                out.push_back(change(alert, AlertState::Firing, nowMs, QStringLiteral("rule"), alert.note, true));
            }
            continue;
        }
        if (!rule.cleared(value)) {
            // Inside the hysteresis band: neither breached nor clear, so the clear timer restarts.
            alert.clearSinceMs = 0;
            continue;
        }
        if (alert.clearSinceMs == 0)
            alert.clearSinceMs = nowMs;
        if (nowMs - alert.clearSinceMs >= rule.keepFiringForMs) {
            const bool wasPending = alert.state == AlertState::Pending;
            alert.resolvedBy = QStringLiteral("auto");
            out.push_back(change(alert, AlertState::Resolved, nowMs, alert.resolvedBy,
                                 wasPending ? QStringLiteral("cleared before firing") : QString(), !wasPending));
            retire(size_t(it - m_active.begin()));
        }
    }
    for (AlertChange &t : tick(nowMs))
        out.push_back(std::move(t));
    return out;
}

std::vector<AlertChange> AlertEngine::tick(qint64 nowMs)
{
    std::vector<AlertChange> out;
    for (Alert &alert : m_active) {
        if (alert.state == AlertState::Acknowledged && alert.acknowledgedUntilMs > 0
            && nowMs >= alert.acknowledgedUntilMs) {
            alert.acknowledgedUntilMs = 0;
            out.push_back(change(alert, AlertState::Firing, nowMs, QStringLiteral("acknowledgement expired"), QString(),
                                 true));
        } else if (alert.state == AlertState::Firing && m_repeatIntervalMs > 0
                   && nowMs - alert.lastNotifiedAtMs >= m_repeatIntervalMs) {
            AlertChange t = change(alert, AlertState::Firing, nowMs, QStringLiteral("repeat"), QString(), true);
            t.reminder = true;
            out.push_back(t);
        }
    }
    return out;
}

std::vector<AlertChange> AlertEngine::resolveStale(qint64 nowMs, qint64 staleAfterMs)
{
    std::vector<AlertChange> out;
    for (size_t i = m_active.size(); i-- > 0;) {
        Alert &alert = m_active[i];
        if (nowMs - alert.updatedAtMs < staleAfterMs)
            continue;
        alert.resolvedBy = QStringLiteral("no data");
        out.push_back(change(alert, AlertState::Resolved, nowMs, alert.resolvedBy,
                             QStringLiteral("no sample since %1 s").arg((nowMs - alert.updatedAtMs) / 1000),
                             alert.state != AlertState::Pending));
        retire(i);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::optional<AlertChange> AlertEngine::acknowledge(const QString &alertId, const QString &by, qint64 untilMs,
                                                        qint64 nowMs, QString *error)
{
    const auto it = std::find_if(m_active.begin(), m_active.end(), [&](const Alert &a) { return a.id == alertId; });
    if (it == m_active.end()) {
        if (error)
            *error = QStringLiteral("no active alert '%1'").arg(alertId);
        return std::nullopt;
    }
    if (it->state != AlertState::Firing && it->state != AlertState::Acknowledged) {
        if (error)
            *error = QStringLiteral("alert '%1' is %2; only firing alerts can be acknowledged")
                         .arg(alertId, alertStateName(it->state));
        return std::nullopt;
    }
    if (untilMs != 0 && untilMs <= nowMs) {
        if (error)
            *error = QStringLiteral("acknowledgement expiry must be in the future");
        return std::nullopt;
    }
    it->acknowledgedAtMs = nowMs;
    it->acknowledgedBy = by;
    it->acknowledgedUntilMs = untilMs;
    return change(*it, AlertState::Acknowledged, nowMs, by, QString(), true);
}

std::optional<AlertChange> AlertEngine::resolve(const QString &alertId, const QString &by, qint64 nowMs,
                                                    QString *error)
{
    const auto it = std::find_if(m_active.begin(), m_active.end(), [&](const Alert &a) { return a.id == alertId; });
    if (it == m_active.end()) {
        if (error)
            *error = QStringLiteral("no active alert '%1'").arg(alertId);
        return std::nullopt;
    }
    it->resolvedBy = by;
    m_resolvedByHand[it->fingerprint] = by;
    const bool wasPending = it->state == AlertState::Pending;
    AlertChange t = change(*it, AlertState::Resolved, nowMs, by, QStringLiteral("resolved by hand"), !wasPending);
    retire(size_t(it - m_active.begin()));
    return t;
}

std::optional<Alert> AlertEngine::alert(const QString &alertId) const
{
    for (const Alert &a : m_active)
        if (a.id == alertId)
            return a;
    for (const Alert &a : m_resolved)
        if (a.id == alertId)
            return a;
    return std::nullopt;
}

int AlertEngine::count(AlertState state) const
{
    if (state == AlertState::Resolved)
        return int(m_resolved.size());
    return int(std::count_if(m_active.begin(), m_active.end(), [&](const Alert &a) { return a.state == state; }));
}

void AlertEngine::restore(const std::vector<Alert> &alerts)
{
    for (const Alert &a : alerts) {
        const auto same = [&](const Alert &b) { return b.id == a.id || (a.isActive() && b.fingerprint == a.fingerprint); };
        if (std::any_of(m_active.begin(), m_active.end(), same))
            continue;
        if (a.isActive()) {
            m_active.push_back(a);
        } else {
            m_resolved.push_back(a);
            while (m_resolved.size() > size_t(kResolvedKept))
                m_resolved.pop_front();
        }
    }
}

} // namespace cwb
