#include "chartstyle.h"

#include <qcustomplot.h>

#include <QEvent>

#include <algorithm>

namespace cwb {

namespace {

constexpr QRgb kSeriesRgb[] = {0x0072B2, 0xE69F00, 0xD55E00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x999999};
// Properties on plottables: the colour slot and pen style survive palette changes there.
constexpr char kColourSlot[] = "cwbColourSlot";
constexpr char kPenStyle[] = "cwbPenStyle";
constexpr char kStyleName[] = "cwbChartStyle";

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QList<QCPAxis *> allAxes(const QCustomPlot *plot)
{
    return {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2};
}

void colourPlottable(QCPAbstractPlottable *p, const QPalette &pal)
{
    const QVariant slot = p->property(kColourSlot);
    if (!slot.isValid())
        return;
    const QColor c = ChartStyle::seriesColour(slot.toInt(), pal);
    const auto style = Qt::PenStyle(p->property(kPenStyle).toInt());
    if (auto *bars = qobject_cast<QCPBars *>(p)) {
        bars->setPen(QPen(c.darker(120)));
        bars->setBrush(c);
        return;
    }
    QPen pen(c, 1.6, style);
    p->setPen(pen);
    if (auto *graph = qobject_cast<QCPGraph *>(p); graph && graph->scatterStyle().shape() != QCPScatterStyle::ssNone) {
        QCPScatterStyle s = graph->scatterStyle();
        s.setPen(QPen(c, 1.6));
        s.setBrush(pal.color(QPalette::Base));
        graph->setScatterStyle(s);
    }
}

} // namespace

ChartStyle *ChartStyle::install(QCustomPlot *plot)
{
    if (ChartStyle *existing = of(plot))
        return existing;
    return new ChartStyle(plot);
}

ChartStyle *ChartStyle::of(const QCustomPlot *plot)
{
    return plot ? plot->findChild<ChartStyle *>(QLatin1String(kStyleName), Qt::FindDirectChildrenOnly) : nullptr;
}

QColor ChartStyle::seriesColour(int index, const QPalette &palette)
{
    const int n = int(std::size(kSeriesRgb));
    const QColor c = QColor::fromRgb(kSeriesRgb[((index % n) + n) % n]);
    return isDark(palette) ? c.lighter(135) : c;
}

void ChartStyle::setSeriesColour(QCPAbstractPlottable *plottable, int index, Qt::PenStyle style)
{
    plottable->setProperty(kColourSlot, index);
    plottable->setProperty(kPenStyle, int(style));
    colourPlottable(plottable, plottable->parentPlot()->palette());
}

ChartStyle::ChartStyle(QCustomPlot *plot) : QObject(plot), m_plot(plot)
{
    setObjectName(QLatin1String(kStyleName));
    plot->installEventFilter(this);
    placeLegendBelow();

    m_emptyText = tr("No data yet");
    connect(plot, &QCustomPlot::beforeReplot, this, &ChartStyle::wrapLegend);
    applyPalette();
}

QCPItemText *ChartStyle::emptyLabel()
{
    if (!m_emptyLabel) {
        m_emptyLabel = new QCPItemText(m_plot);
        m_emptyLabel->setClipToAxisRect(false);
        m_emptyLabel->position->setType(QCPItemPosition::ptAxisRectRatio);
        m_emptyLabel->position->setCoords(0.5, 0.5);
        m_emptyLabel->setPositionAlignment(Qt::AlignCenter);
        m_emptyLabel->setText(m_emptyText);
        m_emptyLabel->setColor(m_plot->palette().color(QPalette::PlaceholderText));
        m_emptyLabel->setFont(m_plot->font());
        m_emptyLabel->setVisible(m_empty);
    }
    return m_emptyLabel;
}

void ChartStyle::placeLegendBelow()
{
    // A row of its own under the axis rect: the legend can never cover a curve or a tick label.
    auto *cell = new QCPLayoutGrid;
    cell->setMargins(QMargins(6, 0, 6, 4));
    QCPLayoutGrid *layout = m_plot->plotLayout();
    const int row = layout->rowCount();
    layout->addElement(row, 0, cell);
    cell->addElement(0, 0, m_plot->legend); // takes it out of the axis rect's inset layout
    layout->setRowStretchFactor(row, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setColumnSpacing(12);
}

void ChartStyle::wrapLegend()
{
    QCPLegend *legend = m_plot->legend;
    int widest = 1;
    for (int i = 0; i < legend->elementCount(); ++i) {
        if (QCPLayoutElement *item = legend->elementAt(i)) // a wrapped grid has empty cells
            widest = std::max(widest, item->minimumOuterSizeHint().width());
    }
    const QMargins m = legend->margins();
    const int room = m_plot->width() - 12 - m.left() - m.right();
    const int columns = std::clamp((room + legend->columnSpacing()) / (widest + legend->columnSpacing()), 1,
                                   std::max(1, legend->itemCount()));
    if (columns == m_legendColumns && legend->itemCount() == m_legendItems)
        return;
    m_legendColumns = columns;
    m_legendItems = legend->itemCount();
    legend->setWrap(columns);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
}

void ChartStyle::setEmpty(bool empty)
{
    if (empty == m_empty)
        return;
    m_empty = empty;
    // Whole layers, not the elements' own visibility: what the chart shows once it has data
    // (a right axis, a hidden legend) stays the chart's own business.
    for (const char *name : {"axes", "grid", "legend"}) {
        if (QCPLayer *layer = m_plot->layer(QLatin1String(name)))
            layer->setVisible(!empty);
    }
    emptyLabel()->setVisible(empty);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ChartStyle::setEmptyText(const QString &text)
{
    m_emptyText = text;
    emptyLabel()->setText(text);
}

QString ChartStyle::emptyText() const
{
    return m_emptyText;
}

void ChartStyle::applyPalette()
{
    m_applying = true;
    const QPalette pal = m_plot->palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    QColor subGrid = text;
    subGrid.setAlpha(18);

    m_plot->setBackground(pal.brush(QPalette::Base));
    for (QCPAxis *axis : allAxes(m_plot)) {
        axis->setBasePen(QPen(text, 1));
        axis->setTickPen(QPen(text, 1));
        axis->setSubTickPen(QPen(text, 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setSubGridPen(QPen(subGrid, 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(QPen(grid, 1));
    }
    for (QCPLayoutElement *el : m_plot->plotLayout()->elements(true)) {
        if (auto *title = qobject_cast<QCPTextElement *>(el)) {
            title->setTextColor(text);
            QFont f = m_plot->font();
            f.setBold(true);
            title->setFont(f);
        }
    }
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setFont(m_plot->font());
    m_plot->legend->setTextColor(text);
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable *p = m_plot->plottable(i);
        colourPlottable(p, pal);
        if (QCPPlottableLegendItem *item = m_plot->legend->itemWithPlottable(p)) {
            QColor c = text;
            if (!p->visible())
                c.setAlpha(90); // a hidden series keeps a greyed entry to click it back
            item->setTextColor(c);
            item->setFont(m_plot->font());
        }
    }
    emptyLabel()->setColor(pal.color(QPalette::PlaceholderText));
    emptyLabel()->setFont(m_plot->font());
    m_applying = false;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool ChartStyle::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && !m_applying
        && (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange))
        applyPalette();
    return QObject::eventFilter(watched, event);
}

} // namespace cwb
