#pragma once

#include <QWidget>

namespace cwb {

class PageHeader;

// Repeatable benchmark suites and their comparison with redis-benchmark.
class BenchmarksPage : public QWidget
{
    Q_OBJECT
public:
    explicit BenchmarksPage(QWidget *parent = nullptr);

    PageHeader *header() const { return m_header; }

private:
    PageHeader *m_header = nullptr;
};

} // namespace cwb
