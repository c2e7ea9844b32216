#include "percentilespectrumchart.h"

#include "stats/latencyhistogram.h"

#include <cmath>

namespace cwb {

namespace {

// Beyond six nines the sample counts of an interactive run are too small to mean anything.
constexpr double kMaxNines = 6;

} // namespace

PercentileSpectrumChart::PercentileSpectrumChart(QWidget *parent)
    : SeriesChart(tr("Latency distribution"), tr("Percentile"), tr("Latency (ms)"), parent)
{
    // Percentile labels in the user's locale ("99,9%" in German).
    const QLocale locale;
    m_labels.append(locale.toString(0) + u'%');
    for (int nines = 1; nines <= int(kMaxNines); ++nines)
        m_labels.append(locale.toString(100.0 - 100.0 * std::pow(10.0, -nines), 'f', nines - 2 > 0 ? nines - 2 : 0) + u'%');
    m_ticker = QSharedPointer<QCPAxisTickerText>::create();
    xAxis->setTicker(m_ticker);
    connect(this, &QCustomPlot::beforeReplot, this, &PercentileSpectrumChart::thinTicks);
    setLogScale(true);
}

void PercentileSpectrumChart::thinTicks()
{
    // The labels grow with each nine while the spacing stays fixed: on a narrow chart they ran
    // together ("99.9%99.99%99.999%"). Keep a label only where it clears the one before it.
    const QFontMetrics metrics(xAxis->tickLabelFont());
    const double width = std::max(1, axisRect()->width());
    const QCPRange range = xAxis->range();
    const double pixelsPerNine = range.size() > 0 ? width / range.size() : width;
    QMap<double, QString> ticks;
    double lastRight = -1e9;
    for (int nines = 0; nines < m_labels.size(); ++nines) {
        const double half = metrics.horizontalAdvance(m_labels[nines]) / 2.0;
        const double centre = (nines - range.lower) * pixelsPerNine;
        if (centre - half < lastRight + metrics.averageCharWidth() * 2)
            continue;
        ticks.insert(nines, m_labels[nines]);
        lastRight = centre + half;
    }
    if (ticks != m_ticker->ticks())
        m_ticker->setTicks(ticks);
}

void PercentileSpectrumChart::spectrum(const LatencyHistogram &histogram, QVector<double> &nines,
                                       QVector<double> &valuesMs)
{
    nines.clear();
    valuesMs.clear();
    const uint64_t total = histogram.count();
    if (total == 0)
        return;
    uint64_t cumulative = 0;
    const double minMs = double(histogram.minNs()) / 1e6;
    nines.append(0);
    valuesMs.append(std::max(minMs, 1e-3));
    for (int i = 0; i < histogram.bucketCount(); ++i) {
        const uint64_t n = histogram.bucketCountAt(i);
        if (n == 0)
            continue;
        cumulative += n;
        const double fraction = double(cumulative) / double(total);
        // The last bucket reaches 100%, which is infinitely many nines: pin it to the edge.
        const double x = fraction >= 1.0 ? std::min(kMaxNines, std::log10(double(total)) + 0.5)
                                         : std::min(kMaxNines, -std::log10(1.0 - fraction));
        const double valueMs = std::clamp(double(histogram.bucketHighNs(i)), double(histogram.minNs()),
                                          double(histogram.maxNs()))
            / 1e6;
        nines.append(x);
        valuesMs.append(std::max(valueMs, 1e-3));
    }
}

void PercentileSpectrumChart::setDistribution(int series, const LatencyHistogram &histogram)
{
    QVector<double> keys, values;
    spectrum(histogram, keys, values);
    // Keys can repeat when two buckets round to the same nines; QCustomPlot's step line handles it.
    setPoints(series, keys, values);
    if (QCPGraph *g = this->series(series))
        g->setLineStyle(QCPGraph::lsStepLeft);
    refresh();
}

} // namespace cwb
