#include "warmcommands.h"

#include "commandline.h"
#include "exitcodes.h"
#include "foreground.h"
#include "outcome.h"
#include "targetoptions.h"
#include "terminal.h"

#include "warming/cronexpression.h"
#include "warming/memoryguard.h"
#include "warming/warmjob.h"
#include "warming/warmingeffect.h"
#include "warming/warmingplan.h"
#include "warming/warmscheduler.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QTimer>

#include <nlohmann/json.hpp>

namespace cwb::cli {

namespace {

const char kWarmUsage[] = R"(usage: cache-workbench-cli warm SUBCOMMAND [options]

subcommands:
  strategies                 list the warming strategies and their parameters
  validate PLAN.json...      check plan files; names each bad field (exit 2)
  run PLAN.json [--plan NAME] [--target URI | --sandbox] [--json]
                             run the file's plans now, high priority first
  schedule PLAN.json... [--for SECONDS] [--target URI | --sandbox] [--history FILE]
                             run plans when their cron schedules fire, until Ctrl+C
  daemon [--plans FILE] [--target URI] [--catch-up-window SECONDS]
                             the scheduler as a service, on the plans the Warming page
                             edits; one per plans file; catches up on missed runs
  next 'CRON' [--count N] [--utc | --timezone ZONE]
                             print the next fire times, or the error naming the field
  effect [--target URI | --sandbox] [--keys N] [--duration S]
                             measure hit rate and latency cold and after warming

A plan's own "target" is used when --target/--sandbox is not given. Source servers take
their password from CWB_SOURCE_PASSWORD, the target from CWB_REDIS_PASSWORD.
)";

// A parser that rejects unknown options with our one-line error style.
bool parse(QCommandLineParser &parser, const QStringList &args, int *exitCode)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("warm")} + args)) {
        printError(parser.errorText());
        *exitCode = ExitBadInput;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        *exitCode = ExitOk;
        return false;
    }
    return true;
}

bool loadPlans(const QStringList &files, std::vector<WarmingPlan> &plans)
{
    bool ok = true;
    for (const QString &file : files) {
        const PlanFileResult result = loadWarmingPlans(file);
        for (const PlanIssue &issue : result.errors)
            printError(file + QStringLiteral(": ") + issue.toString());
        ok = ok && result.errors.empty();
        plans.insert(plans.end(), result.plans.begin(), result.plans.end());
    }
    return ok;
}

QString describeTime(const QDateTime &t, const QTimeZone &zone)
{
    return t.toTimeZone(zone).toString(Qt::ISODate) + QStringLiteral("  ") + t.toTimeZone(zone).toString(QStringLiteral("ddd"));
}

int strategies(const QStringList &)
{
    for (int i = 0; i < kWarmStrategyCount; ++i) {
        const auto s = WarmStrategy(i);
        QString text = QStringLiteral("%1\n  %2\n").arg(warmStrategyName(s), warmStrategyDescription(s));
        for (const QString &param : warmStrategyParameters(s))
            text += QStringLiteral("    ") + param + QLatin1Char('\n');
        printOut(text);
    }
    return ExitOk;
}

int validate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file(s)."));
    int exitCode = ExitOk;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    if (parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("warm validate: give at least one PLAN.json"));
        return ExitBadInput;
    }
    for (const QString &file : parser.positionalArguments()) {
        std::vector<WarmingPlan> plans;
        if (!loadPlans({file}, plans)) {
            exitCode = ExitBadInput;
            continue;
        }
        for (const WarmingPlan &plan : plans) {
            const auto next = WarmScheduler::nextFireTime(plan, QDateTime::currentDateTimeUtc());
            printOut(QStringLiteral("%1: plan '%2' is valid (%3, %4 priority%5)\n")
                         .arg(file, plan.name, warmStrategyName(plan.strategy), warmPriorityName(plan.priority),
                              next ? QStringLiteral(", next run ") + next->toString(Qt::ISODate) : QString()));
        }
    }
    return exitCode;
}

void printRecord(const WarmRunRecord &record, bool json)
{
    if (json) {
        printOut(QString::fromStdString(warmRunRecordToJson(record).dump()) + QLatin1Char('\n'));
        return;
    }
    QString text = QStringLiteral("%1 [%2] %3: %4\n")
                       .arg(record.planName, warmStrategyName(record.strategy), warmRunStatusName(record.status),
                            record.summary());
    if (!record.stopReason.isEmpty() && record.status != WarmRunStatus::Failed)
        text += QStringLiteral("  stopped: ") + record.stopReason + QLatin1Char('\n');
    for (const auto &[key, value] : record.report)
        text += QStringLiteral("  %1: %2\n").arg(key, value);
    for (const QString &message : record.messages)
        text += QStringLiteral("  ") + message + QLatin1Char('\n');
    printOut(text);
}

std::optional<Endpoint> planTarget(const WarmingPlan &plan, const std::optional<Endpoint> &override, QString *error)
{
    if (override)
        return override;
    auto endpoint = parseEndpoint(plan.target.isEmpty() ? QStringLiteral("redis://127.0.0.1:6379") : plan.target, error);
    if (endpoint)
        applyPasswordFromEnvironment(*endpoint);
    return endpoint;
}

int run(const QStringList &args)
{
    QCommandLineParser parser;
    TargetOptions target;
    target.addTo(parser);
    const QCommandLineOption planOption(QStringLiteral("plan"), QStringLiteral("Run only the plan with this name."),
                                        QStringLiteral("name"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print each run record as JSON."));
    parser.addOption(planOption);
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("Plan file."));
    int exitCode = ExitOk;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("warm run: give exactly one PLAN.json"));
        return ExitBadInput;
    }
    std::vector<WarmingPlan> plans;
    if (!loadPlans(parser.positionalArguments(), plans))
        return ExitBadInput;
    if (parser.isSet(planOption)) {
        std::erase_if(plans, [&](const WarmingPlan &p) { return p.name != parser.value(planOption); });
        if (plans.empty()) {
            printError(QStringLiteral("--plan: no plan named '%1'").arg(parser.value(planOption)));
            return ExitBadInput;
        }
    }
    std::optional<Endpoint> override;
    if (parser.isSet(QStringLiteral("target")) || parser.isSet(QStringLiteral("sandbox"))) {
        override = target.resolve(parser, {}, &exitCode);
        if (!override)
            return exitCode;
    }
    std::stable_sort(plans.begin(), plans.end(),
                     [](const WarmingPlan &a, const WarmingPlan &b) { return int(a.priority) < int(b.priority); });
    bool anyFailed = false;
    bool anyCancelled = false;
    for (const WarmingPlan &plan : plans) {
        if (StopSignals::stopRequested())
            break;
        QString error;
        const auto endpoint = planTarget(plan, override, &error);
        if (!endpoint) {
            printError(QStringLiteral("%1: target: %2").arg(plan.name, error));
            anyFailed = true;
            continue;
        }
        WarmJobSpec spec;
        spec.plan = plan;
        spec.target = endpoint;
        spec.historyPath = defaultWarmingHistoryPath();
        const std::unique_ptr<WarmJob> job(makeWarmJob(std::move(spec)));
        runInForeground(*job, [&job] {
            const WarmProgress &p = job->progress();
            printProgress(QStringLiteral("%1: %2 keys, %3%4%5").arg(p.planName).arg(p.keysWritten)
                              .arg(formatBytes(p.bytesWritten))
                              .arg(p.total > 0 ? QStringLiteral(" of %1").arg(p.total) : QString())
                              .arg(p.skipped > 0 ? QStringLiteral(", %1 skipped (%2)")
                                                       .arg(p.skipped).arg(skippedBreakdown(p.skippedBy))
                                                 : QString()));
        });
        endProgress();
        if (!job->result()) {
            printError(QStringLiteral("%1: %2").arg(plan.name, job->failureReason()));
            anyFailed = true;
            continue;
        }
        const WarmRunRecord &record = *job->result();
        printRecord(record, parser.isSet(jsonOption));
        anyFailed = anyFailed || record.status == WarmRunStatus::Failed;
        anyCancelled = anyCancelled || record.status == WarmRunStatus::Cancelled;
    }
    return strongerExit(anyFailed ? ExitFailure : ExitOk,
                        anyCancelled || StopSignals::stopRequested() ? ExitInterrupted : ExitOk);
}

int schedule(const QStringList &args)
{
    QCommandLineParser parser;
    TargetOptions target;
    target.addTo(parser);
    const QCommandLineOption forOption(QStringLiteral("for"), QStringLiteral("Stop after this many seconds."),
                                       QStringLiteral("seconds"));
    const QCommandLineOption historyOption(QStringLiteral("history"),
                                           QStringLiteral("Append run records here (JSON lines)."), QStringLiteral("file"));
    parser.addOption(forOption);
    parser.addOption(historyOption);
    parser.addPositionalArgument(QStringLiteral("plans"), QStringLiteral("Plan files."));
    int exitCode = ExitOk;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    if (parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("warm schedule: give at least one PLAN.json"));
        return ExitBadInput;
    }
    const std::optional<double> forValue = numberOption(parser, forOption, 0.001, 31'536'000, 0);
    if (!forValue || !refuseStoreOutputs(parser, {&historyOption}))
        return ExitBadInput;
    const double forSeconds = *forValue;
    std::vector<WarmingPlan> plans;
    if (!loadPlans(parser.positionalArguments(), plans))
        return ExitBadInput;
    std::optional<Endpoint> override;
    if (parser.isSet(QStringLiteral("target")) || parser.isSet(QStringLiteral("sandbox"))) {
        override = target.resolve(parser, {}, &exitCode);
        if (!override)
            return exitCode;
    } else {
        QString error;
        override = parseEndpoint(QStringLiteral("redis://127.0.0.1:6379"), &error);
        applyPasswordFromEnvironment(*override);
    }
    WarmScheduler scheduler;
    scheduler.setPlans(plans);
    scheduler.setDefaultTarget(override);
    scheduler.setHistoryPath(parser.isSet(historyOption) ? parser.value(historyOption) : defaultWarmingHistoryPath());
    QObject::connect(&scheduler, &WarmScheduler::planStarted, [](const QString &name) {
        printOut(QStringLiteral("%1 starting %2\n").arg(QDateTime::currentDateTime().toString(Qt::ISODate), name));
    });
    QObject::connect(&scheduler, &WarmScheduler::planFinished, [](const WarmRunRecord &record) { printRecord(record, false); });
    for (const WarmingPlan &plan : plans) {
        const auto next = WarmScheduler::nextFireTime(plan, QDateTime::currentDateTimeUtc());
        printOut(QStringLiteral("%1: %2\n").arg(plan.name, next ? QStringLiteral("next run ") + next->toString(Qt::ISODate)
                                                               : QStringLiteral("no schedule (run with `warm run`)")));
    }
    QEventLoop loop;
    bool signalled = false;
    const auto watcher = onStopSignal([&] {
        signalled = true;
        loop.quit();
    });
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, &scheduler, &WarmScheduler::tick);
    ticker.start(1000);
    if (forSeconds > 0)
        QTimer::singleShot(qint64(forSeconds * 1000), &loop, &QEventLoop::quit);
    scheduler.tick();
    loop.exec();
    ticker.stop();
    scheduler.cancelAll(); // the running plan ends after its batch in flight
    scheduler.waitForIdle(60000);
    // Without --for a signal is how scheduling ends; with --for, it was cut short.
    return signalled && forSeconds > 0 ? ExitInterrupted : ExitOk;
}

int next(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("How many fire times (default 5)."),
                                         QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption utcOption(QStringLiteral("utc"), QStringLiteral("Interpret the schedule in UTC (default: local time)."));
    const QCommandLineOption zoneOption(QStringLiteral("timezone"), QStringLiteral("Interpret the schedule in this IANA zone."),
                                        QStringLiteral("zone"));
    parser.addOption(countOption);
    parser.addOption(utcOption);
    parser.addOption(zoneOption);
    parser.addPositionalArgument(QStringLiteral("cron"), QStringLiteral("A 5-field cron expression, quoted."));
    int exitCode = ExitOk;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("warm next: give one cron expression in quotes, e.g. '*/15 * * * *'"));
        return ExitBadInput;
    }
    const std::optional<qint64> countValue = integerOption(parser, countOption, 1, 1000, 5);
    if (!countValue)
        return ExitBadInput;
    const int count = int(*countValue);
    const QString zoneName = parser.isSet(utcOption) ? QStringLiteral("utc")
                                                     : parser.isSet(zoneOption) ? parser.value(zoneOption) : QStringLiteral("local");
    const auto zone = cronTimeZone(zoneName);
    if (!zone) {
        printError(QStringLiteral("--timezone: '%1' is not a known time zone").arg(zoneName));
        return ExitBadInput;
    }
    QString error;
    const auto cron = CronExpression::parse(parser.positionalArguments().first(), &error);
    if (!cron) {
        printError(error);
        return ExitBadInput;
    }
    const auto times = cron->nextTimes(QDateTime::currentDateTimeUtc(), count, *zone);
    if (times.empty()) {
        printOut(QStringLiteral("never fires (no such day, e.g. 30 February)\n"));
        return ExitOk;
    }
    QString text;
    for (const QDateTime &t : times)
        text += describeTime(t, *zone) + QLatin1Char('\n');
    printOut(text);
    return ExitOk;
}

int effect(const QStringList &args)
{
    QCommandLineParser parser;
    TargetOptions target;
    target.addTo(parser);
    const QCommandLineOption keysOption(QStringLiteral("keys"), QStringLiteral("Key space of the read load (default 5000)."),
                                        QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption durationOption(QStringLiteral("duration"), QStringLiteral("Seconds per run (default 2)."),
                                            QStringLiteral("s"), QStringLiteral("2"));
    const QCommandLineOption allowExistingOption(
        QStringLiteral("allow-existing-keys"),
        QStringLiteral("Run even when the prefix already holds keys (they are never deleted or overwritten)."));
    parser.addOption(keysOption);
    parser.addOption(durationOption);
    parser.addOption(allowExistingOption);
    int exitCode = ExitOk;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    WarmingEffectOptions options;
    const std::optional<qint64> keys = integerOption(parser, keysOption, 1, 100'000'000, options.keySpace);
    const std::optional<double> duration = numberOption(parser, durationOption, 0.1, 3600, options.durationSec);
    if (!keys || !duration)
        return ExitBadInput;
    options.keySpace = *keys;
    options.durationSec = *duration;
    options.allowExistingKeys = parser.isSet(allowExistingOption);
    const auto endpoint = target.resolve(parser, QStringLiteral("redis://127.0.0.1:6379"), &exitCode);
    if (!endpoint)
        return exitCode;
    const WarmingEffectResult result = runCancellable<WarmingEffectResult>(
        QStringLiteral("warming effect"),
        [&](const std::atomic<bool> *cancel, const std::function<void(QString)> &report) {
            return measureWarmingEffect(*endpoint, options, report, cancel);
        },
        [](const QString &stage) { printProgress(stage + QStringLiteral(" ...")); });
    endProgress();
    const int keysExit = reportKeysLeft(result.keysLeft, result.keyNamespace,
                                        QStringLiteral("the measurement's cleanup failed"), endpoint->displayUri());
    if (StopSignals::stopRequested()) {
        printError(QStringLiteral("warm effect: stopped before the end"));
        return strongerExit(ExitInterrupted, keysExit);
    }
    if (!result.ok) {
        printError(result.error);
        const int code = result.failureKind == RedisErrorKind::None         ? ExitBadInput
                         : result.failureKind == RedisErrorKind::ServerError ? ExitFailure
                                                                             : ExitCannotConnect;
        return strongerExit(code, keysExit);
    }
    printOut(result.summary());
    return keysExit;
}

} // namespace

int warmCommand(const QStringList &args)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        printOut(QString::fromUtf8(kWarmUsage));
        return args.isEmpty() ? ExitBadInput : ExitOk;
    }
    const QString sub = args.first();
    setCommandPath(QStringLiteral("warm ") + sub);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("strategies"))
        return strategies(rest);
    if (sub == QLatin1String("validate"))
        return validate(rest);
    if (sub == QLatin1String("run"))
        return run(rest);
    if (sub == QLatin1String("schedule"))
        return schedule(rest);
    if (sub == QLatin1String("next"))
        return next(rest);
    if (sub == QLatin1String("daemon"))
        return warmDaemonCommand(rest);
    if (sub == QLatin1String("effect"))
        return effect(rest);
    printError(QStringLiteral("warm: unknown subcommand '%1'").arg(sub));
    printOut(QString::fromUtf8(kWarmUsage));
    return ExitBadInput;
}

} // namespace cwb::cli
