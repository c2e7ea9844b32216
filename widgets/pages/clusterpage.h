#pragma once

#include <QWidget>

namespace cwb {

class PageHeader;

// Cluster topology: nodes, slot ranges, replicas and per-shard load.
class ClusterPage : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterPage(QWidget *parent = nullptr);

    PageHeader *header() const { return m_header; }

private:
    PageHeader *m_header = nullptr;
};

} // namespace cwb
