// How every chart of the workbench looks (ChartStyle): legends beside the data, readable
// percentile labels, a sane axis for an all-zero series, an honest empty state, and colours
// that follow the palette — for SeriesChart and for the pages' plain QCustomPlots alike.
#include "charts/chartstyle.h"
#include "charts/percentilespectrumchart.h"
#include "charts/runcharts.h"
#include "charts/serieschart.h"
#include "pagedoubles.h"
#include "pages/optimisationpage.h"
#include "stats/latencyhistogram.h"

#include <QCheckBox>
#include <QTest>

#include <qcustomplot.h>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

QPalette darkPalette()
{
    QPalette pal;
    pal.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    pal.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    pal.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    pal.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    return pal;
}

// Shown, so that the plot lays itself out at that size.
bool showAt(QWidget &w, QSize size)
{
    w.resize(size);
    w.show();
    return QTest::qWaitForWindowExposed(&w);
}

// The colour the plot paints its corner with.
QColor backgroundOf(QCustomPlot &plot)
{
    return QColor(plot.toPixmap(200, 150).toImage().pixel(5, 5));
}

// The visible "no data" label of a plot, or nullptr.
QCPItemText *visibleEmptyLabel(const QCustomPlot &plot)
{
    for (int i = 0; i < plot.itemCount(); ++i) {
        auto *text = qobject_cast<QCPItemText *>(plot.item(i));
        const ChartStyle *style = ChartStyle::of(&plot);
        if (text && style && text->visible() && text->text() == style->emptyText())
            return text;
    }
    return nullptr;
}

std::vector<SecondSample> seconds(int from, int to, uint64_t errors)
{
    std::vector<SecondSample> out;
    for (int i = from; i <= to; ++i) {
        SecondSample s;
        s.t = i;
        s.ops = 1000;
        s.errors = errors;
        s.hits = 80;
        s.misses = 20;
        s.p50Us = 100;
        s.p95Us = 300;
        s.p99Us = 900;
        out.push_back(s);
    }
    return out;
}

// Second `t` of one agent: `ops` operations in it, p99 `p99Us`.
AgentSecond agentSecond(int agent, double t, uint64_t ops, double p99Us)
{
    AgentSecond s{agent, {}};
    s.second.t = t;
    s.second.ops = ops;
    s.second.p99Us = p99Us;
    return s;
}

// A distributed run's snapshot: its agents by name and the seconds that arrived since the last.
RunSnapshot agentSnapshot(const QString &runId, const QStringList &agents, std::vector<AgentSecond> arrived)
{
    RunSnapshot s;
    s.runId = runId;
    for (const QString &name : agents) {
        AgentSummary a;
        a.agent = name;
        s.agents.push_back(a);
    }
    s.newAgentSeconds = std::move(arrived);
    return s;
}

} // namespace

class ChartsTest : public QObject
{
    Q_OBJECT
private slots:
    void legendSitsBesideTheData();
    void manyEntriesWrapInsideTheChart();
    void percentileLabelsDoNotOverlap();
    void zeroErrorsGiveAZeroToOneAxis();
    void emptyChartSaysSo();
    void coloursFollowThePalette();
    void optimisationPlotsFollowThePalette();
    void perAgentSeriesOnDemand();
};

void ChartsTest::legendSitsBesideTheData()
{
    SeriesChart chart(u"Latency"_s, u"Time (s)"_s, u"ms"_s);
    for (const QString &name : {u"p50"_s, u"p95"_s, u"p99"_s})
        chart.addSeries(name);
    for (int s = 0; s < 3; ++s)
        chart.setPoints(s, {0, 1, 2, 3}, {1.0 + s, 2.0 + s, 3.0 + s, 4.0 + s});
    chart.refresh();
    QVERIFY(showAt(chart, {500, 300}));
    chart.replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(chart.legend->visible());
    // The axis rect's outer rect holds the plot, its ticks and its axis labels.
    const QRect data = chart.axisRect()->outerRect();
    QVERIFY2(!chart.legend->outerRect().intersects(data),
             qPrintable(u"legend %1,%2 %3x%4 overlaps the data"_s.arg(chart.legend->outerRect().x())
                            .arg(chart.legend->outerRect().y())
                            .arg(chart.legend->outerRect().width())
                            .arg(chart.legend->outerRect().height())));
}

void ChartsTest::manyEntriesWrapInsideTheChart()
{
    // The monitoring trend of a cluster: eight nodes with long names.
    SeriesChart chart(u"Trend"_s, u"Time"_s, u"Ops/s"_s);
    for (int n = 0; n < 8; ++n) {
        chart.addSeries(u"127.0.0.1:%1"_s.arg(30001 + n));
        chart.setPoints(n, {0, 1, 2}, {1.0 * n, 2.0 * n, 3.0 * n});
    }
    chart.refresh();
    QVERIFY(showAt(chart, {640, 320}));
    chart.replot(QCustomPlot::rpImmediateRefresh);
    chart.replot(QCustomPlot::rpImmediateRefresh); // the wrap is decided before a replot
    const QRect whole = chart.rect();
    for (int i = 0; i < chart.legend->itemCount(); ++i)
        QVERIFY2(whole.contains(chart.legend->item(i)->outerRect()), qPrintable(u"entry %1 outside"_s.arg(i)));
    QVERIFY(!chart.legend->outerRect().intersects(chart.axisRect()->outerRect()));
    // The x labels keep their room: the axis rect is still most of the chart.
    QVERIFY(chart.axisRect()->rect().height() > chart.height() / 3);
}

void ChartsTest::percentileLabelsDoNotOverlap()
{
    PercentileSpectrumChart chart;
    chart.addSeries(u"All"_s);
    LatencyHistogram h;
    for (uint64_t i = 1; i <= 1'000'000; i += 7)
        h.record(50'000 + i);
    chart.setDistribution(0, h);
    QVERIFY(showAt(chart, {320, 240}));
    chart.replot(QCustomPlot::rpImmediateRefresh);
    chart.replot(QCustomPlot::rpImmediateRefresh);
    const auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(chart.xAxis->ticker());
    QVERIFY(ticker);
    const QFontMetrics fm(chart.xAxis->tickLabelFont());
    double lastRight = -1e9;
    int shown = 0;
    for (auto it = ticker->ticks().cbegin(); it != ticker->ticks().cend(); ++it) {
        if (!chart.xAxis->range().contains(it.key()))
            continue;
        const double centre = chart.xAxis->coordToPixel(it.key());
        const double half = fm.horizontalAdvance(it.value()) / 2.0;
        QVERIFY2(centre - half > lastRight, qPrintable(u"'%1' runs into the label before it"_s.arg(it.value())));
        lastRight = centre + half;
        ++shown;
    }
    QVERIFY(shown >= 2); // thinned, not gone
}

void ChartsTest::zeroErrorsGiveAZeroToOneAxis()
{
    RunCharts charts;
    charts.resize(1000, 600);
    // Live updates refit again and again; the error axis must not shrink toward zero.
    for (int i = 0; i < 20; ++i)
        charts.appendSeconds(seconds(i + 1, i + 1, 0));
    const QCPRange errors = charts.throughputChart()->yAxis2->range();
    QCOMPARE(errors.lower, 0.0);
    QCOMPARE(errors.upper, 1.0);
}

void ChartsTest::emptyChartSaysSo()
{
    PercentileSpectrumChart spectrum;
    spectrum.addSeries(u"All"_s);
    spectrum.resize(400, 300);
    spectrum.replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(visibleEmptyLabel(spectrum));
    QCOMPARE(ChartStyle::of(&spectrum)->emptyText(), u"No data yet"_s);
    QVERIFY(!spectrum.xAxis->realVisibility());
    QVERIFY(!spectrum.yAxis->realVisibility()); // no 0.001-1 log axis for nothing
    QVERIFY(!spectrum.legend->realVisibility());

    SeriesChart trend(u"Trend"_s, u"Time"_s, u"Ops/s"_s);
    trend.addSeries(u"node"_s);
    trend.refresh();
    QVERIFY(visibleEmptyLabel(trend));
    trend.setPoints(0, {1, 2}, {3, 4});
    trend.refresh();
    QVERIFY(!visibleEmptyLabel(trend));
    QVERIFY(trend.xAxis->realVisibility());
    QVERIFY(trend.legend->realVisibility());
    trend.clearPoints();
    QVERIFY(visibleEmptyLabel(trend));
}

void ChartsTest::coloursFollowThePalette()
{
    QCustomPlot plot;
    auto *bars = new QCPBars(plot.xAxis, plot.yAxis);
    ChartStyle::install(&plot);
    ChartStyle::setSeriesColour(bars, 1);
    const QColor lightBar = bars->brush().color();
    plot.setPalette(darkPalette());
    QCOMPARE(backgroundOf(plot), QColor(0x18, 0x18, 0x18));
    QCOMPARE(plot.xAxis->tickLabelColor(), QColor(0xee, 0xee, 0xee));
    QCOMPARE(bars->brush().color(), ChartStyle::seriesColour(1, darkPalette()));
    QVERIFY(bars->brush().color() != lightBar);
}

void ChartsTest::optimisationPlotsFollowThePalette()
{
    test::PageDoubles doubles;
    OptimisationPage page(doubles.context());
    QVERIFY(showAt(page, {1100, 760}));
    const QList<QCustomPlot *> plots = page.findChildren<QCustomPlot *>();
    QVERIFY(!plots.isEmpty());
    page.setPalette(darkPalette());
    for (QCustomPlot *plot : plots) {
        QCOMPARE(plot->palette().color(QPalette::Base), QColor(0x18, 0x18, 0x18));
        QCOMPARE(backgroundOf(*plot), QColor(0x18, 0x18, 0x18));
        QCOMPARE(plot->yAxis->labelColor(), QColor(0xee, 0xee, 0xee));
        QVERIFY(visibleEmptyLabel(*plot)); // no sweep yet: no 0.001-1 axis
    }
}

// A distributed run's charts: merged by default; "Per agent" adds one throughput and one p99
// series per agent with every second fed so far (hidden or not), and takes them away again.
void ChartsTest::perAgentSeriesOnDemand()
{
    RunCharts charts;
    QVERIFY(showAt(charts, {1100, 700}));
    QCheckBox *box = charts.perAgentBox();
    SeriesChart *throughput = charts.throughputChart();
    SeriesChart *latency = charts.latencyChart();
    const int mergedThroughput = throughput->seriesCount(); // throughput and error rate
    const int mergedLatency = latency->seriesCount();       // p50, p95, p99

    // A run on one machine has no agents: nothing to toggle.
    RunSnapshot local;
    local.runId = u"local"_s;
    local.newSeconds = seconds(1, 2, 0);
    charts.appendSeconds(local.newSeconds);
    charts.appendAgentSeconds(local);
    QVERIFY(!box->isVisible());
    charts.clear();

    const QStringList names{u"gen-1"_s, u"gen-2"_s, u"gen-3"_s};
    charts.appendAgentSeconds(agentSnapshot(u"run-1"_s, names,
                                            {agentSecond(0, 1, 100, 900), agentSecond(1, 1, 200, 1100),
                                             agentSecond(2, 1, 300, 1300)}));
    QVERIFY(box->isVisible());
    QVERIFY(!box->isChecked()); // the merged view is the default
    QCOMPARE(throughput->seriesCount(), mergedThroughput);
    // gen-3 is lost after its first second; the others' second arrives while hidden.
    charts.appendAgentSeconds(
        agentSnapshot(u"run-1"_s, names, {agentSecond(0, 2, 110, 950), agentSecond(1, 2, 210, 1150)}));

    box->click();
    QVERIFY(box->isChecked());
    QCOMPARE(throughput->seriesCount(), mergedThroughput + 3);
    QCOMPARE(latency->seriesCount(), mergedLatency + 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(throughput->series(mergedThroughput + i)->name(), names[i]);
        QCOMPARE(latency->series(mergedLatency + i)->name(), names[i] + u" p99"_s);
        // One colour per agent, the same on both charts, none of the merged series' own.
        const QColor colour = throughput->series(mergedThroughput + i)->pen().color();
        QCOMPARE(latency->series(mergedLatency + i)->pen().color(), colour);
        for (int merged = 0; merged < mergedLatency; ++merged)
            QVERIFY(latency->series(merged)->pen().color() != colour);
    }
    // The history fed while hidden is there.
    QCOMPARE(throughput->pointCount(mergedThroughput), 2);
    QCOMPARE(throughput->series(mergedThroughput)->data()->at(1)->value, 110.0);
    QCOMPARE(throughput->series(mergedThroughput + 1)->data()->at(0)->value, 200.0);
    QCOMPARE(latency->series(mergedLatency + 1)->data()->at(1)->value, 1.15); // ms
    QCOMPARE(throughput->pointCount(mergedThroughput + 2), 1);

    // Fed while shown: appended; the lost agent's series has simply stopped.
    charts.appendAgentSeconds(
        agentSnapshot(u"run-1"_s, names, {agentSecond(0, 3, 120, 990), agentSecond(1, 3, 220, 1190)}));
    QCOMPARE(throughput->pointCount(mergedThroughput), 3);
    QCOMPARE(latency->pointCount(mergedLatency + 1), 3);
    QCOMPARE(latency->series(mergedLatency + 1)->data()->at(2)->value, 1.19);
    QCOMPARE(throughput->pointCount(mergedThroughput + 2), 1);

    box->click();
    QCOMPARE(throughput->seriesCount(), mergedThroughput);
    QCOMPARE(latency->seriesCount(), mergedLatency);
    QCOMPARE(throughput->legend->itemCount(), mergedThroughput);

    // The run's end replaces the merged series and keeps the agents' of the same run.
    box->click();
    RunResult result;
    result.runId = u"run-1"_s;
    result.series = seconds(1, 3, 0);
    charts.showRun(result);
    QVERIFY(box->isVisible());
    QCOMPARE(throughput->pointCount(0), 3);
    QCOMPARE(throughput->seriesCount(), mergedThroughput + 3);
    QCOMPARE(throughput->pointCount(mergedThroughput), 3);
    // A stored run (another one) has no per-agent seconds: no box, no agent series.
    RunResult stored;
    stored.runId = u"stored"_s;
    stored.series = seconds(1, 2, 0);
    charts.showRun(stored);
    QVERIFY(!box->isVisible());
    QCOMPARE(throughput->seriesCount(), mergedThroughput);
    QCOMPARE(latency->seriesCount(), mergedLatency);

    // The next distributed run starts over, with the choice the user made.
    charts.clear();
    charts.appendAgentSeconds(agentSnapshot(u"run-2"_s, {u"solo"_s}, {agentSecond(0, 1, 50, 500)}));
    QVERIFY(box->isVisible() && box->isChecked());
    QCOMPARE(throughput->seriesCount(), mergedThroughput + 1);
    QCOMPARE(throughput->series(mergedThroughput)->name(), u"solo"_s);
    QCOMPARE(throughput->pointCount(mergedThroughput), 1);
}

QTEST_MAIN(ChartsTest)
#include "tst_widget_charts.moc"
