// cache-workbench-cli: everything the workbench measures, without a display.
// Links the engine only (no QtGui/QtWidgets), so it runs on servers.

#include "agentcommands.h"
#include "benchcommands.h"
#include "checkcommand.h"
#include "cleanupcommand.h"
#include "clustercommands.h"
#include "commandline.h"
#include "exitcodes.h"
#include "foreground.h"
#include "loadcommands.h"
#include "monitorcommands.h"
#include "storecommands.h"
#include "terminal.h"
#include "tunecommands.h"
#include "warmcommands.h"

#include <QCoreApplication>

#include <functional>
#include <map>

namespace {

const char kUsage[] = R"(usage: cache-workbench-cli COMMAND [options]

commands:
  run       run one load test (--preset NAME | --config FILE) [--target URI | --sandbox]
  suite     run a suite of load tests in sequence (basic, comprehensive, stress)
  presets   list the built-in presets and suites
  cluster   cluster topology --target URI | --sandbox-cluster; cluster simulate --strategy S --nodes N --keys K
  bench     run the ten specialised benchmarks (bench --list; bench trend NAME)
  runs      list stored runs [--filter TEXT] [--limit N] [--db FILE]
  show      show a stored run: summary and percentiles (RUN = id or unique prefix)
  baseline  baseline set RUN | baseline clear RUN | baseline show
  compare   compare RUN [--against RUN] [--threshold PCT]; exit 5 when regressed
  export    export --run ID --format csv|csv-summary|json|prom [--out FILE]
  report    report --run ID | --suite ID | --compare A [B]  --format html|pdf --out FILE
  import    import --format memtier|redis-benchmark FILE [--name N] [--target URI]
  check     which features work on a target with this user: check --target URI (renamed commands, ACL)
  cleanup   remove the keys a run left on the target: cleanup --target URI --run ID [--prefix P]
  tune      recommend settings from short bounded experiments (--budget 60s --memory-budget 64MB --json FILE)
  optimize  run one optimisation experiment: compression, batching, pooling, ttl, hotkeys
  warm      cache warming: strategies, validate, run, schedule, next CRON, effect
  monitor   watch a target live: rows, alert rules, channels [--interval MS] [--samples N | --duration S]
  agent     serve distributed runs: agent --coordinator URI [--name N] --allow-target PATTERN...
  agents    list the agents of a coordination server: agents --coordinator URI
            (a distributed run: run ... --coordinator URI --agents all|N|NAME,...)

Run `cache-workbench-cli COMMAND --help` for a command's options.
The password comes from the URI, from CWB_REDIS_PASSWORD / REDISCLI_AUTH, or the OS keychain (--password-from-keychain).
Keys: every command writes only in a namespace of its own under its --prefix, refuses a prefix that
already holds keys (unless --allow-existing-keys) and removes its namespace at the end.
SIGINT, SIGTERM and SIGHUP stop a command the same way: it reports, saves and cleans up what it did;
a second signal ends it at once.
Exit codes: 0 ok, 1 failure (a run whose every operation failed or that lost its server),
2 bad arguments or configuration, 3 cannot connect or use the target (refused, timeout, AUTH,
SELECT, ACL NOPERM), 4 error rate above --max-error-rate, 5 regression found, 6 stopped by a
signal (partial results reported and saved), 7 keys left on the target (the line printed says
how to remove them). When several apply: 2, 3, 1, 7, 6, 4, 5.
)";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CacheWorkbench"));
    QCoreApplication::setApplicationName(QStringLiteral("Cache Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CWB_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        cwb::cli::printOut(QString::fromUtf8(kUsage));
        return args.isEmpty() ? cwb::cli::ExitBadInput : cwb::cli::ExitOk;
    }
    if (args.first() == QLatin1String("--version")) {
        cwb::cli::printOut(QStringLiteral("cache-workbench-cli %1\n").arg(QStringLiteral(CWB_VERSION)));
        return cwb::cli::ExitOk;
    }

    const std::map<QString, std::function<int(const QStringList &)>> commands{
        {QStringLiteral("run"), cwb::cli::runCommand},
        {QStringLiteral("cluster"), cwb::cli::clusterCommand},
        {QStringLiteral("suite"), cwb::cli::suiteCommand},
        {QStringLiteral("presets"), cwb::cli::presetsCommand},
        {QStringLiteral("monitor"), cwb::cli::monitorCommand},
        {QStringLiteral("bench"), cwb::cli::benchCommand},
        {QStringLiteral("runs"), cwb::cli::runsCommand},
        {QStringLiteral("show"), cwb::cli::showCommand},
        {QStringLiteral("baseline"), cwb::cli::baselineCommand},
        {QStringLiteral("compare"), cwb::cli::compareCommand},
        {QStringLiteral("export"), cwb::cli::exportCommand},
        {QStringLiteral("report"), cwb::cli::reportCommand},
        {QStringLiteral("import"), cwb::cli::importCommand},
        {QStringLiteral("cleanup"), cwb::cli::cleanupCommand},
        {QStringLiteral("check"), cwb::cli::checkCommand},
        {QStringLiteral("tune"), cwb::cli::tuneCommand},
        {QStringLiteral("optimize"), cwb::cli::optimizeCommand},
        {QStringLiteral("warm"), cwb::cli::warmCommand},
        {QStringLiteral("agent"), cwb::cli::agentCommand},
        {QStringLiteral("agents"), cwb::cli::agentsCommand},
    };
    const QString name = args.takeFirst();
    cwb::cli::setCommandPath(name);
    const auto command = commands.find(name);
    if (command == commands.end()) {
        cwb::cli::printError(QStringLiteral("unknown command '%1'").arg(name));
        cwb::cli::printOut(QString::fromUtf8(kUsage));
        return cwb::cli::ExitBadInput;
    }
    // From the start: a stop signal while a command connects or opens its store is seen when its
    // job starts (every wait before is bounded), not lost to the default action.
    cwb::cli::StopSignals::install();
    return command->second(args);
}
