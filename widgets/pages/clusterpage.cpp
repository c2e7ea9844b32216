#include "clusterpage.h"

#include "pageheader.h"

#include <QVBoxLayout>

namespace cwb {

ClusterPage::ClusterPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("clusterpage"));
    m_header = new PageHeader(
        tr("Cluster"), tr("See the cluster's nodes, slot ranges and replicas, and how load spreads over the shards."),
        this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addStretch(1);
}

} // namespace cwb
