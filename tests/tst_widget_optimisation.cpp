#include "optimise/keyscanpanel.h"
#include "pages/optimisationpage.h"
#include "pagedoubles.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>

#include <qcustomplot.h>

#include <set>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

// Leaves only the pipeline sweep ticked (the cheapest strategy) and the smallest time budget
// the form accepts, through the widgets a user would touch.
void chooseCheapestRun(OptimisationPage &page, bool smallestBudget)
{
    for (const QString &name : {u"tunePool"_s, u"tuneCompression"_s, u"tuneTtl"_s, u"tuneHotKeys"_s}) {
        auto *box = page.findChild<QCheckBox *>(name);
        QVERIFY2(box, qPrintable(name));
        box->setChecked(false);
    }
    auto *pipeline = page.findChild<QCheckBox *>(u"tunePipeline"_s);
    QVERIFY(pipeline);
    pipeline->setChecked(true);
    auto *budget = page.findChild<QSpinBox *>(u"tuneTimeBudget"_s);
    QVERIFY(budget);
    budget->setValue(smallestBudget ? budget->minimum() : 60);
}

// A loopback port nothing listens on: bound once by us, then released.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

qint64 dbSize(const SandboxRedis &redis)
{
    const auto reply = test::sandboxCommand(redis, {QByteArrayLiteral("DBSIZE")});
    return reply && !reply->isError() ? reply->integer : -1;
}

} // namespace

class OptimisationWidgetTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pipelineSweepRecommendsAMeasuredDepth();
    void cancelStopsARunAndReturnsToIdle();
    void unreachableTargetShowsAnErrorAndNoRecommendations();
    void keyScanFindsTheTargetsRealHotAndBigKeysReadOnly();
    void keyScanIsPacedAndStopsWhileWaiting();
};

namespace {

bool sandboxOk(const SandboxRedis &redis, const RedisCommand &command)
{
    const auto reply = test::sandboxCommand(redis, command);
    return reply && !reply->isError();
}

// The rows of the scan table whose kind is `kind`, as "key" strings in table order.
QStringList keysOfKind(QTableWidget *table, const QString &kind)
{
    QStringList keys;
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == kind)
            keys << table->item(row, 1)->text();
    return keys;
}

} // namespace

// The user's own keys, not the demonstration's: a hot key read many times and a big value under
// the prefix are found; keys outside it are not looked at; nothing is written; SCAN, never KEYS.
void OptimisationWidgetTest::keyScanFindsTheTargetsRealHotAndBigKeysReadOnly()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .maxmemoryBytes = 256LL << 20, .maxmemoryPolicy = u"allkeys-lfu"_s);
    for (int i = 0; i < 40; ++i)
        QVERIFY(sandboxOk(redis, {"SET", "app:small:" + QByteArray::number(i), "v"}));
    QVERIFY(sandboxOk(redis, {"SET", "app:hot", "h"}));
    QVERIFY(sandboxOk(redis, {"SET", "app:big", QByteArray(100000, 'b')}));
    QVERIFY(sandboxOk(redis, {"SET", "other:bigger", QByteArray(300000, 'o')}));
    for (int i = 0; i < 300; ++i)
        QVERIFY(sandboxOk(redis, {"GET", "app:hot"}));
    const qint64 keysBefore = dbSize(redis);

    test::PageDoubles doubles;
    doubles.target.setEndpoint(redis.endpoint());
    OptimisationPage page(doubles.context());
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // The tuner's hot keys are labelled as the demonstration they are.
    QVERIFY(page.findChild<QCheckBox *>(u"tuneHotKeys"_s)->text().contains(u"demonstration"_s));
    QVERIFY(page.findChild<QLabel *>(u"hotKeysDemoNote"_s)->text().contains(u"not your keys"_s));

    KeyScanPanel *panel = page.keyScan();
    QVERIFY(panel->isVisibleTo(&page));
    panel->prefixEdit()->setText(u"app:"_s);
    QSignalSpy done(panel, &KeyScanPanel::scanFinished);
    QTest::mouseClick(panel->scanButton(), Qt::LeftButton);
    QVERIFY(panel->isScanning());
    QVERIFY(panel->stopButton()->isEnabled());
    QVERIFY(done.wait(20000));
    QCOMPARE(doubles.launcher.launched, QStringList{u"key scan"_s});
    QVERIFY(!panel->isScanning());
    QVERIFY2(panel->status()->text().startsWith(u"42 keys sampled"_s), qPrintable(panel->status()->text()));

    const QStringList hot = keysOfKind(panel->table(), u"hot (LFU)"_s);
    const QStringList big = keysOfKind(panel->table(), u"big"_s);
    QVERIFY(!hot.isEmpty() && !big.isEmpty());
    QCOMPARE(hot.first(), u"app:hot"_s);
    QCOMPARE(big.first(), u"app:big"_s);
    for (int row = 0; row < panel->table()->rowCount(); ++row)
        QVERIFY(panel->table()->item(row, 1)->text().startsWith(u"app:"_s));

    QCOMPARE(dbSize(redis), keysBefore);
    const QByteArray stats = test::sandboxCommand(redis, {"INFO", "commandstats"})->str;
    QVERIFY(stats.contains("cmdstat_scan:"));
    QVERIFY(!stats.contains("cmdstat_keys:"));
    QVERIFY(stats.contains("cmdstat_set:calls=43,")); // the fixture's SETs, and no others

    // Without an LFU policy there is no frequency to read: sizes only, and the page says why.
    QVERIFY(sandboxOk(redis, {"CONFIG", "SET", "maxmemory-policy", "allkeys-lru"}));
    QTest::mouseClick(panel->scanButton(), Qt::LeftButton);
    QVERIFY(done.wait(20000));
    QVERIFY(keysOfKind(panel->table(), u"hot (LFU)"_s).isEmpty());
    QCOMPARE(keysOfKind(panel->table(), u"big"_s).first(), u"app:big"_s);
    QVERIFY2(panel->status()->text().contains(u"LFU"_s), qPrintable(panel->status()->text()));
    if (const QString dir = qEnvironmentVariable("CWB_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(page.grab().save(dir + u"/optimisation-keyscan.png"_s));
}

// One SCAN call a second over many keys: the job waits between calls, and a stop during the
// wait ends it with what was sampled, marked stopped.
void OptimisationWidgetTest::keyScanIsPacedAndStopsWhileWaiting()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    for (int i = 0; i < 500; ++i)
        QVERIFY(sandboxOk(redis, {"SET", "paced:" + QByteArray::number(i), "v"}));
    KeyScanRequest request;
    request.endpoint = redis.endpoint();
    request.prefix = u"paced:"_s;
    request.scanCount = 10;
    request.scanCallsPerSecond = 1;
    std::unique_ptr<KeyScanJob> job(makeKeyScanJob(request));
    QSignalSpy progressed(job.get(), &jobs::JobBase::progressAvailable);
    QSignalSpy finished(job.get(), &jobs::JobBase::finished);
    QVERIFY(job->start());
    // Wait until the scan has begun, then stop it; at one call a second it cannot have finished
    // the 50-odd calls 500 keys need.
    QTRY_VERIFY_WITH_TIMEOUT(job->progress().message.startsWith(u"scanning"_s), 10000);
    job->requestStop();
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QVERIFY(job->result());
    QVERIFY(job->result()->stopped);
    QVERIFY2(job->result()->scanCalls < 50, qPrintable(QString::number(job->result()->scanCalls)));
    QVERIFY(job->result()->scanned < 500);
}

void OptimisationWidgetTest::pipelineSweepRecommendsAMeasuredDepth()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);

    test::PageDoubles doubles;
    doubles.target.setEndpoint(redis.endpoint());
    OptimisationPage page(doubles.context());
    chooseCheapestRun(page, true);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    auto *run = page.findChild<QPushButton *>(u"tuneRunButton"_s);
    auto *cancel = page.findChild<QPushButton *>(u"tuneCancelButton"_s);
    auto *apply = page.findChild<QPushButton *>(u"tuneApplyButton"_s);
    auto *plot = page.findChild<QCustomPlot *>(u"tunePipelinePlot"_s);
    auto *table = page.findChild<QTableWidget *>(u"tuneRecommendations"_s);
    auto *status = page.findChild<QLabel *>(u"tuneStatus"_s);
    QVERIFY(run && cancel && apply && plot && table && status);
    QVERIFY(!apply->isEnabled());
    QCOMPARE(plot->graph(0)->dataCount(), 0);

    QSignalSpy finished(&page, &OptimisationPage::finished);
    QSignalSpy applied(&page, &OptimisationPage::applyToTestConfiguration);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(page.isRunning());
    QVERIFY(!run->isEnabled());
    QVERIFY(cancel->isEnabled());
    // 5 s budget, cleanup included; generous slack for a busy 2-core machine.
    QVERIFY(finished.count() == 1 || finished.wait(20000));
    QVERIFY(!page.isRunning());
    QVERIFY(run->isEnabled());
    QVERIFY(!cancel->isEnabled());

    const TuningReport &report = page.lastReport();
    qInfo("%s", qPrintable(status->text())); // what the run did, for the log of a failure below
    QVERIFY2(report.status == u"completed"_s || report.status == u"partial"_s,
             qPrintable(report.status + u": "_s + report.stopReason));
    QVERIFY2(status->text().startsWith(report.status), qPrintable(status->text()));
    // Only the pipeline sweep ran: no pool sweep plotted.
    QCOMPARE(page.findChild<QCustomPlot *>(u"tunePoolPlot"_s)->graph(0)->dataCount(), 0);

    // The chart shows what was measured: throughput and p99 per depth, throughput > 0.
    QCPGraph *throughput = plot->graph(0);
    QVERIFY2(throughput->dataCount() >= 2, qPrintable(QString::number(throughput->dataCount())));
    QCOMPARE(plot->graph(1)->dataCount(), throughput->dataCount());
    std::set<int> measuredDepths;
    for (auto it = throughput->data()->constBegin(); it != throughput->data()->constEnd(); ++it) {
        QVERIFY2(it->value > 0, qPrintable(u"depth %1 has no throughput"_s.arg(it->key)));
        measuredDepths.insert(int(it->key));
    }
    QCOMPARE(int(measuredDepths.size()), throughput->dataCount());
    QVERIFY(measuredDepths.count(1)); // the baseline is always measured first

    // A pipeline recommendation with a measured, positive gain over depth 1.
    QVERIFY(table->rowCount() >= 1);
    int pipelineRow = -1;
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text().startsWith(u"Pipeline depth "_s))
            pipelineRow = row;
    QVERIFY2(pipelineRow >= 0, qPrintable(table->item(0, 0)->text()));
    const QString gainText = table->item(pipelineRow, 1)->text();
    const QRegularExpressionMatch gain = QRegularExpression(u"throughput (-?[0-9.]+)%"_s).match(gainText);
    QVERIFY2(gain.hasMatch(), qPrintable(gainText));
    QVERIFY2(gain.captured(1).toDouble() > 0, qPrintable(gainText));
    QVERIFY2(!gainText.contains(u"within noise"_s), qPrintable(gainText));
    const int recommendedDepth = table->item(pipelineRow, 0)->text().mid(15).toInt();
    QVERIFY2(measuredDepths.count(recommendedDepth) && recommendedDepth > 1, qPrintable(table->item(pipelineRow, 0)->text()));
    QVERIFY(!table->item(pipelineRow, 3)->text().isEmpty()); // evidence

    // Apply hands over exactly that measured depth.
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(applied.count(), 1);
    const auto patch = applied.at(0).at(0).value<LoadConfigPatch>();
    QVERIFY(patch.pipeline.has_value());
    QVERIFY2(measuredDepths.count(*patch.pipeline), qPrintable(QString::number(*patch.pipeline)));
    QCOMPARE(*patch.pipeline, recommendedDepth);
    QVERIFY(!patch.concurrentUsers); // the pool sweep did not run

    // The experiment's keys are gone again.
    QCOMPARE(dbSize(redis), 0);
}

void OptimisationWidgetTest::cancelStopsARunAndReturnsToIdle()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);

    test::PageDoubles doubles;
    doubles.target.setEndpoint(redis.endpoint());
    OptimisationPage page(doubles.context());
    chooseCheapestRun(page, false); // 60 s: only a cancel ends it quickly
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *run = page.findChild<QPushButton *>(u"tuneRunButton"_s);
    auto *cancel = page.findChild<QPushButton *>(u"tuneCancelButton"_s);
    auto *status = page.findChild<QLabel *>(u"tuneStatus"_s);
    auto *apply = page.findChild<QPushButton *>(u"tuneApplyButton"_s);
    QVERIFY(run && cancel && status && apply);

    QSignalSpy finished(&page, &OptimisationPage::finished);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(page.isRunning());
    // Cancel while a load step is really running against the target.
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"pipeline depth"_s), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(test::sandboxInfoField(redis, "clients", "connected_clients").toInt() > 1, 10000);
    QVERIFY(finished.isEmpty());

    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(status->text().startsWith(u"Cancelling"_s));
    QVERIFY(finished.count() == 1 || finished.wait(60000)); // a failure timeout; the status says why it ended

    QVERIFY(!page.isRunning());
    QVERIFY(run->isEnabled());
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(page.lastReport().status, u"stopped"_s);
    QVERIFY2(status->text().startsWith(u"stopped"_s), qPrintable(status->text()));
    QVERIFY(page.findChild<QCheckBox *>(u"tunePipeline"_s)->isEnabled());
    QVERIFY(page.findChild<QSpinBox *>(u"tuneTimeBudget"_s)->isEnabled());
    // Cleanup ran despite the cancel.
    QCOMPARE(dbSize(redis), 0);

    // Idle means usable again: a second run starts.
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(page.isRunning());
    page.cancel();
    QVERIFY(finished.count() == 2 || finished.wait(5000));
    QVERIFY(!page.isRunning());
}

void OptimisationWidgetTest::unreachableTargetShowsAnErrorAndNoRecommendations()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    QString error;
    const std::optional<Endpoint> endpoint = parseEndpoint(u"redis://127.0.0.1:%1"_s.arg(port), &error);
    QVERIFY2(endpoint, qPrintable(error));

    test::PageDoubles doubles;
    doubles.target.setEndpoint(endpoint);
    OptimisationPage page(doubles.context());
    chooseCheapestRun(page, true);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *run = page.findChild<QPushButton *>(u"tuneRunButton"_s);
    auto *status = page.findChild<QLabel *>(u"tuneStatus"_s);
    auto *table = page.findChild<QTableWidget *>(u"tuneRecommendations"_s);
    auto *apply = page.findChild<QPushButton *>(u"tuneApplyButton"_s);
    auto *plot = page.findChild<QCustomPlot *>(u"tunePipelinePlot"_s);
    QVERIFY(run && status && table && apply && plot);

    QSignalSpy finished(&page, &OptimisationPage::finished);
    QSignalSpy applied(&page, &OptimisationPage::applyToTestConfiguration);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(60000)); // an error, never a hang

    const TuningReport &report = page.lastReport();
    QCOMPARE(report.status, u"failed"_s);
    QVERIFY(!report.stopReason.isEmpty());
    QVERIFY2(status->text().startsWith(u"failed"_s), qPrintable(status->text()));
    QVERIFY2(status->text().contains(report.stopReason), qPrintable(status->text()));
    QCOMPARE(table->rowCount(), 0);
    QCOMPARE(plot->graph(0)->dataCount(), 0);
    QVERIFY(!apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(applied.count(), 0);
    QVERIFY(run->isEnabled());
}

QTEST_MAIN(OptimisationWidgetTest)
#include "tst_widget_optimisation.moc"
