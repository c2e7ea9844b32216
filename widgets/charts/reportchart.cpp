#include "reportchart.h"

#include "chartstyle.h"
#include "percentilespectrumchart.h"
#include "serieschart.h"
#include "store/svgplot.h"

#include <memory>

namespace cwb {

namespace {

QPalette printPalette()
{
    QPalette pal;
    pal.setColor(QPalette::Base, Qt::white);
    pal.setColor(QPalette::Window, Qt::white);
    pal.setColor(QPalette::WindowText, QColor(0x22, 0x22, 0x22));
    pal.setColor(QPalette::Text, QColor(0x22, 0x22, 0x22));
    pal.setColor(QPalette::PlaceholderText, QColor(0x88, 0x88, 0x88));
    return pal;
}

// Pixel sizes, not points: the picture is played back through a scaled painter, and pixel
// sizes scale with it whatever the printer's resolution.
void setFonts(QCustomPlot &plot)
{
    QFont base = plot.font();
    base.setPixelSize(11);
    plot.setFont(base);
    for (QCPAxis *axis : {plot.xAxis, plot.yAxis, plot.xAxis2, plot.yAxis2}) {
        axis->setTickLabelFont(base);
        axis->setLabelFont(base);
    }
}

} // namespace

QPicture drawReportChart(const SvgChart &chart, QSize size)
{
    std::unique_ptr<SeriesChart> plot;
    if (chart.xNines) {
        plot = std::make_unique<PercentileSpectrumChart>();
        plot->setTitle(chart.title);
        plot->xAxis->setLabel(chart.xLabel);
        plot->yAxis->setLabel(chart.yLabel);
    } else {
        plot = std::make_unique<SeriesChart>(chart.title, chart.xLabel, chart.yLabel);
    }
    plot->setPalette(printPalette());
    setFonts(*plot);
    for (const SvgSeries &s : chart.series) {
        const int index = plot->addSeries(s.name);
        // NaN values are gaps in QCustomPlot's lines, as they are in the SVG.
        plot->setPoints(index, QVector<double>(s.x.begin(), s.x.end()), QVector<double>(s.y.begin(), s.y.end()));
    }
    plot->legend->setVisible(chart.series.size() > 1); // one series: the title names it
    if (chart.logY && !chart.xNines)
        plot->setLogScale(true);
    plot->resize(size);
    plot->refresh();
    plot->replot(QCustomPlot::rpImmediateRefresh); // settles the legend's wrap and the tick labels
    plot->replot(QCustomPlot::rpImmediateRefresh);

    QPicture picture;
    QCPPainter painter(&picture);
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return picture;
}

} // namespace cwb
