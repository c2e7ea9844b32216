#include "agentcommands.h"

#include "commandline.h"
#include "exitcodes.h"
#include "foreground.h"
#include "terminal.h"

#include "distrib/agent.h"
#include "distrib/agentregistry.h"
#include "redis/credentialstore.h"

#include <QDateTime>
#include <QHostInfo>
#include <QRegularExpression>

#include <atomic>

namespace cwb::cli {

void CoordinatorOption::addTo(QCommandLineParser &parser)
{
    parser.addOption(m_option);
}

std::optional<Endpoint> CoordinatorOption::resolve(const QCommandLineParser &parser) const
{
    QString error;
    auto endpoint = parseEndpoint(parser.value(m_option), &error);
    if (!endpoint) {
        printError(QStringLiteral("--coordinator: ") + error);
        return std::nullopt;
    }
    if (endpoint->password.isEmpty())
        endpoint->password = qEnvironmentVariable("CWB_COORDINATOR_PASSWORD");
    return endpoint;
}

namespace {

// This machine's name as an agent name: its host name, with what a name may not hold replaced.
QString defaultAgentName()
{
    static const QRegularExpression invalid(QStringLiteral("[^A-Za-z0-9._-]"));
    const QString name = QHostInfo::localHostName().replace(invalid, QStringLiteral("-")).left(64);
    return name.isEmpty() ? QStringLiteral("agent") : name;
}

void logLine(const QString &line)
{
    printOut(QStringLiteral("%1 %2\n").arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs), line));
}

// A target's password, on the agent's own machine: the keychain when its operator asked for
// it, else the environment. Called on the agent's thread, which runs the keychain's short event
// loop itself (nothing crosses threads).
QString targetPasswordFor(const Endpoint &target, bool fromKeychain)
{
    if (fromKeychain) {
        CredentialStore keychain;
        const CredentialResult read = keychain.readPasswordBlocking(CredentialStore::keyFor(target));
        if (read.ok())
            return read.password;
        logLine(QStringLiteral("keychain: no password for %1 (%2); trying the environment")
                    .arg(target.serverUri(), read.error));
    }
    Endpoint fromEnvironment = target;
    fromEnvironment.password.clear();
    applyPasswordFromEnvironment(fromEnvironment);
    return fromEnvironment.password;
}

} // namespace

int agentCommand(const QStringList &args)
{
    QCommandLineParser parser;
    CoordinatorOption coordinator;
    coordinator.addTo(parser);
    const QCommandLineOption name{QStringLiteral("name"),
                                  QStringLiteral("This agent's name (default: the host name)."), QStringLiteral("name")};
    const QCommandLineOption allow{QStringLiteral("allow-target"),
                                   QStringLiteral("A target URI this agent may load; * and ? match within one part "
                                                  "of it (not across . : / @), ** matches anything "
                                                  "(redis://10.0.0.*:6379). Repeat for more. Required."),
                                   QStringLiteral("pattern")};
    const QCommandLineOption keychain{QStringLiteral("password-from-keychain"),
                                      QStringLiteral("Read targets' passwords from the system keychain (else "
                                                     "CWB_REDIS_PASSWORD / REDISCLI_AUTH).")};
    parser.addOptions({name, allow, keychain});
    if (!parseCommandLine(parser, args,
                          QStringLiteral("Serves distributed runs: waits for load specs from the coordinator, runs "
                                         "its share against allowed targets, streams every second, until stopped.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (!coordinator.isSet(parser) || !parser.isSet(allow)) {
        printError(QStringLiteral("agent: give --coordinator URI and at least one --allow-target PATTERN"));
        return ExitBadInput;
    }
    const auto bus = coordinator.resolve(parser);
    if (!bus)
        return ExitBadInput;
    const QString agentName = parser.isSet(name) ? parser.value(name) : defaultAgentName();
    if (!isValidAgentName(agentName)) {
        printError(QStringLiteral("--name: '%1' is not 1-64 of A-Z a-z 0-9 . _ -").arg(agentName));
        return ExitBadInput;
    }

    const bool fromKeychain = parser.isSet(keychain);
    AgentOptions options{*bus, agentName, QHostInfo::localHostName(), parser.values(allow),
                         [fromKeychain](const Endpoint &target) { return targetPasswordFor(target, fromKeychain); },
                         logLine};
    Agent agent(options);
    logLine(QStringLiteral("agent %1 serving %2 (allowed: %3)")
                .arg(agentName, bus->displayUri(), parser.values(allow).join(QStringLiteral(", "))));
    // A job, like every long command: a stop signal raises its flag, and serve() returns within
    // a second (a share it runs stops and reports first).
    const QString error = runCancellable<QString>(
        QStringLiteral("agent"), [&agent](const std::atomic<bool> *cancel, const std::function<void(QString)> &) {
            QString why;
            return agent.serve(*cancel, &why) ? QString() : why.isEmpty() ? QStringLiteral("stopped") : why;
        });
    if (!error.isEmpty()) {
        printError(QStringLiteral("agent: ") + error);
        return ExitCannotConnect;
    }
    logLine(QStringLiteral("agent %1 stopped").arg(agentName));
    return ExitOk;
}

int agentsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    CoordinatorOption coordinator;
    coordinator.addTo(parser);
    if (!parseCommandLine(parser, args, QStringLiteral("Lists the agents connected to a coordination server.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (!coordinator.isSet(parser)) {
        printError(QStringLiteral("agents: give --coordinator URI"));
        return ExitBadInput;
    }
    const auto bus = coordinator.resolve(parser);
    if (!bus)
        return ExitBadInput;
    RedisConnection connection(*bus);
    QString error;
    const auto agents = connection.connect() ? listAgents(connection, &error) : std::nullopt;
    if (!agents) {
        printError(QStringLiteral("coordination server %1: %2")
                       .arg(bus->displayUri(), error.isEmpty() ? connection.lastError().message : error));
        return ExitCannotConnect;
    }
    printOut(QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                 .arg(QStringLiteral("agent").leftJustified(20), QStringLiteral("host").leftJustified(20),
                      QStringLiteral("version").leftJustified(9), QStringLiteral("cores").rightJustified(5),
                      QStringLiteral("clock skew").rightJustified(11), QStringLiteral("state / allowed targets")));
    for (const AgentInfo &a : *agents) {
        const QString protocol =
            a.protocol == kCoordProtocol ? QString() : QStringLiteral(" (protocol %1: cannot run)").arg(a.protocol);
        printOut(QStringLiteral("%1 %2 %3 %4 %5 %6%7 · %8\n")
                     .arg(a.name.leftJustified(20), a.host.leftJustified(20), a.version.leftJustified(9),
                          QString::number(a.cores).rightJustified(5),
                          QString(QString::number(double(a.clockOffsetNs) / 1e6, 'f', 2) + QStringLiteral(" ms"))
                              .rightJustified(11),
                          a.state, protocol, a.allowTargets.join(QStringLiteral(", "))));
    }
    return ExitOk;
}

} // namespace cwb::cli
