#include "resultspage.h"

#include "charts/percentilespectrumchart.h"
#include "charts/runcharts.h"
#include "charts/serieschart.h"
#include "filechooser.h"
#include "models/runstablemodel.h"
#include "messagesink.h"
#include "pageheader.h"
#include "run/runsummaryview.h"
#include "store/asyncresultstore.h"
#include "store/comparison.h"
#include "store/csvexport.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace cwb {

namespace {

// Verdicts need both runs' histograms: bounded so a large store still lists quickly.
constexpr int kVerdictRows = 200;
constexpr int kListLimit = 2000;

struct Listing
{
    std::vector<RunRow> rows;
    QHash<QString, QString> verdicts;
    QString error;
};

} // namespace

ResultsPage::ResultsPage(const PageContext &context, QWidget *parent)
    : QWidget(parent), m_store(context.store), m_messages(context.messages)
{
    Q_ASSERT(m_messages);
    setObjectName(QStringLiteral("resultspage"));
    m_header =
        new PageHeader(tr("Results"), tr("Browse past runs, compare them side by side and export reports."), this);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("resultsFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, preset, target or verdict"));
    m_filter->setToolTip(tr("Show only runs whose columns contain this text"));
    m_filter->setClearButtonEnabled(true);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("resultsCount"));

    m_model = new RunsTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunsTableModel::kSortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("resultsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunsTableModel::Date, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setToolTip(tr("Select a run to see it; select two to compare them"));
    m_table->setAccessibleName(tr("Stored runs"));
    connect(m_table, &QTableView::doubleClicked, this, &ResultsPage::openSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        // One click shows the run: empty placeholder charts beside a selected row read as "no data".
        const QStringList ids = selectedRunIds();
        if (ids.size() == 1 && ids.first() != m_openRunId)
            openRun(ids.first());
        Q_EMIT selectionChanged();
    });

    auto makeButton = [this](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    m_openButton = makeButton(QStringLiteral("openRunButton"), tr("&Open"), tr("Show the selected run's charts and summary"));
    m_compareButton = makeButton(QStringLiteral("compareRunsButton"), tr("Co&mpare"),
                                 tr("Overlay the two selected runs in one chart with a table of differences"));
    m_baselineButton = makeButton(QStringLiteral("baselineToggleButton"), tr("Mark as &baseline"),
                                  tr("Make the selected run the baseline for its test name and target, or unmark it"));
    m_deleteButton = makeButton(QStringLiteral("deleteRunsButton"), tr("&Delete…"), tr("Delete the selected runs"));
    m_exportButton = makeButton(QStringLiteral("exportRunsButton"), tr("E&xport…"),
                                tr("Export the selected runs as CSV (a table) or JSON (full documents) (Ctrl+E)"));
    auto *refresh = makeButton(QStringLiteral("refreshRunsButton"), tr("&Refresh"), tr("Read the stored runs again"));
    connect(m_openButton, &QPushButton::clicked, this, &ResultsPage::openSelected);
    connect(m_compareButton, &QPushButton::clicked, this, &ResultsPage::compareSelected);
    connect(m_baselineButton, &QPushButton::clicked, this, &ResultsPage::toggleBaseline);
    connect(m_deleteButton, &QPushButton::clicked, this, &ResultsPage::deleteSelected);
    connect(m_exportButton, &QPushButton::clicked, this, [this] { exportSelection(); });
    connect(refresh, &QPushButton::clicked, this, &ResultsPage::refresh);
    m_deleteButton->setShortcut(QKeySequence::Delete);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filter, 1);
    toolbar->addWidget(m_countLabel);
    for (QPushButton *b : {m_openButton, m_compareButton, m_baselineButton, m_deleteButton, m_exportButton, refresh})
        toolbar->addWidget(b);

    // Details: the opened run, and the comparison of two.
    m_details = new QTabWidget(this);
    m_details->setObjectName(QStringLiteral("resultDetails"));
    m_charts = new RunCharts(m_details);
    m_summary = new RunSummaryView(m_details);
    m_details->addTab(m_charts, tr("Charts"));
    m_details->addTab(m_summary, tr("Summary"));

    m_compareTab = new QWidget(m_details);
    m_compareLabel = new QLabel(tr("Select two runs and press Compare."), m_compareTab);
    m_compareLabel->setObjectName(QStringLiteral("compareLabel"));
    m_compareLabel->setWordWrap(true);
    m_overlay = new SeriesChart(tr("Throughput and p99 of both runs"), tr("Time (s)"), tr("Operations/s"), m_compareTab);
    m_overlay->setObjectName(QStringLiteral("overlayChart"));
    m_overlay->setRightAxisLabel(tr("p99 latency (ms)"));
    m_overlay->addSeries(tr("A throughput"));
    m_overlay->addSeries(tr("B throughput"));
    m_overlay->addSeries(tr("A p99"), true, Qt::DashLine);
    m_overlay->addSeries(tr("B p99"), true, Qt::DashLine);
    m_overlay->setSeriesColourIndex(2, 0);
    m_overlay->setSeriesColourIndex(3, 1);
    m_overlaySpectrum = new PercentileSpectrumChart(m_compareTab);
    m_overlaySpectrum->setObjectName(QStringLiteral("overlaySpectrum"));
    m_overlaySpectrum->addSeries(tr("A"));
    m_overlaySpectrum->addSeries(tr("B"));
    m_delta = new QTableWidget(0, 5, m_compareTab);
    m_delta->setObjectName(QStringLiteral("deltaTable"));
    m_delta->setHorizontalHeaderLabels({tr("Metric"), tr("A"), tr("B"), tr("Change (B vs A)"), tr("Verdict")});
    m_delta->verticalHeader()->hide();
    m_delta->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_delta->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_delta->horizontalHeader()->setStretchLastSection(true);
    m_delta->setToolTip(tr("Each metric of run B against run A; changes within ±10% count as unchanged"));
    auto *compareLayout = new QVBoxLayout(m_compareTab);
    compareLayout->addWidget(m_compareLabel);
    auto *compareCharts = new QHBoxLayout;
    compareCharts->addWidget(m_overlay, 3);
    compareCharts->addWidget(m_overlaySpectrum, 2);
    compareLayout->addLayout(compareCharts, 3);
    compareLayout->addWidget(m_delta, 2);
    m_details->addTab(m_compareTab, tr("Comparison"));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(toolbar);
    topLayout->addWidget(m_table, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("resultsSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
    updateButtons();
    if (m_store) {
        // Any committed write (a finished run, a baseline, a delete) shows up without a click.
        connect(m_store, &AsyncResultStore::storeChanged, this, &ResultsPage::refresh);
        this->refresh();
    }
}

void ResultsPage::refresh()
{
    if (!m_store)
        return;
    const quint64 generation = ++m_generation;
    m_store->submit<std::shared_ptr<Listing>>(
        [](ResultStore &store) {
            auto out = std::make_shared<Listing>();
            RunFilter filter;
            filter.limit = kListLimit;
            out->rows = store.listRuns(filter);
            if (!store.lastError().isEmpty() && out->rows.empty())
                out->error = store.lastError();
            QMap<QPair<QString, QString>, std::optional<StoredRun>> baselines;
            int judged = 0;
            for (const RunRow &row : out->rows) {
                if (row.isBaseline || judged >= kVerdictRows)
                    continue;
                const auto key = qMakePair(row.testName, row.target);
                if (!baselines.contains(key)) {
                    const QString id = store.baselineFor(row.testName, row.target);
                    baselines.insert(key, id.isEmpty() ? std::nullopt : store.loadRun(id));
                }
                const std::optional<StoredRun> &baseline = baselines[key];
                if (!baseline)
                    continue;
                ++judged;
                if (const auto run = store.loadRun(row.runId))
                    out->verdicts.insert(row.runId, verdictName(compareRuns(*run, *baseline).overall));
            }
            return out;
        },
        [this, generation](std::shared_ptr<Listing> listing) {
            if (generation != m_generation)
                return;
            const QStringList selected = selectedRunIds();
            m_model->setRuns(std::move(listing->rows), std::move(listing->verdicts));
            for (const QString &id : selected) {
                const int row = m_model->rowOf(id);
                if (row >= 0)
                    m_table->selectionModel()->select(m_proxy->mapFromSource(m_model->index(row, 0)),
                                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
            }
            m_table->resizeColumnsToContents();
            m_countLabel->setText(tr("%n run(s)", nullptr, m_model->rowCount()));
            if (!listing->error.isEmpty())
                m_messages->post(MessageType::Error, tr("The stored runs could not be read."), listing->error);
            updateButtons();
            Q_EMIT refreshed();
        });
}

QStringList ResultsPage::selectedRunIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.append(index.data(RunsTableModel::kRunIdRole).toString());
    return ids;
}

bool ResultsPage::hasSelection() const
{
    return m_table->selectionModel()->hasSelection();
}

void ResultsPage::updateButtons()
{
    const QStringList ids = selectedRunIds();
    const bool store = m_store != nullptr;
    m_openButton->setEnabled(store && ids.size() == 1);
    m_compareButton->setEnabled(store && ids.size() == 2);
    m_baselineButton->setEnabled(store && ids.size() == 1);
    m_deleteButton->setEnabled(store && !ids.isEmpty());
    m_exportButton->setEnabled(store && !ids.isEmpty());
    if (ids.size() == 1) {
        const int row = m_model->rowOf(ids.first());
        const bool isBaseline = row >= 0 && m_model->run(row).isBaseline;
        m_baselineButton->setText(isBaseline ? tr("Unmark &baseline") : tr("Mark as &baseline"));
    }
}

void ResultsPage::openSelected()
{
    const QStringList ids = selectedRunIds();
    if (ids.size() == 1)
        openRun(ids.first());
}

void ResultsPage::openRun(const QString &runId)
{
    if (!m_store)
        return;
    m_store->submit<std::shared_ptr<StoredRun>>(
        [runId](ResultStore &store) {
            auto run = store.loadRun(runId);
            return run ? std::make_shared<StoredRun>(std::move(*run)) : std::shared_ptr<StoredRun>();
        },
        [this, runId](std::shared_ptr<StoredRun> run) {
            if (!run) {
                m_messages->post(MessageType::Error, tr("The run %1 could not be loaded.").arg(runId), {});
                return;
            }
            m_openRunId = runId;
            m_charts->showRun(run->result);
            m_summary->showResult(run->result);
            if (m_details->currentWidget() == m_compareTab)
                m_details->setCurrentWidget(m_charts);
            Q_EMIT runOpened(runId);
        });
}

void ResultsPage::compareSelected()
{
    const QStringList ids = selectedRunIds();
    if (ids.size() != 2 || !m_store)
        return;
    // A is the older run, so "B vs A" reads as "what changed since".
    using Pair = std::pair<std::shared_ptr<StoredRun>, std::shared_ptr<StoredRun>>;
    m_store->submit<Pair>(
        [ids](ResultStore &store) {
            auto a = store.loadRun(ids.at(0));
            auto b = store.loadRun(ids.at(1));
            if (!a || !b)
                return Pair{};
            if (a->result.startedAt > b->result.startedAt)
                std::swap(a, b);
            return Pair{std::make_shared<StoredRun>(std::move(*a)), std::make_shared<StoredRun>(std::move(*b))};
        },
        [this](Pair pair) {
            if (!pair.first || !pair.second) {
                m_messages->post(MessageType::Error, tr("The selected runs could not be loaded."), {});
                return;
            }
            showComparison(*pair.first, *pair.second);
        });
}

void ResultsPage::showComparison(const StoredRun &a, const StoredRun &b)
{
    const QLocale locale;
    auto label = [&](const StoredRun &r) {
        return tr("%1 (%2)").arg(r.result.config.testName,
                                 locale.toString(r.result.startedAt.toLocalTime(), QLocale::ShortFormat));
    };
    const Comparison c = compareRuns(b, a);
    QString heading = tr("A: %1 — B: %2").arg(label(a), label(b));
    if (!c.notComparableReason.isEmpty())
        heading += u'\n' + tr("Not comparable: %1. The figures are listed, but no verdict is given.").arg(c.notComparableReason);
    m_compareLabel->setText(heading);
    auto seriesOf = [](const RunResult &r, QVector<double> &t, QVector<double> &ops, QVector<double> &p99) {
        for (const SecondSample &s : r.series) {
            t.append(s.t);
            ops.append(s.opsPerSec());
            p99.append(s.p99Us / 1000.0);
        }
    };
    QVector<double> ta, oa, pa, tb, ob, pb;
    seriesOf(a.result, ta, oa, pa);
    seriesOf(b.result, tb, ob, pb);
    m_overlay->setPoints(0, ta, oa);
    m_overlay->setPoints(1, tb, ob);
    m_overlay->setPoints(2, ta, pa);
    m_overlay->setPoints(3, tb, pb);
    m_overlay->resetView();
    m_overlaySpectrum->setDistribution(0, a.result.total().latency);
    m_overlaySpectrum->setDistribution(1, b.result.total().latency);

    m_delta->setRowCount(0);
    auto value = [&](const std::optional<double> &v) { return v ? locale.toString(*v, 'f', 2) : tr("n/a"); };
    for (const MetricDelta &m : c.metrics) {
        const int row = m_delta->rowCount();
        m_delta->insertRow(row);
        const QStringList cells = {m.label + (m.unit.isEmpty() ? QString() : QStringLiteral(" (") + m.unit + u')'),
                                   value(m.baseline), value(m.current),
                                   m.baseline && m.current ? locale.toString(m.deltaPercent, 'f', 1) + u'%' : tr("n/a"),
                                   verdictName(m.verdict)};
        for (int col = 0; col < cells.size(); ++col)
            m_delta->setItem(row, col, new QTableWidgetItem(cells.at(col)));
    }
    m_details->setCurrentWidget(m_compareTab);
    Q_EMIT comparisonShown();
}

void ResultsPage::toggleBaseline()
{
    const QStringList ids = selectedRunIds();
    if (ids.size() != 1 || !m_store)
        return;
    const int row = m_model->rowOf(ids.first());
    if (row < 0)
        return;
    if (m_model->run(row).isBaseline)
        m_store->clearBaseline(ids.first());
    else
        m_store->setBaseline(ids.first());
    // storeChanged refreshes the table.
}

void ResultsPage::deleteSelected()
{
    const QStringList ids = selectedRunIds();
    if (ids.isEmpty() || !m_store)
        return;
    if (!confirmAction(this, tr("Delete Runs"),
                       tr("Delete %n stored run(s)? This cannot be undone.", nullptr, int(ids.size()))))
        return;
    for (const QString &id : ids)
        m_store->deleteRun(id);
    if (ids.contains(m_openRunId)) {
        m_openRunId.clear();
        m_charts->clear();
        m_summary->clear();
    }
}

bool ResultsPage::exportSelection(const QString &givenPath)
{
    const QStringList ids = selectedRunIds();
    if (ids.isEmpty() || !m_store)
        return false;
    const QString path = givenPath.isEmpty()
        ? chooseSaveFile(this, tr("Export Runs"), QDir::home().filePath(QStringLiteral("runs.csv")),
                         tr("CSV table (*.csv);;JSON documents (*.json)"))
        : givenPath;
    if (path.isEmpty())
        return false;
    QByteArray data;
    if (QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0) {
        // Full documents need the stored runs: read them on the store's thread, wait here.
        auto docs = std::make_shared<nlohmann::json>(nlohmann::json::array());
        m_store->submitVoid([ids, docs](ResultStore &store) {
            for (const QString &id : ids)
                if (const auto run = store.loadRun(id))
                    docs->push_back(runResultToJson(run->result));
        });
        m_store->waitForIdle();
        data = QByteArray::fromStdString(docs->dump(2)) + '\n';
    } else {
        // The table as shown, in the table's order, raw numbers for spreadsheets.
        data += csvRow({QStringLiteral("run_id"), QStringLiteral("name"), QStringLiteral("preset"),
                        QStringLiteral("target"), QStringLiteral("started_at"), QStringLiteral("status"),
                        QStringLiteral("measured_s"), QStringLiteral("throughput_ops"),
                        QStringLiteral("p50_us"), QStringLiteral("p99_us"), QStringLiteral("error_rate"),
                        QStringLiteral("hit_rate"), QStringLiteral("baseline"), QStringLiteral("verdict")});
        for (const QString &id : ids) {
            const int row = m_model->rowOf(id);
            if (row < 0)
                continue;
            const RunRow &r = m_model->run(row);
            // "custom" as in the table: an empty cell reads as missing data in a spreadsheet.
            const QString preset = r.preset.isEmpty() ? QStringLiteral("custom") : r.preset;
            data += csvRow({r.runId, r.testName, preset, r.target, r.startedAt.toString(Qt::ISODateWithMs), r.status,
                            QString::number(r.measuredSec, 'f', 1),
                            QString::number(r.throughput, 'f', 2), QString::number(r.p50Us, 'f', 1),
                            QString::number(r.p99Us, 'f', 1), QString::number(r.errorRate, 'g', 6),
                            QString::number(r.hitRate, 'g', 6), r.isBaseline ? QStringLiteral("yes") : QStringLiteral("no"),
                            m_model->verdict(r.runId)});
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        m_messages->post(MessageType::Error, tr("Could not write %1.").arg(QDir::toNativeSeparators(path)), file.errorString());
        return false;
    }
    m_messages->post(MessageType::Information, tr("Exported %n run(s) to %1.", nullptr, int(ids.size())).arg(QDir::toNativeSeparators(path)), {});
    return true;
}

} // namespace cwb
