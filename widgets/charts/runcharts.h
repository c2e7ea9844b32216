#pragma once

#include "load/runresult.h"

#include <QWidget>

#include <vector>

class QCheckBox;

namespace cwb {

class LatencyHistogram;
class PercentileSpectrumChart;
class SeriesChart;

// The five charts of one run: latency percentiles over time, throughput and error rate,
// per-operation throughput, hit rate, and the percentile spectrum. Fed live from snapshots
// (appendSeconds + setDistribution) or all at once from a stored run (showRun).
class RunCharts : public QWidget
{
    Q_OBJECT
public:
    explicit RunCharts(QWidget *parent = nullptr);

    void clear();
    // Appends whole seconds; one bulk add per series and one queued replot per chart.
    void appendSeconds(const std::vector<SecondSample> &seconds);
    void setDistribution(const LatencyHistogram &histogram);
    void showRun(const RunResult &result);

    SeriesChart *latencyChart() const { return m_latency; }
    SeriesChart *throughputChart() const { return m_throughput; }
    SeriesChart *operationsChart() const { return m_operations; }
    SeriesChart *hitRateChart() const { return m_hitRate; }
    PercentileSpectrumChart *spectrumChart() const { return m_spectrum; }
    QList<SeriesChart *> charts() const;
    QCheckBox *logScaleBox() const { return m_logScale; }

private:
    SeriesChart *m_latency = nullptr;
    SeriesChart *m_throughput = nullptr;
    SeriesChart *m_operations = nullptr;
    SeriesChart *m_hitRate = nullptr;
    PercentileSpectrumChart *m_spectrum = nullptr;
    QCheckBox *m_logScale = nullptr;
};

} // namespace cwb
