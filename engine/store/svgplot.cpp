#include "svgplot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cwb {

namespace {

QByteArray n(double v)
{
    return QByteArray::number(v, 'f', 1);
}

// "Nice" axis ticks: 1, 2 or 5 times a power of ten.
std::vector<double> ticks(double lo, double hi, int wanted)
{
    std::vector<double> out;
    if (!(hi > lo))
        return {lo};
    const double raw = (hi - lo) / wanted;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (const double f : {1.0, 2.0, 5.0, 10.0}) {
        step = f * mag;
        if (raw <= step)
            break;
    }
    for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
        out.push_back(t);
    return out;
}

QString label(double v)
{
    const double a = std::fabs(v);
    if (a >= 1e9)
        return QString::number(v / 1e9, 'g', 3) + QLatin1Char('G');
    if (a >= 1e6)
        return QString::number(v / 1e6, 'g', 3) + QLatin1Char('M');
    if (a >= 1e4)
        return QString::number(v / 1e3, 'g', 3) + QLatin1Char('k');
    return QString::number(v, 'g', 4);
}

} // namespace

QString xmlEscape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        case '\'': out += QLatin1String("&#39;"); break;
        default: out += c;
        }
    }
    return out;
}

QByteArray svgChartJson(const SvgChart &chart)
{
    QJsonArray series;
    for (const SvgSeries &s : chart.series) {
        QJsonArray x, y;
        for (size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i) {
            // JSON has no NaN: a gap is a null.
            x.append(std::isfinite(s.x[i]) ? QJsonValue(s.x[i]) : QJsonValue());
            y.append(std::isfinite(s.y[i]) ? QJsonValue(s.y[i]) : QJsonValue());
        }
        series.append(QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("color"), s.color},
                                  {QStringLiteral("x"), x}, {QStringLiteral("y"), y}});
    }
    const QJsonObject o{{QStringLiteral("title"), chart.title}, {QStringLiteral("xLabel"), chart.xLabel},
                        {QStringLiteral("yLabel"), chart.yLabel}, {QStringLiteral("logY"), chart.logY}, {QStringLiteral("xNines"), chart.xNines},
                        {QStringLiteral("series"), series}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<SvgChart> svgChartFromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    SvgChart chart;
    chart.title = o.value(QStringLiteral("title")).toString();
    chart.xLabel = o.value(QStringLiteral("xLabel")).toString();
    chart.yLabel = o.value(QStringLiteral("yLabel")).toString();
    chart.logY = o.value(QStringLiteral("logY")).toBool();
    chart.xNines = o.value(QStringLiteral("xNines")).toBool();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const QJsonValue &v : o.value(QStringLiteral("series")).toArray()) {
        const QJsonObject so = v.toObject();
        SvgSeries s{so.value(QStringLiteral("name")).toString(), so.value(QStringLiteral("color")).toString(), {}, {}};
        const QJsonArray x = so.value(QStringLiteral("x")).toArray();
        const QJsonArray y = so.value(QStringLiteral("y")).toArray();
        for (qsizetype i = 0; i < std::min(x.size(), y.size()); ++i) {
            s.x.push_back(x.at(i).isDouble() ? x.at(i).toDouble() : nan);
            s.y.push_back(y.at(i).isDouble() ? y.at(i).toDouble() : nan);
        }
        chart.series.push_back(std::move(s));
    }
    return chart;
}

QByteArray renderSvgChart(const SvgChart &chart)
{
    const double left = 64, right = 16, top = 28, bottom = 40;
    const double w = chart.width - left - right;
    const double h = chart.height - top - bottom;
    double xmin = std::numeric_limits<double>::max(), xmax = std::numeric_limits<double>::lowest();
    double ymin = std::numeric_limits<double>::max(), ymax = std::numeric_limits<double>::lowest();
    const auto ty = [&chart](double y) { return chart.logY ? std::log10(std::max(y, 1e-9)) : y; };
    for (const SvgSeries &s : chart.series) {
        for (size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i) {
            if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i]) || (chart.logY && s.y[i] <= 0))
                continue;
            xmin = std::min(xmin, s.x[i]);
            xmax = std::max(xmax, s.x[i]);
            ymin = std::min(ymin, ty(s.y[i]));
            ymax = std::max(ymax, ty(s.y[i]));
        }
    }
    const bool empty = xmin > xmax;
    if (empty) {
        xmin = 0;
        xmax = 1;
        ymin = 0;
        ymax = 1;
    }
    if (!chart.logY)
        ymin = std::min(0.0, ymin);
    if (xmax <= xmin)
        xmax = xmin + 1;
    if (ymax <= ymin)
        ymax = ymin + 1;
    const auto px = [&](double x) { return left + (x - xmin) / (xmax - xmin) * w; };
    const auto py = [&](double y) { return top + h - (y - ymin) / (ymax - ymin) * h; };

    QByteArray out;
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + QByteArray::number(chart.width) + "\" height=\""
        + QByteArray::number(chart.height) + "\" viewBox=\"0 0 " + QByteArray::number(chart.width) + ' '
        + QByteArray::number(chart.height) + "\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\" data-chart=\""
        + xmlEscape(QString::fromUtf8(svgChartJson(chart))).toUtf8() + "\">";
    out += "<title>" + xmlEscape(chart.title).toUtf8() + "</title>";
    out += "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>";
    out += "<text x=\"" + n(left) + "\" y=\"16\" font-weight=\"bold\">" + xmlEscape(chart.title).toUtf8() + "</text>";
    // Grid and axis labels.
    for (const double t : ticks(ymin, ymax, 5)) {
        const double y = py(t);
        out += "<line x1=\"" + n(left) + "\" y1=\"" + n(y) + "\" x2=\"" + n(left + w) + "\" y2=\"" + n(y)
            + "\" stroke=\"#e0e0e0\"/>";
        out += "<text x=\"" + n(left - 4) + "\" y=\"" + n(y + 4) + "\" text-anchor=\"end\">"
            + xmlEscape(label(chart.logY ? std::pow(10.0, t) : t)).toUtf8() + "</text>";
    }
    for (const double t : ticks(xmin, xmax, 8)) {
        const double x = px(t);
        out += "<text x=\"" + n(x) + "\" y=\"" + n(top + h + 14) + "\" text-anchor=\"middle\">" + xmlEscape(label(t)).toUtf8()
            + "</text>";
    }
    out += "<rect x=\"" + n(left) + "\" y=\"" + n(top) + "\" width=\"" + n(w) + "\" height=\"" + n(h)
        + "\" fill=\"none\" stroke=\"#888\"/>";
    out += "<text x=\"" + n(left + w / 2) + "\" y=\"" + n(chart.height - 6.0) + "\" text-anchor=\"middle\">"
        + xmlEscape(chart.xLabel).toUtf8() + "</text>";
    out += "<text transform=\"translate(12 " + n(top + h / 2) + ") rotate(-90)\" text-anchor=\"middle\">"
        + xmlEscape(chart.yLabel).toUtf8() + "</text>";
    if (empty)
        out += "<text x=\"" + n(left + w / 2) + "\" y=\"" + n(top + h / 2) + "\" text-anchor=\"middle\" fill=\"#888\">no data</text>";
    // Series as polylines; a NaN splits the line.
    double legendX = left + 8;
    for (const SvgSeries &s : chart.series) {
        QByteArray points;
        const auto flush = [&] {
            if (!points.isEmpty())
                out += "<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"" + xmlEscape(s.color).toUtf8()
                    + "\" points=\"" + points.trimmed() + "\"/>";
            points.clear();
        };
        for (size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i) {
            if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i]) || (chart.logY && s.y[i] <= 0)) {
                flush();
                continue;
            }
            points += n(px(s.x[i])) + ',' + n(py(ty(s.y[i]))) + ' ';
        }
        flush();
        out += "<rect x=\"" + n(legendX) + "\" y=\"" + n(top + 6) + "\" width=\"10\" height=\"3\" fill=\""
            + xmlEscape(s.color).toUtf8() + "\"/>";
        out += "<text x=\"" + n(legendX + 14) + "\" y=\"" + n(top + 11) + "\">" + xmlEscape(s.name).toUtf8() + "</text>";
        legendX += 24 + 6.5 * s.name.size();
    }
    out += "</svg>";
    return out;
}

} // namespace cwb
