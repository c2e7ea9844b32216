#include "monitorservice.h"

#include <QTimer>

#include "collectionjob.h"
#include "emailchannel.h"
#include "logchannel.h"
#include "metricsserver.h"
#include "monitorexport.h"
#include "webhookchannel.h"

#include "load/runsnapshot.h"
#include "store/asyncresultstore.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace cwb {

namespace {

constexpr qint64 kPurgeEveryMs = 3600 * 1000;

cwb::AlertTransition toStored(const AlertChange &change)
{
    cwb::AlertTransition t;
    t.alertId = change.alert.id;
    t.ruleId = change.alert.ruleId;
    t.labels = {{"target", change.alert.target.toStdString()}, {"node", change.alert.node.toStdString()}};
    t.severity = severityName(change.alert.severity);
    t.fromState = change.created ? QString() : alertStateName(change.from);
    t.toState = alertStateName(change.to);
    t.at = QDateTime::fromMSecsSinceEpoch(change.atMs, Qt::UTC);
    t.changedBy = change.by;
    t.message = change.note.isEmpty() ? alertChangeSummary(change) : change.note;
    // The whole alert rides along so a restart can restore it exactly (ack expiry included).
    t.value = {{"value", change.alert.value}, {"alert", alertToJson(change.alert)}};
    return t;
}

} // namespace

MonitorService::MonitorService(QObject *parent)
    : QObject(parent), m_channels(new ChannelDispatcher(this)),
      m_metrics(new MetricsServer([this] { return prometheusText(); }, this)),
      m_collectionIntervalMs(std::make_shared<std::atomic<int>>(m_config.collectionIntervalMs)),
      m_user(QStringLiteral("user:") + qEnvironmentVariable("USER", QStringLiteral("local"))),
      m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<cwb::MonitorSample>();
    qRegisterMetaType<std::vector<cwb::MonitorSample>>();
    qRegisterMetaType<cwb::AlertChange>();
    connect(m_channels, &ChannelDispatcher::deliveryChanged, this, &MonitorService::deliveryChanged);
    setConfig(m_config);
    // Not only while collecting: alerts restored for a target that is gone (an earlier session's
    // sandbox) have no collector that could ever resolve them.
    auto *staleCheck = new QTimer(this);
    staleCheck->setInterval(60 * 1000);
    connect(staleCheck, &QTimer::timeout, this, &MonitorService::resolveStaleAlerts);
    staleCheck->start();
}

qint64 MonitorService::staleAfterMs() const
{
    return std::max<qint64>(5 * 60 * 1000, 10LL * m_config.collectionIntervalMs);
}

void MonitorService::resolveStaleAlerts()
{
    handleChanges(m_engine.resolveStale(now(), staleAfterMs()));
}

MonitorService::~MonitorService()
{
    stop();
}

bool MonitorService::setConfig(const MonitoringConfig &config, QString *error)
{
    const QString problem = validateMonitoringConfig(config);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    const bool endpointChanged = !(config.metricsEndpoint == m_config.metricsEndpoint) || !m_metrics->isListening();
    m_config = config;
    m_collectionIntervalMs->store(config.collectionIntervalMs);
    m_engine.setRepeatIntervalMs(config.alerting.repeatIntervalMs);
    rebuildChannels();
    handleChanges(m_engine.setRules(effectiveRules(config), now()));
    if (endpointChanged) {
        m_metrics->stop();
        if (config.metricsEndpoint.enabled && !m_metrics->start(config.metricsEndpoint, error))
            return false;
    }
    return true;
}

void MonitorService::rebuildChannels()
{
    // Channels added from outside (the GUI's desktop channel) stay.
    for (const char *name : {"log", "webhook", "email"})
        m_channels->removeChannel(QLatin1String(name));
    const ChannelsConfig &c = m_config.channels;
    if (c.log.enabled)
        m_channels->addChannel(new LogChannel(c.log));
    if (c.webhook.enabled)
        m_channels->addChannel(new WebhookChannel(c.webhook));
    if (c.email.enabled)
        m_channels->addChannel(new EmailChannel(c.email));
}

AsyncResultStore *MonitorService::store() const
{
    return m_store.data();
}

void MonitorService::setStore(AsyncResultStore *store)
{
    m_store = store;
    if (!store)
        return;
    // Alerts from before a restart: the full alert rides in each transition's value.
    store->submit<std::vector<Alert>>(
        [](ResultStore &s) {
            std::vector<Alert> alerts;
            for (const AlertRecord &record : s.loadAlerts(false)) {
                const auto history = s.loadAlertHistory(record.alertId, 1);
                if (history.empty())
                    continue;
                const nlohmann::json &value = history.front().transition.value;
                if (value.is_object() && value.contains("alert"))
                    if (auto alert = alertFromJson(value["alert"]))
                        alerts.push_back(*alert);
                if (alerts.size() >= size_t(AlertEngine::kResolvedKept))
                    break;
            }
            return alerts;
        },
        [self = QPointer<MonitorService>(this)](std::vector<Alert> alerts) {
            // The store outlives this service; a late answer for a deleted one is dropped.
            if (self)
                self->restoreAlerts(std::move(alerts));
        });
    purgeOld();
    restoreHistory();
}

void MonitorService::restoreHistory()
{
    if (!m_store || !m_status.collecting)
        return;
    loadStoredSamples(m_status.target,
                      QDateTime::fromMSecsSinceEpoch(now() - qint64(m_config.retentionHours) * 3600 * 1000, Qt::UTC));
}

void MonitorService::followStore(const QString &target)
{
    if (!m_store || m_status.collecting)
        return;
    qint64 fromMs = now() - qint64(m_config.retentionHours) * 3600 * 1000;
    for (const MonitorSample &sample : m_history.latestPerNode()) {
        if (sample.target == target)
            fromMs = std::max(fromMs, sample.timestampMs + 1);
    }
    loadStoredSamples(target, QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC));
}

void MonitorService::loadStoredSamples(const QString &target, const QDateTime &from)
{
    const int limit = int(std::min<size_t>(m_history.capacity(), size_t(std::numeric_limits<int>::max())));
    m_store->submit<std::vector<MonitorSample>>(
        [target, from, limit](ResultStore &s) {
            std::vector<MonitorSample> samples;
            for (const MonitoringSample &row : s.loadMonitoringSamples(target, from, {}, limit)) {
                MonitorSample sample;
                sample.timestampMs = row.at.toMSecsSinceEpoch();
                sample.target = row.target;
                for (const auto &[name, value] : row.metrics.items()) {
                    if (name == "node" && value.is_string())
                        sample.node = QString::fromStdString(value.get<std::string>());
                    else if (value.is_number())
                        sample.values.insert(QString::fromStdString(name), value.get<double>());
                }
                samples.push_back(std::move(sample));
            }
            return samples;
        },
        [self = QPointer<MonitorService>(this), target](std::vector<MonitorSample> samples) {
            // Dropped when the service went or collects another target meanwhile.
            if (!self || (self->m_status.collecting && self->m_status.target != target))
                return;
            Q_EMIT self->historyRestored(int(self->m_history.merge(samples)));
        });
}

void MonitorService::restoreAlerts(std::vector<Alert> alerts)
{
    // Newest first from the store; the engine wants oldest first.
    std::reverse(alerts.begin(), alerts.end());
    m_engine.restore(alerts);
    // What no sample has updated for a while is not firing now: say so at once.
    resolveStaleAlerts();
    const int firing = firingCount();
    if (firing != m_lastFiring) {
        m_lastFiring = firing;
        Q_EMIT firingCountChanged(firing);
    }
    Q_EMIT alertsRestored();
}

void MonitorService::start(const Endpoint &endpoint)
{
    stop();
    m_status = Status{};
    m_status.collecting = true;
    m_status.target = endpoint.address();
    auto *collector = makeCollectionJob(endpoint, m_collectionIntervalMs, this);
    connect(collector, &jobs::JobBase::progressAvailable, this,
            [this, collector] { onCollected(collector->progress()); });
    // Ends only on a stop (then discarded, silent) or when the body threw: say so.
    connect(collector, &jobs::JobBase::failed, this, [this](const QString &reason) {
        m_status.collecting = false;
        m_status.reachable = false;
        m_status.lastError = QStringLiteral("monitoring collection stopped: ") + reason;
        Q_EMIT statusChanged();
    });
    m_collector = collector;
    collector->start();
    restoreHistory();
    Q_EMIT statusChanged();
}

void MonitorService::stop()
{
    if (!m_collector)
        return;
    // A poll in progress may take up to its timeout; the GUI must not wait for it.
    std::exchange(m_collector, nullptr)->discard();
    m_status.collecting = false;
    Q_EMIT statusChanged();
}

void MonitorService::onCollected(const CollectedSamples &collected)
{
    if (!m_status.collecting)
        return;
    const std::vector<MonitorSample> &samples = collected.samples;
    m_status.reachable = collected.reachable;
    m_status.lastError = collected.error;
    m_status.lastSampleMs = now();
    m_status.nodes.clear();
    for (const MonitorSample &s : samples) // several polls when deliveries were coalesced
        if (s.isServerNode() && !m_status.nodes.contains(s.node))
            m_status.nodes << s.node;
    ingestSamples(samples, now());
    // Alerts nothing updates any more (restored from an earlier session for another target, or
    // a node that left) resolve after a while instead of firing forever.
    resolveStaleAlerts();
    Q_EMIT statusChanged();
}

void MonitorService::ingestRunSnapshot(const RunSnapshot &snapshot)
{
    const qint64 t = now();
    if (t - m_lastRunSnapshotMs < 1000 || snapshot.phase != RunPhase::Running)
        return;
    m_lastRunSnapshotMs = t;
    MonitorSample s;
    s.timestampMs = t;
    s.target = m_status.target;
    s.node = QLatin1String(node::Load);
    s.values[QLatin1String(metric::OpsPerSec)] = snapshot.intervalOpsPerSec;
    s.values[QLatin1String(metric::P99LatencyMs)] = snapshot.intervalP99Us / 1000.0;
    s.values[QLatin1String(metric::ErrorRatePercent)] = snapshot.intervalOpsPerSec > 0
        ? std::min(100.0, 100.0 * snapshot.intervalErrorsPerSec / snapshot.intervalOpsPerSec) : 0.0;
    ingestSamples({s}, t);
}

void MonitorService::ingestSamples(const std::vector<MonitorSample> &samples, qint64 nowMs)
{
    if (samples.empty())
        return;
    m_history.append(samples);
    persistSamples(samples);
    std::vector<AlertChange> changes;
    if (m_config.alerting.enabled) {
        for (const MonitorSample &s : samples)
            for (AlertChange &c : m_engine.evaluate(s, nowMs))
                changes.push_back(std::move(c));
    }
    Q_EMIT samplesAdded(samples);
    handleChanges(changes);
    if (nowMs - m_lastPurgeMs > kPurgeEveryMs)
        purgeOld();
}

void MonitorService::handleChanges(const std::vector<AlertChange> &changes)
{
    for (const AlertChange &change : changes) {
        if (m_store && !change.reminder) {
            const cwb::AlertTransition stored = toStored(change);
            m_store->submit<bool>([stored](ResultStore &s) { return s.appendAlertTransition(stored); });
        }
        m_channels->dispatch(change);
        Q_EMIT alertChanged(change);
    }
    const int firing = firingCount();
    if (firing != m_lastFiring) {
        m_lastFiring = firing;
        Q_EMIT firingCountChanged(firing);
    }
}

bool MonitorService::acknowledge(const QString &alertId, qint64 untilMs, QString *error)
{
    const auto change = m_engine.acknowledge(alertId, m_user, untilMs, now(), error);
    if (!change)
        return false;
    handleChanges({*change});
    return true;
}

bool MonitorService::resolve(const QString &alertId, QString *error)
{
    const auto change = m_engine.resolve(alertId, m_user, now(), error);
    if (!change)
        return false;
    handleChanges({*change});
    return true;
}

QByteArray MonitorService::prometheusText() const
{
    return monitorSamplesToPrometheus(m_history.latestPerNode(), false);
}

void MonitorService::persistSamples(const std::vector<MonitorSample> &samples)
{
    if (!m_store)
        return;
    std::vector<MonitoringSample> rows;
    rows.reserve(samples.size());
    for (const MonitorSample &s : samples) {
        MonitoringSample row;
        row.at = QDateTime::fromMSecsSinceEpoch(s.timestampMs, Qt::UTC);
        row.target = s.target;
        row.metrics["node"] = s.node.toStdString();
        for (auto it = s.values.cbegin(); it != s.values.cend(); ++it)
            row.metrics[it.key().toStdString()] = *it;
        rows.push_back(std::move(row));
    }
    m_store->submit<bool>([rows](ResultStore &s) { return s.appendMonitoringSamples(rows); });
}

void MonitorService::purgeOld()
{
    const qint64 t = now();
    m_lastPurgeMs = t;
    const qint64 cutoff = t - qint64(m_config.retentionHours) * 3600 * 1000;
    m_history.purgeOlderThan(cutoff);
    if (m_store) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(cutoff, Qt::UTC);
        m_store->submit<int>([at](ResultStore &s) { return s.purgeMonitoringSamplesOlderThan(at); });
    }
}

} // namespace cwb
