#pragma once

#include "serieschart.h"

namespace cwb {

class LatencyHistogram;

// Latency against percentile on a "nines" axis: x = -log10(1 - p), so 90%, 99%, 99.9% and
// 99.99% are evenly spaced and the tail, where caches hurt, gets most of the width.
class PercentileSpectrumChart : public SeriesChart
{
    Q_OBJECT
public:
    explicit PercentileSpectrumChart(QWidget *parent = nullptr);

    // Replaces the series' points with the histogram's spectrum (latency in ms).
    void setDistribution(int series, const LatencyHistogram &histogram);

    // The spectrum's points: keys in nines, values in milliseconds. Public for tests.
    static void spectrum(const LatencyHistogram &histogram, QVector<double> &nines, QVector<double> &valuesMs);

private:
    void thinTicks();

    QStringList m_labels; // index = nines
    QSharedPointer<QCPAxisTickerText> m_ticker;
};

} // namespace cwb
