#pragma once

#include "endpoint.h"
#include "jobs/job.h"
#include "jobs/stepprogress.h"
#include "redisconnection.h"
#include "rediserror.h"
#include "serversummary.h"

#include <optional>
#include <stop_token>

namespace cwb {

// The answer to "can I talk to this server, and what is it?".
struct ProbeResult
{
    QString address;                      // the endpoint's address, for messages
    std::optional<ServerSummary> summary; // set when connect, AUTH, SELECT and INFO all worked
    RedisError error;                     // otherwise why not
};

// Options for a connection that answers one question and reports the first failure: every step
// bounded by timeoutMs, no reconnect retries (they would only delay the answer).
RedisConnection::Options oneShotConnectionOptions(int timeoutMs, const QByteArray &clientName);

// Connect (AUTH, SELECT), INFO, summary; every step bounded by timeoutMs, no reconnect retries (a
// probe reports the first failure). A stop request is seen between the steps. Blocks.
ProbeResult probeServer(const Endpoint &endpoint, int timeoutMs, const std::stop_token &stop = {});

// probeServer() as a job. Fails (with the result, whose error says which kind) when the server
// could not be reached or read. An owner that starts a newer probe discard()s the older one
// instead of waiting for it.
using ProbeJob = jobs::Job<jobs::StepProgress, ProbeResult>;
ProbeJob *makeProbeJob(Endpoint endpoint, int timeoutMs = 3000, QObject *parent = nullptr);

} // namespace cwb
