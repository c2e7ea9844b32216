#pragma once

#include "redis/endpoint.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace cwb::cli {

// --coordinator URI: the coordination server of distributed runs (a Redis the user already
// runs; rediss:// for TLS). Its password comes from the URI or CWB_COORDINATOR_PASSWORD, never
// the target's variables, so the two logins stay apart.
class CoordinatorOption
{
public:
    void addTo(QCommandLineParser &parser);
    bool isSet(const QCommandLineParser &parser) const { return parser.isSet(m_option); }
    // Prints a one-line error and returns nullopt (exit 2) when the URI is bad.
    std::optional<Endpoint> resolve(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_option{QStringLiteral("coordinator"),
                                QStringLiteral("Coordination server of distributed runs: redis://[user@]host:port[/db] "
                                               "(password from CWB_COORDINATOR_PASSWORD)."),
                                QStringLiteral("uri")};
};

// `agent`: serves distributed runs from a coordinator until a stop signal (issue 18).
int agentCommand(const QStringList &args);
// `agents`: lists the agents connected to a coordination server.
int agentsCommand(const QStringList &args);

} // namespace cwb::cli
