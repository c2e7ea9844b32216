#pragma once

#include "monitor/monitorconfig.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

namespace cwb {

// Monitoring settings as a form (collection, thresholds, channels, /metrics endpoint) and
// as the JSON of the seed's "monitoring" shape; both validated, errors name the field.
class MonitoringSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MonitoringSettingsDialog(QWidget *parent = nullptr);

    void setConfig(const MonitoringConfig &config);
    // The edited config; nullopt with *error when a field is invalid.
    std::optional<MonitoringConfig> config(QString *error = nullptr) const;
    QTabWidget *tabs() const { return m_tabs; }
    QPlainTextEdit *jsonEdit() const { return m_json; }

    void accept() override;

private:
    MonitoringConfig fromForm() const;
    void syncJsonFromForm();

    MonitoringConfig m_base;
    QTabWidget *m_tabs;
    QCheckBox *m_enabled, *m_alerting, *m_logEnabled, *m_webhookEnabled, *m_emailEnabled, *m_startTls, *m_desktop,
        *m_metricsEnabled, *m_allowRemote;
    QSpinBox *m_interval, *m_retention, *m_forSec, *m_keepSec, *m_webhookTimeout, *m_webhookRetries, *m_smtpPort,
        *m_metricsPort;
    QDoubleSpinBox *m_memory, *m_cpu, *m_hitRate, *m_latency, *m_errorRate;
    QLineEdit *m_logPath, *m_webhookUrl, *m_smtpServer, *m_smtpUser, *m_mailFrom, *m_mailTo, *m_bindAddress, *m_token;
    QPlainTextEdit *m_json;
    QLabel *m_error;
};

} // namespace cwb
