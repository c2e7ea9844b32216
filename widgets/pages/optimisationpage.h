#pragma once

#include <QWidget>

namespace cwb {

class PageHeader;

// Configuration checks and tuning advice for Redis used as a cache.
class OptimisationPage : public QWidget
{
    Q_OBJECT
public:
    explicit OptimisationPage(QWidget *parent = nullptr);

    PageHeader *header() const { return m_header; }

private:
    PageHeader *m_header = nullptr;
};

} // namespace cwb
