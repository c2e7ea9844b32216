#include "servicebanner.h"

#include "service/servicelock.h"

#include <QLocale>

namespace cwb {

ServiceBanner::ServiceBanner(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setFrameShape(QFrame::StyledPanel);
    setMargin(6);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

QString ServiceBanner::holderText(const ServiceHolder &holder)
{
    QString who = holder.pid > 0 ? tr("pid %1").arg(holder.pid) : tr("another process");
    if (!holder.host.isEmpty())
        who = tr("%1 on %2").arg(who, holder.host);
    if (holder.since.isValid())
        who = tr("%1 since %2").arg(who, QLocale().toString(holder.since.toLocalTime(), QLocale::ShortFormat));
    return who;
}

} // namespace cwb
