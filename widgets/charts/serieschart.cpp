#include "serieschart.h"

#include "filechooser.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace cwb {

namespace {

// Hues chosen to stay apart for colour-blind readers (Okabe-Ito), lightened on dark palettes.
constexpr QRgb kSeriesRgb[] = {0x0072B2, 0xE69F00, 0xD55E00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x999999};

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

QColor SeriesChart::seriesColour(int index, const QPalette &palette)
{
    const int n = int(std::size(kSeriesRgb));
    QColor c = QColor::fromRgb(kSeriesRgb[((index % n) + n) % n]);
    return isDark(palette) ? c.lighter(135) : c;
}

SeriesChart::SeriesChart(const QString &title, const QString &keyLabel, const QString &valueLabel, QWidget *parent)
    : QCustomPlot(parent)
{
    setMinimumSize(260, 180);
    setNoAntialiasingOnDrag(true);
    // Polylines in one call and cached tick labels: an hour of per-second data in six series
    // must redraw within a frame (see docs/PERFORMANCE.md).
    setPlottingHints(QCP::phFastPolylines | QCP::phCacheLabels);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Tooltips and accessible names let keyboard and screen-reader users know what they see.
    setToolTip(tr("%1 — drag to pan, wheel to zoom, double-click to fit, right-click to save").arg(title));
    setAccessibleName(title);

    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, title);
    plotLayout()->addElement(0, 0, m_title);

    xAxis->setLabel(keyLabel);
    yAxis->setLabel(valueLabel);
    legend->setVisible(true);
    legend->setSelectableParts(QCPLegend::spItems);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    connect(this, &QCustomPlot::legendClick, this, &SeriesChart::onLegendClick);

    auto *fit = new QAction(tr("Fit to Data"), this);
    connect(fit, &QAction::triggered, this, &SeriesChart::resetView);
    auto *png = new QAction(tr("Save Chart as PNG…"), this);
    connect(png, &QAction::triggered, this, [this] { saveWithDialog(QStringLiteral("png")); });
    auto *pdf = new QAction(tr("Save Chart as PDF…"), this);
    connect(pdf, &QAction::triggered, this, [this] { saveWithDialog(QStringLiteral("pdf")); });
    addActions({fit, png, pdf});
    setContextMenuPolicy(Qt::ActionsContextMenu);

    applyPalette();
}

int SeriesChart::addSeries(const QString &name, bool onRightAxis, Qt::PenStyle style)
{
    QCPAxis *valueAxis = onRightAxis ? yAxis2 : yAxis;
    if (onRightAxis) {
        yAxis2->setVisible(true);
        yAxis2->setTickLabels(true);
    }
    QCPGraph *graph = addGraph(xAxis, valueAxis);
    graph->setName(name);
    graph->setAdaptiveSampling(true);
    m_graphs.append(graph);
    m_colourIndex.append(int(m_graphs.size()) - 1);
    m_styles.append(style);
    applyPalette();
    return int(m_graphs.size()) - 1;
}

void SeriesChart::setRightAxisLabel(const QString &label)
{
    yAxis2->setLabel(label);
}

void SeriesChart::setSeriesColourIndex(int series, int colourIndex)
{
    if (series < 0 || series >= m_graphs.size())
        return;
    m_colourIndex[series] = colourIndex;
    applyPalette();
}

void SeriesChart::appendPoints(int series, const QVector<double> &keys, const QVector<double> &values)
{
    if (QCPGraph *g = m_graphs.value(series))
        g->addData(keys, values, true);
}

void SeriesChart::setPoints(int series, const QVector<double> &keys, const QVector<double> &values)
{
    if (QCPGraph *g = m_graphs.value(series))
        g->setData(keys, values, true);
}

void SeriesChart::clearPoints()
{
    for (QCPGraph *g : std::as_const(m_graphs))
        g->data()->clear();
    m_follow = true;
    refresh();
}

int SeriesChart::pointCount(int series) const
{
    const QCPGraph *g = m_graphs.value(series);
    return g ? g->dataCount() : 0;
}

void SeriesChart::setSeriesVisible(int series, bool visible)
{
    QCPGraph *g = m_graphs.value(series);
    if (!g)
        return;
    g->setVisible(visible);
    applyPalette(); // the legend entry greys out
    replot(QCustomPlot::rpQueuedReplot);
}

bool SeriesChart::isSeriesVisible(int series) const
{
    const QCPGraph *g = m_graphs.value(series);
    return g && g->visible();
}

void SeriesChart::setLogScale(bool on)
{
    m_log = on;
    for (QCPAxis *axis : {yAxis, yAxis2}) {
        axis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (on)
            axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        else
            axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    refresh();
}

void SeriesChart::fitAxes()
{
    bool any = false;
    for (QCPGraph *g : std::as_const(m_graphs))
        any = any || (g->visible() && !g->data()->isEmpty());
    if (!any)
        return;
    rescaleAxes(true);
    // Rates and latencies start at zero on a linear axis: a floating baseline exaggerates noise.
    for (QCPAxis *axis : {yAxis, yAxis2}) {
        QCPRange r = axis->range();
        if (m_log) {
            r.lower = std::max(r.lower / 1.5, 1e-3);
            r.upper *= 1.5;
        } else {
            // Every series here is a non-negative rate or latency; an all-zero series (no
            // errors) gets a 0..1 axis instead of one centred on zero.
            r.lower = 0;
            r.upper = r.upper > 0 ? r.upper * 1.1 : 1;
        }
        axis->setRange(r);
    }
    if (xAxis->range().size() <= 0)
        xAxis->setRange(xAxis->range().lower - 0.5, xAxis->range().upper + 0.5);
}

void SeriesChart::refresh()
{
    // Antialiased lines cost several times more to rasterise; with thousands of points per
    // series the eye cannot tell, so long series are drawn without it.
    int longest = 0;
    for (QCPGraph *g : std::as_const(m_graphs))
        longest = std::max(longest, g->dataCount());
    setNotAntialiasedElements(longest > 1200 ? QCP::aePlottables : QCP::aeNone);
    if (m_follow)
        fitAxes();
    replot(QCustomPlot::rpQueuedReplot);
}

void SeriesChart::resetView()
{
    m_follow = true;
    refresh();
}

bool SeriesChart::saveImage(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == QLatin1String("pdf"))
        ok = savePdf(path, width(), height());
    else if (suffix == QLatin1String("png"))
        ok = savePng(path, width(), height(), 2.0); // crisp on high-DPI screens and in documents
    else {
        if (error)
            *error = tr("Unknown image format '%1': use .png or .pdf").arg(suffix);
        return false;
    }
    if (!ok && error)
        *error = tr("Could not write %1").arg(QDir::toNativeSeparators(path));
    return ok;
}

void SeriesChart::saveWithDialog(const QString &format)
{
    const bool pdf = format == QLatin1String("pdf");
    QString name = accessibleName().toLower().replace(u' ', u'-').replace(u'/', u'-');
    const QString path = chooseSaveFile(this, pdf ? tr("Save Chart as PDF") : tr("Save Chart as PNG"),
                                        name + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".png")),
                                        pdf ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveImage(path, &error))
        setToolTip(error);
}

void SeriesChart::changeEvent(QEvent *event)
{
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applyingPalette)
        applyPalette();
}

void SeriesChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_follow = false; // a drag pans: stop refitting under the user's hand
    QCustomPlot::mousePressEvent(event);
}

void SeriesChart::wheelEvent(QWheelEvent *event)
{
    m_follow = false;
    QCustomPlot::wheelEvent(event);
}

void SeriesChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    resetView();
}

void SeriesChart::onLegendClick(QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *)
{
    auto *plItem = qobject_cast<QCPPlottableLegendItem *>(item);
    if (!plItem)
        return;
    const int index = int(m_graphs.indexOf(qobject_cast<QCPGraph *>(plItem->plottable())));
    if (index >= 0)
        setSeriesVisible(index, !isSeriesVisible(index));
}

void SeriesChart::applyPalette()
{
    m_applyingPalette = true;
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    QColor subGrid = text;
    subGrid.setAlpha(18);

    setBackground(pal.brush(QPalette::Base));
    for (QCPAxis *axis : {xAxis, yAxis, xAxis2, yAxis2}) {
        axis->setBasePen(QPen(text, 1));
        axis->setTickPen(QPen(text, 1));
        axis->setSubTickPen(QPen(text, 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setSubGridPen(QPen(subGrid, 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(QPen(grid, 1));
    }
    xAxis->grid()->setVisible(true);
    yAxis->grid()->setVisible(true);
    yAxis2->grid()->setVisible(false);
    if (m_title) {
        m_title->setTextColor(text);
        QFont f = font();
        f.setBold(true);
        m_title->setFont(f);
    }
    QColor legendBg = pal.color(QPalette::Base);
    legendBg.setAlpha(200);
    legend->setBrush(legendBg);
    legend->setBorderPen(QPen(grid));
    legend->setFont(font());
    for (int i = 0; i < m_graphs.size(); ++i) {
        QCPGraph *g = m_graphs[i];
        g->setPen(QPen(seriesColour(m_colourIndex[i], pal), 1.6, m_styles[i]));
        if (QCPPlottableLegendItem *item = legend->itemWithPlottable(g)) {
            QColor c = text;
            if (!g->visible())
                c.setAlpha(90);
            item->setTextColor(c);
        }
    }
    m_applyingPalette = false;
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace cwb
