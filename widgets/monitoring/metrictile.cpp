#include "metrictile.h"

#include "sparkline.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cwb {

MetricTile::MetricTile(const QString &caption, const QString &metric, QWidget *parent)
    : QFrame(parent), m_metric(metric), m_caption(new QLabel(caption, this)), m_value(new QLabel(QStringLiteral("–"), this)),
      m_detail(new QLabel(this)), m_sparkline(new Sparkline(this))
{
    setObjectName(QStringLiteral("tile_") + metric);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.6);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_detail->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_detail->setFont(small);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addWidget(m_sparkline);
    setAccessibleName(caption);
    setMinimumWidth(120);
}

void MetricTile::setValue(const QString &text, const QString &detail)
{
    m_value->setText(text);
    m_detail->setText(detail);
    setAccessibleDescription(text);
}

QString MetricTile::valueText() const
{
    return m_value->text();
}

QString MetricTile::detailText() const
{
    return m_detail->text();
}

void MetricTile::setHistory(const QVector<double> &values)
{
    m_sparkline->setValues(values);
}

void MetricTile::setAlerting(bool alerting)
{
    QPalette p = m_value->palette();
    if (alerting)
        p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    else
        p = palette();
    m_value->setPalette(p);
    m_sparkline->setColour(alerting ? QColor(0xc6, 0x28, 0x28) : QColor());
}

} // namespace cwb
