#include "serieschart.h"

#include "chartstyle.h"
#include "filechooser.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace cwb {

SeriesChart::SeriesChart(const QString &title, const QString &keyLabel, const QString &valueLabel, QWidget *parent)
    : QCustomPlot(parent)
{
    setMinimumSize(180, 150);
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
    connect(this, &QCustomPlot::legendClick, this, &SeriesChart::onLegendClick);

    auto *fit = new QAction(tr("Fit to Data"), this);
    connect(fit, &QAction::triggered, this, &SeriesChart::resetView);
    auto *png = new QAction(tr("Save Chart as PNG…"), this);
    connect(png, &QAction::triggered, this, [this] { saveWithDialog(QStringLiteral("png")); });
    auto *pdf = new QAction(tr("Save Chart as PDF…"), this);
    connect(pdf, &QAction::triggered, this, [this] { saveWithDialog(QStringLiteral("pdf")); });
    addActions({fit, png, pdf});
    setContextMenuPolicy(Qt::ActionsContextMenu);

    m_style = ChartStyle::install(this);
    m_style->setEmpty(true);
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
    ChartStyle::setSeriesColour(graph, int(m_graphs.size()) - 1, style);
    m_style->applyPalette();
    return int(m_graphs.size()) - 1;
}

void SeriesChart::removeSeriesFrom(int first)
{
    while (m_graphs.size() > std::max(0, first))
        removeGraph(m_graphs.takeLast());
    m_style->applyPalette();
}

void SeriesChart::setRightAxisLabel(const QString &label)
{
    yAxis2->setLabel(label);
}

void SeriesChart::setTitle(const QString &title)
{
    m_title->setText(title);
    setAccessibleName(title);
}

void SeriesChart::setSeriesColourIndex(int series, int colourIndex)
{
    QCPGraph *g = m_graphs.value(series);
    if (!g)
        return;
    ChartStyle::setSeriesColour(g, colourIndex, g->pen().style());
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
    m_style->applyPalette(); // the legend entry greys out
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

bool SeriesChart::hasData() const
{
    for (QCPGraph *g : std::as_const(m_graphs)) {
        if (!g->data()->isEmpty())
            return true;
    }
    return false;
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
        // The data's own extent, not QCustomPlot's rescaled range: for a flat series rescale()
        // keeps the previous range's size, so refitting an all-zero series halved it each time
        // (an error axis from 1.75e-5 down to 5e-13).
        bool found = false;
        double top = 0;
        for (QCPGraph *g : std::as_const(m_graphs)) {
            if (!g->visible() || g->valueAxis() != axis)
                continue;
            bool has = false;
            const QCPRange r = g->getValueRange(has, QCP::sdBoth);
            if (has) {
                top = found ? std::max(top, r.upper) : r.upper;
                found = true;
            }
        }
        if (!found)
            continue;
        QCPRange r = axis->range();
        if (m_log) {
            r.lower = std::max(r.lower / 1.5, 1e-3);
            r.upper = std::max(r.upper * 1.5, r.lower * 10);
        } else {
            // Every series here is a non-negative rate or latency; an all-zero series (no
            // errors) gets a 0..1 axis instead of one centred on zero.
            r.lower = 0;
            r.upper = top > 0 ? top * 1.1 : 1;
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
    m_style->setEmpty(!hasData());
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

} // namespace cwb
