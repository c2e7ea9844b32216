#pragma once

#include <QWidget>

namespace cwb {

class PageHeader;

// Cache warming: pre-load keys at a controlled rate before traffic arrives.
class WarmingPage : public QWidget
{
    Q_OBJECT
public:
    explicit WarmingPage(QWidget *parent = nullptr);

    PageHeader *header() const { return m_header; }

private:
    PageHeader *m_header = nullptr;
};

} // namespace cwb
