#pragma once

#include "alertchannel.h"
#include "monitorconfig.h"

namespace cwb {

// One JSON line per transition (every transition, not only notifying ones) appended to a log
// file, rotated by size: alerts.log -> alerts.log.1 -> ... -> alerts.log.N (dropped).
class LogChannel : public AlertChannel
{
    Q_OBJECT
public:
    explicit LogChannel(LogChannelConfig config, QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("log"); }
    bool wants(const AlertChange &) const override { return true; }
    void send(const AlertChange &change) override;

    QString path() const { return m_path; }
    static QString defaultPath();

private:
    void rotate();

    LogChannelConfig m_config;
    QString m_path;
};

} // namespace cwb
