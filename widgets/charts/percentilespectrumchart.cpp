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
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    // Percentile labels in the user's locale ("99,9%" in German).
    const QLocale locale;
    ticker->addTick(0, locale.toString(0) + u'%');
    for (int nines = 1; nines <= int(kMaxNines); ++nines)
        ticker->addTick(nines, locale.toString(100.0 - 100.0 * std::pow(10.0, -nines), 'f', nines - 2 > 0 ? nines - 2 : 0) + u'%');
    xAxis->setTicker(ticker);
    setLogScale(true);
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
