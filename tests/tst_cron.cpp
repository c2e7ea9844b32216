#include "warming/cronexpression.h"

#include <QRandomGenerator>
#include <QTest>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QStringList fires(const QString &cron, const QString &fromIso, int count, const QTimeZone &zone = QTimeZone::utc())
{
    QString error;
    const auto expr = CronExpression::parse(cron, &error);
    if (!expr)
        return {u"ERROR "_s + error};
    QStringList out;
    QDateTime from = QDateTime::fromString(fromIso, Qt::ISODate);
    from.setTimeZone(zone);
    for (const QDateTime &t : expr->nextTimes(from, count, zone))
        out << t.toTimeZone(zone).toString(u"yyyy-MM-dd HH:mm ddd"_s);
    return out;
}

} // namespace

class CronTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorsNameFieldAndReason_data();
    void errorsNameFieldAndReason();
    void stepsEveryQuarterHour();
    void rangeWithStepAndStartWithStep();
    void listsAndNamesCaseInsensitive();
    void sundayIsZeroAndSeven();
    void dayOfMonthOrDayOfWeekWhenBothRestricted();
    void dayFieldsAndWhenOneIsStar();
    void monthEndsNeverFireOnMissingDays();
    void leapDayFiresOnlyInLeapYears();
    void strictlyAfterAndSecondsIgnored();
    void yearRollover();
    void dstSpringForwardSkipsNonexistentTime();
    void dstFallBackFiresOnce();
    void timeZoneNames();
    void garbageNeverCrashes();
};

void CronTest::errorsNameFieldAndReason_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QString>("error");
    QTest::newRow("dom 32") << u"0 0 32 * *"_s << u"day-of-month: 32 is out of range 1-31"_s;
    QTest::newRow("dom 0") << u"0 0 0 * *"_s << u"day-of-month: 0 is out of range 1-31"_s;
    QTest::newRow("minute 60") << u"60 * * * *"_s << u"minute: 60 is out of range 0-59"_s;
    QTest::newRow("hour 24") << u"0 24 * * *"_s << u"hour: 24 is out of range 0-23"_s;
    QTest::newRow("month 13") << u"0 0 1 13 *"_s << u"month: 13 is out of range 1-12"_s;
    QTest::newRow("dow 8") << u"0 0 * * 8"_s << u"day-of-week: 8 is out of range 0-7"_s;
    QTest::newRow("four fields") << u"0 0 * *"_s
                                 << u"expected 5 fields (minute hour day-of-month month day-of-week), found 4"_s;
    QTest::newRow("six fields") << u"0 0 * * * *"_s
                                << u"expected 5 fields (minute hour day-of-month month day-of-week), found 6"_s;
    QTest::newRow("empty") << u""_s << u"expected 5 fields (minute hour day-of-month month day-of-week), found 0"_s;
    QTest::newRow("step 0") << u"*/0 * * * *"_s << u"minute: step 0 must be at least 1"_s;
    QTest::newRow("step text") << u"*/x * * * *"_s << u"minute: step 'x' is not a number"_s;
    QTest::newRow("backwards") << u"0 5-2 * * *"_s << u"hour: range 5-2 runs backwards"_s;
    QTest::newRow("bad month name") << u"0 0 1 FOO *"_s << u"month: 'FOO' is not a month name"_s;
    QTest::newRow("name in minute") << u"MON * * * *"_s << u"minute: 'MON' is not a number"_s;
    QTest::newRow("empty item") << u"1,,2 * * * *"_s << u"minute: empty item in list '1,,2'"_s;
    QTest::newRow("negative") << u"-1 * * * *"_s << u"minute: missing value"_s;
    QTest::newRow("huge") << u"99999999999 * * * *"_s << u"minute: 99999999999 is out of range 0-59"_s;
    QTest::newRow("range to 32") << u"0 0 1-32 * *"_s << u"day-of-month: 32 is out of range 1-31"_s;
}

void CronTest::errorsNameFieldAndReason()
{
    QFETCH(QString, cron);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!CronExpression::parse(cron, &actual));
    QCOMPARE(actual, error);
}

void CronTest::stepsEveryQuarterHour()
{
    QCOMPARE(fires(u"*/15 * * * *"_s, u"2026-03-02T10:07:00"_s, 4),
             QStringList({u"2026-03-02 10:15 Mon"_s, u"2026-03-02 10:30 Mon"_s, u"2026-03-02 10:45 Mon"_s,
                          u"2026-03-02 11:00 Mon"_s}));
    // Tabs and repeated spaces separate fields too.
    QCOMPARE(fires(u"  */15\t*  * * *"_s, u"2026-03-02T10:07:00"_s, 1), QStringList({u"2026-03-02 10:15 Mon"_s}));
}

void CronTest::rangeWithStepAndStartWithStep()
{
    const auto expr = CronExpression::parse(u"1-30/5 * * * *"_s);
    QVERIFY(expr);
    uint64_t expected = 0;
    for (int m : {1, 6, 11, 16, 21, 26})
        expected |= uint64_t(1) << m;
    QCOMPARE(expr->minutes(), expected);
    // "a/n" runs from a to the field's maximum.
    const auto fromFive = CronExpression::parse(u"5/20 * * * *"_s);
    QVERIFY(fromFive);
    QCOMPARE(fromFive->minutes(), (uint64_t(1) << 5) | (uint64_t(1) << 25) | (uint64_t(1) << 45));
    // Hours with a step across the day.
    QCOMPARE(fires(u"0 */8 * * *"_s, u"2026-03-02T01:00:00"_s, 3),
             QStringList({u"2026-03-02 08:00 Mon"_s, u"2026-03-02 16:00 Mon"_s, u"2026-03-03 00:00 Tue"_s}));
}

void CronTest::listsAndNamesCaseInsensitive()
{
    const auto a = CronExpression::parse(u"0 9 * jan-Mar,DEC mon-FRI"_s);
    const auto b = CronExpression::parse(u"0 9 * 1-3,12 1-5"_s);
    QVERIFY(a && b);
    QCOMPARE(a->months(), b->months());
    QCOMPARE(a->daysOfWeek(), b->daysOfWeek());
    QCOMPARE(fires(u"0 9 * jan-Mar,DEC mon-FRI"_s, u"2026-03-27T10:00:00"_s, 2),
             QStringList({u"2026-03-30 09:00 Mon"_s, u"2026-03-31 09:00 Tue"_s}));
    // The next hit after March 31 is in December: April to November are skipped.
    QCOMPARE(fires(u"0 9 * jan-Mar,DEC mon-FRI"_s, u"2026-03-31T10:00:00"_s, 1), QStringList({u"2026-12-01 09:00 Tue"_s}));
    QCOMPARE(fires(u"15,45 6,18 * * *"_s, u"2026-03-02T06:20:00"_s, 3),
             QStringList({u"2026-03-02 06:45 Mon"_s, u"2026-03-02 18:15 Mon"_s, u"2026-03-02 18:45 Mon"_s}));
}

void CronTest::sundayIsZeroAndSeven()
{
    const auto zero = CronExpression::parse(u"0 0 * * 0"_s);
    const auto seven = CronExpression::parse(u"0 0 * * 7"_s);
    const auto sun = CronExpression::parse(u"0 0 * * sun"_s);
    QVERIFY(zero && seven && sun);
    QCOMPARE(zero->daysOfWeek(), 1u);
    QCOMPARE(seven->daysOfWeek(), 1u);
    QCOMPARE(sun->daysOfWeek(), 1u);
    // A range ending at 7 includes Sunday.
    QCOMPARE(fires(u"0 0 * * 5-7"_s, u"2026-03-02T00:00:00"_s, 4),
             QStringList({u"2026-03-06 00:00 Fri"_s, u"2026-03-07 00:00 Sat"_s, u"2026-03-08 00:00 Sun"_s,
                          u"2026-03-13 00:00 Fri"_s}));
}

void CronTest::dayOfMonthOrDayOfWeekWhenBothRestricted()
{
    // Vixie cron: the 13th OR any Friday. January 2026: Fridays 2, 9, 16; the 13th is a Tuesday.
    QCOMPARE(fires(u"0 0 13 * FRI"_s, u"2026-01-01T00:00:00"_s, 4),
             QStringList({u"2026-01-02 00:00 Fri"_s, u"2026-01-09 00:00 Fri"_s, u"2026-01-13 00:00 Tue"_s,
                          u"2026-01-16 00:00 Fri"_s}));
    // Day 1 or Monday: 1 Feb 2026 is a Sunday.
    QCOMPARE(fires(u"0 12 1 * 1"_s, u"2026-01-31T13:00:00"_s, 2),
             QStringList({u"2026-02-01 12:00 Sun"_s, u"2026-02-02 12:00 Mon"_s}));
}

void CronTest::dayFieldsAndWhenOneIsStar()
{
    // Day-of-month '*': weekdays decide alone.
    QCOMPARE(fires(u"0 0 * * FRI"_s, u"2026-01-01T00:00:00"_s, 2),
             QStringList({u"2026-01-02 00:00 Fri"_s, u"2026-01-09 00:00 Fri"_s}));
    // Day-of-week '*': days of month decide alone.
    QCOMPARE(fires(u"0 0 13 * *"_s, u"2026-01-01T00:00:00"_s, 2),
             QStringList({u"2026-01-13 00:00 Tue"_s, u"2026-02-13 00:00 Fri"_s}));
    // A field starting with '*' (even "*/2") counts as unrestricted, so both must match:
    // odd days that are Fridays (as Vixie cron and cronie do).
    QCOMPARE(fires(u"0 0 */2 * FRI"_s, u"2026-01-01T00:00:00"_s, 3),
             QStringList({u"2026-01-09 00:00 Fri"_s, u"2026-01-23 00:00 Fri"_s, u"2026-02-13 00:00 Fri"_s}));
}

void CronTest::monthEndsNeverFireOnMissingDays()
{
    QCOMPARE(fires(u"0 0 30 2 *"_s, u"2026-01-01T00:00:00"_s, 1), QStringList());
    QCOMPARE(fires(u"0 0 31 4,6,9,11 *"_s, u"2026-01-01T00:00:00"_s, 1), QStringList());
    QCOMPARE(fires(u"0 0 31 * *"_s, u"2026-01-01T00:00:00"_s, 5),
             QStringList({u"2026-01-31 00:00 Sat"_s, u"2026-03-31 00:00 Tue"_s, u"2026-05-31 00:00 Sun"_s,
                          u"2026-07-31 00:00 Fri"_s, u"2026-08-31 00:00 Mon"_s}));
    // 30th: every month but February.
    QCOMPARE(fires(u"0 0 30 * *"_s, u"2026-01-31T00:00:00"_s, 1), QStringList({u"2026-03-30 00:00 Mon"_s}));
}

void CronTest::leapDayFiresOnlyInLeapYears()
{
    QCOMPARE(fires(u"0 0 29 2 *"_s, u"2026-01-01T00:00:00"_s, 2),
             QStringList({u"2028-02-29 00:00 Tue"_s, u"2032-02-29 00:00 Sun"_s}));
    // 29 February that is a Monday, AND-ed through a '*'-started day field: years apart.
    QCOMPARE(fires(u"0 0 * 2 MON"_s, u"2026-02-27T00:00:00"_s, 1), QStringList({u"2027-02-01 00:00 Mon"_s}));
}

void CronTest::strictlyAfterAndSecondsIgnored()
{
    QCOMPARE(fires(u"*/15 * * * *"_s, u"2026-03-02T10:15:00"_s, 1), QStringList({u"2026-03-02 10:30 Mon"_s}));
    QCOMPARE(fires(u"*/15 * * * *"_s, u"2026-03-02T10:14:59"_s, 1), QStringList({u"2026-03-02 10:15 Mon"_s}));
    const auto expr = CronExpression::parse(u"*/15 * * * *"_s);
    QVERIFY(expr->matches(utc(u"2026-03-02T10:15:42"_s), QTimeZone::utc()));
    QVERIFY(!expr->matches(utc(u"2026-03-02T10:16:00"_s), QTimeZone::utc()));
}

void CronTest::yearRollover()
{
    QCOMPARE(fires(u"0 0 1 1 *"_s, u"2026-12-31T23:59:00"_s, 2),
             QStringList({u"2027-01-01 00:00 Fri"_s, u"2028-01-01 00:00 Sat"_s}));
    QCOMPARE(fires(u"59 23 31 12 *"_s, u"2026-12-31T23:58:30"_s, 1), QStringList({u"2026-12-31 23:59 Thu"_s}));
}

void CronTest::dstSpringForwardSkipsNonexistentTime()
{
    const QTimeZone berlin("Europe/Berlin");
    QVERIFY(berlin.isValid());
    // 29 March 2026: 02:00 -> 03:00 in Berlin; 02:30 does not exist that day.
    QCOMPARE(fires(u"30 2 * * *"_s, u"2026-03-28T03:00:00"_s, 2, berlin),
             QStringList({u"2026-03-30 02:30 Mon"_s, u"2026-03-31 02:30 Tue"_s}));
    // Every 30 minutes across the gap: 01:30, then 03:00 (02:00 and 02:30 do not exist).
    QCOMPARE(fires(u"*/30 * * * *"_s, u"2026-03-29T01:10:00"_s, 3, berlin),
             QStringList({u"2026-03-29 01:30 Sun"_s, u"2026-03-29 03:00 Sun"_s, u"2026-03-29 03:30 Sun"_s}));
}

void CronTest::dstFallBackFiresOnce()
{
    const QTimeZone berlin("Europe/Berlin");
    const auto expr = CronExpression::parse(u"30 2 * * *"_s);
    QVERIFY(expr);
    // 25 October 2026: 03:00 CEST -> 02:00 CET, so 02:30 happens twice. It fires once, at the
    // first occurrence (00:30 UTC), and the next fire is the following day.
    const auto times = expr->nextTimes(utc(u"2026-10-24T22:00:00"_s), 2, berlin);
    QCOMPARE(times.size(), size_t(2));
    QCOMPARE(times[0], utc(u"2026-10-25T00:30:00"_s));
    QCOMPARE(times[1], utc(u"2026-10-26T01:30:00"_s));
    // Asked from inside the repeated hour (second pass, 01:10 UTC = 02:10 CET), it does not fire
    // the 02:30 a second time.
    const auto fromSecondPass = expr->nextAfter(utc(u"2026-10-25T01:10:00"_s), berlin);
    QVERIFY(fromSecondPass);
    QCOMPARE(*fromSecondPass, utc(u"2026-10-26T01:30:00"_s));
    // Every 30 minutes: no wall-clock time is produced twice.
    const auto every = CronExpression::parse(u"*/30 * * * *"_s);
    QStringList walls;
    for (const QDateTime &t : every->nextTimes(utc(u"2026-10-24T23:10:00"_s), 6, berlin))
        walls << t.toTimeZone(berlin).toString(u"HH:mm"_s);
    QCOMPARE(walls, QStringList({u"01:30"_s, u"02:00"_s, u"02:30"_s, u"03:00"_s, u"03:30"_s, u"04:00"_s}));
}

void CronTest::timeZoneNames()
{
    QCOMPARE(*cronTimeZone(u"utc"_s), QTimeZone::utc());
    QCOMPARE(*cronTimeZone(u"UTC"_s), QTimeZone::utc());
    QVERIFY(cronTimeZone(u"local"_s));
    QVERIFY(cronTimeZone(u"Europe/Berlin"_s));
    QVERIFY(!cronTimeZone(u"Mars/Olympus"_s));
}

void CronTest::garbageNeverCrashes()
{
    // A taste of the fuzzing to come: random strings over the cron alphabet parse or fail
    // with a message, and whatever parses yields fire times that match the expression.
    const QString alphabet = u"0123456789*/,- ABCDEFJMNOPRSTUVWY\t"_s;
    QRandomGenerator random(42);
    int parsed = 0;
    for (int i = 0; i < 3000; ++i) {
        QString text;
        const int length = int(random.bounded(1, 24));
        for (int c = 0; c < length; ++c)
            text += alphabet.at(int(random.bounded(alphabet.size())));
        QString error;
        const auto expr = CronExpression::parse(text, &error);
        if (!expr) {
            QVERIFY2(!error.isEmpty(), qPrintable(text));
            continue;
        }
        ++parsed;
        for (const QDateTime &t : expr->nextTimes(utc(u"2026-01-01T00:00:00"_s), 2, QTimeZone::utc()))
            QVERIFY2(expr->matches(t, QTimeZone::utc()), qPrintable(text));
    }
    QVERIFY(parsed >= 0);
}

QTEST_GUILESS_MAIN(CronTest)
#include "tst_cron.moc"
