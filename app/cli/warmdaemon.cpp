#include "commandline.h"
#include "exitcodes.h"
#include "foreground.h"
#include "targetoptions.h"
#include "terminal.h"
#include "warmcommands.h"

#include "service/warmservice.h"
#include "warming/warmingplan.h"

#include <QCommandLineParser>
#include <QEventLoop>

namespace cwb::cli {

namespace {

const char kDescription[] = R"(Runs the warming scheduler as a service (systemd: cache-workbench-warm.service):
the plans the Warming page edits, each when its cron schedule fires, one at a time, high
priority first. One daemon per plans file: a second one exits with the holder's pid. Runs are
appended to the warming history the GUI shows; everything else is logged to stderr.

Missed runs: the daemon records in <plans>.warm.lock when it last looked at the schedule. On
start it runs, once, every plan whose newest fire time since then is within the catch-up window
(trigger "catch-up"); older misses are logged and skipped, never replayed.

SIGTERM, SIGINT or SIGHUP: no new run starts; a running plan stops after its batch in flight
(every key it wrote is under its prefix) and is recorded as cancelled; exit 0.)";

} // namespace

int warmDaemonCommand(const QStringList &args)
{
    QCommandLineParser parser;
    TargetOptions target;
    target.addTo(parser);
    const QCommandLineOption plansOption(QStringLiteral("plans"),
                                         QStringLiteral("The plans file (default: the one the GUI edits, %1).")
                                             .arg(defaultWarmingPlansPath()),
                                         QStringLiteral("file"));
    const QCommandLineOption historyOption(QStringLiteral("history"),
                                           QStringLiteral("Append run records here (default: the GUI's, %1).")
                                               .arg(defaultWarmingHistoryPath()),
                                           QStringLiteral("file"));
    const QCommandLineOption graceOption(QStringLiteral("catch-up-window"),
                                         QStringLiteral("Seconds a missed run may be late and still run (default %1).")
                                             .arg(WarmScheduler::kDefaultGrace.count()),
                                         QStringLiteral("seconds"));
    for (const auto *o : {&plansOption, &historyOption, &graceOption})
        parser.addOption(*o);
    if (!parseCommandLine(parser, args, QString::fromUtf8(kDescription)))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("warm daemon: unexpected argument '%1'").arg(parser.positionalArguments().first()));
        return ExitBadInput;
    }
    const auto grace = integerOption(parser, graceOption, 0, 7 * 24 * 3600, WarmScheduler::kDefaultGrace.count());
    if (!grace || !refuseStoreOutputs(parser, {&historyOption}))
        return ExitBadInput;
    WarmServiceOptions options;
    options.plansPath = parser.isSet(plansOption) ? parser.value(plansOption) : defaultWarmingPlansPath();
    options.historyPath = parser.isSet(historyOption) ? parser.value(historyOption) : defaultWarmingHistoryPath();
    options.grace = std::chrono::seconds(*grace);
    if (parser.isSet(QStringLiteral("target")) || parser.isSet(QStringLiteral("sandbox"))) {
        int exitCode = ExitOk;
        options.defaultTarget = target.resolve(parser, {}, &exitCode);
        if (!options.defaultTarget)
            return exitCode;
    }

    WarmService service(options);
    QObject::connect(&service, &WarmService::log, [](const QString &line) { printError(QStringLiteral("warm daemon: ") + line); });
    QString error;
    if (const auto started = service.start(&error); started != WarmService::StartResult::Started) {
        printError(QStringLiteral("warm daemon: ") + error);
        return started == WarmService::StartResult::BadPlans ? ExitBadInput : ExitFailure;
    }
    QEventLoop loop;
    QObject::connect(&service, &WarmService::stopped, &loop, &QEventLoop::quit);
    const auto watcher = onStopSignal([&service] {
        printError(QStringLiteral("warm daemon: stopping"));
        service.stop();
    });
    loop.exec();
    printError(QStringLiteral("warm daemon: stopped"));
    return ExitOk;
}

} // namespace cwb::cli
