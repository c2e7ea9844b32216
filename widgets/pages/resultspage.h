#pragma once

#include <QWidget>

namespace cwb {

class PageHeader;

// Stored runs: browse, compare and export.
class ResultsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ResultsPage(QWidget *parent = nullptr);

    PageHeader *header() const { return m_header; }

private:
    PageHeader *m_header = nullptr;
};

} // namespace cwb
