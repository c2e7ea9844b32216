#include "monitoringpage.h"

#include "charts/serieschart.h"
#include "filechooser.h"
#include "monitoring/alertpanel.h"
#include "monitoring/desktopchannel.h"
#include "monitoring/metrictile.h"
#include "monitoring/monitoringsettingsdialog.h"
#include "monitoring/ruleeditordialog.h"
#include "messagesink.h"
#include "pageheader.h"
#include "servicebanner.h"
#include "targetsource.h"

#include "monitor/metricsserver.h"
#include "monitor/monitorexport.h"
#include "monitor/monitorservice.h"
#include "store/asyncresultstore.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace cwb {

namespace {

const auto kMonitoringConfigKey = QLatin1String("monitoring/config");
constexpr int kServiceCheckMs = 5000;

struct TileSpec
{
    const char *metric;
    const char *caption;
};

// The sample the tiles show: a cluster's sum, else the single server node.
const MonitorSample *primarySample(const MonitorHistory &history)
{
    if (const MonitorSample *all = history.latest(QLatin1String(node::All)))
        return all;
    for (const QString &n : history.nodes()) {
        if (n != QLatin1String(node::Workbench) && n != QLatin1String(node::Load))
            return history.latest(n);
    }
    return nullptr;
}

// "3 d 4 h", "2 h 5 min", "12 min", "40 s": the uptime tile's value.
QString uptimeText(std::optional<double> seconds)
{
    if (!seconds)
        return QStringLiteral("–");
    const qint64 s = qint64(*seconds);
    if (s >= 86400)
        return MonitoringPage::tr("%1 d %2 h").arg(s / 86400).arg(s % 86400 / 3600);
    if (s >= 3600)
        return MonitoringPage::tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
    if (s >= 60)
        return MonitoringPage::tr("%1 min").arg(s / 60);
    return MonitoringPage::tr("%1 s").arg(s);
}

// Under the uptime: that it restarted, or since when it runs.
QString uptimeDetail(const MonitorSample *sample)
{
    if (!sample)
        return {};
    if (sample->value(QLatin1String(metric::Restarted)).value_or(0) > 0)
        return MonitoringPage::tr("restarted since the last poll");
    const auto up = sample->value(QLatin1String(metric::UptimeSeconds));
    if (!up)
        return {};
    const QDateTime since = QDateTime::fromMSecsSinceEpoch(sample->timestampMs - qint64(*up * 1000));
    return MonitoringPage::tr("since %1").arg(QLocale().toString(since, QLocale::ShortFormat));
}

// A tile lights up for alerts on its own metric; the uptime tile also for a restart.
bool tileShowsAlert(const QString &tileMetric, const QString &alertMetric)
{
    return tileMetric == alertMetric
        || (tileMetric == QLatin1String(metric::UptimeSeconds) && alertMetric == QLatin1String(metric::Restarted));
}

// The trend's series: the nodes of `target` (every target when empty) with a value of `metricName`
// among `window`'s samples, in first-seen order. Nodes of earlier targets (sandboxes long gone)
// and nodes without data in the shown window get no series and no legend entry. The load run's
// figures have tiles of their own; the workbench's own CPU belongs on the CPU chart only.
QStringList trendNodes(const std::vector<MonitorSample> &window, const QString &metricName, const QString &target)
{
    QStringList nodes;
    const bool cpu = metricName == QLatin1String(metric::CpuPercent);
    for (const MonitorSample &s : window) {
        if ((!target.isEmpty() && s.target != target) || nodes.contains(s.node) || !s.value(metricName))
            continue;
        if (s.node == QLatin1String(node::Load) || (s.node == QLatin1String(node::Workbench) && !cpu))
            continue;
        nodes << s.node;
    }
    return nodes;
}

QString primaryNode(const MonitorHistory &history)
{
    const MonitorSample *s = primarySample(history);
    return s ? s->node : QString();
}

} // namespace

MonitoringPage::MonitoringPage(const PageContext &context, QWidget *parent)
    : QWidget(parent), m_service(new MonitorService(this)), m_target(context.target), m_messages(context.messages)
{
    Q_ASSERT(m_target && m_messages);
    setObjectName(QStringLiteral("monitoringpage"));
    m_header = new PageHeader(
        tr("Monitoring"),
        tr("Watch hit ratio, memory, evictions and commands per second of the target server over time."), this);

    m_startStop = new QPushButton(tr("Start Monitoring"), this);
    m_startStop->setObjectName(QStringLiteral("monitorStartStop"));
    m_startStop->setEnabled(false);
    m_startStop->setToolTip(tr("Connect to a target first"));
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("rangePicker"));
    m_range->addItem(tr("Last 15 minutes"), 15 * 60);
    m_range->addItem(tr("Last hour"), 3600);
    m_range->addItem(tr("Last 6 hours"), 6 * 3600);
    m_range->addItem(tr("Last 24 hours"), 24 * 3600);
    m_range->setToolTip(tr("Time range of the trend chart and of exports"));
    m_chartMetric = new QComboBox(this);
    m_chartMetric->setObjectName(QStringLiteral("chartMetric"));
    const std::pair<const char *, QString> chartMetrics[] = {
        {metric::OpsPerSec, tr("Commands per second")}, {metric::HitRatePercent, tr("Hit rate (%)")},
        {metric::UsedMemoryMb, tr("Memory used (MB)")}, {metric::ConnectedClients, tr("Connected clients")},
        {metric::P99LatencyMs, tr("p99 latency (ms)")}, {metric::ErrorRatePercent, tr("Error rate (%)")},
        {metric::CpuPercent, tr("CPU (%)")},            {metric::EvictedPerSec, tr("Evictions per second")},
        {metric::NetOutBytesPerSec, tr("Network out (B/s)")}};
    for (const auto &[name, label] : chartMetrics)
        m_chartMetric->addItem(label, QLatin1String(name));
    auto *settings = new QPushButton(tr("&Settings…"), this);
    settings->setObjectName(QStringLiteral("monitoringSettingsButton"));
    auto *rules = new QPushButton(tr("Alert &Rules…"), this);
    rules->setObjectName(QStringLiteral("alertRulesButton"));
    auto *exportButton = new QPushButton(tr("E&xport…"), this);
    exportButton->setObjectName(QStringLiteral("monitoringExportButton"));
    exportButton->setToolTip(tr("Save the history of the chosen range as JSON, CSV or Prometheus text"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_startStop);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Range:"), this));
    controls->addWidget(m_range);
    controls->addWidget(m_chartMetric);
    controls->addStretch(1);
    controls->addWidget(settings);
    controls->addWidget(rules);
    controls->addWidget(exportButton);

    const TileSpec specs[] = {{metric::OpsPerSec, QT_TR_NOOP("Ops/s")},
                              {metric::HitRatePercent, QT_TR_NOOP("Hit rate")},
                              {metric::UsedMemoryMb, QT_TR_NOOP("Memory")},
                              {metric::ConnectedClients, QT_TR_NOOP("Clients")},
                              {metric::P99LatencyMs, QT_TR_NOOP("p99 latency")},
                              {metric::ErrorRatePercent, QT_TR_NOOP("Error rate")},
                              {metric::CpuPercent, QT_TR_NOOP("CPU")},
                              {metric::UptimeSeconds, QT_TR_NOOP("Uptime")}};
    auto *tiles = new QGridLayout;
    tiles->setSpacing(8);
    int column = 0;
    for (const TileSpec &spec : specs) {
        auto *tile = new MetricTile(tr(spec.caption), QLatin1String(spec.metric), this);
        m_tiles << tile;
        tiles->addWidget(tile, 0, column++);
    }

    m_chart = new SeriesChart(tr("Trend"), tr("Time"), m_chartMetric->currentText(), this);
    m_chart->setObjectName(QStringLiteral("monitoringChart"));
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
    m_chart->xAxis->setTicker(ticker);
    m_chart->setMinimumHeight(200);

    auto *statusBox = new QGroupBox(tr("Service Status"), this);
    m_status = new QLabel(statusBox);
    m_status->setObjectName(QStringLiteral("monitoringStatus"));
    m_status->setTextFormat(Qt::RichText);
    m_status->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_status->setWordWrap(true);
    m_channelStatus = new QLabel(statusBox);
    m_channelStatus->setObjectName(QStringLiteral("channelStatus"));
    m_channelStatus->setTextFormat(Qt::RichText);
    m_channelStatus->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_channelStatus->setWordWrap(true);
    auto *statusLayout = new QVBoxLayout(statusBox);
    statusLayout->addWidget(m_status);
    statusLayout->addWidget(m_channelStatus);
    statusLayout->addStretch(1);
    statusBox->setMaximumWidth(380);

    auto *middle = new QSplitter(Qt::Horizontal, this);
    middle->addWidget(m_chart);
    middle->addWidget(statusBox);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 1);

    m_alerts = new AlertPanel(m_service, this);
    auto *alertBox = new QGroupBox(tr("Alerts"), this);
    auto *alertLayout = new QVBoxLayout(alertBox);
    alertLayout->setContentsMargins(4, 4, 4, 4);
    alertLayout->addWidget(m_alerts);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(middle);
    vertical->addWidget(alertBox);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 1);

    m_serviceBanner = new ServiceBanner(this);
    m_serviceBanner->setObjectName(QStringLiteral("monitorservicebanner"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_serviceBanner);
    layout->addLayout(controls);
    layout->addLayout(tiles);
    layout->addWidget(vertical, 1);

    m_service->channels()->addChannel(new DesktopChannel(this));
    connect(m_service, &MonitorService::samplesAdded, this, &MonitoringPage::onSamples);
    // Samples read back from the store (after a restart, or the daemon's) go to the trend too.
    connect(m_service, &MonitorService::historyRestored, this, [this](int added) {
        if (added > 0)
            onSamples({});
    });
    connect(m_service, &MonitorService::statusChanged, this, &MonitoringPage::updateStatus);
    connect(m_service, &MonitorService::deliveryChanged, this, &MonitoringPage::updateStatus);
    connect(m_service, &MonitorService::firingCountChanged, this, &MonitoringPage::firingCountChanged);
    connect(m_service, &MonitorService::alertChanged, this, &MonitoringPage::updateTiles);
    connect(m_alerts, &AlertPanel::errorOccurred, this,
            [this](const QString &error) { m_messages->post(MessageType::Error, tr("The alert could not be changed."), error); });
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_service->isCollecting())
            stopMonitoring();
        else
            startMonitoring();
    });
    connect(m_range, &QComboBox::currentIndexChanged, this, &MonitoringPage::updateChart);
    connect(m_chartMetric, &QComboBox::currentIndexChanged, this, &MonitoringPage::updateChart);
    connect(settings, &QPushButton::clicked, this, &MonitoringPage::showSettings);
    connect(rules, &QPushButton::clicked, this, &MonitoringPage::showRules);
    connect(exportButton, &QPushButton::clicked, this, &MonitoringPage::exportWithDialog);

    QString error;
    if (!applyConfig(savedConfig(), &error)) {
        // A saved config that no longer applies (a port taken) must not block the page.
        MonitoringConfig fallback = savedConfig();
        fallback.metricsEndpoint.enabled = false;
        applyConfig(fallback);
    }
    // Saves samples and alerts there and restores earlier alerts.
    m_service->setStore(context.store);
    if (context.store)
        m_storePath = context.store->path();
    m_serviceTimer = new QTimer(this);
    m_serviceTimer->setInterval(kServiceCheckMs);
    connect(m_serviceTimer, &QTimer::timeout, this, &MonitoringPage::checkMonitorService);
    m_serviceTimer->start();
    checkMonitorService();
    // Collection follows the target once it answers; a changed target stops it.
    connect(m_target, &TargetSource::connected, this, [this] { setEndpoint(m_target->endpoint()); });
    connect(m_target, &TargetSource::endpointChanged, this, [this] { setEndpoint(std::nullopt); });
    if (m_target->summary())
        setEndpoint(m_target->endpoint());
    updateStatus();
}

MonitoringPage::~MonitoringPage()
{
    m_service->stop();
}

MetricTile *MonitoringPage::tile(const QString &metric) const
{
    for (MetricTile *t : m_tiles)
        if (t->metricName() == metric)
            return t;
    return nullptr;
}

MonitoringConfig MonitoringPage::savedConfig()
{
    const QByteArray json = QSettings().value(kMonitoringConfigKey).toByteArray();
    if (json.isEmpty())
        return {};
    return parseMonitoringConfig(json, nullptr).value_or(MonitoringConfig{});
}

void MonitoringPage::saveConfig(const MonitoringConfig &config)
{
    QSettings().setValue(kMonitoringConfigKey, monitoringConfigToJsonText(config));
}

bool MonitoringPage::applyConfig(const MonitoringConfig &config, QString *error)
{
    if (!m_service->setConfig(config, error))
        return false;
    if (!config.enabled && m_service->isCollecting())
        stopMonitoring();
    updateStatus();
    return true;
}

void MonitoringPage::setEndpoint(const std::optional<Endpoint> &endpoint)
{
    const bool changed = !(endpoint == m_endpoint);
    m_endpoint = endpoint;
    m_startStop->setEnabled(endpoint.has_value() && !m_daemon);
    m_startStop->setToolTip(endpoint ? tr("Poll %1 every collection interval").arg(endpoint->address())
                                     : tr("Connect to a target first"));
    if (!endpoint) {
        stopMonitoring();
        return;
    }
    if (changed && m_service->config().enabled)
        startMonitoring();
}

void MonitoringPage::checkMonitorService()
{
    const bool wasDeferring = m_daemon.has_value();
    m_daemon = m_storePath.isEmpty() ? std::nullopt
                                     : ServiceLock::holder(m_storePath, QString::fromLatin1(kMonitorServiceName));
    if (!m_daemon) {
        m_serviceBanner->hide();
        if (wasDeferring) {
            m_startStop->setEnabled(m_endpoint.has_value());
            if (m_endpoint && m_service->config().enabled)
                startMonitoring();
            updateStatus();
        }
        return;
    }
    if (m_service->isCollecting())
        stopMonitoring();
    m_startStop->setEnabled(false);
    m_startStop->setToolTip(tr("The monitoring service collects; stop it to monitor from this window"));
    // The daemon names the target it watches; its samples are stored under that address.
    const auto watched = parseEndpoint(m_daemon->detail);
    m_serviceBanner->setText(tr("Collection and alerts are run by the monitoring service (%1), watching %2. "
                                "This window shows what it stores and neither polls nor sends alerts itself.")
                                 .arg(ServiceBanner::holderText(*m_daemon),
                                      watched ? watched->displayUri() : tr("its target")));
    m_serviceBanner->show();
    if (watched)
        m_service->followStore(watched->address());
    if (!wasDeferring)
        updateStatus();
}

void MonitoringPage::startMonitoring()
{
    if (!m_endpoint || m_daemon)
        return;
    m_service->start(*m_endpoint);
    m_startStop->setText(tr("Stop Monitoring"));
}

void MonitoringPage::stopMonitoring()
{
    m_service->stop();
    m_startStop->setText(tr("Start Monitoring"));
}

QString MonitoringPage::trendTarget() const
{
    if (m_daemon) // it shows what the daemon stores, under the address it watches
        if (const auto watched = parseEndpoint(m_daemon->detail))
            return watched->address();
    if (const QString monitored = m_service->status().target; !monitored.isEmpty())
        return monitored;
    return m_endpoint ? m_endpoint->address() : QString();
}

qint64 MonitoringPage::rangeMs() const
{
    return qint64(m_range->currentData().toInt()) * 1000;
}

void MonitoringPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Samples that arrived while the page was hidden only reached the tiles.
    updateChart();
}

void MonitoringPage::onSamples(const std::vector<MonitorSample> &)
{
    updateTiles();
    if (isVisible())
        updateChart();
}

void MonitoringPage::updateTiles()
{
    const MonitorHistory &history = m_service->history();
    const MonitorSample *s = primarySample(history);
    const QString node = primaryNode(history);
    const MonitorSample *load = history.latest(QLatin1String(node::Load));
    const MonitorSample *self = history.latest(QLatin1String(node::Workbench));
    const QLocale locale;
    const auto value = [&](const MonitorSample *sample, const char *name) -> std::optional<double> {
        return sample ? sample->value(QLatin1String(name)) : std::nullopt;
    };
    const auto number = [&](std::optional<double> v, int decimals, const QString &unit) {
        return v ? locale.toString(*v, 'f', decimals) + unit : QStringLiteral("–");
    };
    // A load run's figures are fresher than the server's cumulative ones while it runs.
    const bool loadActive = load && s && load->timestampMs >= s->timestampMs - 10000;
    for (MetricTile *t : m_tiles) {
        const QString m = t->metricName();
        QString text, detail;
        if (m == QLatin1String(metric::OpsPerSec)) {
            text = number(value(s, metric::OpsPerSec), 0, QString());
            if (loadActive)
                detail = tr("load: %1").arg(number(value(load, metric::OpsPerSec), 0, QString()));
        } else if (m == QLatin1String(metric::HitRatePercent)) {
            text = number(value(s, metric::HitRatePercent), 1, QStringLiteral(" %"));
            if (const auto e = value(s, metric::EvictedPerSec); e && *e > 0)
                detail = tr("%1 evictions/s").arg(locale.toString(*e, 'f', 0));
        } else if (m == QLatin1String(metric::UsedMemoryMb)) {
            const auto mb = value(s, metric::UsedMemoryMb);
            text = mb ? locale.formattedDataSize(qint64(*mb * 1024 * 1024), 1) : QStringLiteral("–");
            detail = tr("%1 keys").arg(number(value(s, metric::Keys), 0, QString()));
        } else if (m == QLatin1String(metric::ConnectedClients)) {
            text = number(value(s, metric::ConnectedClients), 0, QString());
        } else if (m == QLatin1String(metric::P99LatencyMs)) {
            text = number(value(loadActive ? load : s, metric::P99LatencyMs), 2, QStringLiteral(" ms"));
            detail = loadActive ? tr("load run, last interval") : tr("server, since reset");
        } else if (m == QLatin1String(metric::ErrorRatePercent)) {
            text = number(value(loadActive ? load : s, metric::ErrorRatePercent), 2, QStringLiteral(" %"));
        } else if (m == QLatin1String(metric::CpuPercent)) {
            text = number(value(s, metric::CpuPercent), 1, QStringLiteral(" %"));
            detail = tr("workbench: %1").arg(number(value(self, metric::CpuPercent), 1, QStringLiteral(" %")));
        } else if (m == QLatin1String(metric::UptimeSeconds)) {
            text = uptimeText(value(s, metric::UptimeSeconds));
            detail = uptimeDetail(s);
        }
        t->setValue(text, detail);
        // The last few minutes for the sparkline.
        QVector<double> values;
        const qint64 now = m_service->now();
        for (const MonitorSample &h : history.range(node, now - 5 * 60 * 1000, now))
            if (const auto v = h.value(m))
                values << *v;
        t->setHistory(values);
        bool alerting = false;
        for (const Alert &a : m_service->alerts().activeAlerts())
            alerting |= tileShowsAlert(m, a.metric) && a.state == AlertState::Firing;
        t->setAlerting(alerting);
    }
}

void MonitoringPage::updateChart()
{
    const QString metricName = m_chartMetric->currentData().toString();
    const qint64 now = m_service->now();
    const qint64 from = now - rangeMs();
    const MonitorHistory &history = m_service->history();
    const QStringList nodes = trendNodes(history.range(QString(), from, now), metricName, trendTarget());
    while (m_chart->seriesCount() < nodes.size())
        m_chart->addSeries(QString());
    m_chart->yAxis->setLabel(m_chartMetric->currentText());
    m_chart->clearPoints();
    for (int i = 0; i < m_chart->seriesCount(); ++i) {
        const bool used = i < nodes.size();
        m_chart->series(i)->setName(used ? nodes[i] : QString());
        m_chart->setSeriesVisible(i, used);
        if (m_chart->series(i)->visible() != used)
            m_chart->series(i)->setVisible(used);
        // Out of the legend, not a hidden entry: hidden entries still take their cell.
        if (used)
            m_chart->series(i)->addToLegend();
        else
            m_chart->series(i)->removeFromLegend();
        if (!used)
            continue;
        QVector<double> keys, values;
        for (const MonitorSample &s : history.range(nodes[i], from, now)) {
            if (const auto v = s.value(metricName)) {
                keys << double(s.timestampMs) / 1000.0;
                values << *v;
            }
        }
        m_chart->setPoints(i, keys, values);
    }
    m_chart->refresh();
}

void MonitoringPage::updateStatus()
{
    const MonitorService::Status st = m_service->status();
    const QString good = QStringLiteral("#2e7d32"), bad = QStringLiteral("#c62828");
    const auto line = [](const QString &name, const QString &value, const QString &colour = {}) {
        const QString v = colour.isEmpty() ? value.toHtmlEscaped()
                                           : QStringLiteral("<span style='color:%1'>%2</span>").arg(colour, value.toHtmlEscaped());
        return QStringLiteral("<b>%1</b> %2<br>").arg(name.toHtmlEscaped(), v);
    };
    QString html;
    if (st.target.isEmpty())
        html += line(tr("Target:"), m_endpoint ? m_endpoint->address() : tr("none"));
    else if (!st.collecting || st.lastSampleMs == 0)
        html += line(tr("Target:"), st.target);
    else
        html += line(tr("Target:"), st.reachable ? tr("%1 reachable").arg(st.target) : tr("%1 unreachable").arg(st.target),
                     st.reachable ? good : bad);
    if (!st.lastError.isEmpty())
        html += line(tr("Last error:"), st.lastError, bad);
    if (m_daemon)
        html += line(tr("Collector:"), tr("the monitoring service (%1)").arg(ServiceBanner::holderText(*m_daemon)), good);
    else
        html += line(tr("Collector:"),
                     st.collecting ? tr("running, every %1 s")
                                         .arg(QLocale().toString(m_service->config().collectionIntervalMs / 1000.0, 'g', 3))
                                   : tr("stopped"),
                     st.collecting ? good : QString());
    if (st.lastSampleMs > 0)
        html += line(tr("Last sample:"), QDateTime::fromMSecsSinceEpoch(st.lastSampleMs).toString(QStringLiteral("HH:mm:ss")));
    if (st.nodes.size() > 1)
        html += line(tr("Nodes:"), QString::number(st.nodes.size()));
    html += line(tr("/metrics:"), m_service->metricsServer()->isListening() ? m_service->metricsServer()->address()
                                                                            : tr("off"));
    m_status->setText(html);

    QString channels = QStringLiteral("<b>%1</b><br>").arg(tr("Channels").toHtmlEscaped());
    const QStringList names = m_service->channels()->channelNames();
    for (const QString &name : names) {
        const auto last = m_service->channels()->lastDelivery(name);
        if (!last) {
            channels += line(name + QLatin1Char(':'), name == QLatin1String("desktop") ? tr("notifies while minimised")
                                                                                     : tr("nothing sent yet"));
            continue;
        }
        const QString when = QDateTime::fromMSecsSinceEpoch(last->atMs).toString(QStringLiteral("HH:mm:ss"));
        channels += line(name + QLatin1Char(':'),
                         (last->ok ? tr("ok") : last->inProgress ? tr("retrying") : tr("failed"))
                             + QStringLiteral(" %1 – %2").arg(when, last->detail),
                         last->ok ? good : bad);
    }
    m_channelStatus->setText(channels);
}

void MonitoringPage::showSettings()
{
    MonitoringSettingsDialog dialog(this);
    dialog.setConfig(m_service->config());
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const auto config = dialog.config(&error);
    if (!config || !applyConfig(*config, &error)) {
        m_messages->post(MessageType::Error, tr("The monitoring settings were not applied."), error);
        return;
    }
    saveConfig(*config);
}

void MonitoringPage::showRules()
{
    RuleEditorDialog dialog(this);
    std::vector<AlertRule> builtIn = effectiveRules(m_service->config());
    std::erase_if(builtIn, [](const AlertRule &r) { return !r.id.startsWith(QLatin1String("builtin.")); });
    dialog.setBuiltInRules(builtIn);
    dialog.setRules(m_service->config().rules);
    if (dialog.exec() != QDialog::Accepted)
        return;
    MonitoringConfig config = m_service->config();
    config.rules = dialog.rules();
    QString error;
    if (!applyConfig(config, &error)) {
        m_messages->post(MessageType::Error, tr("The alert rules were not applied."), error);
        return;
    }
    saveConfig(config);
}

bool MonitoringPage::exportHistory(const QString &path, QString *error) const
{
    const qint64 now = m_service->now();
    const std::vector<MonitorSample> samples = m_service->history().range(QString(), now - rangeMs(), now);
    const QString suffix = QFileInfo(path).suffix().toLower();
    QByteArray data;
    if (suffix == QLatin1String("json"))
        data = monitorSamplesToJson(samples);
    else if (suffix == QLatin1String("csv"))
        data = monitorSamplesToCsv(samples);
    else if (suffix == QLatin1String("prom") || suffix == QLatin1String("txt"))
        data = monitorSamplesToPrometheus(samples, true);
    else {
        if (error)
            *error = tr("Unknown file type '%1': use .json, .csv or .prom").arg(suffix);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void MonitoringPage::exportWithDialog()
{
    const QString path = chooseSaveFile(this, tr("Export Monitoring History"), QStringLiteral("monitoring.json"),
                                        tr("JSON (*.json);;CSV (*.csv);;Prometheus text (*.prom)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportHistory(path, &error))
        m_messages->post(MessageType::Information, tr("Monitoring history saved to %1.").arg(QFileInfo(path).fileName()), QString());
    else
        m_messages->post(MessageType::Error, tr("The monitoring history could not be saved."), error);
}

} // namespace cwb
