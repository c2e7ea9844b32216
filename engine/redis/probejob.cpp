#include "probejob.h"

#include "infoparser.h"

namespace cwb {

RedisConnection::Options oneShotConnectionOptions(int timeoutMs, const QByteArray &clientName)
{
    RedisConnection::Options options;
    options.connectTimeoutMs = timeoutMs;
    options.commandTimeoutMs = timeoutMs;
    options.reconnectAttempts = 0;
    options.clientName = clientName;
    return options;
}

ProbeResult probeServer(const Endpoint &endpoint, int timeoutMs, const std::stop_token &stop)
{
    RedisConnection connection(endpoint,
                               oneShotConnectionOptions(timeoutMs, QByteArrayLiteral("cache-workbench-probe")));

    ProbeResult result;
    result.address = endpoint.address();
    if (!connection.connect()) {
        result.error = connection.lastError();
        return result;
    }
    if (stop.stop_requested()) {
        result.error = {RedisErrorKind::None, QStringLiteral("stopped before INFO")};
        return result;
    }
    const std::optional<QByteArray> info = connection.info();
    if (!info) {
        result.error = connection.lastError();
        return result;
    }
    result.summary = summarize(parseInfo(*info));
    return result;
}

ProbeJob *makeProbeJob(Endpoint endpoint, int timeoutMs, QObject *parent)
{
    return new ProbeJob(
        QStringLiteral("probe %1").arg(endpoint.address()),
        [endpoint, timeoutMs](const ProbeJob::Context &context) {
            context.report({QStringLiteral("connecting to %1").arg(endpoint.address()), 0});
            ProbeResult result = probeServer(endpoint, timeoutMs, context.stopToken());
            if (!result.summary && !context.stopRequested())
                context.fail(result.error.message);
            return result;
        },
        parent);
}

} // namespace cwb
