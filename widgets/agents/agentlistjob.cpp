#include "agentlistjob.h"

#include "redis/probejob.h"

namespace cwb {

AgentListJob *makeAgentListJob(Endpoint bus, int timeoutMs, QObject *parent)
{
    return new AgentListJob(
        QStringLiteral("agents on %1").arg(bus.address()),
        [bus, timeoutMs](const AgentListJob::Context &context) {
            AgentListing listing;
            listing.address = bus.address();
            RedisConnection connection(bus,
                                       oneShotConnectionOptions(timeoutMs, QByteArrayLiteral("cache-workbench-agents")));
            if (!connection.connect()) {
                listing.error = connection.lastError();
                context.fail(listing.error.message);
                return listing;
            }
            QString reason;
            listing.agents = listAgents(connection, &reason);
            if (!listing.agents) {
                listing.error = connection.lastError();
                listing.reason = reason;
                context.fail(reason);
            }
            return listing;
        },
        parent);
}

} // namespace cwb
