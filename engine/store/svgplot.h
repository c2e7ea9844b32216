#pragma once

// A tiny SVG line-chart writer for reports: no QtGui, text output only.

#include <QByteArray>
#include <QString>

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
    std::vector<SvgSeries> series;
};

QByteArray renderSvgChart(const SvgChart &chart); // an <svg> element, XML-escaped text
QString xmlEscape(const QString &text);

} // namespace cwb
