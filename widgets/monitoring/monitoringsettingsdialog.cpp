#include "monitoringsettingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <memory>

namespace cwb {

namespace {

QSpinBox *spin(QWidget *parent, int min, int max, const QString &suffix)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setSuffix(suffix);
    return box;
}

QDoubleSpinBox *dspin(QWidget *parent, double max, const QString &suffix, const QString &tip)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, max);
    box->setDecimals(1);
    box->setSuffix(suffix);
    box->setToolTip(tip);
    box->setSpecialValueText(MonitoringSettingsDialog::tr("off"));
    return box;
}

} // namespace

MonitoringSettingsDialog::MonitoringSettingsDialog(QWidget *parent)
    : QDialog(parent), m_tabs(new QTabWidget(this)), m_json(new QPlainTextEdit(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("monitoringSettingsDialog"));
    setWindowTitle(tr("Monitoring Settings"));
    const QString zeroOff = tr("0 turns this rule off");

    auto *general = new QWidget(this);
    auto *g = new QFormLayout(general);
    m_enabled = new QCheckBox(tr("Collect metrics while a target is connected"), general);
    m_interval = spin(general, 100, 3600000, tr(" ms"));
    m_interval->setSingleStep(500);
    m_retention = spin(general, 1, 24 * 365, tr(" h"));
    m_alerting = new QCheckBox(tr("Evaluate alert rules"), general);
    m_memory = dspin(general, 1e9, tr(" MB"), zeroOff);
    m_cpu = dspin(general, 10000, tr(" %"), zeroOff);
    m_hitRate = dspin(general, 100, tr(" %"), zeroOff);
    m_latency = dspin(general, 3600000, tr(" ms"), zeroOff);
    m_errorRate = dspin(general, 100, tr(" %"), zeroOff);
    m_forSec = spin(general, 0, 86400, tr(" s"));
    m_keepSec = spin(general, 0, 86400, tr(" s"));
    g->addRow(m_enabled);
    g->addRow(tr("Collection &interval:"), m_interval);
    g->addRow(tr("&Retention:"), m_retention);
    g->addRow(m_alerting);
    g->addRow(tr("&Memory above:"), m_memory);
    g->addRow(tr("&CPU above:"), m_cpu);
    g->addRow(tr("&Hit rate below:"), m_hitRate);
    g->addRow(tr("p99 &latency above:"), m_latency);
    g->addRow(tr("&Error rate above:"), m_errorRate);
    g->addRow(tr("Fire after (for):"), m_forSec);
    g->addRow(tr("Resolve after clear for:"), m_keepSec);
    m_tabs->addTab(general, tr("General"));

    auto *channels = new QWidget(this);
    auto *c = new QFormLayout(channels);
    m_logEnabled = new QCheckBox(tr("Write every transition to a log file"), channels);
    m_logPath = new QLineEdit(channels);
    m_logPath->setPlaceholderText(tr("default location"));
    m_webhookEnabled = new QCheckBox(tr("POST alerts as JSON to a webhook"), channels);
    m_webhookUrl = new QLineEdit(channels);
    m_webhookUrl->setPlaceholderText(QStringLiteral("https://example.com/hooks/cache"));
    m_webhookTimeout = spin(channels, 100, 600000, tr(" ms"));
    m_webhookRetries = spin(channels, 0, 20, QString());
    m_emailEnabled = new QCheckBox(tr("Send alerts by email (SMTP)"), channels);
    m_smtpServer = new QLineEdit(channels);
    m_smtpPort = spin(channels, 1, 65535, QString());
    m_startTls = new QCheckBox(tr("Require STARTTLS"), channels);
    m_smtpUser = new QLineEdit(channels);
    m_smtpUser->setToolTip(tr("The password is read from CWB_SMTP_PASSWORD and never saved"));
    m_mailFrom = new QLineEdit(channels);
    m_mailTo = new QLineEdit(channels);
    m_mailTo->setPlaceholderText(tr("comma-separated addresses"));
    m_desktop = new QCheckBox(tr("System tray notification while minimised"), channels);
    c->addRow(m_logEnabled);
    c->addRow(tr("Log file:"), m_logPath);
    c->addRow(m_webhookEnabled);
    c->addRow(tr("Webhook URL:"), m_webhookUrl);
    c->addRow(tr("Timeout:"), m_webhookTimeout);
    c->addRow(tr("Retries:"), m_webhookRetries);
    c->addRow(m_emailEnabled);
    c->addRow(tr("SMTP server:"), m_smtpServer);
    c->addRow(tr("Port:"), m_smtpPort);
    c->addRow(QString(), m_startTls);
    c->addRow(tr("User:"), m_smtpUser);
    c->addRow(tr("From:"), m_mailFrom);
    c->addRow(tr("To:"), m_mailTo);
    c->addRow(m_desktop);
    m_tabs->addTab(channels, tr("Channels"));

    auto *endpoint = new QWidget(this);
    auto *e = new QFormLayout(endpoint);
    m_metricsEnabled = new QCheckBox(tr("Serve /metrics in the Prometheus format"), endpoint);
    m_bindAddress = new QLineEdit(endpoint);
    m_metricsPort = spin(endpoint, 0, 65535, QString());
    m_allowRemote = new QCheckBox(tr("Allow binding beyond loopback (needs a token)"), endpoint);
    m_token = new QLineEdit(endpoint);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setToolTip(tr("Bearer token, at least 16 characters; not saved (or set CWB_METRICS_TOKEN)"));
    e->addRow(m_metricsEnabled);
    e->addRow(tr("Bind address:"), m_bindAddress);
    e->addRow(tr("Port:"), m_metricsPort);
    e->addRow(m_allowRemote);
    e->addRow(tr("Bearer token:"), m_token);
    m_tabs->addTab(endpoint, tr("Metrics Endpoint"));

    m_json->setObjectName(QStringLiteral("monitoringJson"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_json, tr("JSON"));
    // The JSON tab shows what the form holds when it is opened; edits there win on OK.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, last = std::make_shared<int>(0)](int index) {
        const bool fromJson = m_tabs->widget(*last) == m_json;
        *last = index;
        if (m_tabs->widget(index) == m_json) {
            syncJsonFromForm();
        } else if (fromJson) {
            QString error;
            if (const auto parsed = parseMonitoringConfig(m_json->toPlainText().toUtf8(), &error)) {
                MonitoringConfig withToken = *parsed;
                withToken.metricsEndpoint.bearerToken = m_token->text();
                setConfig(withToken);
            }
        }
    });

    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    QPalette p = m_error->palette();
    p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(p);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setConfig(MonitoringConfig{});
}

void MonitoringSettingsDialog::setConfig(const MonitoringConfig &config)
{
    m_base = config;
    m_enabled->setChecked(config.enabled);
    m_interval->setValue(config.collectionIntervalMs);
    m_retention->setValue(config.retentionHours);
    m_alerting->setChecked(config.alerting.enabled);
    m_memory->setValue(config.alerting.thresholds.memoryUsageMb);
    m_cpu->setValue(config.alerting.thresholds.cpuUsagePercent);
    m_hitRate->setValue(config.alerting.thresholds.cacheHitRateMin);
    m_latency->setValue(config.alerting.thresholds.latencyMaxMs);
    m_errorRate->setValue(config.alerting.thresholds.errorRateMaxPercent);
    m_forSec->setValue(int(config.alerting.forMs / 1000));
    m_keepSec->setValue(int(config.alerting.keepFiringForMs / 1000));
    m_logEnabled->setChecked(config.channels.log.enabled);
    m_logPath->setText(config.channels.log.path);
    m_webhookEnabled->setChecked(config.channels.webhook.enabled);
    m_webhookUrl->setText(config.channels.webhook.url);
    m_webhookTimeout->setValue(config.channels.webhook.timeoutMs);
    m_webhookRetries->setValue(config.channels.webhook.retries);
    m_emailEnabled->setChecked(config.channels.email.enabled);
    m_smtpServer->setText(config.channels.email.server);
    m_smtpPort->setValue(config.channels.email.port);
    m_startTls->setChecked(config.channels.email.startTls);
    m_smtpUser->setText(config.channels.email.user);
    m_mailFrom->setText(config.channels.email.from);
    m_mailTo->setText(config.channels.email.to.join(QStringLiteral(", ")));
    m_desktop->setChecked(config.channels.desktop);
    m_metricsEnabled->setChecked(config.metricsEndpoint.enabled);
    m_bindAddress->setText(config.metricsEndpoint.bindAddress);
    m_metricsPort->setValue(config.metricsEndpoint.port);
    m_allowRemote->setChecked(config.metricsEndpoint.allowRemote);
    m_token->setText(config.metricsEndpoint.bearerToken);
    syncJsonFromForm();
}

MonitoringConfig MonitoringSettingsDialog::fromForm() const
{
    MonitoringConfig c = m_base;
    c.enabled = m_enabled->isChecked();
    c.collectionIntervalMs = m_interval->value();
    c.retentionHours = m_retention->value();
    c.alerting.enabled = m_alerting->isChecked();
    c.alerting.thresholds = {m_memory->value(), m_cpu->value(), m_hitRate->value(), m_latency->value(),
                             m_errorRate->value()};
    c.alerting.forMs = qint64(m_forSec->value()) * 1000;
    c.alerting.keepFiringForMs = qint64(m_keepSec->value()) * 1000;
    c.channels.log.enabled = m_logEnabled->isChecked();
    c.channels.log.path = m_logPath->text().trimmed();
    c.channels.webhook.enabled = m_webhookEnabled->isChecked();
    c.channels.webhook.url = m_webhookUrl->text().trimmed();
    c.channels.webhook.timeoutMs = m_webhookTimeout->value();
    c.channels.webhook.retries = m_webhookRetries->value();
    c.channels.email.enabled = m_emailEnabled->isChecked();
    c.channels.email.server = m_smtpServer->text().trimmed();
    c.channels.email.port = m_smtpPort->value();
    c.channels.email.startTls = m_startTls->isChecked();
    c.channels.email.user = m_smtpUser->text().trimmed();
    c.channels.email.from = m_mailFrom->text().trimmed();
    c.channels.email.to.clear();
    for (const QString &to : m_mailTo->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        c.channels.email.to << to.trimmed();
    c.channels.desktop = m_desktop->isChecked();
    c.metricsEndpoint.enabled = m_metricsEnabled->isChecked();
    c.metricsEndpoint.bindAddress = m_bindAddress->text().trimmed();
    c.metricsEndpoint.port = m_metricsPort->value();
    c.metricsEndpoint.allowRemote = m_allowRemote->isChecked();
    c.metricsEndpoint.bearerToken = m_token->text();
    return c;
}

void MonitoringSettingsDialog::syncJsonFromForm()
{
    m_json->setPlainText(QString::fromUtf8(monitoringConfigToJsonText(fromForm())));
}

std::optional<MonitoringConfig> MonitoringSettingsDialog::config(QString *error) const
{
    MonitoringConfig c;
    if (m_tabs->currentWidget() == m_json) {
        const auto parsed = parseMonitoringConfig(m_json->toPlainText().toUtf8(), error);
        if (!parsed)
            return std::nullopt;
        c = *parsed;
        c.metricsEndpoint.bearerToken = m_token->text();
    } else {
        c = fromForm();
    }
    const QString problem = validateMonitoringConfig(c);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return c;
}

void MonitoringSettingsDialog::accept()
{
    QString error;
    if (!config(&error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace cwb
