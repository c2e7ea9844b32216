#include "pages/warmingpage.h"
#include "pages/warmingplandialog.h"
#include "pages/warmingplanform.h"
#include "pages/warmingtimeline.h"
#include "servicebanner.h"
#include "pagedoubles.h"
#include "testsupport.h"
#include "load/keyprefix.h"
#include "service/servicelock.h"
#include "service/warmservice.h"
#include "warming/cronexpression.h"
#include "warming/warmscheduler.h"

#include <QApplication>
#include <QFile>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTabWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <functional>

#include <unistd.h>

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

// A plan of each strategy with every member and every parameter away from its default, so a
// form that dropped or rounded any of them would not give the same plan back.
std::vector<WarmingPlan> everyKindOfPlan()
{
    std::vector<WarmingPlan> plans;
    for (int i = 0; i < kWarmStrategyCount; ++i) {
        WarmingPlan plan = WarmingPlanDialog::templatePlan(WarmStrategy(i));
        plans.push_back(plan);
        plan.name = plan.name + u"-full"_s;
        plan.priority = WarmPriority::Low;
        plan.schedule = u"*/20 6-18 * 1-11 MON-FRI"_s;
        plan.timezone = u"Europe/Berlin"_s;
        plan.keyPrefix = u"app:warm:"_s;
        plan.target = u"redis://127.0.0.1:6390"_s;
        plan.batchSize = 1234;
        plan.batchDelayMs = 250;
        plan.rateLimit = 12.5;
        plan.ttlSec = 86400;
        plan.memoryBudget = 512LL * 1024 * 1024 + 1;
        plan.overwrite = WarmOverwrite::SameType;
        plan.enabled = false;
        switch (plan.strategy) {
        case WarmStrategy::KeyList: plan.params["defaultValue"] = "random:64"; break;
        case WarmStrategy::Dataset:
            plan.params.update({{"format", "csv"}, {"type", "string"}, {"valueField", "json"}, {"stopOnBadRow", false}});
            break;
        case WarmStrategy::CopyFromSource: plan.params.update({{"mode", "get"}, {"maxKeys", 5000000000LL}}); break;
        case WarmStrategy::HotKeys: plan.params.update({{"source", "redis://127.0.0.1:6391"}, {"valueSize", 0}}); break;
        case WarmStrategy::Sessions: plan.params["sessionPrefix"] = "shop:"; break;
        case WarmStrategy::Config: plan.params["entries"] = {{"a", ""}, {"b c", "{\"x\": [1, 2]}"}}; break;
        case WarmStrategy::Synthetic:
            plan.params = {{"load", {{"keyPrefix", "app:warm:load:"}, {"keySpace", 1000}}}, {"keys", 10}};
            break;
        case WarmStrategy::Predictive: plan.params.update({{"alpha", 0.1}, {"intervalSec", 30.0}, {"valueSize", 16}}); break;
        }
        plans.push_back(plan);
    }
    return plans;
}

QString firstIssue(const std::vector<PlanIssue> &issues)
{
    return issues.empty() ? QString() : issues.front().toString();
}

// Clicks `button` of the next message box once it is open (exec() runs its own loop).
void answerNextMessageBox(QString *text, const std::function<QAbstractButton *(QMessageBox *)> &button)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, text, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *text = box->text();
        timer->stop();
        timer->deleteLater();
        QTest::mouseClick(button(box), Qt::LeftButton);
    });
    timer->start();
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
    void formRoundTripsEveryPlan();
    void jsonTabFillsTheForm();
    void invalidCronDisablesSaveBesideTheField();
    void neverFiringScheduleWarns();
    void nextFiveFireTimesAreTheEngines();
    void removeAsksForConfirmationNamingThePlan();
    void deferSchedulesToTheWarmDaemon();
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
    dialog.showJson();
    dialog.editor()->setPlainText(u"{\"name\": \"\", \"strategy\": \"keylist\", \"batchSize\": 0}"_s);
    QVERIFY(!dialog.saveButton()->isEnabled());
    QCOMPARE(dialog.tabs()->tabText(1), u"JSON (advanced, not valid)"_s);
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

void WarmingWidgetTest::formRoundTripsEveryPlan()
{
    const auto plans = everyKindOfPlan();
    QCOMPARE(plans.size(), size_t(2 * kWarmStrategyCount));
    for (const WarmingPlan &plan : plans) {
        QVERIFY2(validateWarmingPlan(plan).empty(), qPrintable(firstIssue(validateWarmingPlan(plan))));
        WarmingPlanDialog dialog;
        dialog.setPlan(plan);
        QVERIFY2(dialog.form()->isValid(), qPrintable(plan.name + u": "_s + firstIssue(dialog.form()->issues())));
        QCOMPARE(dialog.form()->plan(), plan);
        QVERIFY(dialog.saveButton()->isEnabled());
        dialog.saveButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.plan());
        QCOMPARE(*dialog.plan(), plan);
        // And the same through the JSON the plans file holds.
        QCOMPARE(*parseWarmingPlan(warmingPlanToJson(*dialog.plan())).plan, plan);
    }
}

void WarmingWidgetTest::jsonTabFillsTheForm()
{
    for (const WarmingPlan &plan : everyKindOfPlan()) {
        WarmingPlanDialog dialog;
        dialog.showJson();
        dialog.editor()->setPlainText(QString::fromStdString(warmingPlanToJson(plan).dump(2)));
        QVERIFY(dialog.errorLabel()->isHidden());
        dialog.tabs()->setCurrentIndex(0);
        QCOMPARE(dialog.form()->plan(), plan);
        QVERIFY(dialog.saveButton()->isEnabled());
    }
    // Edits on the form show in the JSON tab.
    WarmingPlanDialog dialog;
    auto *name = qobject_cast<QLineEdit *>(dialog.form()->fieldWidget(u"name"_s));
    QVERIFY(name);
    name->setText(u"renamed"_s);
    dialog.showJson();
    QVERIFY(dialog.editor()->toPlainText().contains(u"\"renamed\""_s));
}

void WarmingWidgetTest::invalidCronDisablesSaveBesideTheField()
{
    WarmingPlanDialog dialog;
    dialog.setPlan(configPlan(u"flags"_s, u"0 6 * * *"_s));
    dialog.resize(1100, 760);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.saveButton()->isEnabled());
    auto *cron = qobject_cast<QLineEdit *>(dialog.form()->fieldWidget(u"schedule"_s));
    QWidget *below = dialog.form()->fieldWidget(u"timezone"_s);
    QVERIFY(cron && below);
    const QPoint belowBefore = below->mapTo(&dialog, QPoint(0, 0));
    cron->selectAll();
    QTest::keyClicks(cron, u"0 0 32 * *"_s);
    QCOMPARE(cron->text(), u"0 0 32 * *"_s);
    QVERIFY(!dialog.saveButton()->isEnabled());
    QCOMPARE(dialog.form()->issueText(u"schedule"_s), u"day-of-month: 32 is out of range 1-31"_s);
    auto *message = dialog.form()->findChild<QLabel *>(u"schedule-issue"_s);
    QVERIFY(message && message->isVisible());
    QCOMPARE(message->text(), u"day-of-month: 32 is out of range 1-31"_s);
    // Beside the field, and nothing below it moved; no message box.
    QVERIFY(message->mapTo(&dialog, QPoint(0, 0)).x() > cron->mapTo(&dialog, QPoint(cron->width(), 0)).x() - 1);
    QApplication::processEvents();
    QCOMPARE(below->mapTo(&dialog, QPoint(0, 0)), belowBefore);
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(dialog.form()->nextFireTimes().empty());
    dialog.accept();
    QVERIFY(!dialog.plan());
    QVERIFY(dialog.isVisible());
    // Other fields name their own problem: the key prefix through the engine's validator.
    auto *prefix = qobject_cast<QLineEdit *>(dialog.form()->fieldWidget(u"keyPrefix"_s));
    prefix->setText(u"cwb:*"_s);
    QCOMPARE(dialog.form()->issueText(u"keyPrefix"_s), keyPrefixProblem(u"cwb:*"_s));
    prefix->setText(u"cwb:warm:"_s);
    QVERIFY(dialog.form()->issueText(u"keyPrefix"_s).isEmpty());
    auto *rate = qobject_cast<QLineEdit *>(dialog.form()->fieldWidget(u"rateLimit"_s));
    rate->setText(u"fast"_s);
    QCOMPARE(dialog.form()->issueText(u"rateLimit"_s), u"'fast' is not a number"_s);
    rate->setText(u"100"_s);
    cron->setText(u"0 6 * * *"_s);
    QVERIFY(dialog.form()->issueText(u"schedule"_s).isEmpty());
    QVERIFY(dialog.saveButton()->isEnabled());
    QCOMPARE(dialog.form()->nextFireTimes().size(), size_t(5));
}

void WarmingWidgetTest::neverFiringScheduleWarns()
{
    WarmingPlanDialog dialog;
    dialog.setPlan(configPlan(u"flags"_s, u"0 0 30 2 *"_s));
    QVERIFY(dialog.form()->neverFires());
    QVERIFY(dialog.form()->nextFireTimes().empty());
    QVERIFY2(dialog.form()->fireTimesLabel()->text().contains(u"never fires"_s),
             qPrintable(dialog.form()->fireTimesLabel()->text()));
    // A warning, not an error: cron accepts it, so the plan may be saved (and run by hand).
    QVERIFY(dialog.form()->isValid());
    auto *cron = qobject_cast<QLineEdit *>(dialog.form()->fieldWidget(u"schedule"_s));
    cron->setText(u"0 0 29 2 *"_s); // leap days do come
    QVERIFY(!dialog.form()->neverFires());
    QCOMPARE(dialog.form()->nextFireTimes().size(), size_t(5));
    QVERIFY(!dialog.form()->fireTimesLabel()->text().contains(u"never fires"_s));
}

void WarmingWidgetTest::nextFiveFireTimesAreTheEngines()
{
    // Around the spring-forward change in Berlin: 02:30 does not exist on 29 March 2026.
    const QDateTime now(QDate(2026, 3, 27), QTime(12, 34), Qt::UTC);
    WarmingPlan plan = configPlan(u"night"_s, u"30 2 * * *"_s);
    plan.timezone = u"Europe/Berlin"_s;
    WarmingPlanDialog dialog;
    dialog.form()->setClock([now] { return now; });
    dialog.setPlan(plan);
    const auto zone = cronTimeZone(plan.timezone);
    QVERIFY(zone);
    const auto expected = CronExpression::parse(plan.schedule)->nextTimes(now, 5, *zone);
    QCOMPARE(expected.size(), size_t(5));
    QCOMPARE(dialog.form()->nextFireTimes(), expected);
    QStringList lines;
    for (const QDateTime &time : expected)
        lines << WarmingPlanForm::formatFireTime(time, *zone);
    QCOMPARE(dialog.form()->fireTimesLabel()->text(), lines.join(u'\n'));
    QVERIFY(lines.front().contains(u"2026-03-28 02:30"_s));
    QVERIFY(lines[1].contains(u"2026-03-30 02:30"_s)); // the 29th has no 02:30
    // The preview follows the time zone field.
    auto *tz = qobject_cast<QComboBox *>(dialog.form()->fieldWidget(u"timezone"_s));
    tz->setCurrentText(u"utc"_s);
    QCOMPARE(dialog.form()->nextFireTimes(),
             CronExpression::parse(plan.schedule)->nextTimes(now, 5, *cronTimeZone(u"utc"_s)));
}

void WarmingWidgetTest::removeAsksForConfirmationNamingThePlan()
{
    test::PageDoubles doubles;
    WarmingPage page(doubles.context());
    QString error;
    QVERIFY2(page.addPlan(configPlan(u"keep-me"_s), &error), qPrintable(error));
    QVERIFY2(page.addPlan(configPlan(u"feature-flags"_s), &error), qPrintable(error));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.plansTable()->selectRow(1);
    auto *remove = page.findChild<QPushButton *>(u"warmremove"_s);
    QVERIFY(remove && remove->isEnabled());
    QString asked;
    answerNextMessageBox(&asked, [](QMessageBox *box) { return box->button(QMessageBox::Cancel); });
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY2(asked.contains(u"feature-flags"_s), qPrintable(asked));
    QCOMPARE(page.plans().size(), size_t(2)); // cancelled: nothing removed
    asked.clear();
    answerNextMessageBox(&asked, [](QMessageBox *box) {
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                return b;
        }
        return static_cast<QAbstractButton *>(nullptr);
    });
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(asked.contains(u"feature-flags"_s));
    QCOMPARE(page.plans().size(), size_t(1));
    QCOMPARE(page.plans()[0].name, u"keep-me"_s);
    QCOMPARE(loadWarmingPlans(defaultWarmingPlansPath()).plans.size(), size_t(1));
}

void WarmingWidgetTest::deferSchedulesToTheWarmDaemon()
{
    // A fake clock from a minute boundary on, and a runner that only records: the runs are counted.
    QDateTime clock = QDateTime::currentDateTimeUtc().addSecs(120);
    clock.setTime(QTime(clock.time().hour(), clock.time().minute()));
    test::PageDoubles doubles;
    doubles.target.setEndpoint(*parseEndpoint(u"redis://127.0.0.1:1"_s));
    WarmingPage page(doubles.context());
    page.scheduler()->setClock([&clock] { return clock; });
    page.scheduler()->setRunner([](const WarmingPlan &plan, const Endpoint &, const std::atomic<bool> *,
                                   const WarmExecutor::ProgressCallback &) {
        WarmRunRecord record;
        record.planName = plan.name;
        record.status = WarmRunStatus::Completed;
        return record;
    });
    page.tick(); // the mark moves to the fake clock's time before there is a plan to fire
    QString error;
    QVERIFY2(page.addPlan(configPlan(u"minutely"_s, u"* * * * *"_s), &error), qPrintable(error));
    const auto runs = [&](const QString &trigger) {
        return int(std::count_if(page.scheduler()->history().begin(), page.scheduler()->history().end(),
                                 [&](const WarmRunRecord &r) { return r.trigger == trigger; }));
    };
    QVERIFY(!page.scheduleOwner());
    QVERIFY(page.serviceBanner()->isHidden());

    // Another holder of the daemon's lock (a second open file description, as another process has).
    auto daemon = ServiceLock::acquire(defaultWarmingPlansPath(), QString::fromLatin1(kWarmServiceName), {}, &error);
    QVERIFY2(daemon, qPrintable(error));
    for (int minute = 0; minute < 3; ++minute) {
        clock = clock.addSecs(60);
        page.tick();
        daemon->heartbeat(clock);
    }
    QVERIFY(page.scheduleOwner());
    QCOMPARE(page.scheduleOwner()->pid, qint64(::getpid()));
    QVERIFY(!page.serviceBanner()->isHidden());
    QVERIFY2(page.serviceBanner()->text().startsWith(u"Schedules are run by the warming service (pid %1 on "_s.arg(::getpid())),
             qPrintable(page.serviceBanner()->text()));
    QVERIFY(!page.serviceBanner()->text().contains(u"has not looked"_s));
    // A daemon whose heartbeat stopped is stuck, not idle: the banner says since when.
    const QDateTime lastLook = clock;
    daemon->heartbeat(QDateTime::currentDateTimeUtc().addSecs(-600));
    page.tick();
    QVERIFY2(page.serviceBanner()->text().contains(u"It has not looked at the schedule since "_s),
             qPrintable(page.serviceBanner()->text()));
    daemon->heartbeat(lastLook);
    QVERIFY(page.scheduler()->waitForIdle(10000));
    QCOMPARE(runs(u"schedule"_s) + runs(u"catch-up"_s), 0);
    // Run now still works while the daemon owns the schedules.
    QVERIFY(page.runNow(u"minutely"_s));
    QVERIFY(page.scheduler()->waitForIdle(10000));
    QCOMPARE(runs(u"manual"_s), 1);

    // The daemon stops after its last look; a minute later the page takes over and runs once what
    // fell due since that look, then keeps the schedule itself.
    daemon.reset();
    clock = clock.addSecs(60);
    page.tick();
    QVERIFY(!page.scheduleOwner());
    QVERIFY(page.serviceBanner()->isHidden());
    QVERIFY(page.scheduler()->waitForIdle(10000));
    QCOMPARE(runs(u"catch-up"_s), 1);
    QCOMPARE(runs(u"schedule"_s), 0);
    clock = clock.addSecs(60);
    page.tick();
    QVERIFY(page.scheduler()->waitForIdle(10000));
    QCOMPARE(runs(u"schedule"_s), 1);
    QCOMPARE(runs(u"catch-up"_s), 1);
}

QTEST_MAIN(WarmingWidgetTest)
#include "tst_widget_warming.moc"
