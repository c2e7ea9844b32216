#include "charts/percentilespectrumchart.h"
#include "charts/runcharts.h"
#include "charts/serieschart.h"
#include "config/loadconfigform.h"
#include "csvparse.h"
#include "filechooser.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "models/runstablemodel.h"
#include "pages/loadtestpage.h"
#include "pages/resultspage.h"
#include "redis/sandboxredis.h"
#include "run/runsummaryview.h"
#include "store/resultstore.h"
#include "targetbar.h"
#include "pagedoubles.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

class LoadTestPageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void mixRebalancesToHundred();
    void invalidFieldShowsReasonAndDisablesStart();
    void presetAndJsonRoundTrip();
    void readFromReplicasSurvivesFormAndFile();
    void spectrumFromHistogram();
    void chartLegendTogglesAndSaves();
    void runStopSummaryExportAndResults();
    void shortRunCompletes();
    void quittingDuringARunAsksThenStopsSavesAndCleansUp();

private:
    static void screenshot(QWidget &w, const char *name)
    {
        const QString dir = qEnvironmentVariable("CWB_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            w.grab().save(dir + u'/' + QLatin1String(name) + QStringLiteral(".png"));
    }
    void pointAt(MainWindow &w, const SandboxRedis &redis)
    {
        w.targetBar()->setPassword(redis.endpoint().password);
        w.targetBar()->setUri(redis.endpoint().displayUri());
    }

    QTemporaryDir m_dir;
    QString m_nextSavePath;
};

void LoadTestPageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CacheWorkbench"));
    // A settings file of its own: widget test programs run in parallel and save the window.
    QCoreApplication::setApplicationName(QStringLiteral("Cache Workbench loadtest"));
    QVERIFY(m_dir.isValid());
    // Dialogs answer with the path the test chose: no modal dialog ever blocks.
    setSaveFileChooser([this](QWidget *, const QString &, const QString &, const QString &) { return m_nextSavePath; });
    setOpenFileChooser([this](QWidget *, const QString &, const QString &, const QString &) { return m_nextSavePath; });
}

void LoadTestPageTest::init()
{
    QSettings().clear();
    m_nextSavePath.clear();
}

void LoadTestPageTest::cleanup()
{
    QSettings().clear();
}

void LoadTestPageTest::mixRebalancesToHundred()
{
    using Mix = std::array<int, kOpTypeCount>;
    auto sum = [](const Mix &m) { return m[0] + m[1] + m[2] + m[3]; };
    Mix m = LoadConfigForm::rebalanceMix({50, 15, 3, 2}, 0); // read raised from 80 to 50: others grow
    QCOMPARE(sum(m), 100);
    QCOMPARE(m[0], 50);
    QVERIFY(m[1] > m[2] && m[2] >= m[3]);
    m = LoadConfigForm::rebalanceMix({100, 0, 0, 0}, 0);
    QCOMPARE(m, (Mix{100, 0, 0, 0}));
    m = LoadConfigForm::rebalanceMix({10, 0, 0, 0}, 0); // others all zero: shared evenly
    QCOMPARE(m, (Mix{10, 30, 30, 30}));

    LoadConfigForm form;
    auto *read = qobject_cast<QSpinBox *>(form.fieldWidget(QStringLiteral("operationMix.read")));
    QVERIFY(read);
    read->setValue(40);
    const LoadTestConfig c = form.config();
    QCOMPARE(c.operationMix[0], 40);
    QCOMPARE(c.operationMix[0] + c.operationMix[1] + c.operationMix[2] + c.operationMix[3], 100);
    QVERIFY(form.isValid());
}

void LoadTestPageTest::invalidFieldShowsReasonAndDisablesStart()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *page = qobject_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
    QVERIFY(page);
    LoadConfigForm *form = page->form();
    QVERIFY(page->startButton()->isEnabled());
    QVERIFY(w.startAction()->isEnabled());

    // Every field has a tooltip.
    for (const QString &name : {u"testName"_s, u"duration"_s, u"concurrentUsers"_s, u"requestsPerSecond"_s,
                                u"pipeline"_s, u"cacheTypes"_s, u"keySpace"_s, u"keyDistribution.type"_s,
                                u"keyDistribution.exponent"_s, u"keyDistribution.sigma"_s, u"valueSize.min"_s,
                                u"valueSize.max"_s, u"ttl"_s, u"warmupSeconds"_s, u"requestTimeoutMs"_s,
                                u"threads"_s, u"keyPrefix"_s, u"cleanup"_s, u"seed"_s, u"tagCount"_s,
                                u"operationMix.read"_s, u"readFromReplicas"_s}) {
        QWidget *field = form->fieldWidget(name);
        QVERIFY2(field, qPrintable(name));
        QVERIFY2(!field->toolTip().isEmpty(), qPrintable(name));
    }

    auto *duration = qobject_cast<QDoubleSpinBox *>(form->fieldWidget(QStringLiteral("duration")));
    // Where every field is before the problem: a message must not move any of them.
    QHash<QString, QPoint> before;
    for (const QString &name : {u"duration"_s, u"concurrentUsers"_s, u"pipeline"_s, u"keySpace"_s, u"seed"_s})
        before.insert(name, form->fieldWidget(name)->mapTo(page, QPoint(0, 0)));
    duration->setValue(0);
    QVERIFY(!form->isValid());
    QApplication::processEvents(); // let the layouts settle
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(form->fieldWidget(it.key())->mapTo(page, QPoint(0, 0)), it.value());
    QVERIFY(form->issueSummary()->isVisible());
    QVERIFY2(form->issueSummary()->text().contains(u"Duration: must be > 0"_s), qPrintable(form->issueSummary()->text()));
    QVERIFY2(form->issueText(QStringLiteral("duration")).contains(QLatin1String("must be > 0")),
             qPrintable(form->issueText(QStringLiteral("duration"))));
    QVERIFY(!page->startButton()->isEnabled());
    QVERIFY(!w.startAction()->isEnabled());
    QVERIFY(form->fieldWidget(QStringLiteral("duration"))->toolTip().contains(QLatin1String("must be > 0")));
    screenshot(w, "loadtest-invalid");
    duration->setValue(5);
    QVERIFY(form->issueText(QStringLiteral("duration")).isEmpty());
    QVERIFY(page->startButton()->isEnabled());

    // Value size: min above max is reported at the max field.
    qobject_cast<QSpinBox *>(form->fieldWidget(QStringLiteral("valueSize.min")))->setValue(4096);
    qobject_cast<QSpinBox *>(form->fieldWidget(QStringLiteral("valueSize.max")))->setValue(100);
    QVERIFY(form->issueText(QStringLiteral("valueSize.max")).contains(QLatin1String("must not exceed")));
    QVERIFY(!page->startButton()->isEnabled());
    qobject_cast<QSpinBox *>(form->fieldWidget(QStringLiteral("valueSize.max")))->setValue(8192);

    // A glob in the prefix would let cleanup delete foreign keys.
    qobject_cast<QLineEdit *>(form->fieldWidget(QStringLiteral("keyPrefix")))->setText(QStringLiteral("app*"));
    QVERIFY(form->issueText(QStringLiteral("keyPrefix")).contains(QLatin1String("glob")));
    QVERIFY(!w.startAction()->isEnabled());
    qobject_cast<QLineEdit *>(form->fieldWidget(QStringLiteral("keyPrefix")))->setText(QStringLiteral("cwb:gui:"));

    // No cache type at all.
    for (const QString &t : {u"string"_s, u"hash"_s, u"session"_s, u"geo"_s, u"counter"_s})
        form->findChild<QCheckBox *>(QStringLiteral("cacheType.") + t)->setChecked(false);
    QVERIFY(form->issueText(QStringLiteral("cacheTypes")).contains(QLatin1String("at least one")));
    QVERIFY(!page->startButton()->isEnabled());
    form->findChild<QCheckBox *>(QStringLiteral("cacheType.hash"))->setChecked(true);
    QVERIFY(form->isValid());
    QVERIFY(page->startButton()->isEnabled());

    // The distribution parameter is only editable when it applies.
    auto *zipf = form->fieldWidget(QStringLiteral("keyDistribution.exponent"));
    auto *sigma = form->fieldWidget(QStringLiteral("keyDistribution.sigma"));
    auto *dist = qobject_cast<QComboBox *>(form->fieldWidget(QStringLiteral("keyDistribution.type")));
    dist->setCurrentIndex(dist->findData(int(KeyDistribution::Zipfian)));
    QVERIFY(zipf->isEnabled() && !sigma->isEnabled());
    dist->setCurrentIndex(dist->findData(int(KeyDistribution::Gaussian)));
    QVERIFY(!zipf->isEnabled() && sigma->isEnabled());
}

void LoadTestPageTest::presetAndJsonRoundTrip()
{
    test::PageDoubles doubles;
    LoadTestPage page(doubles.context());
    const int index = page.presetBox()->findText(QStringLiteral("extreme-load"));
    QVERIFY(index > 0);
    page.presetBox()->setCurrentIndex(index);
    Q_EMIT page.presetBox()->activated(index);
    const auto preset = presetByName(QStringLiteral("extreme-load"));
    QVERIFY(preset);
    QCOMPARE(page.form()->config(), *preset);

    const QString path = m_dir.filePath(QStringLiteral("config.json"));
    QVERIFY(page.saveConfig(path));
    page.form()->setConfig(LoadTestConfig{});
    QVERIFY(page.form()->config() != *preset);
    QVERIFY(page.openConfig(path));
    LoadTestConfig expected = *preset;
    expected.target = page.form()->config().target; // the saved target is the (absent) bar's, i.e. the preset's
    QCOMPARE(page.form()->config(), expected);

    // A broken file names the bad field and leaves the form alone.
    QFile bad(m_dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"duration": -1, "operationMix": {"read": 90}})");
    bad.close();
    doubles.messages.messages.clear(); // "Saved …" from above
    QVERIFY(!page.openConfig(bad.fileName()));
    const auto &messages = doubles.messages.messages;
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).type, MessageType::Error);
    QVERIFY2(messages.at(0).text.contains(QLatin1String("duration"))
                 || messages.at(0).details.contains(QLatin1String("duration")),
             qPrintable(messages.at(0).details));
    QCOMPARE(page.form()->config(), expected);
}

void LoadTestPageTest::readFromReplicasSurvivesFormAndFile()
{
    // The form builds a fresh LoadTestConfig in config(): a field it has no widget for is lost.
    test::PageDoubles doubles;
    LoadTestPage page(doubles.context());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    LoadConfigForm *form = page.form();
    auto *box = qobject_cast<QCheckBox *>(form->fieldWidget(QStringLiteral("readFromReplicas")));
    QVERIFY(box);
    QVERIFY(box->toolTip().contains(QLatin1String("READONLY")));
    QVERIFY(!box->isChecked());
    QVERIFY(!form->config().readFromReplicas);

    auto parsed = parseLoadTestConfig(QByteArrayLiteral(R"({"testName": "replica-reads", "readFromReplicas": true})"));
    QVERIFY(parsed.config);
    QVERIFY(parsed.config->readFromReplicas);
    form->setConfig(*parsed.config);
    QVERIFY(box->isChecked());
    QVERIFY(form->config().readFromReplicas);
    QCOMPARE(form->config(), *parsed.config);
    QVERIFY(form->isValid());

    // Clicking the box is what the user does; each click flips the flag and tells the page.
    QSignalSpy changed(form, &LoadConfigForm::configChanged);
    box->ensurePolished();
    QTest::mouseClick(box, Qt::LeftButton, {}, box->rect().center());
    QVERIFY(!box->isChecked());
    QVERIFY(!form->config().readFromReplicas);
    QCOMPARE(changed.size(), 1);
    QTest::mouseClick(box, Qt::LeftButton, {}, box->rect().center());
    QVERIFY(form->config().readFromReplicas);
    QCOMPARE(changed.size(), 2);

    // Through the page's files: open a JSON config with the flag, save it, read the saved file.
    const QString in = m_dir.filePath(QStringLiteral("replicas-in.json"));
    QFile file(in);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"testName": "from-file", "readFromReplicas": true})");
    file.close();
    form->setConfig(LoadTestConfig{});
    QVERIFY(!box->isChecked());
    QVERIFY(page.openConfig(in));
    QVERIFY(box->isChecked());
    QCOMPARE(form->config().testName, QStringLiteral("from-file"));
    QVERIFY(form->config().readFromReplicas);
    const QString out = m_dir.filePath(QStringLiteral("replicas-out.json"));
    QVERIFY(page.saveConfig(out));
    QFile saved(out);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const auto reread = parseLoadTestConfig(saved.readAll());
    QVERIFY(reread.config);
    QVERIFY(reread.config->readFromReplicas);
}

void LoadTestPageTest::spectrumFromHistogram()
{
    LatencyHistogram h;
    for (int i = 1; i <= 1000; ++i)
        h.record(uint64_t(i) * 1000); // 1 µs .. 1 ms
    QVector<double> nines, ms;
    PercentileSpectrumChart::spectrum(h, nines, ms);
    QVERIFY(nines.size() > 10);
    for (qsizetype i = 1; i < nines.size(); ++i) {
        QVERIFY(nines[i] >= nines[i - 1]);
        QVERIFY(ms[i] >= ms[i - 1]);
    }
    // 90% of the values are <= 0.9 ms: at one nine the curve is near 0.9 ms.
    for (qsizetype i = 0; i < nines.size(); ++i)
        if (nines[i] >= 1.0) {
            QVERIFY2(std::abs(ms[i] - 0.9) < 0.02, qPrintable(QString::number(ms[i])));
            break;
        }
    QVERIFY(std::abs(ms.last() - 1.0) < 0.01);
}

void LoadTestPageTest::chartLegendTogglesAndSaves()
{
    RunCharts charts;
    charts.resize(1000, 600);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    std::vector<SecondSample> seconds;
    for (int i = 1; i <= 5; ++i) {
        SecondSample s;
        s.t = i;
        s.ops = 1000 * uint64_t(i);
        s.errors = 10;
        s.hits = 80;
        s.misses = 20;
        s.opsByType = {800, 150, 30, 20};
        s.p50Us = 100;
        s.p95Us = 300;
        s.p99Us = 900;
        seconds.push_back(s);
    }
    charts.appendSeconds(seconds);
    SeriesChart *latency = charts.latencyChart();
    QCOMPARE(latency->pointCount(0), 5);
    QCOMPARE(charts.throughputChart()->pointCount(0), 5);
    QCOMPARE(charts.operationsChart()->pointCount(3), 5);
    QCOMPARE(charts.hitRateChart()->pointCount(0), 5);
    QCOMPARE(charts.hitRateChart()->series(0)->data()->at(0)->value, 80.0);

    // Clicking a legend entry hides the series.
    latency->replot();
    QCPAbstractLegendItem *item = latency->legend->item(2);
    QVERIFY(item);
    const QPoint at = item->rect().center();
    QTest::mouseClick(latency, Qt::LeftButton, {}, at);
    QVERIFY(!latency->isSeriesVisible(2));
    QTest::mouseClick(latency, Qt::LeftButton, {}, at);
    QVERIFY(latency->isSeriesVisible(2));

    charts.logScaleBox()->setChecked(true);
    QCOMPARE(latency->yAxis->scaleType(), QCPAxis::stLogarithmic);

    // Save as PNG and PDF via the context-menu path (dialog answered by the test hook).
    m_nextSavePath = m_dir.filePath(QStringLiteral("latency.png"));
    latency->saveWithDialog(QStringLiteral("png"));
    QImage png(m_nextSavePath);
    QVERIFY(!png.isNull());
    QVERIFY(png.width() >= latency->width());
    QString error;
    QVERIFY(latency->saveImage(m_dir.filePath(QStringLiteral("latency.pdf")), &error));
    QFile pdf(m_dir.filePath(QStringLiteral("latency.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(!latency->saveImage(m_dir.filePath(QStringLiteral("latency.bmp")), &error));
    QVERIFY(error.contains(QLatin1String("bmp")));
}

void LoadTestPageTest::runStopSummaryExportAndResults()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .password = QStringLiteral("s3cret"));
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    pointAt(w, redis);
    auto *page = qobject_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
    LoadConfigForm *form = page->form();

    // Fill the form.
    qobject_cast<QLineEdit *>(form->fieldWidget(QStringLiteral("testName")))->setText(QStringLiteral("gui-run"));
    qobject_cast<QDoubleSpinBox *>(form->fieldWidget(QStringLiteral("duration")))->setValue(30);
    qobject_cast<QSpinBox *>(form->fieldWidget(QStringLiteral("concurrentUsers")))->setValue(4);
    qobject_cast<QSpinBox *>(form->fieldWidget(QStringLiteral("threads")))->setValue(1);
    qobject_cast<QSpinBox *>(form->fieldWidget(QStringLiteral("keySpace")))->setValue(500);
    qobject_cast<QLineEdit *>(form->fieldWidget(QStringLiteral("keyPrefix")))->setText(QStringLiteral("cwb:guitest:"));
    form->findChild<QCheckBox *>(QStringLiteral("cacheType.hash"))->setChecked(true);
    QVERIFY(form->isValid());

    QSignalSpy saved(page, &LoadTestPage::runSaved);
    QVERIFY(w.startAction()->isEnabled());
    w.startAction()->trigger(); // F5
    QVERIFY(page->isRunning());
    QVERIFY(!w.startAction()->isEnabled());
    QVERIFY(w.stopAction()->isEnabled());
    // Stop keeps Shift+F5; Esc belongs to whatever has focus.
    QVERIFY(w.stopAction()->shortcuts().contains(QKeySequence(Qt::SHIFT | Qt::Key_F5)));
    QVERIFY(!w.stopAction()->shortcuts().contains(QKeySequence(Qt::Key_Escape)));

    // Charts receive points and the progress advances.
    QTRY_VERIFY_WITH_TIMEOUT(page->charts()->latencyChart()->pointCount(2) >= 2, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(page->charts()->throughputChart()->pointCount(0) >= 2, 5000);
    QVERIFY(page->charts()->throughputChart()->series(0)->data()->at(1)->value > 0);
    QVERIFY(page->charts()->spectrumChart()->pointCount(0) > 2);
    const int progressBefore = page->progressBar()->value();
    QVERIFY(progressBefore > 0);
    QTRY_VERIFY_WITH_TIMEOUT(page->progressBar()->value() > progressBefore, 5000);
    QTRY_VERIFY(w.findChild<QLabel *>(QStringLiteral("runStateLabel"))->text().startsWith(QLatin1String("Running")));
    // The status bar's memory follows the run (read by the run itself, once a second).
    QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QLabel *>(QStringLiteral("usedMemoryLabel"))->isVisible(), 5000);
    // ... and shows what the run read last, not what the server held at connect.
    QSignalSpy memory(page, &LoadTestPage::serverMemorySampled);
    QVERIFY(memory.wait(5000));
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("usedMemoryLabel"))->text(),
             QStringLiteral("%1 used").arg(QLocale().formattedDataSize(memory.last().at(0).toLongLong(), 1)));
    screenshot(w, "loadtest-running");

    // Esc while typing in the Results filter never ends the run.
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.setCurrentPage(MainWindow::Page::Results);
    auto *filter = w.findChild<QLineEdit *>(QStringLiteral("resultsFilter"));
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("gui"));
    QTest::keyClick(filter, Qt::Key_Escape);
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(page->isRunning());
    w.setCurrentPage(MainWindow::Page::LoadTest);

    // Stop: the summary shows what was measured.
    w.stopAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 10000);
    QVERIFY(page->hasResult());
    QCOMPARE(page->lastResult()->status, RunStatus::Stopped);
    // Progress shows where it stopped, and the "Now:" line went with the load.
    QVERIFY(page->progressBar()->value() < page->progressBar()->maximum());
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("liveLabel"))->text().isEmpty());
    QVERIFY(page->summary()->hasResult());
    QVERIFY(page->summary()->isVisible());
    QVERIFY(page->summary()->headline()->text().contains(QLatin1String("gui-run")));
    QVERIFY(page->summary()->percentileTable()->rowCount() >= 2); // read, write, ..., all
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("runStateLabel"))->text(), QStringLiteral("Stopped"));
    QVERIFY(w.startAction()->isEnabled());
    screenshot(w, "loadtest-summary");

    // Saved to the store off the GUI thread.
    QVERIFY2(saved.size() == 1 || saved.wait(10000),
             qPrintable(w.messageBar()->text() + u' ' + w.messageBar()->details()));
    const QString runId = saved.at(0).at(0).toString();
    QCOMPARE(runId, page->lastResult()->runId);

    // CSV export through Ctrl+E: the dialog hook answers with a path.
    m_nextSavePath = m_dir.filePath(QStringLiteral("run.csv"));
    QVERIFY(w.exportAction()->isEnabled());
    w.exportAction()->trigger();
    QFile csv(m_nextSavePath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QList<QStringList> rows;
    QVERIFY(test::parseCsv(csv.readAll(), rows));
    QVERIFY2(rows.size() >= 3, "header plus at least two seconds");
    const int opsColumn = int(rows.at(0).indexOf(QStringLiteral("ops")));
    QVERIFY2(opsColumn >= 0, qPrintable(rows.at(0).join(u',')));
    for (qsizetype r = 1; r < rows.size(); ++r)
        QCOMPARE(rows.at(r).size(), rows.at(0).size());
    QVERIFY(rows.at(1).at(opsColumn).toLongLong() > 0);

    // JSON export parses and never holds the password.
    const QString jsonPath = m_dir.filePath(QStringLiteral("run.json"));
    QVERIFY(page->exportJson(jsonPath));
    QFile jsonFile(jsonPath);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QByteArray jsonText = jsonFile.readAll();
    QVERIFY(!jsonText.contains("s3cret"));
    QCOMPARE(QString::fromStdString(nlohmann::json::parse(jsonText.toStdString())["runId"].get<std::string>()), runId);

    // Baseline, then compare with it: the run against itself is unchanged.
    page->saveAsBaseline();
    QSignalSpy compared(page, &LoadTestPage::comparisonShown);
    page->compareWithBaseline();
    QVERIFY(compared.wait(10000));
    QVERIFY(page->comparisonTable()->rowCount() > 0);

    // The results page lists the run and opens it.
    auto *results = qobject_cast<ResultsPage *>(w.page(MainWindow::Page::Results));
    w.setCurrentPage(MainWindow::Page::Results);
    QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowOf(runId) >= 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(results->model()->run(results->model()->rowOf(runId)).isBaseline, 10000);
    const QModelIndex source = results->model()->index(results->model()->rowOf(runId), 0);
    results->table()->selectRow(results->proxy()->mapFromSource(source).row());
    QSignalSpy opened(results, &ResultsPage::runOpened);
    results->openSelected();
    QVERIFY(opened.wait(10000));
    QCOMPARE(results->openRunId(), runId);
    QVERIFY(results->charts()->latencyChart()->pointCount(0) >= 2);
    QVERIFY(results->summary()->hasResult());
    screenshot(w, "results");
}

void LoadTestPageTest::shortRunCompletes()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    pointAt(w, redis);
    auto *page = qobject_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
    LoadTestConfig c;
    c.testName = QStringLiteral("gui-short");
    c.durationSec = 2;
    c.concurrentUsers = 2;
    c.threads = 1;
    c.requestsPerSecond = 500;
    c.keySpace = 100;
    c.keyPrefix = QStringLiteral("cwb:guishort:");
    page->form()->setConfig(c);
    QVERIFY(page->startButton()->isEnabled());
    QTest::mouseClick(page->startButton(), Qt::LeftButton);
    QVERIFY(page->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 20000);
    QCOMPARE(page->lastResult()->status, RunStatus::Completed);
    QCOMPARE(page->progressBar()->value(), page->progressBar()->maximum());
    QCOMPARE(page->tabs()->currentIndex(), 1);
    QVERIFY(page->charts()->throughputChart()->pointCount(0) >= 2);
    // Open loop at 500/s: the measured rate is near it.
    QVERIFY2(std::abs(page->lastResult()->throughput() - 500) < 100,
             qPrintable(QString::number(page->lastResult()->throughput())));
}

void LoadTestPageTest::quittingDuringARunAsksThenStopsSavesAndCleansUp()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    QString runId;
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        pointAt(w, redis);
        auto *page = qobject_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
        LoadConfigForm *form = page->form();
        qobject_cast<QLineEdit *>(form->fieldWidget(QStringLiteral("testName")))->setText(QStringLiteral("quit-run"));
        qobject_cast<QDoubleSpinBox *>(form->fieldWidget(QStringLiteral("duration")))->setValue(60);
        qobject_cast<QSpinBox *>(form->fieldWidget(QStringLiteral("concurrentUsers")))->setValue(2);
        qobject_cast<QSpinBox *>(form->fieldWidget(QStringLiteral("threads")))->setValue(1);
        qobject_cast<QLineEdit *>(form->fieldWidget(QStringLiteral("keyPrefix")))->setText(QStringLiteral("cwb:quittest:"));
        QVERIFY(form->isValid());
        w.startAction()->trigger();
        QVERIFY(page->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(page->charts()->throughputChart()->pointCount(0) >= 1, 15000);

        // The question is window-modal and does not block: find the one on screen.
        const auto visibleQuestion = [&w]() -> QMessageBox * {
            for (QMessageBox *box : w.findChildren<QMessageBox *>(QStringLiteral("quitWhileRunning")))
                if (box->isVisible())
                    return box;
            return nullptr;
        };
        // Closing asks first; Cancel keeps the run going.
        QVERIFY(!w.close());
        QTRY_VERIFY(visibleQuestion());
        QMessageBox *question = visibleQuestion();
        question->button(QMessageBox::Cancel)->click();
        QVERIFY(page->isRunning());
        QVERIFY(w.isVisible());

        // Ctrl+Q the second time, confirmed: the run stops, is saved as stopped, the window closes.
        QSignalSpy saved(page, &LoadTestPage::runSaved);
        QVERIFY(!w.close());
        QTRY_VERIFY(visibleQuestion());
        question = visibleQuestion();
        question->findChild<QPushButton *>(QStringLiteral("stopAndQuit"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!w.isVisible(), 15000);
        QVERIFY(!page->isRunning());
        QVERIFY(page->hasResult());
        QCOMPARE(page->lastResult()->status, RunStatus::Stopped);
        runId = page->lastResult()->runId;
        QVERIFY(saved.size() == 1 || saved.wait(10000));
    } // the store finishes its queued writes before it closes
    ResultStore store;
    QVERIFY(store.open(qEnvironmentVariable("CWB_DB_PATH")));
    const auto run = store.loadRun(runId);
    QVERIFY(run);
    QCOMPARE(run->result.status, RunStatus::Stopped);
    // Its keys are gone: nothing under the prefix it wrote to.
    const auto keys = test::sandboxCommand(redis, {"SCAN", "0", "MATCH", "cwb:quittest:*", "COUNT", "1000"});
    QVERIFY(keys && keys->elements.size() == 2);
    QVERIFY(keys->elements[1].elements.empty());
}

QTEST_MAIN(LoadTestPageTest)
#include "tst_widget_loadtest.moc"
