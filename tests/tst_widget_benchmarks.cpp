// The Benchmarks page, offscreen, running a short real benchmark on a sandbox it starts itself.

#include "charts/serieschart.h"
#include "mainwindow.h"
#include "pages/benchmarkspage.h"
#include "store/asyncresultstore.h"
#include "pagedoubles.h"
#include "testsupport.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

class TestWidgetBenchmarks : public QObject
{
    Q_OBJECT

private slots:
    void checklistListsTheTen()
    {
        test::PageDoubles doubles;
        BenchmarksPage page(doubles.context());
        QCOMPARE(page.checklist()->rowCount(), 10);
        QCOMPARE(page.checkedNames().size(), 10);
        page.setChecked({u"memory-stress"_s});
        QCOMPARE(page.checkedNames(), QStringList{u"memory-stress"_s});
        // Without a sandbox and without a target there is nothing to run against.
        page.setUseSandbox(false);
        QVERIFY(!page.findChild<QPushButton *>(u"runSelectedButton"_s)->isEnabled());
        doubles.target.setEndpoint(parseEndpoint(u"redis://127.0.0.1:6390"_s));
        QVERIFY(page.findChild<QPushButton *>(u"runSelectedButton"_s)->isEnabled());
        QVERIFY(page.findChild<QLabel *>(u"benchmarkTarget"_s)->text().contains(u"127.0.0.1:6390"_s));
    }

    void runsOnASandboxAndShowsEverything()
    {
        QTemporaryDir dir;
        AsyncResultStore store(dir.filePath(u"bench.sqlite"_s));
        test::PageDoubles doubles;
        BenchmarksPage page(doubles.context(&store));
        page.resize(1200, 800);
        page.show();
        page.setUseSandbox(true);
        page.setParameters(u"cache-basic-ops"_s, {{u"operations"_s, 200}});
        page.setChecked({u"cache-basic-ops"_s});

        for (int run = 1; run <= 2; ++run) {
            QSignalSpy finished(&page, &BenchmarksPage::runFinished);
            QSignalSpy trend(&page, &BenchmarksPage::trendShown);
            page.runSelected();
            QVERIFY(page.isRunning());
            QVERIFY(!page.findChild<QPushButton *>(u"runAllButton"_s)->isEnabled());
            QVERIFY(page.findChild<QPushButton *>(u"cancelBenchmarksButton"_s)->isEnabled());
            QVERIFY(finished.wait(30000));
            QVERIFY(!page.isRunning());

            const BenchmarkResult *r = page.result(u"cache-basic-ops"_s);
            QVERIFY(r);
            QVERIFY2(r->status == BenchmarkStatus::Completed, qPrintable(r->failureReason));
            QCOMPARE(r->target, u"sandbox"_s);
            auto *bar = qobject_cast<QProgressBar *>(page.checklist()->cellWidget(0, 1));
            QCOMPARE(bar->value(), 100);
            QVERIFY(page.checklist()->item(0, 2)->text().startsWith(u"Completed"_s));

            // Results table: five operations with their counts, then the custom metric.
            QTableWidget *table = page.resultsTable();
            QCOMPARE(table->rowCount(), 6);
            QCOMPARE(table->item(0, 0)->text(), u"SET"_s);
            QCOMPARE(table->item(0, 1)->text(), u"200"_s);
            // The operation column is wide enough for every name: no two rows read "hit rate…".
            for (int row = 0; row < table->rowCount(); ++row) {
                const QTableWidgetItem *name = table->item(row, 0);
                const QFontMetrics fm(name->font());
                QVERIFY2(table->columnWidth(0) >= fm.horizontalAdvance(name->text()), qPrintable(name->text()));
            }
            // Latency bars: p50 and p99 for each of the five operations, p99 >= p50.
            QCustomPlot *latency = page.latencyChart();
            QCOMPARE(latency->plottableCount(), 2);
            auto *p50 = qobject_cast<QCPBars *>(latency->plottable(0));
            auto *p99 = qobject_cast<QCPBars *>(latency->plottable(1));
            QCOMPARE(p50->data()->size(), 5);
            for (int i = 0; i < 5; ++i) {
                QVERIFY(p50->data()->at(i)->value > 0);
                QVERIFY(p99->data()->at(i)->value >= p50->data()->at(i)->value);
            }
            // Memory bars: before/after/peak of three figures; peak >= before.
            QCustomPlot *memory = page.memoryChart();
            QCOMPARE(memory->plottableCount(), 3);
            auto *before = qobject_cast<QCPBars *>(memory->plottable(0));
            auto *peak = qobject_cast<QCPBars *>(memory->plottable(2));
            for (int i = 0; i < 3; ++i)
                QVERIFY(peak->data()->at(i)->value >= before->data()->at(i)->value && before->data()->at(i)->value > 0);

            // The result was stored and the trend shows every stored run.
            if (trend.isEmpty() || page.trendChart()->pointCount(0) < run)
                QVERIFY(trend.wait(10000));
            QTRY_COMPARE_WITH_TIMEOUT(page.trendChart()->pointCount(0), run, 10000);
            QVERIFY(!page.trendVerdict()->text().isEmpty());
        }
        QVERIFY(page.trendVerdict()->text().contains(u"2 stored run"_s));
    }

    void statusBarSaysBenchmarksAreRunning()
    {
        QStandardPaths::setTestModeEnabled(true);
        MainWindow w;
        auto *page = static_cast<BenchmarksPage *>(w.page(MainWindow::Page::Benchmarks));
        auto *state = w.findChild<QLabel *>(u"runStateLabel"_s);
        QCOMPARE(state->text(), u"Idle"_s);
        page->setUseSandbox(true);
        page->setParameters(u"cache-basic-ops"_s, {{u"operations"_s, 200}});
        page->setChecked({u"cache-basic-ops"_s});
        QSignalSpy finished(page, &BenchmarksPage::runFinished);
        page->runSelected();
        // Not "Idle" while they run: the window sees the job through its launcher.
        QVERIFY2(state->text().startsWith(u"Running"_s), qPrintable(state->text()));
        QVERIFY(finished.wait(30000));
        QTRY_COMPARE(state->text(), u"Idle"_s);
    }

    void cancelStopsQuickly()
    {
        test::PageDoubles doubles;
        BenchmarksPage page(doubles.context());
        page.setUseSandbox(true);
        page.setChecked({u"concurrent-reads"_s, u"mixed-operations"_s});
        QSignalSpy finished(&page, &BenchmarksPage::runFinished);
        QSignalSpy one(&page, &BenchmarksPage::benchmarkFinished);
        page.runSelected();
        QTest::qWait(1500);
        page.cancel();
        QVERIFY(finished.wait(60000)); // a failure timeout only: what is asserted is what the cancel did
        // The running benchmark reports itself cancelled and the next one never starts.
        QCOMPARE(one.count(), 1);
        QCOMPARE(page.result(u"concurrent-reads"_s)->status, BenchmarkStatus::Cancelled);
        QVERIFY(!page.result(u"mixed-operations"_s));
        // Its progress stays where it was cut off, not at 100 %.
        int row = 0;
        while (row < page.checklist()->rowCount()
               && page.checklist()->item(row, 0)->data(Qt::UserRole).toString() != u"concurrent-reads"_s)
            ++row;
        auto *bar = qobject_cast<QProgressBar *>(page.checklist()->cellWidget(row, 1));
        QVERIFY(bar);
        QVERIFY2(bar->value() < 100, qPrintable(QString::number(bar->value())));
        // The sequence went through the launcher the page was given.
        QCOMPARE(doubles.launcher.launched, QStringList{u"benchmarks"_s});
    }
};

QTEST_MAIN(TestWidgetBenchmarks)
#include "tst_widget_benchmarks.moc"
