#include "cleanupcommand.h"

#include "commandline.h"
#include "exitcodes.h"
#include "foreground.h"
#include "outcome.h"
#include "targetoptions.h"
#include "terminal.h"

#include "load/keyprefix.h"
#include "load/ownedkeys.h"

#include <QCommandLineParser>

namespace cwb::cli {

int cleanupCommand(const QStringList &args)
{
    QCommandLineParser parser;
    TargetOptions target;
    target.addTo(parser);
    const QCommandLineOption run{QStringLiteral("run"), QStringLiteral("The run's id, or its first 8 hex digits."),
                                 QStringLiteral("id")};
    const QCommandLineOption prefix{QStringLiteral("prefix"),
                                    QStringLiteral("The key prefix the run used (default cwb:)."),
                                    QStringLiteral("text"), QStringLiteral("cwb:")};
    parser.addOption(run);
    parser.addOption(prefix);
    if (!parseCommandLine(parser, args,
                          QStringLiteral("Removes the keys a run left on the target: everything in its "
                                         "namespace <prefix><run id's first 8 hex digits>: and nothing else.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    const QString tag = runTag(parser.value(run));
    if (tag.isEmpty()) {
        printError(QStringLiteral("--run: give the run's id (its first 8 hex digits at least)"));
        return ExitBadInput;
    }
    if (const QString problem = keyPrefixProblem(parser.value(prefix)); !problem.isEmpty()) {
        printError(QStringLiteral("--prefix: ") + problem);
        return ExitBadInput;
    }
    if (!parser.isSet(QStringLiteral("target"))) {
        printError(QStringLiteral("cleanup: give --target URI (the server the run wrote to)"));
        return ExitBadInput;
    }
    int exitCode = ExitOk;
    const auto endpoint = target.resolve(parser, {}, &exitCode);
    if (!endpoint)
        return exitCode;
    RedisConnection connection(*endpoint);
    if (!connection.connect()) {
        printError(
            QStringLiteral("cannot connect to %1: %2").arg(endpoint->displayUri(), connection.lastError().message));
        return ExitCannotConnect;
    }
    QString error;
    const auto cluster = discoverClusterSlots(connection, &error);
    if (!error.isEmpty()) {
        printError(QStringLiteral("cannot read the cluster's slot map from %1: %2").arg(endpoint->displayUri(), error));
        return ExitCannotConnect;
    }
    const QString keyNamespace = runNamespace(parser.value(prefix), tag);
    const NamespaceCleanup cleaned = runCancellable<NamespaceCleanup>(
        QStringLiteral("cleanup"), [&](const std::atomic<bool> *cancel, const std::function<void(QString)> &) {
            return removeNamespace(*endpoint, connection.options(), keyNamespace, cluster, cancel);
        });
    printOut(QStringLiteral("removed %1 key(s) under '%2'\n").arg(cleaned.deleted).arg(keyNamespace));
    if (cleaned.ok())
        return ExitOk;
    return strongerExit(StopSignals::stopRequested() ? ExitInterrupted : ExitFailure,
                        reportKeysLeft(cleaned.left, keyNamespace, cleaned.error, endpoint->displayUri()));
}

} // namespace cwb::cli
