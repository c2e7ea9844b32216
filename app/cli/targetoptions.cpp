#include "targetoptions.h"

#include "exitcodes.h"
#include "terminal.h"

namespace cwb::cli {

void TargetOptions::addTo(QCommandLineParser &parser)
{
    parser.addOption(m_target);
    parser.addOption(m_sandboxOption);
}

std::optional<Endpoint> TargetOptions::resolve(const QCommandLineParser &parser, const QString &fallbackUri,
                                               int *exitCode)
{
    if (parser.isSet(m_sandboxOption)) {
        if (parser.isSet(m_target)) {
            printError(QStringLiteral("use either --target or --sandbox, not both"));
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
    applyPasswordFromEnvironment(*endpoint);
    return endpoint;
}

} // namespace cwb::cli
