#include "benchmarkspage.h"

#include "charts/chartstyle.h"
#include "charts/serieschart.h"
#include "pageheader.h"
#include "targetsource.h"

#include "bench/benchmark.h"
#include "bench/benchmarksequence.h"
#include "bench/trends.h"
#include "jobs/joblauncher.h"
#include "store/asyncresultstore.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace cwb {

namespace {

enum ChecklistColumn { ColName, ColProgress, ColStatus };

QString latency(double micros)
{
    if (micros >= 1000)
        return BenchmarksPage::tr("%1 ms").arg(micros / 1000, 0, 'f', 2);
    return BenchmarksPage::tr("%1 µs").arg(micros, 0, 'f', 1);
}

QTableWidgetItem *item(const QString &text, bool number = false)
{
    auto *it = new QTableWidgetItem(text);
    it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return it;
}

QCustomPlot *makeBarChart(const QString &name, const QString &valueLabel, QWidget *parent)
{
    auto *plot = new QCustomPlot(parent);
    plot->setObjectName(name);
    plot->setMinimumSize(260, 180);
    plot->yAxis->setLabel(valueLabel);
    plot->legend->setVisible(true);
    ChartStyle::install(plot)->setEmpty(true);
    return plot;
}

// Groups of bars: one set per entry of `sets`, one group per label.
void setBars(QCustomPlot *plot, const QStringList &labels, const QStringList &sets,
             const std::vector<QVector<double>> &values)
{
    plot->clearPlottables();
    auto *group = new QCPBarsGroup(plot);
    const double width = 0.8 / std::max<qsizetype>(1, sets.size());
    QVector<double> keys;
    for (int i = 0; i < labels.size(); ++i)
        keys << i + 1;
    for (int s = 0; s < sets.size(); ++s) {
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(sets[s]);
        bars->setWidth(width);
        ChartStyle::setSeriesColour(bars, s);
        bars->setBarsGroup(group);
        if (plot->yAxis->scaleType() == QCPAxis::stLogarithmic)
            bars->setBaseValue(1); // a log axis has no 0: bars grow from 1 µs
        bars->setData(keys, values[size_t(s)], true);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->setTicks(keys, labels.toVector());
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setTickLabelRotation(labels.size() > 4 ? 30 : 0);
    plot->xAxis->setRange(0.4, labels.size() + 0.6);
    double top = 0;
    for (const auto &v : values) {
        for (double x : v)
            top = std::max(top, x);
    }
    if (plot->yAxis->scaleType() == QCPAxis::stLogarithmic)
        plot->yAxis->setRange(1, std::max(10.0, top * 2));
    else
        plot->yAxis->setRange(0, top > 0 ? top * 1.15 : 1);
    ChartStyle::of(plot)->setEmpty(labels.isEmpty());
    plot->replot(QCustomPlot::rpQueuedReplot);
}

// The ten titles, translated (the engine's own titles are English).
QString displayTitle(const QString &name)
{
    static const std::map<QString, const char *> titles{
        {QStringLiteral("cache-basic-ops"), QT_TRANSLATE_NOOP("cwb::BenchmarksPage", "Cache basic operations")},
        {QStringLiteral("concurrent-reads"), QT_TRANSLATE_NOOP("cwb::BenchmarksPage", "Concurrent reads")},
        {QStringLiteral("concurrent-writes"), QT_TRANSLATE_NOOP("cwb::BenchmarksPage", "Concurrent writes")},
        {QStringLiteral("mixed-operations"), QT_TRANSLATE_NOOP("cwb::BenchmarksPage", "Mixed operations")},
        {QStringLiteral("invalidation-patterns"), QT_TRANSLATE_NOOP("cwb::BenchmarksPage", "Invalidation patterns")},
        {QStringLiteral("session-management"), QT_TRANSLATE_NOOP("cwb::BenchmarksPage", "Session management")},
        {QStringLiteral("geospatial-queries"), QT_TRANSLATE_NOOP("cwb::BenchmarksPage", "Geospatial queries")},
        {QStringLiteral("realtime-updates"), QT_TRANSLATE_NOOP("cwb::BenchmarksPage", "Real-time updates")},
        {QStringLiteral("memory-stress"), QT_TRANSLATE_NOOP("cwb::BenchmarksPage", "Memory stress")},
        {QStringLiteral("high-concurrency-stress"), QT_TRANSLATE_NOOP("cwb::BenchmarksPage", "High-concurrency stress")},
    };
    const auto it = titles.find(name);
    return it == titles.end() ? name : BenchmarksPage::tr(it->second);
}

QString statusText(BenchmarkStatus status)
{
    switch (status) {
    case BenchmarkStatus::Completed: return BenchmarksPage::tr("Completed");
    case BenchmarkStatus::Cancelled: return BenchmarksPage::tr("Cancelled");
    case BenchmarkStatus::Failed: return BenchmarksPage::tr("Failed");
    }
    return {};
}

QString flagText(TrendFlag flag)
{
    switch (flag) {
    case TrendFlag::Improved: return BenchmarksPage::tr("improved");
    case TrendFlag::Unchanged: return BenchmarksPage::tr("unchanged");
    case TrendFlag::Regressed: return BenchmarksPage::tr("regressed");
    case TrendFlag::Insufficient: return BenchmarksPage::tr("not enough runs yet");
    }
    return {};
}

} // namespace

BenchmarksPage::BenchmarksPage(const PageContext &context, QWidget *parent)
    : QWidget(parent), m_store(context.store), m_target(context.target), m_launcher(context.launcher)
{
    Q_ASSERT(m_target && m_launcher);
    setObjectName(QStringLiteral("benchmarkspage"));
    m_header = new PageHeader(
        tr("Benchmarks"),
        tr("Ten specialised benchmarks with latency, memory and CPU figures, and their trend across runs."), this);

    m_checklist = new QTableWidget(0, 3, this);
    m_checklist->setObjectName(QStringLiteral("benchmarkChecklist"));
    m_checklist->setHorizontalHeaderLabels({tr("Benchmark"), tr("Progress"), tr("Status")});
    m_checklist->verticalHeader()->hide();
    m_checklist->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checklist->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checklist->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checklist->setAccessibleName(tr("Benchmarks to run"));
    for (const auto &benchmark : createAllBenchmarks()) {
        const int row = m_checklist->rowCount();
        m_checklist->insertRow(row);
        auto *name = new QTableWidgetItem(displayTitle(benchmark->name()));
        name->setData(Qt::UserRole, benchmark->name());
        name->setToolTip(benchmark->description());
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        name->setCheckState(Qt::Checked);
        m_checklist->setItem(row, ColName, name);
        auto *bar = new QProgressBar(m_checklist);
        bar->setRange(0, 100);
        bar->setValue(0);
        bar->setTextVisible(true);
        m_checklist->setCellWidget(row, ColProgress, bar);
        m_checklist->setItem(row, ColStatus, item(tr("Not run")));
    }
    m_checklist->resizeColumnsToContents();
    m_checklist->horizontalHeader()->setSectionResizeMode(ColName, QHeaderView::ResizeToContents);
    m_checklist->horizontalHeader()->setSectionResizeMode(ColProgress, QHeaderView::Fixed);
    m_checklist->setColumnWidth(ColProgress, 80);
    m_checklist->horizontalHeader()->setSectionResizeMode(ColStatus, QHeaderView::Stretch);
    connect(m_checklist, &QTableWidget::itemSelectionChanged, this, [this] { showResult(selectedName()); });

    m_sandbox = new QCheckBox(tr("Run on a local &sandbox"), this);
    m_sandbox->setObjectName(QStringLiteral("benchmarkSandbox"));
    m_sandbox->setToolTip(tr("Start a throw-away redis-server for the run instead of using the target"));
    m_sandbox->setChecked(true);
    m_targetLabel = new QLabel(this);
    m_targetLabel->setObjectName(QStringLiteral("benchmarkTarget"));
    connect(m_sandbox, &QCheckBox::toggled, this, [this] { setTarget(m_endpoint); });

    m_runSelected = new QPushButton(tr("Run &Selected"), this);
    m_runSelected->setObjectName(QStringLiteral("runSelectedButton"));
    m_runSelected->setToolTip(tr("Run the ticked benchmarks one after another"));
    m_runAll = new QPushButton(tr("Run &All"), this);
    m_runAll->setObjectName(QStringLiteral("runAllButton"));
    m_runAll->setToolTip(tr("Run all ten benchmarks"));
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelBenchmarksButton"));
    m_cancel->setToolTip(tr("Stop the running benchmark; its keys are still cleaned up"));
    connect(m_runSelected, &QPushButton::clicked, this, &BenchmarksPage::runSelected);
    connect(m_runAll, &QPushButton::clicked, this, &BenchmarksPage::runAll);
    connect(m_cancel, &QPushButton::clicked, this, &BenchmarksPage::cancel);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("benchmarkStatus"));
    m_status->setWordWrap(true);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_checklist, 1);
    leftLayout->addWidget(m_sandbox);
    leftLayout->addWidget(m_targetLabel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runSelected);
    buttons->addWidget(m_runAll);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_status);

    m_results = new QTableWidget(0, 8, this);
    m_results->setObjectName(QStringLiteral("benchmarkResults"));
    m_results->setHorizontalHeaderLabels(
        {tr("Operation"), tr("Count"), tr("Errors"), tr("ops/s"), tr("p50"), tr("p99"), tr("p99.9"), tr("Max")});
    m_results->verticalHeader()->hide();
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Every column as wide as its contents ("hit rate uniform" and "hit rate zipfian" must not
    // both read "hit rate…"); a narrow pane scrolls sideways instead.
    m_results->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setAccessibleName(tr("Measured operations"));

    m_latencyChart = makeBarChart(QStringLiteral("benchmarkLatencyChart"), tr("Latency (µs)"), this);
    // Logarithmic: p50 of tens of µs and p99 of milliseconds must both stay readable.
    m_latencyChart->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_latencyChart->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_memoryChart = makeBarChart(QStringLiteral("benchmarkMemoryChart"), tr("Memory (MiB)"), this);
    m_rampChart = new SeriesChart(tr("High-concurrency ramp"), tr("Connections"), tr("Throughput (ops/s)"), this);
    m_rampChart->setObjectName(QStringLiteral("benchmarkRampChart"));
    m_rampChart->addSeries(tr("Throughput"));
    m_rampChart->addSeries(tr("p99 (ms)"), true);
    m_rampChart->setRightAxisLabel(tr("p99 (ms)"));
    m_trendChart = new SeriesChart(tr("Trend of stored runs"), tr("Run"), tr("Throughput (ops/s)"), this);
    m_trendChart->setObjectName(QStringLiteral("benchmarkTrendChart"));
    m_trendChart->addSeries(tr("Throughput"));
    m_trendChart->addSeries(tr("p99 (µs)"), true);
    m_trendChart->setRightAxisLabel(tr("p99 (µs)"));
    m_trendVerdict = new QLabel(this);
    m_trendVerdict->setObjectName(QStringLiteral("benchmarkTrendVerdict"));
    m_trendVerdict->setWordWrap(true);
    auto *trend = new QWidget(this);
    auto *trendLayout = new QVBoxLayout(trend);
    trendLayout->setContentsMargins(0, 0, 0, 0);
    trendLayout->addWidget(m_trendChart, 1);
    trendLayout->addWidget(m_trendVerdict);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("benchmarkTabs"));
    m_tabs->addTab(m_results, tr("Results"));
    m_tabs->addTab(m_latencyChart, tr("Latency"));
    m_tabs->addTab(m_rampChart, tr("Ramp"));
    m_tabs->addTab(m_memoryChart, tr("Memory"));
    m_tabs->addTab(trend, tr("Trend"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
    // Benchmarks follow the connection bar's target (unless the sandbox box is ticked).
    connect(m_target, &TargetSource::endpointChanged, this, [this] { setTarget(m_target->endpoint()); });
    setTarget(m_target->endpoint());
}

BenchmarksPage::~BenchmarksPage() = default; // the job, a child, stops and joins

void BenchmarksPage::setTarget(const std::optional<Endpoint> &endpoint)
{
    m_endpoint = endpoint;
    if (m_sandbox->isChecked())
        m_targetLabel->setText(tr("Target: a local sandbox started for the run"));
    else if (m_endpoint)
        m_targetLabel->setText(tr("Target: %1").arg(m_endpoint->displayUri()));
    else
        m_targetLabel->setText(tr("Target: none — enter one in the connection bar or tick the sandbox"));
    updateButtons();
}

void BenchmarksPage::setUseSandbox(bool on)
{
    m_sandbox->setChecked(on);
}

void BenchmarksPage::setParameters(const QString &benchmark, const QMap<QString, double> &parameters)
{
    m_parameters[benchmark] = parameters;
}

void BenchmarksPage::setChecked(const QStringList &names)
{
    for (int row = 0; row < m_checklist->rowCount(); ++row) {
        QTableWidgetItem *it = m_checklist->item(row, ColName);
        it->setCheckState(names.contains(it->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList BenchmarksPage::checkedNames() const
{
    QStringList names;
    for (int row = 0; row < m_checklist->rowCount(); ++row) {
        const QTableWidgetItem *it = m_checklist->item(row, ColName);
        if (it->checkState() == Qt::Checked)
            names << it->data(Qt::UserRole).toString();
    }
    return names;
}

const BenchmarkResult *BenchmarksPage::result(const QString &name) const
{
    const auto it = m_resultsByName.find(name);
    return it == m_resultsByName.end() ? nullptr : &it->second;
}

void BenchmarksPage::runSelected()
{
    const QStringList names = checkedNames();
    if (names.isEmpty()) {
        m_status->setText(tr("Tick at least one benchmark."));
        return;
    }
    start(names);
}

void BenchmarksPage::runAll()
{
    start(benchmarkNames());
}

void BenchmarksPage::cancel()
{
    if (m_job)
        m_job->requestStop();
    m_status->setText(tr("Cancelling…"));
}

void BenchmarksPage::start(const QStringList &names)
{
    if (m_job)
        return;
    const bool useSandbox = m_sandbox->isChecked();
    if (!useSandbox && !m_endpoint) {
        m_status->setText(tr("No target: enter one in the connection bar or tick the sandbox."));
        return;
    }
    for (const QString &name : names) {
        const int row = rowOf(name);
        if (auto *bar = qobject_cast<QProgressBar *>(m_checklist->cellWidget(row, ColProgress)))
            bar->setValue(0);
        m_checklist->item(row, ColStatus)->setText(tr("Waiting"));
    }
    BenchmarkSequence sequence;
    sequence.names = names;
    sequence.parameters = m_parameters;
    if (!useSandbox)
        sequence.endpoint = m_endpoint;
    m_status->setText(tr("Running %n benchmark(s)…", nullptr, int(names.size())));

    m_job = makeBenchmarkSequenceJob(std::move(sequence), this);
    m_resultsShown = 0;
    connect(m_job, &jobs::JobBase::progressAvailable, this, [this] {
        const BenchmarkSequenceProgress &p = m_job->progress();
        // Every result not shown yet, then where the running one is.
        for (; m_resultsShown < p.finished.size(); ++m_resultsShown)
            onResult(*p.finished[m_resultsShown]);
        if (p.finished.size() <= size_t(p.index)) // the running one has not finished yet
            onProgress(p.benchmark, p.fraction, p.message);
    });
    connect(m_job, &jobs::JobBase::finished, this, [this] {
        const BenchmarkSequenceJob *job = m_job;
        if (const auto &result = job->result()) {
            for (; m_resultsShown < result->results.size(); ++m_resultsShown)
                onResult(result->results[m_resultsShown]);
            for (const QString &name : result->notRun)
                if (const int row = rowOf(name); row >= 0)
                    m_checklist->item(row, ColStatus)->setText(tr("Not run"));
        }
        onFinished(job->state() == jobs::JobState::Failed ? job->failureReason() : QString(),
                   job->state() == jobs::JobState::Stopped);
        m_job->deleteLater();
        m_job = nullptr;
        updateButtons();
        emit runFinished();
    });
    m_launcher->launch(m_job);
    updateButtons();
}

void BenchmarksPage::onProgress(const QString &name, double fraction, const QString &what)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    if (auto *bar = qobject_cast<QProgressBar *>(m_checklist->cellWidget(row, ColProgress)))
        bar->setValue(int(fraction * 100));
    m_checklist->item(row, ColStatus)->setText(tr("Running: %1").arg(what));
}

void BenchmarksPage::onResult(const BenchmarkResult &result)
{
    const int row = rowOf(result.benchmark);
    if (row >= 0) {
        if (auto *bar = qobject_cast<QProgressBar *>(m_checklist->cellWidget(row, ColProgress)))
            bar->setValue(result.status == BenchmarkStatus::Completed ? 100 : bar->value());
        QString status = statusText(result.status);
        if (!result.failureReason.isEmpty())
            status += QStringLiteral(": ") + result.failureReason;
        m_checklist->item(row, ColStatus)->setText(status);
        m_checklist->item(row, ColStatus)->setToolTip(status);
    }
    m_resultsByName[result.benchmark] = result;
    const QString name = result.benchmark;
    const QString target = result.target;
    if (m_store && result.status == BenchmarkStatus::Completed) {
        QPointer<BenchmarksPage> self(this);
        m_store->submit<QString>([result](ResultStore &store) { return saveBenchmarkResult(store, result); },
                                 [self, name, target](QString id) {
                                     if (self && !id.isEmpty() && self->selectedName() == name)
                                         self->loadTrend(name, target);
                                 });
    }
    if (row >= 0)
        m_checklist->selectRow(row); // shows it
    if (selectedName() == name)
        showResult(name);
    if (name == QLatin1String("high-concurrency-stress"))
        showRamp();
    emit benchmarkFinished(name);
}

void BenchmarksPage::onFinished(const QString &error, bool stopped)
{
    if (!error.isEmpty())
        m_status->setText(error);
    else if (stopped)
        m_status->setText(tr("Cancelled."));
    else
        m_status->setText(tr("Finished."));
}

void BenchmarksPage::showResult(const QString &name)
{
    m_results->setRowCount(0);
    const BenchmarkResult *r = result(name);
    if (!r) {
        if (!name.isEmpty())
            loadTrend(name, m_sandbox->isChecked() ? kSandboxTargetLabel : (m_endpoint ? m_endpoint->displayUri() : QString()));
        return;
    }
    for (const auto &op : r->operations) {
        const int row = m_results->rowCount();
        m_results->insertRow(row);
        const LatencyHistogram &h = op.latency;
        m_results->setItem(row, 0, item(op.name));
        m_results->setItem(row, 1, item(QString::number(op.count), true));
        m_results->setItem(row, 2, item(QString::number(op.errors), true));
        m_results->setItem(row, 3, item(QString::number(op.throughput(), 'f', 0), true));
        m_results->setItem(row, 4, item(latency(double(h.percentileNs(50)) / 1000), true));
        m_results->setItem(row, 5, item(latency(double(h.percentileNs(99)) / 1000), true));
        m_results->setItem(row, 6, item(latency(double(h.percentileNs(99.9)) / 1000), true));
        m_results->setItem(row, 7, item(latency(double(h.maxNs()) / 1000), true));
    }
    // Custom metrics follow the operations, value in the ops/s column's place with its unit.
    for (const auto &m : r->metrics) {
        const int row = m_results->rowCount();
        m_results->insertRow(row);
        auto *label = item(m.name);
        QFont italic = label->font();
        italic.setItalic(true);
        label->setFont(italic);
        m_results->setItem(row, 0, label);
        m_results->setItem(row, 3, item(QString::number(m.value, 'g', 6) + QLatin1Char(' ') + m.unit, true));
    }
    showLatency(*r);
    showMemory(*r);
    loadTrend(name, r->target);
}

void BenchmarksPage::showLatency(const BenchmarkResult &r)
{
    QStringList labels;
    QVector<double> p50, p99;
    for (const auto &op : r.operations) {
        labels << op.name;
        p50 << double(op.latency.percentileNs(50)) / 1000;
        p99 << double(op.latency.percentileNs(99)) / 1000;
    }
    setBars(m_latencyChart, labels, {tr("p50"), tr("p99")}, {p50, p99});
}

void BenchmarksPage::showMemory(const BenchmarkResult &r)
{
    const auto mib = [](qint64 bytes) { return bytes < 0 ? 0.0 : double(bytes) / 1048576.0; };
    const MemoryFigure *figures[] = {&r.server.usedMemory, &r.server.rss, &r.client.rss};
    std::vector<QVector<double>> values(3);
    for (const MemoryFigure *f : figures) {
        values[0] << mib(f->before);
        values[1] << mib(f->after);
        values[2] << mib(f->peak);
    }
    setBars(m_memoryChart, {tr("Server used_memory"), tr("Server RSS"), tr("Workbench RSS")},
            {tr("Before"), tr("After"), tr("Peak")}, values);
}

void BenchmarksPage::showRamp()
{
    const BenchmarkResult *r = result(QStringLiteral("high-concurrency-stress"));
    m_rampChart->clearPoints();
    if (!r)
        return;
    const auto fill = [&](const QString &series, int index, double scale) {
        if (const BenchmarkSeries *s = r->seriesNamed(series)) {
            QVector<double> keys, values;
            for (const auto &[x, y] : s->points) {
                keys << x;
                values << y * scale;
            }
            m_rampChart->setPoints(index, keys, values);
        }
    };
    fill(QStringLiteral("throughput by connections"), 0, 1);
    fill(QStringLiteral("p99 by connections"), 1, 0.001);
    m_rampChart->refresh();
}

void BenchmarksPage::loadTrend(const QString &name, const QString &target)
{
    m_trendChart->clearPoints();
    m_trendChart->refresh();
    if (!m_store || name.isEmpty() || target.isEmpty()) {
        m_trendVerdict->setText(m_store ? QString() : tr("No result store: trends are not available."));
        return;
    }
    QPointer<BenchmarksPage> self(this);
    m_store->submit<std::vector<BenchmarkResult>>(
        [name, target](ResultStore &store) { return loadBenchmarkHistory(store, name, target, 50); },
        [self, name, target](std::vector<BenchmarkResult> runs) {
            if (!self || self->selectedName() != name)
                return;
            const TrendReport report = analyseTrend(std::move(runs));
            QVector<double> keys, throughput, p99;
            for (size_t i = 0; i < report.runs.size(); ++i) {
                const auto metrics = keyMetricsOf(report.runs[i]);
                keys << double(i + 1);
                throughput << metrics[0].value;
                p99 << metrics[2].value;
            }
            self->m_trendChart->setPoints(0, keys, throughput);
            self->m_trendChart->setPoints(1, keys, p99);
            self->m_trendChart->refresh();
            QString text = tr("%1 on %2: %n stored run(s); latest: %3", nullptr, int(report.runs.size()))
                               .arg(displayTitle(name), target, flagText(report.overall));
            for (const auto &m : report.metrics) {
                if (m.headline && m.samples > 0)
                    text += QStringLiteral("\n") + tr("%1: %2 vs median %3 (%4%) — %5")
                                                       .arg(m.name)
                                                       .arg(m.latest, 0, 'f', 1)
                                                       .arg(m.baseline, 0, 'f', 1)
                                                       .arg(m.changePercent, 0, 'f', 1)
                                                       .arg(flagText(m.flag));
            }
            self->m_trendVerdict->setText(text);
            emit self->trendShown(name);
        });
}

void BenchmarksPage::updateButtons()
{
    const bool running = m_job != nullptr;
    const bool haveTarget = m_sandbox->isChecked() || m_endpoint.has_value();
    m_runSelected->setEnabled(!running && haveTarget);
    m_runAll->setEnabled(!running && haveTarget);
    m_cancel->setEnabled(running);
    m_sandbox->setEnabled(!running);
}

int BenchmarksPage::rowOf(const QString &name) const
{
    for (int row = 0; row < m_checklist->rowCount(); ++row) {
        if (m_checklist->item(row, ColName)->data(Qt::UserRole).toString() == name)
            return row;
    }
    return -1;
}

QString BenchmarksPage::selectedName() const
{
    const auto rows = m_checklist->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_checklist->item(rows.first().row(), ColName)->data(Qt::UserRole).toString();
}

} // namespace cwb
