#include "pagehost.h"

#include <QEvent>
#include <QScrollArea>
#include <QStackedWidget>

namespace cwb {

PageHost::PageHost(QStackedWidget *pages, QWidget *parent) : QWidget(parent), m_pages(pages)
{
    setObjectName(QStringLiteral("pageHost"));
    pages->setParent(this);
    connect(pages, &QStackedWidget::currentChanged, this, &QWidget::updateGeometry);
}

QSize PageHost::minimumSizeHint() const
{
    const QWidget *page = m_pages->currentWidget();
    return page ? page->minimumSizeHint().expandedTo(page->minimumSize()) : QSize();
}

bool PageHost::event(QEvent *event)
{
    // The shown page's needs changed (a section shown or hidden): the scroll area asks again.
    if (event->type() == QEvent::LayoutRequest)
        updateGeometry();
    return QWidget::event(event);
}

void PageHost::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_pages->setGeometry(rect());
}

QScrollArea *scrollAround(QStackedWidget *pages, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setObjectName(QStringLiteral("pageScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(new PageHost(pages, scroll));
    return scroll;
}

} // namespace cwb
