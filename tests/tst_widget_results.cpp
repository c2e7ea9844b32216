#include "charts/runcharts.h"
#include "charts/serieschart.h"
#include "csvparse.h"
#include "filechooser.h"
#include "load/loadrun.h"
#include "models/runstablemodel.h"
#include "pages/resultspage.h"
#include "redis/sandboxcluster.h"
#include "redis/sandboxredis.h"
#include "run/runsummaryview.h"
#include "store/asyncresultstore.h"
#include "store/comparison.h"
#include "store/csvexport.h"
#include "store/htmlreport.h"
#include "store/resultstore.h"
#include "pagedoubles.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cwb;

class ResultsPageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsSortsFiltersOpensComparesAndExports();
    void stoppedRunShowsItsStatusAndIsNeverJudged();
    void clusterRunShowsTheLoadOfEachNode();
    void summarySaysWhatTheReaderMustKnowAndWhatWasLeft();

private:
    // Exports the page's selection through the page (as the user would) and parses the file.
    bool exportSelectionAsCsv(ResultsPage &page, const QString &name, QList<QStringList> &rows)
    {
        const QString path = m_dir.filePath(name);
        QFile csv(path);
        return page.exportSelection(path) && csv.open(QIODevice::ReadOnly) && test::parseCsv(csv.readAll(), rows);
    }

    QTemporaryDir m_dir;
    std::vector<RunResult> m_runs;
    RunResult m_stopped; // the same test, stopped part-way
};

void ResultsPageTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Two real runs against a sandbox, at different rates, stored the way the GUI stores them.
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    for (double rate : {300.0, 900.0}) {
        LoadTestConfig c;
        c.testName = QStringLiteral("results-test");
        c.durationSec = 2;
        c.concurrentUsers = 2;
        c.threads = 1;
        c.requestsPerSecond = rate;
        c.keySpace = 100;
        c.keyPrefix = QStringLiteral("cwb:resultstest:");
        LoadRun run(c, redis.endpoint());
        m_runs.push_back(run.execute());
        QCOMPARE(m_runs.back().status, RunStatus::Completed);
    }
    // A run of the same test stopped once it has measured something (as the Stop button does).
    LoadTestConfig c;
    c.testName = QStringLiteral("results-test");
    c.durationSec = 60;
    c.concurrentUsers = 2;
    c.threads = 1;
    c.requestsPerSecond = 900;
    c.keySpace = 100;
    c.keyPrefix = QStringLiteral("cwb:resultstest:");
    LoadRun run(c, redis.endpoint());
    m_stopped = run.execute([&run](const RunSnapshot &s) {
        // Stop once a second has been measured, as a user pressing Stop would.
        if (s.phase == RunPhase::Running && !s.newSeconds.empty())
            run.requestStop();
    });
    QCOMPARE(m_stopped.status, RunStatus::Stopped);
}

void ResultsPageTest::stoppedRunShowsItsStatusAndIsNeverJudged()
{
    const QString dbPath = m_dir.filePath(QStringLiteral("stopped.sqlite"));
    {
        ResultStore store;
        QVERIFY(store.open(dbPath));
        QVERIFY(!store.saveRun(m_runs[0]).isEmpty());
        QVERIFY(!store.saveRun(m_stopped).isEmpty());
        QVERIFY(store.setBaseline(m_runs[0].runId));
    }
    AsyncResultStore store(dbPath);
    test::PageDoubles doubles;
    ResultsPage page(doubles.context(&store));
    QSignalSpy refreshed(&page, &ResultsPage::refreshed);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.model()->rowCount(), 2);
    const int row = page.model()->rowOf(m_stopped.runId);
    QVERIFY(row >= 0);
    auto cell = [&](int column) { return page.model()->index(row, column).data().toString(); };
    QCOMPARE(page.model()->headerData(RunsTableModel::Status, Qt::Horizontal).toString(), QStringLiteral("Status"));
    QVERIFY2(cell(RunsTableModel::Status).startsWith(QLatin1String("stopped after")), qPrintable(cell(RunsTableModel::Status)));
    QVERIFY2(cell(RunsTableModel::Verdict).startsWith(QLatin1String("not comparable")), qPrintable(cell(RunsTableModel::Verdict)));
    QCOMPARE(page.model()->index(page.model()->rowOf(m_runs[0].runId), RunsTableModel::Status).data().toString(),
             QStringLiteral("completed"));

    // The engine refuses the verdict too, and says which run and why.
    const Comparison c = compareRuns(m_stopped, m_runs[0]);
    QCOMPARE(c.overall, Verdict::NotComparable);
    QVERIFY(c.notComparableReason.contains(QLatin1String("stopped")));

    // One click on a row shows that run.
    QSignalSpy opened(&page, &ResultsPage::runOpened);
    page.table()->selectRow(page.proxy()->mapFromSource(page.model()->index(row, 0)).row());
    QVERIFY(opened.wait(10000));
    QCOMPARE(page.openRunId(), m_stopped.runId);

    // Comparing both side by side shows the figures but says they are not comparable.
    page.table()->selectAll();
    QSignalSpy compared(&page, &ResultsPage::comparisonShown);
    page.compareSelected();
    QVERIFY(compared.wait(10000));
    const QLabel *label = page.findChild<QLabel *>(QStringLiteral("compareLabel"));
    QVERIFY(label);
    QVERIFY2(label->text().contains(QLatin1String("Not comparable")), qPrintable(label->text()));

    // The CSV carries the status (and "custom" where the table says so, not an empty preset).
    QList<QStringList> rows;
    QVERIFY(exportSelectionAsCsv(page, QStringLiteral("stopped.csv"), rows));
    QCOMPARE(rows.size(), 3);
    const int statusColumn = int(rows.at(0).indexOf(QStringLiteral("status")));
    const int presetColumn = int(rows.at(0).indexOf(QStringLiteral("preset")));
    QVERIFY(statusColumn >= 0 && presetColumn >= 0);
    for (int r = 1; r < rows.size(); ++r) {
        const bool isStopped = rows.at(r).at(0) == m_stopped.runId;
        QCOMPARE(rows.at(r).at(statusColumn), isStopped ? QStringLiteral("stopped") : QStringLiteral("completed"));
        QCOMPARE(rows.at(r).at(presetColumn), QStringLiteral("custom"));
    }
}

void ResultsPageTest::listsSortsFiltersOpensComparesAndExports()
{
    const QString dbPath = m_dir.filePath(QStringLiteral("results.sqlite"));
    {
        ResultStore store;
        QVERIFY(store.open(dbPath));
        for (const RunResult &r : m_runs)
            QVERIFY(!store.saveRun(r).isEmpty());
    }
    AsyncResultStore store(dbPath);
    test::PageDoubles doubles;
    ResultsPage page(doubles.context(&store));
    QAbstractItemModelTester modelTester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(page.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1200, 800);
    page.show();
    QSignalSpy refreshed(&page, &ResultsPage::refreshed);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.model()->rowCount(), 2);

    // Sorting by throughput puts the faster run last (ascending) — numbers, not text.
    page.table()->sortByColumn(RunsTableModel::Throughput, Qt::AscendingOrder);
    const double first = page.proxy()->index(0, RunsTableModel::Throughput).data(RunsTableModel::kSortRole).toDouble();
    const double second = page.proxy()->index(1, RunsTableModel::Throughput).data(RunsTableModel::kSortRole).toDouble();
    QVERIFY2(first < second, qPrintable(QStringLiteral("%1 %2").arg(first).arg(second)));
    QVERIFY(second > 600 && first < 450);

    // Filter.
    page.filterEdit()->setText(QStringLiteral("no such run"));
    QCOMPARE(page.proxy()->rowCount(), 0);
    page.filterEdit()->setText(QStringLiteral("RESULTS-test"));
    QCOMPARE(page.proxy()->rowCount(), 2);

    // Open the slower run: its charts and summary show.
    page.table()->selectRow(0);
    QSignalSpy opened(&page, &ResultsPage::runOpened);
    page.openSelected();
    QVERIFY(opened.wait(10000));
    const QString slowId = page.proxy()->index(0, 0).data(RunsTableModel::kRunIdRole).toString();
    QCOMPARE(page.openRunId(), slowId);
    QVERIFY(page.charts()->throughputChart()->pointCount(0) >= 2);
    QVERIFY(page.summary()->hasResult());

    // Mark the slow one as baseline: the other is judged against it, as compareRuns judges.
    page.toggleBaseline();
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(slowId) >= 0 && page.model()->run(page.model()->rowOf(slowId)).isBaseline,
                             10000);
    const QString fastId = slowId == m_runs[0].runId ? m_runs[1].runId : m_runs[0].runId;
    const RunResult &fast = m_runs[0].runId == fastId ? m_runs[0] : m_runs[1];
    const RunResult &slow = m_runs[0].runId == fastId ? m_runs[1] : m_runs[0];
    const QString expectedVerdict = verdictName(compareRuns(fast, slow).overall);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->verdict(fastId), expectedVerdict, 10000);
    QVERIFY(page.model()->data(page.model()->index(page.model()->rowOf(fastId), RunsTableModel::Verdict)).toString()
            != QLatin1String("no baseline"));

    // Compare both: overlay chart with both runs, delta table.
    page.table()->selectAll();
    QCOMPARE(page.selectedRunIds().size(), 2);
    QSignalSpy compared(&page, &ResultsPage::comparisonShown);
    page.compareSelected();
    QVERIFY(compared.wait(10000));
    QVERIFY(page.overlayChart()->pointCount(0) >= 2);
    QVERIFY(page.overlayChart()->pointCount(1) >= 2);
    QVERIFY(page.deltaTable()->rowCount() > 3);

    // Export the selection as CSV: a parser reads one row per run.
    QList<QStringList> rows;
    QVERIFY(exportSelectionAsCsv(page, QStringLiteral("runs.csv"), rows));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).at(0), QStringLiteral("run_id"));
    QStringList ids = {rows.at(1).at(0), rows.at(2).at(0)};
    ids.sort();
    QStringList expected = {m_runs[0].runId, m_runs[1].runId};
    expected.sort();
    QCOMPARE(ids, expected);

    // Delete asks first: "no" keeps the runs, "yes" removes the selected one.
    bool answer = false;
    int asked = 0;
    setConfirmer([&](QWidget *, const QString &, const QString &) {
        ++asked;
        return answer;
    });
    page.table()->selectRow(page.proxy()->mapFromSource(page.model()->index(page.model()->rowOf(fastId), 0)).row());
    page.deleteSelected();
    QCOMPARE(asked, 1);
    store.waitForIdle();
    QCoreApplication::processEvents();
    QCOMPARE(page.model()->rowCount(), 2);
    answer = true;
    page.deleteSelected();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 10000);
    QCOMPARE(page.model()->run(0).runId, slowId);
    setConfirmer({});
}

// A run against a real cluster: the Results page (the same summary view as the Load Test page),
// the CSV summary and the HTML report show what each master served, after a round trip
// through the store.
void ResultsPageTest::clusterRunShowsTheLoadOfEachNode()
{
    SandboxCluster cluster;
    CWB_START_SANDBOX(cluster);
    LoadTestConfig c;
    c.testName = QStringLiteral("cluster-nodes");
    c.durationSec = 1;
    c.concurrentUsers = 2;
    c.threads = 1;
    c.requestsPerSecond = 600;
    c.keySpace = 300;
    c.keyPrefix = QStringLiteral("cwb:nodestest:");
    const RunResult run = LoadRun(c, cluster.seed()).execute();
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.failureReason));
    QCOMPARE(int(run.totals.nodes.size()), 3);

    const QString dbPath = m_dir.filePath(QStringLiteral("cluster.sqlite"));
    {
        ResultStore store;
        QVERIFY(store.open(dbPath));
        QVERIFY(!store.saveRun(run).isEmpty());
    }
    AsyncResultStore store(dbPath);
    test::PageDoubles doubles;
    ResultsPage page(doubles.context(&store));
    QSignalSpy refreshed(&page, &ResultsPage::refreshed);
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(refreshed.count() > 0 || refreshed.wait(10000));
    QSignalSpy opened(&page, &ResultsPage::runOpened);
    page.table()->selectRow(0);
    QVERIFY(opened.wait(10000));
    for (QTabWidget *tabs : page.findChildren<QTabWidget *>()) {
        if (const int index = tabs->indexOf(page.summary()); index >= 0)
            tabs->setCurrentIndex(index);
    }
    QCoreApplication::processEvents();

    QTableWidget *nodes = page.summary()->nodeTable();
    QVERIFY(nodes->isVisibleTo(&page));
    QCOMPARE(nodes->rowCount(), 3);
    int row = 0;
    for (const auto &[address, counters] : run.totals.nodes) {
        QCOMPARE(nodes->item(row, 0)->text(), address);
        QCOMPARE(nodes->item(row, 1)->text().remove(QLocale().groupSeparator()).toULongLong(), counters.count);
        QVERIFY(counters.count > 0);
        QVERIFY(nodes->item(row, 6)->text().endsWith(QLatin1String(" ms"))); // p99 survived the store
        ++row;
    }
    // Readable at 1280x800: every node's row lies inside the table's visible area.
    QVERIFY2(nodes->rowViewportPosition(2) + nodes->rowHeight(2) <= nodes->viewport()->height(),
             qPrintable(QStringLiteral("viewport %1 px").arg(nodes->viewport()->height())));
    if (const QString dir = qEnvironmentVariable("CWB_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(page.grab().save(dir + QStringLiteral("/results-cluster-nodes.png")));

    ResultStore reader;
    QVERIFY(reader.open(dbPath));
    const auto stored = reader.loadRun(run.runId);
    QVERIFY(stored);
    QList<QStringList> csv;
    QVERIFY(test::parseCsv(runSummaryToCsv(stored->result), csv));
    const int operation = int(csv.at(0).indexOf(QStringLiteral("operation")));
    const int count = int(csv.at(0).indexOf(QStringLiteral("count")));
    const QByteArray html = runReportHtml(*stored);
    QVERIFY(html.contains("Load per node"));
    for (const auto &[address, counters] : run.totals.nodes) {
        bool found = false;
        for (const QStringList &line : csv)
            found |= line.at(operation) == QStringLiteral("node ") + address && line.at(count).toULongLong() == counters.count;
        QVERIFY2(found, qPrintable(address));
        QVERIFY(html.contains(QByteArray("<td>" + address.toUtf8() + "</td><td>" + QByteArray::number(qulonglong(counters.count)))));
    }

    // A single server's run has no node section, and its space goes to the others: every
    // percentile row is readable (the hidden section once kept an empty row of the layout).
    page.summary()->showResult(m_runs[0]);
    QVERIFY(!nodes->isVisibleTo(&page));
    QCoreApplication::processEvents();
    QTableWidget *percentiles = page.summary()->percentileTable();
    const int last = percentiles->rowCount() - 1;
    QVERIFY(last >= 4);
    QVERIFY2(percentiles->rowViewportPosition(last) + percentiles->rowHeight(last) <= percentiles->viewport()->height(),
             qPrintable(QStringLiteral("viewport %1 px for %2 rows").arg(percentiles->viewport()->height()).arg(last + 1)));
    QVERIFY(!runReportHtml(StoredRun{m_runs[0], {}, false}).contains("Load per node"));
}

// The run's warnings and keys it left in the user's cache are in the summary's headline, with the
// reason and the command that removes them; a clean run shows neither.
void ResultsPageTest::summarySaysWhatTheReaderMustKnowAndWhatWasLeft()
{
    RunSummaryView summary;
    summary.showResult(m_runs[0]);
    QVERIFY(m_runs[0].warnings.isEmpty());
    QCOMPARE(m_runs[0].keysLeft, 0);
    const QString clean = summary.headline()->text();
    QVERIFY(!clean.contains(QLatin1String("Warning")));
    QVERIFY(!clean.contains(QLatin1String("left on the target")));

    RunResult run = m_runs[0];
    run.warnings = {QStringLiteral("the ACL user may not run MULTI: the invalidate operations fail <as NOPERM>")};
    run.keysLeft = 42;
    run.cleanupNote = QStringLiteral("cleanup skipped: the server did not answer at the end of the run");
    summary.showResult(run);
    const QString headline = summary.headline()->text();
    QVERIFY2(headline.contains(QLatin1String("Warning: the ACL user may not run MULTI")), qPrintable(headline));
    QVERIFY2(headline.contains(QLatin1String("&lt;as NOPERM&gt;")), qPrintable(headline)); // escaped, not markup
    QVERIFY2(headline.contains(QLatin1String("42 key(s) under '") + run.keyNamespace), qPrintable(headline));
    QVERIFY(headline.contains(run.cleanupNote));
    QVERIFY(headline.contains(QLatin1String("cache-workbench-cli cleanup --target")));
}

QTEST_MAIN(ResultsPageTest)
#include "tst_widget_results.moc"
