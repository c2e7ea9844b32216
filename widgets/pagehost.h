#pragma once

#include <QWidget>

class QScrollArea;
class QStackedWidget;

namespace cwb {

// The pages inside a frameless scroll area: below what the shown page needs at least, the page
// scrolls instead of squeezing its widgets into each other (buttons reading "as ba", fields
// overlapping); at or above it, nothing scrolls.
//
// Why not the stack itself as the scroll area's widget: QScrollArea sizes a widget whose layout
// has a height for width (any page with wrapped text) to that height, which is the preferred
// height - and QStackedLayout answers with the largest preferred height of all its pages. Every
// page scrolled by a hundred pixels at 1280x800. This host has no layout and answers with the
// shown page's minimum.
class PageHost : public QWidget
{
public:
    explicit PageHost(QStackedWidget *pages, QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override { return minimumSizeHint(); }

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QStackedWidget *m_pages;
};

// A frameless scroll area (object name "pageScroll") around a PageHost of `pages`.
QScrollArea *scrollAround(QStackedWidget *pages, QWidget *parent);

} // namespace cwb
