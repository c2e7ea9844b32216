#pragma once

#include "load/runresult.h"
#include "load/runsnapshot.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;

namespace cwb {

class AgentSeries;
class LatencyHistogram;
class PercentileSpectrumChart;
class SeriesChart;

// The five charts of one run: latency percentiles over time, throughput and error rate,
// per-operation throughput, hit rate, and the percentile spectrum. Fed live from snapshots
// (appendSeconds + setDistribution) or all at once from a stored run (showRun). A distributed
// run's snapshots also feed its agents' seconds (appendAgentSeconds): the "Per agent" box, shown
// only then, adds each agent's throughput and p99 next to the merged ones.
class RunCharts : public QWidget
{
    Q_OBJECT
public:
    explicit RunCharts(QWidget *parent = nullptr);
    ~RunCharts() override;

    void clear();
    // Appends whole seconds; one bulk add per series and one queued replot per chart.
    void appendSeconds(const std::vector<SecondSample> &seconds);
    // A snapshot's per-agent seconds (none for a run on one machine); kept whether shown or not.
    void appendAgentSeconds(const RunSnapshot &snapshot);
    void setDistribution(const LatencyHistogram &histogram);
    // The run's merged series, replacing what was fed live; the agents' series fed live for this
    // same run stay (a stored run has none).
    void showRun(const RunResult &result);

    SeriesChart *latencyChart() const { return m_latency; }
    SeriesChart *throughputChart() const { return m_throughput; }
    SeriesChart *operationsChart() const { return m_operations; }
    SeriesChart *hitRateChart() const { return m_hitRate; }
    PercentileSpectrumChart *spectrumChart() const { return m_spectrum; }
    QList<SeriesChart *> charts() const;
    QCheckBox *logScaleBox() const { return m_logScale; }
    QCheckBox *perAgentBox() const { return m_perAgent; }

private:
    SeriesChart *m_latency = nullptr;
    SeriesChart *m_throughput = nullptr;
    SeriesChart *m_operations = nullptr;
    SeriesChart *m_hitRate = nullptr;
    PercentileSpectrumChart *m_spectrum = nullptr;
    QCheckBox *m_logScale = nullptr;
    QCheckBox *m_perAgent = nullptr;
    std::unique_ptr<AgentSeries> m_agents;
};

} // namespace cwb
