#include "pageheader.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace cwb {

PageHeader::PageHeader(const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent), m_title(new QLabel(title, this)), m_description(new QLabel(description, this))
{
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_description->setObjectName(QStringLiteral("pageDescription"));
    m_description->setWordWrap(true);
    m_title->setAccessibleName(title);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    applyFonts();
}

QString PageHeader::title() const
{
    return m_title->text();
}

QString PageHeader::description() const
{
    return m_description->text();
}

void PageHeader::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        applyFonts();
}

void PageHeader::applyFonts()
{
    // Sizes relative to the user's font, so a larger system font scales the header too.
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);

    // A muted description: the text colour with reduced alpha works in light and dark themes.
    QPalette pal = m_description->palette();
    QColor muted = palette().color(QPalette::WindowText);
    muted.setAlphaF(0.7f);
    pal.setColor(QPalette::WindowText, muted);
    m_description->setPalette(pal);
}

} // namespace cwb
