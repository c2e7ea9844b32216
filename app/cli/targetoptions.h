#pragma once

#include "redis/endpoint.h"
#include "redis/sandboxredis.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>
#include <optional>

namespace cwb::cli {

// --target URI | --sandbox, shared by every command that talks to a server. The password
// comes from the URI or the environment (CWB_REDIS_PASSWORD, REDISCLI_AUTH), never a flag,
// so it does not show in `ps` or shell history; or, with --password-from-keychain, from the OS
// keychain entry the GUI's "Remember in keychain" saved (service "cache-workbench", key = the
// URI without password).
class TargetOptions
{
public:
    void addTo(QCommandLineParser &parser);
    // Resolves the endpoint; a sandbox is started (and owned here) when --sandbox is given.
    // On failure prints a one-line error and returns nullopt; *exitCode says which.
    std::optional<Endpoint> resolve(const QCommandLineParser &parser, const QString &fallbackUri, int *exitCode);
    bool usesSandbox() const { return m_sandbox != nullptr; }

private:
    QCommandLineOption m_target{QStringLiteral("target"), QStringLiteral("Redis URI (redis://[user[:password]@]host:port[/db] or unix:///path)."), QStringLiteral("uri")};
    QCommandLineOption m_keychain{QStringLiteral("password-from-keychain"), QStringLiteral("Read the target's password from the system keychain (saved by the GUI's \"Remember in keychain\")."), QString()};
    QCommandLineOption m_sandboxOption{QStringLiteral("sandbox"), QStringLiteral("Start a throw-away local redis-server and use it.")};
    std::unique_ptr<SandboxRedis> m_sandbox;
};

} // namespace cwb::cli
