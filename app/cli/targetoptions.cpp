#include "targetoptions.h"

#include "exitcodes.h"
#include "terminal.h"

#include "redis/credentialstore.h"

namespace cwb::cli {

void TargetOptions::addTo(QCommandLineParser &parser)
{
    parser.addOption(m_target);
    parser.addOption(m_sandboxOption);
    parser.addOption(m_keychain);
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
        m_sandbox = std::make_unique<SandboxRedis>();
        QString error;
        if (!m_sandbox->start(&error)) {
            printError(QStringLiteral("cannot start the sandbox: ") + error);
            *exitCode = ExitCannotConnect;
            return std::nullopt;
        }
        return m_sandbox->endpoint();
    }
    const QString uri = parser.isSet(m_target) ? parser.value(m_target) : fallbackUri;
    QString error;
    auto endpoint = parseEndpoint(uri, &error);
    if (!endpoint) {
        printError(QStringLiteral("--target: ") + error);
        *exitCode = ExitBadInput;
        return std::nullopt;
    }
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
