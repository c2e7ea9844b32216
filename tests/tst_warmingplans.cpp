#include "load/loadconfig.h"
#include "warming/accesstrace.h"
#include "warming/filesources.h"
#include "warming/warmingplan.h"
#include "warming/warmscheduler.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

#include <mutex>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QStringList issueStrings(const std::vector<PlanIssue> &issues)
{
    QStringList out;
    for (const PlanIssue &issue : issues)
        out << issue.toString();
    return out;
}

WarmingPlan configPlan(const QString &name, WarmPriority priority, const QString &schedule)
{
    WarmingPlan plan;
    plan.name = name;
    plan.strategy = WarmStrategy::Config;
    plan.priority = priority;
    plan.schedule = schedule;
    plan.params = {{"entries", {{"flag", "on"}}}};
    return plan;
}

} // namespace

class WarmingPlansTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minimalPlanTakesDefaults();
    void unreadableNumbersAreAnErrorNotACrash();
    void everyBadFieldIsNamed();
    void strategyParametersAreChecked();
    void unknownStrategyDoesNotBlameParams();
    void jsonRoundTrip();
    void fileSaveRefusesInvalidAndRestores();
    void dueOrderIsPriorityFirst();
    void disabledAndUnscheduledPlansAreNeverDue();
    void schedulerRunsDuePlansByPriorityWithFakeClock();
    void schedulerFailureOfOnePlanLeavesOthers();
    void csvRecordParsing();
    void traceParsingAndForecast();
    void keyUnderPrefixNeverLeavesThePrefix();
    void presetPlanValidatesUnderTheDefaultPrefix();
    void strictJsonIsRequired();
};

void WarmingPlansTest::minimalPlanTakesDefaults()
{
    const auto parsed = parseWarmingPlan(QByteArray(R"({"name": "c", "strategy": "config", "params": {"entries": {"a": "1"}}})"));
    QVERIFY2(parsed.plan, qPrintable(issueStrings(parsed.errors).join(u"; "_s)));
    QCOMPARE(parsed.plan->priority, WarmPriority::Medium);
    QCOMPARE(parsed.plan->batchSize, 500);
    QCOMPARE(parsed.plan->ttlSec, 3600);
    QCOMPARE(parsed.plan->keyPrefix, u"cwb:warm:"_s);
    QCOMPARE(parsed.plan->timezone, u"utc"_s);
}

void WarmingPlansTest::everyBadFieldIsNamed()
{
    const auto parsed = parseWarmingPlan(QByteArray(R"({
        "name": "", "strategy": "keylist", "params": {"file": "/tmp/k.txt"},
        "priority": "urgent", "schedule": "0 0 32 * *", "timezone": "Mars/Olympus",
        "keyPrefix": "", "batchSize": 0, "batchDelayMs": -5, "rateLimit": -1, "ttlSec": 0,
        "memoryBudget": -1, "enabled": "yes", "colour": "blue"})"));
    QVERIFY(!parsed.plan);
    const QStringList errors = issueStrings(parsed.errors);
    const QStringList expected{
        u"colour: unknown field"_s,
        u"priority: must be high, medium or low"_s,
        u"enabled: must be true or false"_s,
        u"name: must not be empty"_s,
        u"schedule: day-of-month: 32 is out of range 1-31"_s,
        u"timezone: 'Mars/Olympus' is not utc, local or a known time zone"_s,
        u"keyPrefix: must not be empty: every key the workbench writes lives under it"_s,
        u"batchSize: 0 is out of range 1-100000"_s,
        u"batchDelayMs: -5 is out of range 0-600000"_s,
        u"rateLimit: -1 must be 0 (unlimited) or a positive keys/s"_s,
        u"ttlSec: 0 must be at least 1 (warmed keys always expire)"_s,
        u"memoryBudget: -1 must be 0 (no budget) or positive bytes"_s,
    };
    QCOMPARE(errors, expected);
    // Type errors.
    const auto typed = parseWarmingPlan(QByteArray(R"({"name": 5, "strategy": "config", "batchSize": "big", "params": {"entries": {"a": "1"}}})"));
    QCOMPARE(issueStrings(typed.errors), QStringList({u"name: must be a string"_s, u"batchSize: must be an integer"_s}));
    // Not JSON at all.
    const auto broken = parseWarmingPlan(QByteArray("{\"name\": "));
    QCOMPARE(broken.errors.size(), size_t(1));
    QCOMPARE(broken.errors.front().field, u"json"_s);
}

void WarmingPlansTest::strategyParametersAreChecked()
{
    const auto check = [](const char *json) {
        return issueStrings(parseWarmingPlan(QByteArray(json)).errors);
    };
    std::vector<std::pair<const char *, QStringList>> cases;
    cases.push_back({R"({"name": "k", "strategy": "keylist"})", QStringList({u"params.file: is required"_s})});
    cases.push_back({R"({"name": "k", "strategy": "keylist", "params": {"file": 3, "colour": 1}})", QStringList({u"params.colour: unknown parameter for strategy keylist"_s, u"params.file: must be a string"_s})});
    cases.push_back({R"({"name": "d", "strategy": "dataset", "params": {"file": "a.csv", "keyTemplate": "user", "type": "list"}})", QStringList({u"params.type: 'list' is not one of hash, string"_s,
                          u"params.keyTemplate: needs a {column} placeholder, e.g. cwb:user:{id}"_s})});
    cases.push_back({R"({"name": "c", "strategy": "copy", "params": {"source": "redis://h:70000", "mode": "x"}})", QStringList({u"params.source: port '70000' is out of range 1-65535"_s,
                          u"params.mode: 'x' is not one of dump, get"_s})});
    cases.push_back({R"({"name": "p", "strategy": "predictive", "params": {"trace": "t", "alpha": 2, "topK": 0}})", QStringList({u"params.topK: 0 is out of range 1-1e+06"_s, u"params.alpha: 2 is out of range 1e-09-1"_s})});
    cases.push_back({R"({"name": "c", "strategy": "config", "params": {"entries": {}}})", QStringList({u"params.entries: must hold 1 to 1000 keys, has 0"_s})});
    cases.push_back({R"({"name": "s", "strategy": "synthetic", "params": {}})", QStringList({u"params.load: give exactly one of load or preset"_s})});
    cases.push_back({R"({"name": "s", "strategy": "synthetic", "keyPrefix": "cwb:warm:", "params": {"load": {"keyPrefix": "app:"}}})", QStringList({u"params.load.keyPrefix: the load test's key prefix 'app:' must start with the plan's keyPrefix 'cwb:warm:'"_s})});
    cases.push_back({R"({"name": "s", "strategy": "synthetic", "keyPrefix": "cwb:", "params": {"load": {"duration": -1}}})", QStringList({u"params.load.duration: must be > 0 and <= 86400 seconds, got -1"_s})});
    for (const auto &[json, expected] : cases) {
        const QStringList actual = check(json);
        QCOMPARE(actual, expected);
    }
}

void WarmingPlansTest::unknownStrategyDoesNotBlameParams()
{
    const auto parsed = parseWarmingPlan(QByteArray(R"({"name": "x", "strategy": "magic", "params": {"file": "a"}})"));
    QCOMPARE(issueStrings(parsed.errors),
             QStringList({u"strategy: must be one of keylist, dataset, copy, hotkeys, sessions, config, synthetic, predictive"_s}));
}

void WarmingPlansTest::jsonRoundTrip()
{
    WarmingPlan plan;
    plan.name = u"users"_s;
    plan.strategy = WarmStrategy::Dataset;
    plan.params = {{"file", "/data/users.csv"}, {"keyTemplate", "cwb:warm:user:{id}"}, {"type", "hash"}};
    plan.priority = WarmPriority::High;
    plan.schedule = u"*/15 6-22 * * MON-FRI"_s;
    plan.timezone = u"local"_s;
    plan.keyPrefix = u"cwb:warm:"_s;
    plan.target = u"redis://127.0.0.1:6380/2"_s;
    plan.batchSize = 250;
    plan.batchDelayMs = 20;
    plan.rateLimit = 5000.5;
    plan.ttlSec = 900;
    plan.memoryBudget = 512LL * 1024 * 1024;
    plan.enabled = false;
    QVERIFY(validateWarmingPlan(plan).empty());
    const auto back = parseWarmingPlan(warmingPlanToJson(plan));
    QVERIFY2(back.plan, qPrintable(issueStrings(back.errors).join(u"; "_s)));
    QCOMPARE(*back.plan, plan);
    // A password in the target is refused: it would end up in a saved file.
    plan.target = u"redis://:secret@127.0.0.1:6380"_s;
    QCOMPARE(issueStrings(validateWarmingPlan(plan)),
             QStringList({u"target: must not contain a password (use CWB_REDIS_PASSWORD)"_s}));
}

void WarmingPlansTest::fileSaveRefusesInvalidAndRestores()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"plans.json"_s);
    std::vector<WarmingPlan> plans{configPlan(u"a"_s, WarmPriority::High, u"0 * * * *"_s),
                                   configPlan(u"b"_s, WarmPriority::Low, QString())};
    QString error;
    QVERIFY2(saveWarmingPlans(path, plans, &error), qPrintable(error));
    const PlanFileResult loaded = loadWarmingPlans(path);
    QVERIFY(loaded.errors.empty());
    QCOMPARE(loaded.plans.size(), size_t(2));
    QCOMPARE(loaded.plans[0], plans[0]);
    QCOMPARE(loaded.plans[1], plans[1]);

    // Half-valid input is never written: the file keeps its previous content.
    const QByteArray before = [&] { QFile f(path); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    plans[1].batchSize = -1;
    QVERIFY(!saveWarmingPlans(path, plans, &error));
    QCOMPARE(error, u"plan 'b' not saved: batchSize: -1 is out of range 1-100000"_s);
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);

    // A file with one bad plan of several names it by index and loads none.
    QFile bad(dir.filePath(u"bad.json"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"plans": [{"name": "ok", "strategy": "config", "params": {"entries": {"a": "1"}}},
                            {"name": "bad", "strategy": "config", "schedule": "* * *"}]})");
    bad.close();
    const PlanFileResult badLoad = loadWarmingPlans(bad.fileName());
    QVERIFY(badLoad.plans.empty());
    QCOMPARE(issueStrings(badLoad.errors),
             QStringList({u"plans[1].schedule: expected 5 fields (minute hour day-of-month month day-of-week), found 3"_s,
                          u"plans[1].params.entries: is required"_s}));
    QCOMPARE(issueStrings(loadWarmingPlans(dir.filePath(u"missing.json"_s)).errors).size(), 1);
}

void WarmingPlansTest::dueOrderIsPriorityFirst()
{
    const std::vector<WarmingPlan> plans{
        configPlan(u"low-early"_s, WarmPriority::Low, u"0 * * * *"_s),
        configPlan(u"medium"_s, WarmPriority::Medium, u"30 * * * *"_s),
        configPlan(u"high-late"_s, WarmPriority::High, u"45 * * * *"_s),
        configPlan(u"high-early"_s, WarmPriority::High, u"15 * * * *"_s),
        configPlan(u"not-due"_s, WarmPriority::High, u"0 0 1 1 *"_s),
    };
    const auto due = WarmScheduler::duePlans(plans, utc(u"2026-03-02T09:59:00"_s), utc(u"2026-03-02T10:59:00"_s));
    QStringList order;
    for (const DuePlan &d : due)
        order << plans[d.index].name;
    QCOMPARE(order, QStringList({u"high-early"_s, u"high-late"_s, u"medium"_s, u"low-early"_s}));
    QCOMPARE(due.front().fireTime, utc(u"2026-03-02T10:15:00"_s));
}

void WarmingPlansTest::disabledAndUnscheduledPlansAreNeverDue()
{
    std::vector<WarmingPlan> plans{configPlan(u"manual"_s, WarmPriority::High, QString()),
                                   configPlan(u"off"_s, WarmPriority::High, u"* * * * *"_s)};
    plans[1].enabled = false;
    QVERIFY(WarmScheduler::duePlans(plans, utc(u"2026-03-02T09:00:00"_s), utc(u"2026-03-03T09:00:00"_s)).empty());
    QVERIFY(!WarmScheduler::nextFireTime(plans[0], utc(u"2026-03-02T09:00:00"_s)));
}

void WarmingPlansTest::schedulerRunsDuePlansByPriorityWithFakeClock()
{
    WarmScheduler scheduler;
    QDateTime now = utc(u"2026-03-02T09:59:30"_s);
    std::mutex mutex;
    QStringList ran;
    scheduler.setClock([&] {
        std::lock_guard lock(mutex);
        return now;
    });
    // A runner that records the order (the executor itself is covered by tst_warming).
    scheduler.setRunner([&](const WarmingPlan &plan, const Endpoint &, const std::atomic<bool> *,
                            const WarmExecutor::ProgressCallback &) {
        {
            std::lock_guard lock(mutex);
            ran << plan.name;
        }
        WarmRunRecord record;
        record.planName = plan.name;
        record.status = WarmRunStatus::Completed;
        return record;
    });
    scheduler.setDefaultTarget(Endpoint{});
    scheduler.setPlans({configPlan(u"low"_s, WarmPriority::Low, u"0 10 * * *"_s),
                        configPlan(u"medium"_s, WarmPriority::Medium, u"0 10 * * *"_s),
                        configPlan(u"high"_s, WarmPriority::High, u"0 10 * * *"_s),
                        configPlan(u"eleven"_s, WarmPriority::High, u"0 11 * * *"_s)});
    QVERIFY(scheduler.tick().isEmpty()); // the first tick only sets the mark
    {
        std::lock_guard lock(mutex);
        now = utc(u"2026-03-02T10:00:05"_s);
    }
    QCOMPARE(scheduler.tick(), QStringList({u"high"_s, u"medium"_s, u"low"_s}));
    QVERIFY(scheduler.waitForIdle(5000));
    QCOMPARE(ran, QStringList({u"high"_s, u"medium"_s, u"low"_s}));
    QVERIFY(scheduler.tick().isEmpty()); // nothing fires twice
    {
        std::lock_guard lock(mutex);
        now = utc(u"2026-03-02T11:00:00"_s);
    }
    QCOMPARE(scheduler.tick(), QStringList({u"eleven"_s}));
    QVERIFY(scheduler.waitForIdle(5000));
    const auto history = scheduler.history();
    QCOMPARE(history.size(), size_t(4));
    QCOMPARE(history.back().trigger, u"schedule"_s);
    QVERIFY(scheduler.runNow(u"low"_s));
    QVERIFY(!scheduler.runNow(u"nope"_s));
    QVERIFY(scheduler.waitForIdle(5000));
    QCOMPARE(scheduler.history().back().trigger, u"manual"_s);
}

void WarmingPlansTest::schedulerFailureOfOnePlanLeavesOthers()
{
    WarmScheduler scheduler;
    QTemporaryDir dir;
    scheduler.setHistoryPath(dir.filePath(u"history.jsonl"_s));
    // No default target: the plan without a target fails; the one naming a (closed) port fails
    // with the connection reason; both are recorded and the queue goes on.
    WarmingPlan a = configPlan(u"a"_s, WarmPriority::High, QString());
    WarmingPlan b = configPlan(u"b"_s, WarmPriority::Low, QString());
    b.target = u"redis://127.0.0.1:1"_s;
    scheduler.setPlans({a, b});
    QVERIFY(scheduler.runNow(u"a"_s));
    QVERIFY(scheduler.runNow(u"b"_s));
    QVERIFY(scheduler.waitForIdle(10000));
    const auto history = readWarmHistory(dir.filePath(u"history.jsonl"_s));
    QCOMPARE(history.size(), size_t(2));
    QCOMPARE(history[0].status, WarmRunStatus::Failed);
    QVERIFY2(history[0].stopReason.startsWith(u"no target"_s), qPrintable(history[0].stopReason));
    QCOMPARE(history[1].status, WarmRunStatus::Failed);
    QVERIFY2(history[1].stopReason.contains(u"unreachable"_s), qPrintable(history[1].stopReason));
}

void WarmingPlansTest::csvRecordParsing()
{
    QList<QByteArray> fields;
    QString problem;
    const QByteArray record = R"(1,"Doe, Jane","say ""hi""",)";
    const QByteArray open = R"(1,"open)";
    const QByteArray after = R"(1,"a"b)";
    QVERIFY(parseCsvRecord(record, fields, &problem));
    QCOMPARE(fields, QList<QByteArray>({"1", "Doe, Jane", "say \"hi\"", ""}));
    QVERIFY(!parseCsvRecord(open, fields, &problem));
    QCOMPARE(problem, u"column 2: quote not closed"_s);
    QVERIFY(!parseCsvRecord(after, fields, &problem));
    QCOMPARE(problem, u"column 2: text after a closing quote"_s);
}

void WarmingPlansTest::traceParsingAndForecast()
{
    QString error;
    QVERIFY(!parseAccessTrace("100 a\n101\n", &error));
    QCOMPARE(error, u"line 2: missing key after the timestamp"_s);
    QVERIFY(!parseAccessTrace("# comment\nabc key\n", &error));
    QCOMPARE(error, u"line 2: timestamp 'abc' is not a number of seconds"_s);

    // Interval 0: a x6, b x1. Interval 1: b x5, a x1. Interval 2 (held out): b x3, c x1.
    QByteArray text;
    for (int i = 0; i < 6; ++i)
        text += "0." + QByteArray::number(i) + " a\n";
    text += "0.9 b\n";
    for (int i = 0; i < 5; ++i)
        text += "10." + QByteArray::number(i) + " b\n";
    text += "10.9 a\n20.1 b\n20.2 b\n20.3 b\n20.4 c\n";
    const auto trace = parseAccessTrace(text, &error);
    QVERIFY(trace);
    // With alpha 0.9 the newest interval dominates: b first.
    QCOMPARE(forecastTopKeys(*trace, 10, 0.9, 1, 1), std::vector<QByteArray>({"b"}));
    // With a tiny alpha old and new weigh almost the same: a (6 + 1) beats b (1 + 5).
    QCOMPARE(forecastTopKeys(*trace, 10, 0.01, 1, 1), std::vector<QByteArray>({"a"}));
    const ForecastEvaluation eval = evaluateForecast(*trace, 10, 0.9, 1);
    QVERIFY(eval.available);
    QCOMPARE(eval.k, 1);
    QCOMPARE(eval.hits, 1);
    QCOMPARE(eval.precision, 1.0);
    QCOMPARE(evaluateForecast(*trace, 10, 0.01, 1).precision, 0.0);
}

void WarmingPlansTest::keyUnderPrefixNeverLeavesThePrefix()
{
    QCOMPARE(keyUnderPrefix("cwb:warm:", "cwb:warm:a"), QByteArray("cwb:warm:a"));
    QCOMPARE(keyUnderPrefix("cwb:warm:", "user:1"), QByteArray("cwb:warm:user:1"));
}

void WarmingPlansTest::presetPlanValidatesUnderTheDefaultPrefix()
{
    const auto parsed = parseWarmingPlan(QByteArray(R"({"name": "p", "strategy": "synthetic", "params": {"preset": "session-management-load"}})"));
    QVERIFY2(parsed.plan, qPrintable(issueStrings(parsed.errors).join(u"; "_s)));
    QCOMPARE(parsed.plan->keyPrefix, u"cwb:warm:"_s);
    const auto preset = syntheticPreset(u"session-management-load"_s, parsed.plan->keyPrefix);
    QVERIFY(preset);
    QCOMPARE(preset->keyPrefix, u"cwb:warm:"_s); // its keys go under the plan's prefix
    QVERIFY(!syntheticPreset(u"no-such-preset"_s, u"cwb:warm:"_s));
}

void WarmingPlansTest::strictJsonIsRequired()
{
    const auto duplicate = parseWarmingPlan(QByteArray(R"({"name": "a", "strategy": "config", "name": "b", "params": {"entries": {"k": "v"}}})"));
    QVERIFY(!duplicate.plan);
    QCOMPARE(issueStrings(duplicate.errors).value(0).left(25), u"json: duplicate key 'name"_s);
    const auto nested = parseWarmingPlan(QByteArray(R"({"name": "a", "strategy": "config", "params": {"entries": {"k": "v", "k": "w"}}})"));
    QVERIFY(issueStrings(nested.errors).value(0).startsWith(u"json: duplicate key 'params.entries.k'"_s));
    QByteArray withNul(R"({"name": "a", "strategy": "config", "params": {"entries": {"k": "v"}}})");
    withNul.append('\0').append(R"({"ttlSec": 1})");
    const auto nul = parseWarmingPlan(withNul);
    QVERIFY(!nul.plan);
    QVERIFY2(issueStrings(nul.errors).value(0).contains(u"NUL byte at offset 70"_s), qPrintable(issueStrings(nul.errors).value(0)));

    QTemporaryDir dir;
    const QString big = dir.filePath(u"big.json"_s);
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[" + QByteArray(2 * 1024 * 1024, ' ') + "]");
    file.close();
    const PlanFileResult tooBig = loadWarmingPlans(big);
    QCOMPARE(tooBig.errors.size(), size_t(1));
    QVERIFY2(tooBig.errors.front().message.contains(u"at most 1 MiB"_s), qPrintable(tooBig.errors.front().message));
    const PlanFileResult directory = loadWarmingPlans(dir.path());
    QVERIFY2(directory.errors.front().message.contains(u"is a directory"_s), qPrintable(directory.errors.front().message));
}

// Found by tests/fuzz (fuzz_importers): a number too large for a double made the JSON parser
// throw out_of_range, which escaped the parse_error handler and aborted the process.
void WarmingPlansTest::unreadableNumbersAreAnErrorNotACrash()
{
    const PlanParseResult result = parseWarmingPlan(QByteArray(R"({"name": "x", "strategy": "config", "batchSize": 1e999})"));
    QVERIFY(!result.plan);
    QVERIFY(!result.errors.empty());
    QCOMPARE(result.errors.front().field, QStringLiteral("json"));
}

QTEST_GUILESS_MAIN(WarmingPlansTest)
#include "tst_warmingplans.moc"
