#include "benchmarkspage.h"

#include "pageheader.h"

#include <QVBoxLayout>

namespace cwb {

BenchmarksPage::BenchmarksPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("benchmarkspage"));
    m_header = new PageHeader(
        tr("Benchmarks"),
        tr("Run repeatable benchmark suites and compare the results with redis-benchmark on this machine."), this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addStretch(1);
}

} // namespace cwb
