#pragma once

#include "endpoint.h"
#include "jobs/job.h"
#include "jobs/stepprogress.h"
#include "permissioncheck.h"
#include "rediserror.h"

#include <optional>

namespace cwb {

// What the GUI's "Check permissions" shows: the report, or why the server could not be checked.
struct PermissionCheckOutcome
{
    QString address;                        // the endpoint's address, for messages
    std::optional<PermissionReport> report; // set when the check ran
    RedisError error;                       // otherwise why not: the connection's error when it never logged in
};

// checkPermissions() against `endpoint` as a job: connects first (every step bounded by
// timeoutMs, no reconnect retries), so a refused login or a failed TLS handshake arrives with its
// kind, then probes. Writes only the check's own key under `keyPrefix` (see checkPermissions).
using PermissionCheckJob = jobs::Job<jobs::StepProgress, PermissionCheckOutcome>;
PermissionCheckJob *makePermissionCheckJob(Endpoint endpoint, QString keyPrefix, int timeoutMs = 3000,
                                           QObject *parent = nullptr);

} // namespace cwb
