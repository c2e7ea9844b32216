#include "targetoptions.h"

#include "exitcodes.h"
#include "terminal.h"

#include "redis/credentialstore.h"
#include "redis/tlscontext.h"

namespace cwb::cli {

void TlsFlags::addTo(QCommandLineParser &parser)
{
    parser.addOptions({m_tls, m_ca, m_cert, m_key, m_sni, m_minVersion, m_ciphers, m_ciphersuites, m_insecure});
}

bool TlsFlags::apply(const QCommandLineParser &parser, Endpoint &endpoint, int *exitCode)
{
    auto refuse = [exitCode](const QString &message) {
        printError(message);
        *exitCode = ExitBadInput;
        return false;
    };
    TlsOptions &tls = endpoint.tls;
    if (parser.isSet(m_tls)) {
        if (endpoint.transport != Endpoint::Transport::Tcp)
            return refuse(QStringLiteral("--tls: TLS is not available over a unix socket"));
        tls.enabled = true;
    }
    const std::pair<const QCommandLineOption *, QString> valued[] = {
        {&m_ca, QStringLiteral("tls-ca")},           {&m_cert, QStringLiteral("tls-cert")},
        {&m_key, QStringLiteral("tls-key")},         {&m_sni, QStringLiteral("tls-sni")},
        {&m_minVersion, QStringLiteral("tls-min-version")}, {&m_ciphers, QStringLiteral("tls-ciphers")},
        {&m_ciphersuites, QStringLiteral("tls-ciphersuites")},
    };
    for (const auto &[option, name] : valued) {
        if (!parser.isSet(*option))
            continue;
        QString error;
        if (!applyTlsQueryItem(tls, name, parser.value(*option), &error))
            return refuse(QStringLiteral("--") + error);
    }
    if (parser.isSet(m_insecure))
        tls.insecure = true;
    if (const QString problem = tlsOptionsProblem(tls); !problem.isEmpty())
        return refuse(problem);
    if (!tls.enabled)
        return true;
    applyTlsPassphraseFromEnvironment(tls);
    QString error;
    m_context = TlsContext::obtain(tls, &error);
    if (!m_context)
        return refuse(error);
    if (tls.insecure)
        printError(QStringLiteral("warning: --insecure: the server's certificate and host name are NOT verified; "
                                  "anyone on the path can read and change this traffic"));
    return true;
}

void TargetOptions::addTo(QCommandLineParser &parser)
{
    parser.addOption(m_target);
    parser.addOption(m_sandboxOption);
    parser.addOption(m_keychain);
    m_tls.addTo(parser);
}

std::optional<Endpoint> TargetOptions::startSandbox(const QCommandLineParser &parser, int *exitCode)
{
    m_sandbox = std::make_unique<SandboxRedis>();
    SandboxRedis::Options options;
    options.tls.enabled = m_tls.wantsTls(parser);
    QString error;
    if (!m_sandbox->start(options, &error)) {
        printError(QStringLiteral("cannot start the sandbox: ") + error);
        *exitCode = ExitCannotConnect;
        return std::nullopt;
    }
    Endpoint endpoint = m_sandbox->endpoint();
    if (!m_tls.apply(parser, endpoint, exitCode))
        return std::nullopt;
    return endpoint;
}

std::optional<Endpoint> TargetOptions::resolve(const QCommandLineParser &parser, const QString &fallbackUri,
                                               int *exitCode)
{
    if (parser.isSet(m_sandboxOption)) {
        if (parser.isSet(m_target) || parser.isSet(m_keychain)) {
            printError(parser.isSet(m_target) ? QStringLiteral("use either --target or --sandbox, not both")
                                              : QStringLiteral("--password-from-keychain: the sandbox needs no password"));
            *exitCode = ExitBadInput;
            return std::nullopt;
        }
        return startSandbox(parser, exitCode);
    }
    const QString uri = parser.isSet(m_target) ? parser.value(m_target) : fallbackUri;
    QString error;
    auto endpoint = parseEndpoint(uri, &error);
    if (!endpoint) {
        printError(QStringLiteral("--target: ") + error);
        *exitCode = ExitBadInput;
        return std::nullopt;
    }
    if (!m_tls.apply(parser, *endpoint, exitCode))
        return std::nullopt;
    // A password in the URI wins; the keychain, when asked for, comes before the environment.
    if (parser.isSet(m_keychain) && endpoint->password.isEmpty()) {
        CredentialStore keychain;
        const CredentialResult result = keychain.readPasswordBlocking(CredentialStore::keyFor(*endpoint));
        if (!result.ok()) {
            printError(QStringLiteral("--password-from-keychain: ") + result.error);
            *exitCode = result.status == CredentialResult::Status::NotFound ? ExitBadInput : ExitFailure;
            return std::nullopt;
        }
        endpoint->password = result.password;
        return endpoint;
    }
    applyPasswordFromEnvironment(*endpoint);
    return endpoint;
}

} // namespace cwb::cli
