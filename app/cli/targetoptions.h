#pragma once

#include "redis/endpoint.h"
#include "redis/sandboxredis.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>
#include <optional>

namespace cwb {
class TlsContext;
}

namespace cwb::cli {

// --tls, --tls-ca, --tls-cert, --tls-key, --tls-sni, --tls-min-version, --tls-ciphers,
// --tls-ciphersuites and --insecure: the TLS settings of a target, the same as a rediss:// URI's
// query (a flag wins over the URI). The key's pass phrase comes from CWB_TLS_KEY_PASS only, never
// a flag. Every command that takes a target adds these (through TargetOptions, or on their own
// where a command parses its target itself).
class TlsFlags
{
public:
    void addTo(QCommandLineParser &parser);
    bool wantsTls(const QCommandLineParser &parser) const { return parser.isSet(m_tls); }
    // Applies the flags to `endpoint`, reads the pass phrase from the environment and loads the
    // files once, so a missing, unreadable or mismatched file fails here (exit 2) with a sentence
    // before anything connects. --insecure is announced on stderr. False with *exitCode set.
    bool apply(const QCommandLineParser &parser, Endpoint &endpoint, int *exitCode);

private:
    QCommandLineOption m_tls{QStringLiteral("tls"), QStringLiteral("Speak TLS to the target (as a rediss:// URI does).")};
    QCommandLineOption m_ca{QStringLiteral("tls-ca"), QStringLiteral("CA certificate file or hashed directory to trust (default: the system trust store)."), QStringLiteral("file|dir")};
    QCommandLineOption m_cert{QStringLiteral("tls-cert"), QStringLiteral("Client certificate for mutual TLS (PEM)."), QStringLiteral("file")};
    QCommandLineOption m_key{QStringLiteral("tls-key"), QStringLiteral("The client certificate's private key (PEM); an encrypted key's pass phrase comes from CWB_TLS_KEY_PASS."), QStringLiteral("file")};
    QCommandLineOption m_sni{{QStringLiteral("tls-sni"), QStringLiteral("tls-verify-host")}, QStringLiteral("Host name sent as SNI and checked against the certificate (default: the target's host)."), QStringLiteral("name")};
    QCommandLineOption m_minVersion{QStringLiteral("tls-min-version"), QStringLiteral("Lowest TLS version: 1.2 (default) or 1.3."), QStringLiteral("version")};
    QCommandLineOption m_ciphers{QStringLiteral("tls-ciphers"), QStringLiteral("TLS 1.2 cipher list (OpenSSL syntax)."), QStringLiteral("list")};
    QCommandLineOption m_ciphersuites{QStringLiteral("tls-ciphersuites"), QStringLiteral("TLS 1.3 cipher suites (OpenSSL syntax)."), QStringLiteral("list")};
    QCommandLineOption m_insecure{QStringLiteral("insecure"), QStringLiteral("Do not verify the server's certificate or host name (said in every report and result).")};
    std::shared_ptr<const TlsContext> m_context; // keeps the loaded files for the command's connections
};

// --target URI | --sandbox, shared by every command that talks to a server, plus the TLS flags.
// The password comes from the URI or the environment (CWB_REDIS_PASSWORD, REDISCLI_AUTH), never
// a flag, so it does not show in `ps` or shell history; or, with --password-from-keychain, from
// the OS keychain entry the GUI's "Remember in keychain" saved (service "cache-workbench", key =
// the URI without password and TLS settings). --sandbox --tls starts a TLS sandbox.
class TargetOptions
{
public:
    void addTo(QCommandLineParser &parser);
    // Resolves the endpoint; a sandbox is started (and owned here) when --sandbox is given.
    // On failure prints a one-line error and returns nullopt; *exitCode says which.
    std::optional<Endpoint> resolve(const QCommandLineParser &parser, const QString &fallbackUri, int *exitCode);
    bool usesSandbox() const { return m_sandbox != nullptr; }

private:
    std::optional<Endpoint> startSandbox(const QCommandLineParser &parser, int *exitCode);

    QCommandLineOption m_target{QStringLiteral("target"), QStringLiteral("Redis URI (redis://[user[:password]@]host:port[/db], rediss://... for TLS, or unix:///path)."), QStringLiteral("uri")};
    QCommandLineOption m_keychain{QStringLiteral("password-from-keychain"), QStringLiteral("Read the target's password from the system keychain (saved by the GUI's \"Remember in keychain\")."), QString()};
    QCommandLineOption m_sandboxOption{QStringLiteral("sandbox"), QStringLiteral("Start a throw-away local redis-server and use it (with --tls: a TLS one).")};
    TlsFlags m_tls;
    std::unique_ptr<SandboxRedis> m_sandbox;
};

} // namespace cwb::cli
