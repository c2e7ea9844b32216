#pragma once

#include "distrib/agentregistry.h"
#include "jobs/job.h"
#include "jobs/stepprogress.h"
#include "redis/endpoint.h"
#include "redis/rediserror.h"

#include <optional>
#include <vector>

namespace cwb {

// What a coordination server said about its agents: the live ones, or why it could not say.
struct AgentListing
{
    QString address;                              // the server's address, for messages
    std::optional<std::vector<AgentInfo>> agents; // set when connect, AUTH and the listing worked
    RedisError error;                             // the connection's error, when it failed there
    QString reason;                               // the listing's own reason, when it failed after
};

// distrib/agentregistry.h's listAgents() as a one-off job, as `agents --coordinator` runs it:
// every step bounded by timeoutMs, no reconnect retries (a refresh reports the first failure and
// the next one tries again). Fails, with the listing, when the server could not be read.
using AgentListJob = jobs::Job<jobs::StepProgress, AgentListing>;
AgentListJob *makeAgentListJob(Endpoint bus, int timeoutMs, QObject *parent = nullptr);

} // namespace cwb
