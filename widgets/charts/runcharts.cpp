#include "runcharts.h"

#include "agentseries.h"
#include "percentilespectrumchart.h"
#include "serieschart.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cwb {

RunCharts::RunCharts(QWidget *parent) : QWidget(parent)
{
    const QString seconds = tr("Time (s)");
    m_latency = new SeriesChart(tr("Latency over time"), seconds, tr("Latency (ms)"), this);
    m_latency->setObjectName(QStringLiteral("latencyChart"));
    m_latency->addSeries(tr("p50"));
    m_latency->addSeries(tr("p95"));
    m_latency->addSeries(tr("p99"));

    m_throughput = new SeriesChart(tr("Throughput and errors"), seconds, tr("Operations/s"), this);
    m_throughput->setObjectName(QStringLiteral("throughputChart"));
    m_throughput->addSeries(tr("Throughput"));
    m_throughput->addSeries(tr("Error rate"), true, Qt::DashLine);
    m_throughput->setSeriesColourIndex(1, 2);
    m_throughput->setRightAxisLabel(tr("Errors (%)"));

    m_operations = new SeriesChart(tr("Operations by type"), seconds, tr("Operations/s"), this);
    m_operations->setObjectName(QStringLiteral("operationsChart"));
    m_operations->addSeries(tr("Read"));
    m_operations->addSeries(tr("Write"));
    m_operations->addSeries(tr("Delete"));
    m_operations->addSeries(tr("Invalidate"));

    m_hitRate = new SeriesChart(tr("Hit rate"), seconds, tr("Hits (%)"), this);
    m_hitRate->setObjectName(QStringLiteral("hitRateChart"));
    m_hitRate->addSeries(tr("Hit rate"));
    m_hitRate->setSeriesColourIndex(0, 3);
    m_hitRate->legend->setVisible(false);

    m_spectrum = new PercentileSpectrumChart(this);
    m_spectrum->setObjectName(QStringLiteral("spectrumChart"));
    m_spectrum->addSeries(tr("All operations"));
    m_spectrum->setSeriesColourIndex(0, 4);

    m_logScale = new QCheckBox(tr("&Logarithmic latency axis"), this);
    m_logScale->setObjectName(QStringLiteral("logScaleBox"));
    m_logScale->setToolTip(tr("Show latency over time on a logarithmic scale, so spikes and the median fit in one view"));
    connect(m_logScale, &QCheckBox::toggled, m_latency, &SeriesChart::setLogScale);
    m_agents = std::make_unique<AgentSeries>(m_throughput, m_latency);
    m_perAgent = new QCheckBox(tr("Per &agent"), this);
    m_perAgent->setObjectName(QStringLiteral("perAgentBox"));
    m_perAgent->setToolTip(tr("Add each agent's throughput and p99 latency to the charts, next to the whole run's"));
    m_perAgent->setVisible(false); // a distributed run's snapshots show it
    connect(m_perAgent, &QCheckBox::toggled, this, [this](bool on) { m_agents->setShown(on); });
    auto *hint = new QLabel(tr("Click a legend entry to hide or show a series. Drag to pan, wheel to zoom, "
                               "double-click to fit; right-click a chart to save it as PNG or PDF."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    grid->addWidget(m_latency, 0, 0);
    grid->addWidget(m_throughput, 0, 1);
    grid->addWidget(m_spectrum, 0, 2);
    grid->addWidget(m_operations, 1, 0);
    grid->addWidget(m_hitRate, 1, 1);
    auto *options = new QVBoxLayout;
    options->addWidget(m_logScale);
    options->addWidget(m_perAgent);
    options->addWidget(hint);
    options->addStretch(1);
    grid->addLayout(options, 1, 2);
    // The charts share the spare space evenly: without stretch factors the word-wrapped hint
    // beside the lower row took the height and the top row stayed a strip.
    for (int i = 0; i < 2; ++i)
        grid->setRowStretch(i, 1);
    for (int i = 0; i < 3; ++i)
        grid->setColumnStretch(i, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(grid, 1);
}

RunCharts::~RunCharts() = default;

QList<SeriesChart *> RunCharts::charts() const
{
    return {m_latency, m_throughput, m_operations, m_hitRate, m_spectrum};
}

void RunCharts::clear()
{
    m_agents->clear();
    m_perAgent->setVisible(false);
    for (SeriesChart *chart : charts())
        chart->clearPoints();
}

void RunCharts::appendSeconds(const std::vector<SecondSample> &seconds)
{
    if (seconds.empty())
        return;
    const qsizetype n = qsizetype(seconds.size());
    QVector<double> t, p50, p95, p99, ops, errors;
    std::array<QVector<double>, kOpTypeCount> byType;
    QVector<double> hitT, hits;
    for (QVector<double> *v : {&t, &p50, &p95, &p99, &ops, &errors})
        v->reserve(n);
    for (const SecondSample &s : seconds) {
        t.append(s.t);
        p50.append(s.p50Us / 1000.0);
        p95.append(s.p95Us / 1000.0);
        p99.append(s.p99Us / 1000.0);
        ops.append(s.opsPerSec());
        errors.append(100.0 * s.errorRate());
        const double d = s.durationSec > 0 ? s.durationSec : 1;
        for (int op = 0; op < kOpTypeCount; ++op)
            byType[size_t(op)].append(double(s.opsByType[size_t(op)]) / d);
        // A second without reads has no hit rate; a gap beats a fake 0%.
        if (s.hits + s.misses > 0) {
            hitT.append(s.t);
            hits.append(100.0 * double(s.hits) / double(s.hits + s.misses));
        }
    }
    m_latency->appendPoints(0, t, p50);
    m_latency->appendPoints(1, t, p95);
    m_latency->appendPoints(2, t, p99);
    m_throughput->appendPoints(0, t, ops);
    m_throughput->appendPoints(1, t, errors);
    for (int op = 0; op < kOpTypeCount; ++op)
        m_operations->appendPoints(op, t, byType[size_t(op)]);
    m_hitRate->appendPoints(0, hitT, hits);
    for (SeriesChart *chart : {m_latency, m_throughput, m_operations, m_hitRate})
        chart->refresh();
}

void RunCharts::appendAgentSeconds(const RunSnapshot &snapshot)
{
    if (snapshot.agents.empty())
        return;
    m_perAgent->setVisible(true); // unchecked unless the user asked for agents in an earlier run
    if (m_agents->append(snapshot)) {
        m_throughput->refresh();
        m_latency->refresh();
    }
}

void RunCharts::setDistribution(const LatencyHistogram &histogram)
{
    m_spectrum->setDistribution(0, histogram);
}

void RunCharts::showRun(const RunResult &result)
{
    // The run's end replaces the merged series; the agents' live series of the same run stay
    // (the stored result has none to put in their place).
    const bool keepAgents = m_agents->holds(result.runId);
    const bool agentsShown = m_agents->isShown();
    if (keepAgents) {
        m_agents->setShown(false);
    } else {
        m_agents->clear();
        m_perAgent->setVisible(false);
    }
    for (SeriesChart *chart : charts())
        chart->clearPoints();
    appendSeconds(result.series);
    setDistribution(result.total().latency);
    m_agents->setShown(agentsShown);
}

} // namespace cwb
