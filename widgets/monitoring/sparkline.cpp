#include "sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace cwb {

Sparkline::Sparkline(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(22);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setValues(const QVector<double> &values)
{
    m_values = values;
    update();
}

void Sparkline::setColour(const QColor &colour)
{
    m_colour = colour;
    update();
}

void Sparkline::paintEvent(QPaintEvent *)
{
    if (m_values.size() < 2)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const auto [minIt, maxIt] = std::minmax_element(m_values.begin(), m_values.end());
    double lo = *minIt, hi = *maxIt;
    if (hi - lo < 1e-9) {
        // A flat line sits in the middle rather than on an edge.
        lo -= 1;
        hi += 1;
    }
    const QRectF area = QRectF(rect()).adjusted(1, 2, -1, -2);
    QPainterPath line;
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        const double x = area.left() + area.width() * double(i) / double(m_values.size() - 1);
        const double y = area.bottom() - area.height() * (m_values[i] - lo) / (hi - lo);
        if (i == 0)
            line.moveTo(x, y);
        else
            line.lineTo(x, y);
    }
    const QColor colour = m_colour.isValid() ? m_colour : palette().color(QPalette::Highlight);
    QPainterPath fill = line;
    fill.lineTo(area.right(), area.bottom());
    fill.lineTo(area.left(), area.bottom());
    fill.closeSubpath();
    QColor fillColour = colour;
    fillColour.setAlpha(40);
    painter.fillPath(fill, fillColour);
    painter.setPen(QPen(colour, 1.5));
    painter.drawPath(line);
}

} // namespace cwb
