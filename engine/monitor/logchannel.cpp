#include "logchannel.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace cwb {

LogChannel::LogChannel(LogChannelConfig config, QObject *parent)
    : AlertChannel(parent), m_config(std::move(config)), m_path(m_config.path.isEmpty() ? defaultPath() : m_config.path)
{
}

QString LogChannel::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/monitoring/alerts.log");
}

void LogChannel::rotate()
{
    if (m_config.keepFiles <= 0) {
        QFile::remove(m_path);
        return;
    }
    QFile::remove(m_path + QStringLiteral(".%1").arg(m_config.keepFiles));
    for (int i = m_config.keepFiles - 1; i >= 1; --i)
        QFile::rename(m_path + QStringLiteral(".%1").arg(i), m_path + QStringLiteral(".%1").arg(i + 1));
    QFile::rename(m_path, m_path + QStringLiteral(".1"));
}

void LogChannel::send(const AlertChange &change)
{
    DeliveryStatus status;
    status.channel = name();
    status.alertId = change.alert.id;
    status.state = alertStateName(change.to);
    status.attempts = 1;
    status.atMs = QDateTime::currentMSecsSinceEpoch();

    const QByteArray line = alertChangePayload(change) + '\n';
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (QFileInfo(m_path).size() + line.size() > m_config.maxBytes && QFileInfo::exists(m_path))
        rotate();
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(line) != line.size()) {
        status.ok = false;
        status.detail = QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString());
    } else {
        status.ok = true;
        status.detail = QStringLiteral("written to %1").arg(QFileInfo(m_path).fileName());
    }
    Q_EMIT delivered(status);
}

} // namespace cwb
