#include "sandboxjob.h"

namespace cwb {

SandboxJob *makeSandboxJob(SandboxRequest request, QObject *parent)
{
    return new SandboxJob(
        QStringLiteral("sandbox start"),
        [request = std::move(request)](const SandboxJob::Context &context) {
            StartedSandbox started;
            QString error;
            bool ok = false;
            if (request.kind == SandboxRequest::Kind::Single) {
                context.report({QStringLiteral("starting redis-server"), 0});
                SandboxRedis::Options options = request.single;
                options.stopToken = context.stopToken();
                started.single = std::make_unique<SandboxRedis>();
                ok = started.single->start(options, &error);
                if (ok)
                    started.endpoint = started.single->endpoint();
            } else {
                context.report({QStringLiteral("starting a cluster of %1 nodes")
                                    .arg(request.cluster.masters * (1 + request.cluster.replicasPerMaster)),
                                0});
                SandboxCluster::Options options = request.cluster;
                options.stopToken = context.stopToken();
                started.cluster = std::make_unique<SandboxCluster>();
                ok = started.cluster->start(options, &error);
                if (ok)
                    started.endpoint = started.cluster->seed();
            }
            // A stop that came while the last node was coming up still means "no sandbox".
            if (ok && !context.stopRequested()) {
                context.report({QStringLiteral("running"), 1});
                return started;
            }
            if (context.stopRequested())
                return StartedSandbox{}; // `started`, destroyed here, stops whatever had started

            throw jobs::JobFailure(error.isEmpty() ? QStringLiteral("the sandbox did not start") : error);
        },
        parent);
}

} // namespace cwb
