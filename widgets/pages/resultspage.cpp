#include "resultspage.h"

#include "pageheader.h"

#include <QVBoxLayout>

namespace cwb {

ResultsPage::ResultsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("resultspage"));
    m_header =
        new PageHeader(tr("Results"), tr("Browse past runs, compare them side by side and export reports."), this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addStretch(1);
}

} // namespace cwb
