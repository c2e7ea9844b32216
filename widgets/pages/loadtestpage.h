#pragma once

#include <QWidget>

namespace cwb {

class PageHeader;

// Configure and run a load test; live throughput, latency percentiles and errors.
class LoadTestPage : public QWidget
{
    Q_OBJECT
public:
    explicit LoadTestPage(QWidget *parent = nullptr);

    PageHeader *header() const { return m_header; }

private:
    PageHeader *m_header = nullptr;
};

} // namespace cwb
