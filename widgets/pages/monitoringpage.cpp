#include "monitoringpage.h"

#include "pageheader.h"

#include <QVBoxLayout>

namespace cwb {

MonitoringPage::MonitoringPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("monitoringpage"));
    m_header = new PageHeader(
        tr("Monitoring"),
        tr("Watch hit ratio, memory, evictions and commands per second of the target server over time."), this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addStretch(1);
}

} // namespace cwb
