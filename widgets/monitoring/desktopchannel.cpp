#include "desktopchannel.h"

#include "themedicon.h"

#include <QDateTime>
#include <QSystemTrayIcon>
#include <QWidget>

namespace cwb {

DesktopChannel::DesktopChannel(QWidget *window, QObject *parent) : AlertChannel(parent), m_window(window) {}

DesktopChannel::~DesktopChannel()
{
    delete m_tray;
}

bool DesktopChannel::wants(const AlertChange &change) const
{
    return change.notify && m_window && m_window->window()->isMinimized()
        && QSystemTrayIcon::isSystemTrayAvailable();
}

void DesktopChannel::send(const AlertChange &change)
{
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(applicationIcon());
        m_tray->setToolTip(QStringLiteral("Cache Workbench"));
    }
    m_tray->show();
    const QSystemTrayIcon::MessageIcon icon = change.to == AlertState::Resolved ? QSystemTrayIcon::Information
        : change.alert.severity == Severity::Critical                        ? QSystemTrayIcon::Critical
                                                                               : QSystemTrayIcon::Warning;
    m_tray->showMessage(tr("Cache Workbench alert"), alertChangeSummary(change), icon, 10000);
    DeliveryStatus status;
    status.channel = name();
    status.alertId = change.alert.id;
    status.state = alertStateName(change.to);
    status.ok = true;
    status.attempts = 1;
    status.atMs = QDateTime::currentMSecsSinceEpoch();
    status.detail = tr("shown in the system tray");
    Q_EMIT delivered(status);
}

} // namespace cwb
