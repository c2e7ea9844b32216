#include "pages/warmingpage.h"
#include "pages/warmingplandialog.h"
#include "pages/warmingtimeline.h"
#include "pagedoubles.h"
#include "testsupport.h"
#include "warming/warmscheduler.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

WarmingPlan configPlan(const QString &name, const QString &schedule = {})
{
    WarmingPlan plan;
    plan.name = name;
    plan.strategy = WarmStrategy::Config;
    plan.priority = WarmPriority::High;
    plan.schedule = schedule;
    plan.params = {{"entries", {{"greeting", "hello"}, {"flags", "{}"}}}};
    return plan;
}

} // namespace

class WarmingWidgetTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void scheduleInWords();
    void plansTableShowsScheduleNextRunAndTimeline();
    void invalidPlanIsRefusedAndNotSaved();
    void runNowAgainstSandboxAddsHistoryRow();
    void cancelStopsARateLimitedRun();
    void dialogListsEveryBadField();
};

void WarmingWidgetTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void WarmingWidgetTest::init()
{
    QFile::remove(defaultWarmingPlansPath());
    QFile::remove(defaultWarmingHistoryPath());
}

void WarmingWidgetTest::scheduleInWords()
{
    QCOMPARE(WarmingPage::scheduleInWords(QString(), u"utc"_s), u"on demand"_s);
    QCOMPARE(WarmingPage::scheduleInWords(u"* * * * *"_s, u"utc"_s), u"every minute (UTC)"_s);
    QCOMPARE(WarmingPage::scheduleInWords(u"*/15 * * * *"_s, u"utc"_s), u"every 15 minutes (UTC)"_s);
    QCOMPARE(WarmingPage::scheduleInWords(u"5 * * * *"_s, u"local"_s), u"hourly at :05 (local time)"_s);
    QCOMPARE(WarmingPage::scheduleInWords(u"0 */6 * * *"_s, u"utc"_s), u"every 6 hours at :00 (UTC)"_s);
    QCOMPARE(WarmingPage::scheduleInWords(u"30 6 * * *"_s, u"utc"_s), u"daily at 06:30 (UTC)"_s);
    QCOMPARE(WarmingPage::scheduleInWords(u"0 9 1,15 * *"_s, u"utc"_s), u"monthly on day 1, 15 at 09:00 (UTC)"_s);
    QVERIFY(WarmingPage::scheduleInWords(u"0 9 * * MON-FRI"_s, u"utc"_s).endsWith(u" at 09:00 (UTC)"_s));
    QCOMPARE(WarmingPage::scheduleInWords(u"0 9 13 * FRI"_s, u"utc"_s), u"custom schedule (UTC)"_s);
    QCOMPARE(WarmingPage::scheduleInWords(u"99 * * * *"_s, u"utc"_s), u"invalid schedule"_s);
}

void WarmingWidgetTest::plansTableShowsScheduleNextRunAndTimeline()
{
    {
        test::PageDoubles doubles;
        WarmingPage page(doubles.context());
        QString error;
        QVERIFY2(page.addPlan(configPlan(u"every-hour"_s, u"0 * * * *"_s), &error), qPrintable(error));
        QVERIFY2(page.addPlan(configPlan(u"manual"_s), &error), qPrintable(error));
        QCOMPARE(page.plansTable()->rowCount(), 2);
        QCOMPARE(page.plansTable()->item(0, 3)->text(), u"hourly at :00 (UTC)  ·  0 * * * *"_s);
        QVERIFY(page.plansTable()->item(0, 4)->text() != u"-"_s);
        QCOMPARE(page.plansTable()->item(1, 3)->text(), u"on demand"_s);
        QCOMPARE(page.plansTable()->item(1, 4)->text(), u"-"_s);
        QCOMPARE(page.plansTable()->item(0, 5)->text(), u"never run"_s);
        // 24 hourly runs in the next day; none for the manual plan.
        QCOMPARE(page.timeline()->fireTimes().size(), size_t(2));
        QCOMPARE(page.timeline()->fireTimes()[0].size(), size_t(24));
        QVERIFY(page.timeline()->fireTimes()[1].empty());
        page.resize(900, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QImage image = page.timeline()->grab().toImage();
        QVERIFY(!image.isNull());
    }
    // The plans were saved and come back in a new page.
    test::PageDoubles doubles;
    WarmingPage again(doubles.context());
    QCOMPARE(again.plans().size(), size_t(2));
    QCOMPARE(again.plans()[0].name, u"every-hour"_s);
}

void WarmingWidgetTest::invalidPlanIsRefusedAndNotSaved()
{
    test::PageDoubles doubles;
    WarmingPage page(doubles.context());
    WarmingPlan bad = configPlan(u"bad"_s, u"0 0 32 * *"_s);
    QString error;
    QVERIFY(!page.addPlan(bad, &error));
    QCOMPARE(error, u"schedule: day-of-month: 32 is out of range 1-31"_s);
    QCOMPARE(page.plansTable()->rowCount(), 0);
    QVERIFY(!QFile::exists(defaultWarmingPlansPath()));
}

void WarmingWidgetTest::runNowAgainstSandboxAddsHistoryRow()
{
    SandboxRedis sandbox;
    CWB_START_SANDBOX(sandbox);
    test::PageDoubles doubles;
    doubles.target.setEndpoint(sandbox.endpoint());
    WarmingPage page(doubles.context());
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QString error;
    QVERIFY2(page.addPlan(configPlan(u"config"_s), &error), qPrintable(error));
    QCOMPARE(page.historyTable()->rowCount(), 0);
    QVERIFY(!page.runNowButton()->isEnabled()); // nothing selected
    page.plansTable()->selectRow(0);
    QVERIFY(page.runNowButton()->isEnabled());
    QTest::mouseClick(page.runNowButton(), Qt::LeftButton);
    // A second click must not queue the plan again while it waits or runs.
    QVERIFY(!page.runNowButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(page.historyTable()->rowCount(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(page.runNowButton()->isEnabled(), 10000);
    QCOMPARE(page.historyTable()->item(0, 1)->text(), u"config"_s);
    QCOMPARE(page.historyTable()->item(0, 2)->text(), u"manual"_s);
    QCOMPARE(page.historyTable()->item(0, 3)->text(), u"completed"_s);
    QCOMPARE(page.historyTable()->item(0, 4)->text(), u"2"_s);
    QVERIFY(page.plansTable()->item(0, 5)->text().startsWith(u"2 keys"_s));
    // A run added at the top is readable: every column but the last (which wraps) is as wide
    // as its text, and the last shows its text in full on as many lines as it needs.
    QTableWidget *history = page.historyTable();
    for (int column = 0; column + 1 < history->columnCount(); ++column) {
        const QString text = history->item(0, column)->text();
        QTRY_VERIFY2(history->columnWidth(column) >= history->fontMetrics().horizontalAdvance(text),
                     qPrintable(u"column %1 cuts '%2'"_s.arg(column).arg(text)));
    }
    const int last = history->columnCount() - 1;
    const QRect needed = history->fontMetrics().boundingRect(QRect(0, 0, history->columnWidth(last) - 8, 10000),
                                                             Qt::TextWordWrap, history->item(0, last)->text());
    QTRY_VERIFY(history->rowHeight(0) >= needed.height());
    const auto value = test::sandboxCommand(sandbox, {"GET", "cwb:warm:greeting"});
    QVERIFY(value);
    QCOMPARE(value->str, QByteArray("hello"));
    const auto ttl = test::sandboxCommand(sandbox, {"PTTL", "cwb:warm:greeting"});
    QVERIFY(ttl && ttl->integer > 0);
    // The run went to the history file too.
    QCOMPARE(readWarmHistory(defaultWarmingHistoryPath()).size(), size_t(1));
}

void WarmingWidgetTest::cancelStopsARateLimitedRun()
{
    SandboxRedis sandbox;
    CWB_START_SANDBOX(sandbox);
    test::PageDoubles doubles;
    doubles.target.setEndpoint(sandbox.endpoint());
    WarmingPage page(doubles.context());
    WarmingPlan slow;
    slow.name = u"slow"_s;
    slow.strategy = WarmStrategy::Synthetic;
    slow.params = {{"load", {{"keyPrefix", "cwb:warm:"}, {"keySpace", 100000}}}};
    slow.rateLimit = 50;
    QString error;
    QVERIFY2(page.addPlan(slow, &error), qPrintable(error));
    QVERIFY(page.runNow(u"slow"_s));
    QTRY_VERIFY_WITH_TIMEOUT(page.cancelButton()->isEnabled(), 5000);
    QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page.historyTable()->rowCount(), 1, 5000);
    QCOMPARE(page.historyTable()->item(0, 3)->text(), u"cancelled"_s);
    QVERIFY(!page.cancelButton()->isEnabled());
}

void WarmingWidgetTest::dialogListsEveryBadField()
{
    WarmingPlanDialog dialog;
    dialog.editor()->setPlainText(u"{\"name\": \"\", \"strategy\": \"keylist\", \"batchSize\": 0}"_s);
    dialog.accept();
    QVERIFY(!dialog.plan());
    QVERIFY(dialog.errorLabel()->isVisibleTo(&dialog));
    const QString text = dialog.errorLabel()->text();
    QVERIFY2(text.contains(u"name: must not be empty"_s), qPrintable(text));
    QVERIFY2(text.contains(u"batchSize: 0 is out of range 1-100000"_s), qPrintable(text));
    QVERIFY2(text.contains(u"params.file: is required"_s), qPrintable(text));
    dialog.setPlan(WarmingPlanDialog::templatePlan(WarmStrategy::Synthetic));
    dialog.accept();
    QVERIFY(dialog.plan());
    QCOMPARE(dialog.plan()->strategy, WarmStrategy::Synthetic);
}

QTEST_MAIN(WarmingWidgetTest)
#include "tst_widget_warming.moc"
