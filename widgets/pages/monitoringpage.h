#pragma once

#include <QWidget>

namespace cwb {

class PageHeader;

// Live server metrics over time: hit ratio, memory, evictions, ops/s.
class MonitoringPage : public QWidget
{
    Q_OBJECT
public:
    explicit MonitoringPage(QWidget *parent = nullptr);

    PageHeader *header() const { return m_header; }

private:
    PageHeader *m_header = nullptr;
};

} // namespace cwb
