#include "messagebar.h"

#include "themedicon.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace cwb {

namespace {

QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor toneFor(MessageBar::Type type)
{
    // Signal hues only; lightness comes from the palette they are blended into.
    switch (type) {
    case MessageBar::Type::Error:
        return QColor(0xda, 0x44, 0x53);
    case MessageBar::Type::Warning:
        return QColor(0xf6, 0x74, 0x00);
    case MessageBar::Type::Information:
        break;
    }
    return QColor(0x3d, 0xae, 0xe9);
}

QString iconNameFor(MessageBar::Type type)
{
    switch (type) {
    case MessageBar::Type::Error:
        return QStringLiteral("error");
    case MessageBar::Type::Warning:
        return QStringLiteral("warning");
    case MessageBar::Type::Information:
        break;
    }
    return QStringLiteral("information");
}

} // namespace

MessageBar::MessageBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setFixedSize(iconSize, iconSize);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_detailsButton = new QToolButton(this);
    m_detailsButton->setObjectName(QStringLiteral("messageDetailsButton"));
    m_detailsButton->setText(tr("Details"));
    m_detailsButton->setToolTip(tr("Show or hide the full error text"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAutoRaise(true);

    m_closeButton = new QToolButton(this);
    m_closeButton->setObjectName(QStringLiteral("messageCloseButton"));
    m_closeButton->setIcon(themedIcon(QStringLiteral("close")));
    m_closeButton->setToolTip(tr("Dismiss this message"));
    m_closeButton->setAccessibleName(tr("Dismiss"));
    m_closeButton->setAutoRaise(true);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("messageDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setVisible(false);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    row->addWidget(m_detailsButton, 0, Qt::AlignTop);
    row->addWidget(m_closeButton, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->addLayout(row);
    layout->addWidget(m_details);
    // Aligned with the text, not the icon.
    m_details->setContentsMargins(iconSize + layout->spacing(), 0, 0, 0);

    connect(m_detailsButton, &QToolButton::toggled, m_details, &QWidget::setVisible);
    connect(m_closeButton, &QToolButton::clicked, this, &MessageBar::dismiss);

    setVisible(false);
    applyColours();
}

void MessageBar::showMessage(Type type, const QString &text, const QString &details)
{
    m_type = type;
    m_text->setText(text);
    m_details->setText(details);
    m_detailsButton->setVisible(!details.isEmpty());
    m_detailsButton->setChecked(false);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(themedIcon(iconNameFor(type)).pixmap(QSize(size, size), devicePixelRatioF()));
    setAccessibleDescription(text);
    applyColours();
    show();
}

QString MessageBar::text() const
{
    return m_text->text();
}

QString MessageBar::details() const
{
    return m_details->text();
}

bool MessageBar::detailsExpanded() const
{
    return !m_details->isHidden();
}

void MessageBar::dismiss()
{
    if (!isVisible())
        return;
    hide();
    Q_EMIT dismissed();
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // Setting our own palette raises PaletteChange too; only react to theme changes.
    if (event->type() == QEvent::PaletteChange && !m_applyingColours)
        applyColours();
}

void MessageBar::applyColours()
{
    m_applyingColours = true;
    QPalette pal = parentWidget() ? parentWidget()->palette() : QPalette();
    const QColor window = pal.color(QPalette::Window);
    const QColor tone = toneFor(m_type);
    // A light tint on light themes, a deeper one on dark themes, so text keeps its contrast.
    const bool dark = window.lightnessF() < 0.5;
    pal.setColor(QPalette::Window, blend(window, tone, dark ? 0.30 : 0.16));
    pal.setColor(QPalette::Base, blend(pal.color(QPalette::Base), tone, dark ? 0.12 : 0.06));
    setPalette(pal);
    m_applyingColours = false;
}

} // namespace cwb
