// cache-workbench-cli: everything the workbench measures, without a display.
// Links the engine only (no QtGui/QtWidgets), so it runs on servers.

#include "exitcodes.h"
#include "loadcommands.h"
#include "terminal.h"

#include <QCoreApplication>

#include <functional>
#include <map>

namespace {

const char kUsage[] = R"(usage: cache-workbench-cli COMMAND [options]

commands:
  run       run one load test (--preset NAME | --config FILE) [--target URI | --sandbox]
  suite     run a suite of load tests in sequence (basic, comprehensive, stress)
  presets   list the built-in presets and suites

Run `cache-workbench-cli COMMAND --help` for a command's options.
The password comes from the URI or from CWB_REDIS_PASSWORD / REDISCLI_AUTH.
Exit codes: 0 ok, 1 failure, 2 bad arguments or configuration, 3 cannot connect,
4 error rate above --max-error-rate, 5 regression found.
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
        {QStringLiteral("suite"), cwb::cli::suiteCommand},
        {QStringLiteral("presets"), cwb::cli::presetsCommand},
    };
    const QString name = args.takeFirst();
    const auto command = commands.find(name);
    if (command == commands.end()) {
        cwb::cli::printError(QStringLiteral("unknown command '%1'").arg(name));
        cwb::cli::printOut(QString::fromUtf8(kUsage));
        return cwb::cli::ExitBadInput;
    }
    return command->second(args);
}
