#pragma once

// A tiny SVG line-chart writer for reports: no QtGui, text output only.

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace cwb {

struct SvgSeries
{
    QString name;
    QString color; // CSS color, e.g. "#1f77b4"
    std::vector<double> x;
    std::vector<double> y; // same length as x; NaN = gap
};

struct SvgChart
{
    QString title;
    QString xLabel;
    QString yLabel;
    int width = 720;
    int height = 260;
    bool logY = false; // for latency spectra
    bool xNines = false; // x is -log10(1 - p): the PDF labels it 90 %, 99 %, 99.9 %...
    std::vector<SvgSeries> series;
};

// An <svg> element, XML-escaped text. It carries the chart's data as JSON in a data-chart
// attribute, so the PDF renderer can draw the chart itself rather than interpret the drawing.
QByteArray renderSvgChart(const SvgChart &chart);
QString xmlEscape(const QString &text);

// The data-chart attribute's JSON (width and height are left out: the reader sizes the chart).
QByteArray svgChartJson(const SvgChart &chart);
std::optional<SvgChart> svgChartFromJson(const QByteArray &json);

} // namespace cwb
