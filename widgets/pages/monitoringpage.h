#pragma once

#include "monitor/monitorconfig.h"
#include "pagecontext.h"
#include "redis/endpoint.h"
#include "service/servicelock.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;

namespace cwb {

class AlertPanel;
class AsyncResultStore;
class MetricTile;
class MonitorService;
class PageHeader;
class ServiceBanner;
class SeriesChart;
struct MonitorSample;

// Live monitoring of the connected target: metric tiles with sparklines, a trend chart with a
// time range, the service status (target, collector, channels, /metrics), and the alert panel.
// Settings and rules are kept in QSettings ("monitoring/config") as the seed's JSON shape.
//
// While the monitor daemon (`cache-workbench-cli monitor --daemon`) holds the result store's
// lock, it collects, evaluates the rules and sends to the channels: the page then neither polls
// nor alerts (no channel fires twice), says so in a banner, and shows the samples the daemon
// stores for its target. A look at the lock every few seconds (non-blocking) notices when the
// daemon has gone; the page then collects again if monitoring is enabled. Stored history is read
// back when collection starts, so the trend goes on across restarts.
class MonitoringPage : public QWidget
{
    Q_OBJECT
public:
    explicit MonitoringPage(const PageContext &context, QWidget *parent = nullptr);
    ~MonitoringPage() override;

    PageHeader *header() const { return m_header; }
    MonitorService *service() const { return m_service; }
    AlertPanel *alertPanel() const { return m_alerts; }
    SeriesChart *chart() const { return m_chart; }
    QPushButton *startButton() const { return m_startStop; }
    QComboBox *rangePicker() const { return m_range; }
    MetricTile *tile(const QString &metric) const;
    QLabel *statusLabel() const { return m_status; }

    // Looks at the monitor daemon's lock (the page does this every few seconds).
    void checkMonitorService();
    const std::optional<ServiceHolder> &monitorDaemon() const { return m_daemon; }
    ServiceBanner *serviceBanner() const { return m_serviceBanner; }

    void startMonitoring();
    void stopMonitoring();

    bool applyConfig(const MonitoringConfig &config, QString *error = nullptr);
    // Writes the history of the chosen range as JSON, CSV or Prometheus text (by suffix).
    bool exportHistory(const QString &path, QString *error = nullptr) const;
    qint64 rangeMs() const;

    static MonitoringConfig savedConfig();
    static void saveConfig(const MonitoringConfig &config);

Q_SIGNALS:
    void firingCountChanged(int count);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // The target to monitor; collecting starts at once when monitoring is enabled.
    void setEndpoint(const std::optional<Endpoint> &endpoint);
    void onSamples(const std::vector<MonitorSample> &samples);
    void updateTiles();
    void updateChart();
    // Whose samples the trend shows: the daemon's target, else the one monitored last, else the
    // target bar's.
    QString trendTarget() const;
    void updateStatus();
    void showSettings();
    void showRules();
    void exportWithDialog();

    PageHeader *m_header = nullptr;
    MonitorService *m_service = nullptr;
    AlertPanel *m_alerts = nullptr;
    SeriesChart *m_chart = nullptr;
    QPushButton *m_startStop = nullptr;
    QComboBox *m_range = nullptr;
    QComboBox *m_chartMetric = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_channelStatus = nullptr;
    ServiceBanner *m_serviceBanner = nullptr;
    QTimer *m_serviceTimer = nullptr;
    QString m_storePath; // empty without a store: no daemon can own this page's work
    std::optional<ServiceHolder> m_daemon;
    QList<MetricTile *> m_tiles;
    std::optional<Endpoint> m_endpoint;
    TargetSource *m_target = nullptr;
    MessageSink *m_messages = nullptr;
};

} // namespace cwb
