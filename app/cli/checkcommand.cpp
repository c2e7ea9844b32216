#include "checkcommand.h"

#include "commandline.h"
#include "exitcodes.h"
#include "targetoptions.h"
#include "terminal.h"

#include "load/keyprefix.h"
#include "redis/permissioncheck.h"

#include <QCommandLineParser>

namespace cwb::cli {

namespace {

QString formatReport(const PermissionReport &report, const QString &target)
{
    QString out = QStringLiteral("target %1, user %2\n\ncommands:\n").arg(target, report.user);
    for (const CommandProbe &probe : report.commands) {
        out += QStringLiteral("  %1 %2").arg(probe.name.leftJustified(18), commandAccessName(probe.access));
        if (!probe.detail.isEmpty() && probe.access != CommandAccess::Allowed)
            out += QStringLiteral("  (%1)").arg(probe.detail);
        out += QLatin1Char('\n');
    }
    out += QStringLiteral("  KEYS               never sent by the workbench\n\nfeatures:\n");
    for (const FeatureVerdict &verdict : report.features) {
        out += QStringLiteral("  %1 %2\n").arg(verdict.feature.leftJustified(40), featureLevelName(verdict.level));
        for (const QString &reason : verdict.reasons)
            out += QStringLiteral("      - %1\n").arg(reason);
        // Without -@all: added to what the user has, the rules take nothing away from other features.
        if (verdict.applies && verdict.level != FeatureLevel::Works)
            out += QStringLiteral("      to enable it: ACL SETUSER %1 %2\n")
                       .arg(report.user, QString(verdict.aclLine).remove(QStringLiteral("-@all ")));
    }
    return out;
}

} // namespace

int checkCommand(const QStringList &args)
{
    QCommandLineParser parser;
    TargetOptions target;
    target.addTo(parser);
    const QCommandLineOption prefix{QStringLiteral("prefix"),
                                    QStringLiteral("The key prefix the workbench will use (default cwb:); the "
                                                   "check writes one key of its own under it and removes it."),
                                    QStringLiteral("text"), QStringLiteral("cwb:")};
    parser.addOption(prefix);
    if (!parseCommandLine(parser, args,
                          QStringLiteral("Lists which features work on the target with this user (renamed "
                                         "commands, ACL limits), why not, and the ACL line that enables them.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (const QString problem = keyPrefixProblem(parser.value(prefix)); !problem.isEmpty()) {
        printError(QStringLiteral("--prefix: ") + problem);
        return ExitBadInput;
    }
    int exitCode = ExitOk;
    const auto endpoint = target.resolve(parser, QStringLiteral("redis://127.0.0.1:6379"), &exitCode);
    if (!endpoint)
        return exitCode;
    RedisConnection connection(*endpoint);
    QString error;
    const auto report = checkPermissions(connection, parser.value(prefix), &error);
    if (!report) {
        printError(QStringLiteral("cannot check %1: %2").arg(endpoint->displayUri(), error));
        return ExitCannotConnect;
    }
    printOut(formatReport(*report, endpoint->displayUri()));
    for (const FeatureVerdict &verdict : report->features) {
        if (verdict.applies && verdict.level != FeatureLevel::Works)
            return ExitFailure;
    }
    return ExitOk;
}

} // namespace cwb::cli
