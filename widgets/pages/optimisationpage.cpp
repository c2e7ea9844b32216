#include "optimisationpage.h"

#include "charts/chartstyle.h"

#include "optimise/keyscanpanel.h"
#include "optimize/budgetguard.h"
#include "pageheader.h"
#include "targetsource.h"
#include "jobs/joblauncher.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace cwb {

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setStretchLastSection(true);
    t->resizeColumnsToContents(); // empty: as wide as the headers, in any language
    return t;
}

void addRow(QTableWidget *t, const QStringList &cells, const QString &tip = {})
{
    const int row = t->rowCount();
    t->insertRow(row);
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        if (!tip.isEmpty())
            item->setToolTip(tip);
        t->setItem(row, c, item);
    }
}

QCustomPlot *makePlot(const QString &xLabel, QWidget *parent)
{
    auto *plot = new QCustomPlot(parent);
    plot->setMinimumHeight(180);
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(OptimisationPage::tr("throughput (ops/s)"));
    plot->yAxis2->setVisible(true);
    plot->yAxis2->setLabel(OptimisationPage::tr("p99 (µs)"));
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    QCPGraph *tput = plot->addGraph(plot->xAxis, plot->yAxis);
    tput->setName(OptimisationPage::tr("throughput"));
    tput->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    ChartStyle::setSeriesColour(tput, 0);
    QCPGraph *p99 = plot->addGraph(plot->xAxis, plot->yAxis2);
    p99->setName(OptimisationPage::tr("p99"));
    p99->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 6));
    ChartStyle::setSeriesColour(p99, 2, Qt::DashLine);
    plot->legend->setVisible(true);
    ChartStyle *style = ChartStyle::install(plot);
    style->setEmptyText(OptimisationPage::tr("No measurements yet: run the experiments"));
    style->setEmpty(true);
    return plot;
}

} // namespace

OptimisationPage::OptimisationPage(const PageContext &context, QWidget *parent)
    : QWidget(parent), m_target(context.target), m_launcher(context.launcher)
{
    Q_ASSERT(m_target && m_launcher);
    qRegisterMetaType<cwb::LoadConfigPatch>();
    setObjectName(QStringLiteral("optimisationpage"));
    m_header = new PageHeader(tr("Optimisation"),
                              tr("Short, bounded experiments on the target: pipeline depth, pool size, compression and "
                                 "TTL policy, with recommendations from what was measured."),
                              this);

    auto *strategies = new QGroupBox(tr("Strategies"), this);
    auto *strategyLayout = new QHBoxLayout(strategies);
    m_pipeline = new QCheckBox(tr("Pipeline depth"), strategies);
    m_pool = new QCheckBox(tr("Pool size"), strategies);
    m_compression = new QCheckBox(tr("Compression"), strategies);
    m_ttl = new QCheckBox(tr("TTL policy (local sandbox)"), strategies);
    m_hotKeys = new QCheckBox(tr("Hot and big keys (demonstration)"), strategies);
    m_hotKeys->setToolTip(tr("Replays the workbench's own Zipfian trace under its own prefix to show how hot and big keys "
                             "are found. It says nothing about your keys: scan them under \"Target's keys\"."));
    m_pipeline->setObjectName(QStringLiteral("tunePipeline"));
    m_pool->setObjectName(QStringLiteral("tunePool"));
    m_compression->setObjectName(QStringLiteral("tuneCompression"));
    m_ttl->setObjectName(QStringLiteral("tuneTtl"));
    m_hotKeys->setObjectName(QStringLiteral("tuneHotKeys"));
    for (QCheckBox *box : {m_pipeline, m_pool, m_compression, m_ttl, m_hotKeys}) {
        box->setChecked(true);
        strategyLayout->addWidget(box);
    }
    strategyLayout->addStretch(1);

    auto *budgets = new QHBoxLayout;
    m_budget = new QSpinBox(this);
    m_budget->setObjectName(QStringLiteral("tuneTimeBudget"));
    m_budget->setRange(5, 3600);
    m_budget->setValue(60);
    m_budget->setSuffix(tr(" s"));
    m_budget->setToolTip(tr("Time budget for all experiments, cleanup included"));
    m_memoryBudget = new QSpinBox(this);
    m_memoryBudget->setObjectName(QStringLiteral("tuneMemoryBudget"));
    m_memoryBudget->setRange(0, 65536);
    m_memoryBudget->setValue(64);
    m_memoryBudget->setSuffix(tr(" MiB"));
    m_memoryBudget->setSpecialValueText(tr("unlimited"));
    m_memoryBudget->setToolTip(tr("How much the target's used_memory may grow; the tuner stops and cleans up before"));
    m_run = new QPushButton(tr("Run"), this);
    m_run->setObjectName(QStringLiteral("tuneRunButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("tuneCancelButton"));
    m_cancel->setEnabled(false);
    m_apply = new QPushButton(tr("Apply to test configuration"), this);
    m_apply->setObjectName(QStringLiteral("tuneApplyButton"));
    m_apply->setEnabled(false);
    m_apply->setToolTip(tr("Hand the recommended pipeline depth and pool size to the load test"));
    auto *form = new QFormLayout;
    form->addRow(tr("Time budget:"), m_budget);
    auto *form2 = new QFormLayout;
    form2->addRow(tr("Memory budget:"), m_memoryBudget);
    budgets->addLayout(form);
    budgets->addLayout(form2);
    budgets->addStretch(1);
    budgets->addWidget(m_run);
    budgets->addWidget(m_cancel);
    budgets->addWidget(m_apply);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("tuneProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_status = new QLabel(tr("Idle"), this);
    m_status->setObjectName(QStringLiteral("tuneStatus"));
    m_status->setWordWrap(true);

    m_pipelinePlot = makePlot(tr("pipeline depth"), this);
    m_poolPlot = makePlot(tr("pool size"), this);
    m_pipelinePlot->setObjectName(QStringLiteral("tunePipelinePlot"));
    m_poolPlot->setObjectName(QStringLiteral("tunePoolPlot"));
    auto *plots = new QHBoxLayout;
    plots->addWidget(m_pipelinePlot);
    plots->addWidget(m_poolPlot);

    m_recommendations = makeTable({tr("Recommendation"), tr("Gain"), tr("Confidence"), tr("Evidence")}, this);
    m_keys = makeTable({tr("Kind"), tr("Key"), tr("Count / size"), tr("Share")}, this);
    m_recommendations->setObjectName(QStringLiteral("tuneRecommendations"));
    m_keys->setObjectName(QStringLiteral("tuneKeys"));
    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(m_recommendations);
    tables->addWidget(buildKeyTabs(context));
    tables->setStretchFactor(0, 3);
    tables->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(strategies);
    layout->addLayout(budgets);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(plots, 2);
    layout->addWidget(tables, 3); // the key scan has its controls and summary above its rows

    connect(m_run, &QPushButton::clicked, this, &OptimisationPage::start);
    connect(m_cancel, &QPushButton::clicked, this, &OptimisationPage::cancel);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (!m_report.patch.isEmpty())
            emit applyToTestConfiguration(m_report.patch);
    });
}

QWidget *OptimisationPage::buildKeyTabs(const PageContext &context)
{
    m_keyScan = new KeyScanPanel(context, this);
    auto *demo = new QWidget(this);
    auto *note = new QLabel(tr("Demonstration: the workbench's own synthetic Zipfian trace, written under its own prefix "
                               "and removed again. These are not your keys."),
                            demo);
    note->setObjectName(QStringLiteral("hotKeysDemoNote"));
    note->setWordWrap(true);
    auto *demoLayout = new QVBoxLayout(demo);
    demoLayout->setContentsMargins(0, 0, 0, 0);
    demoLayout->addWidget(note);
    demoLayout->addWidget(m_keys, 1);
    m_keyTabs = new QTabWidget(this);
    m_keyTabs->setObjectName(QStringLiteral("keyTabs"));
    m_keyTabs->addTab(m_keyScan, tr("Target's keys"));
    m_keyTabs->addTab(demo, tr("Demonstration (synthetic trace)"));
    return m_keyTabs;
}

OptimisationPage::~OptimisationPage() = default; // the job, a child, stops and joins

void OptimisationPage::setTunerOptions(const TunerOptions &o)
{
    m_pipeline->setChecked(o.batching);
    m_pool->setChecked(o.pooling);
    m_compression->setChecked(o.compression);
    m_ttl->setChecked(o.ttl);
    m_budget->setValue(int(o.budgetSec));
    m_memoryBudget->setValue(int(o.memoryBudgetBytes / (1024 * 1024)));
}

TunerOptions OptimisationPage::tunerOptions() const
{
    TunerOptions o;
    o.batching = m_pipeline->isChecked();
    o.pooling = m_pool->isChecked();
    o.compression = m_compression->isChecked();
    o.ttl = m_ttl->isChecked();
    o.budgetSec = m_budget->value();
    o.memoryBudgetBytes = qint64(m_memoryBudget->value()) * 1024 * 1024;
    return o;
}

bool OptimisationPage::hotKeysSelected() const
{
    return m_hotKeys->isChecked();
}

void OptimisationPage::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_pipeline, m_pool, m_compression, m_ttl, m_hotKeys, m_budget, m_memoryBudget})
        w->setEnabled(!running);
    if (running)
        m_apply->setEnabled(false);
}

void OptimisationPage::start()
{
    if (m_job)
        return;
    const std::optional<Endpoint> endpoint = m_target->endpoint();
    if (!endpoint) {
        m_status->setText(tr("Enter a valid target first."));
        return;
    }
    TuningRequest request;
    request.endpoint = *endpoint;
    request.options = tunerOptions();
    if (hotKeysSelected()) {
        HotKeyExperimentOptions hotKeys;
        hotKeys.operations = 20000;
        request.hotKeys = hotKeys;
    }
    setRunning(true);
    m_progress->setValue(0);
    m_status->setText(tr("Starting…"));
    m_job = makeTuningJob(std::move(request), this);
    connect(m_job, &jobs::JobBase::progressAvailable, this, [this] { onProgress(m_job->progress()); });
    connect(m_job, &jobs::JobBase::finished, this, [this] {
        TuningJob *job = std::exchange(m_job, nullptr);
        job->deleteLater();
        TuningOutcome outcome;
        if (job->result())
            outcome = *job->result();
        else
            outcome.report.stopReason = job->failureReason();
        const bool ranHotKeys = outcome.hotKeys.has_value();
        onFinished(outcome.report, outcome.hotKeys.value_or(HotKeyExperimentResult{}), ranHotKeys);
    });
    m_launcher->launch(m_job);
}

void OptimisationPage::cancel()
{
    if (!m_job)
        return;
    m_job->requestStop();
    m_status->setText(tr("Cancelling… (cleaning up the experiment's keys)"));
}

void OptimisationPage::onProgress(const jobs::StepProgress &progress)
{
    m_progress->setValue(int(progress.fraction * 1000));
    m_status->setText(progress.message);
}

void OptimisationPage::plotSweep(QCustomPlot *plot, const Sweep &sweep)
{
    QVector<double> x, tput, p99;
    for (const SweepPoint &p : sweep.points) {
        x << p.parameter;
        tput << p.throughput().mean;
        p99 << p.p99Us().mean;
    }
    plot->graph(0)->setData(x, tput);
    plot->graph(1)->setData(x, p99);
    plot->rescaleAxes();
    if (!x.isEmpty()) {
        plot->xAxis->setRange(x.front() / 1.5, x.back() * 1.5);
        plot->yAxis->setRangeLower(0);
        plot->yAxis2->setRangeLower(0);
    }
    ChartStyle::of(plot)->setEmpty(x.isEmpty());
    plot->replot();
}

void OptimisationPage::onFinished(const TuningReport &report, const HotKeyExperimentResult &hot, bool ranHotKeys)
{
    m_report = report;
    setRunning(false);
    m_progress->setValue(1000);
    QString status = tr("%1 in %2 s; peak used_memory growth %3; %4 keys cleaned up.")
                         .arg(report.status)
                         .arg(report.elapsedSec(), 0, 'f', 1)
                         .arg(formatByteSize(report.usedMemoryPeakDelta))
                         .arg(report.keysCleanedUp);
    if (!report.stopReason.isEmpty())
        status += QLatin1Char(' ') + report.stopReason;
    m_status->setText(status);

    plotSweep(m_pipelinePlot, report.pipeline);
    plotSweep(m_poolPlot, report.pooling.sweep);

    m_recommendations->setRowCount(0);
    for (const Recommendation &r : report.recommendations) {
        const QString gain = tr("%1 %2% %3").arg(r.metric).arg(r.gainPercent, 0, 'f', 1).arg(r.withinNoise ? tr("(within noise)") : QString());
        addRow(m_recommendations, {r.title, gain, r.confidence, r.evidence}, r.evidence);
    }
    m_recommendations->resizeColumnsToContents();

    m_keys->setRowCount(0);
    if (ranHotKeys) {
        for (const HotKeyEntry &e : hot.clientTop)
            addRow(m_keys, {tr("demo: hot (client)"), QString::fromStdString(e.estimate.key),
                            tr("%1 ± %2").arg(e.estimate.count).arg(e.estimate.error),
                            QStringLiteral("%1%").arg(e.estimate.share * 100, 0, 'f', 1)});
        for (const ServerKeySample &s : hot.server.hottest)
            addRow(m_keys, {tr("demo: hot (server, LFU)"), QString::fromUtf8(s.key), QString::number(s.freq),
                            QStringLiteral("%1%").arg(s.trafficShare * 100, 0, 'f', 1)});
        for (const ServerKeySample &s : hot.server.biggest)
            addRow(m_keys, {tr("demo: big"), QString::fromUtf8(s.key), formatByteSize(s.memoryBytes),
                            QStringLiteral("%1%").arg(s.memoryShare * 100, 0, 'f', 1)});
        if (!hot.server.note.isEmpty())
            addRow(m_keys, {tr("note"), hot.server.note, QString(), QString()});
        if (!hot.error.isEmpty())
            addRow(m_keys, {tr("error"), hot.error, QString(), QString()});
        m_keys->resizeColumnsToContents();
        m_keyTabs->setCurrentIndex(1);
    }
    m_apply->setEnabled(!report.patch.isEmpty());
    m_apply->setToolTip(report.patch.isEmpty() ? tr("No measured change to apply")
                                               : tr("Apply: %1").arg(report.patch.describe()));
    emit finished();
}

} // namespace cwb
