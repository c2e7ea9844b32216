#pragma once

#include "alertchannel.h"
#include "alertengine.h"
#include "monitorconfig.h"
#include "monitorhistory.h"
#include "monitorsample.h"

#include "redis/endpoint.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace cwb {

class AsyncResultStore;
class MetricsServer;
struct CollectedSamples;
namespace jobs {
class JobBase;
}
struct RunSnapshot;

// Monitoring as one object for the GUI and the CLI: a collection job (collectionjob.h) polls the
// target (and this process) every collectionInterval on its own thread; its samples go to the
// in-memory history, the alert engine, the store and the /metrics endpoint; alert changes go to
// the channels and the store. The service itself stays an event-driven object on the thread
// with the event loop (the GUI thread or the CLI's main): rules, channels, the store and the
// HTTP endpoint are all driven by that loop, only the blocking polls are the job's.
class MonitorService : public QObject
{
    Q_OBJECT
public:
    struct Status
    {
        bool collecting = false;     // the collector runs
        bool reachable = false;      // the last poll reached the target
        QString lastError;           // of the last poll; empty when fine
        qint64 lastSampleMs = 0;
        QString target;              // address
        QStringList nodes;
    };

    explicit MonitorService(QObject *parent = nullptr);
    ~MonitorService() override;

    // Applies a config: rules, channels (rebuilt), the /metrics endpoint (restarted when its
    // settings changed) and, when collecting, the interval. False with *error when invalid.
    bool setConfig(const MonitoringConfig &config, QString *error = nullptr);
    const MonitoringConfig &config() const { return m_config; }

    // Persist samples and alert changes here, and restore alerts from it (now). Not owned.
    // With a store, the target's samples of the retention period are read back into history()
    // when collection starts (or now, when it runs already): trends go on across restarts.
    void setStore(AsyncResultStore *store);
    AsyncResultStore *store() const;
    // Who acknowledges and resolves from this process ("user:<name>" in the history).
    void setUserName(const QString &name) { m_user = name; }
    QString userName() const { return m_user; }

    // Starts polling the endpoint (stopping any earlier collector). The first sample is taken
    // at once; rates appear from the second.
    void start(const Endpoint &endpoint);
    // Never waits: the collector is told to stop and discarded; nothing it still collects arrives.
    void stop();
    bool isCollecting() const { return m_status.collecting; }
    Status status() const { return m_status; }

    // For a GUI while the monitor daemon collects into the store (servicelock.h): reads the
    // target's samples the store has beyond history()'s newest into history (historyRestored).
    // Nothing else runs on them: no rules, no channels, no store writes - the daemon does that.
    // Does nothing while this service collects itself or has no store.
    void followStore(const QString &target);

    // A load run's snapshot as a "load" node sample (at most one per second).
    void ingestRunSnapshot(const RunSnapshot &snapshot);
    // Samples from any source (the collector, tests): history, rules, store, channels.
    void ingestSamples(const std::vector<MonitorSample> &samples, qint64 nowMs);

    bool acknowledge(const QString &alertId, qint64 untilMs, QString *error = nullptr);
    bool resolve(const QString &alertId, QString *error = nullptr);

    const AlertEngine &alerts() const { return m_engine; }
    int firingCount() const { return m_engine.count(AlertState::Firing); }
    const MonitorHistory &history() const { return m_history; }
    ChannelDispatcher *channels() const { return m_channels; }
    MetricsServer *metricsServer() const { return m_metrics; }
    // The newest sample of every node, in the Prometheus text format.
    QByteArray prometheusText() const;

    // For tests: replaces the wall clock.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }

Q_SIGNALS:
    void samplesAdded(const std::vector<cwb::MonitorSample> &samples);
    void alertChanged(const cwb::AlertChange &change);
    void firingCountChanged(int count);
    void statusChanged();
    void deliveryChanged(const cwb::DeliveryStatus &status);
    // The store gave back alerts saved before (after setStore()).
    void alertsRestored();
    // The store gave back the target's earlier samples; `added` of them were new to history().
    void historyRestored(int added);

private:
    void onCollected(const CollectedSamples &collected);
    void handleChanges(const std::vector<AlertChange> &changes);
    void restoreAlerts(std::vector<Alert> alerts);
    // Alerts no sample updated for staleAfterMs() are resolved "no data".
    void resolveStaleAlerts();
    qint64 staleAfterMs() const;
    void restoreHistory();
    void loadStoredSamples(const QString &target, const QDateTime &from);
    void rebuildChannels();
    void persistSamples(const std::vector<MonitorSample> &samples);
    void purgeOld();

    MonitoringConfig m_config;
    AlertEngine m_engine;
    MonitorHistory m_history;
    ChannelDispatcher *m_channels;
    MetricsServer *m_metrics;
    QPointer<AsyncResultStore> m_store;
    jobs::JobBase *m_collector = nullptr;                // a CollectionJob, child of this object
    std::shared_ptr<std::atomic<int>> m_collectionIntervalMs; // read by the collector before each wait
    Status m_status;
    QString m_user;
    qint64 m_lastRunSnapshotMs = 0;
    qint64 m_lastPurgeMs = 0;
    int m_lastFiring = 0;
    std::function<qint64()> m_clock;
};

} // namespace cwb

