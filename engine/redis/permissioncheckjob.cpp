#include "permissioncheckjob.h"

#include "probejob.h"

namespace cwb {

PermissionCheckJob *makePermissionCheckJob(Endpoint endpoint, QString keyPrefix, int timeoutMs, QObject *parent)
{
    return new PermissionCheckJob(
        QStringLiteral("check permissions %1").arg(endpoint.address()),
        [endpoint, keyPrefix, timeoutMs](const PermissionCheckJob::Context &context) {
            context.report({QStringLiteral("connecting to %1").arg(endpoint.address()), 0});
            RedisConnection connection(endpoint,
                                       oneShotConnectionOptions(timeoutMs, QByteArrayLiteral("cache-workbench-check")));
            PermissionCheckOutcome outcome;
            outcome.address = endpoint.address();
            if (!connection.connect()) {
                outcome.error = connection.lastError();
                context.fail(outcome.error.message);
                return outcome;
            }
            if (context.stopRequested())
                return outcome;
            context.report({QStringLiteral("probing commands on %1").arg(endpoint.address()), 0.2});
            QString error;
            outcome.report = checkPermissions(connection, keyPrefix, &error);
            if (!outcome.report) {
                // The check's own sentence, with the connection's kind when it was the connection that broke.
                const RedisErrorKind kind =
                    connection.lastError().isError() ? connection.lastError().kind : RedisErrorKind::ServerError;
                outcome.error = {kind, error};
                context.fail(error);
            }
            return outcome;
        },
        parent);
}

} // namespace cwb
