#include "optimisationpage.h"

#include "pageheader.h"

#include <QVBoxLayout>

namespace cwb {

OptimisationPage::OptimisationPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("optimisationpage"));
    m_header = new PageHeader(
        tr("Optimisation"),
        tr("Check memory, eviction and persistence settings and get advice for using Redis as a cache."), this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addStretch(1);
}

} // namespace cwb
