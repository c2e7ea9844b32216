#pragma once

#include "monitor/alertchannel.h"

#include <QPointer>

class QSystemTrayIcon;

namespace cwb {

// A system-tray notification for alert changes while the window is minimised (in view, the
// alert panel already shows them). Does nothing where the desktop has no tray.
class DesktopChannel : public AlertChannel
{
    Q_OBJECT
public:
    explicit DesktopChannel(QWidget *window, QObject *parent = nullptr);
    ~DesktopChannel() override;

    QString name() const override { return QStringLiteral("desktop"); }
    bool wants(const AlertChange &change) const override;
    void send(const AlertChange &change) override;

private:
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace cwb
