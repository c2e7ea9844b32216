#include "warmingpage.h"

#include "pageheader.h"

#include <QVBoxLayout>

namespace cwb {

WarmingPage::WarmingPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("warmingpage"));
    m_header = new PageHeader(
        tr("Warming"),
        tr("Fill the cache ahead of traffic from a key list or a recorded workload, at a controlled rate."), this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addStretch(1);
}

} // namespace cwb
