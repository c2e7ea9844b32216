#include "loadtestpage.h"

#include "pageheader.h"

#include <QVBoxLayout>

namespace cwb {

LoadTestPage::LoadTestPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("loadtestpage"));
    m_header = new PageHeader(
        tr("Load Test"),
        tr("Configure a load test against the target server and watch throughput, latency and errors live."), this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addStretch(1);
}

} // namespace cwb
