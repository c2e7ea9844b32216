#include "runmerge.h"

#include <QStringList>

#include <algorithm>

namespace cwb {

namespace {

double nsToUs(uint64_t ns)
{
    return double(ns) / 1000.0;
}

AgentSummary agentSummary(const AgentPart &part)
{
    const OpCounters all = part.result.total();
    return {part.agent,
            part.lost ? QStringLiteral("lost") : QStringLiteral("finished"),
            part.result.status,
            part.lost,
            part.result.config.concurrentUsers,
            all.count,
            all.errors,
            part.result.throughput(),
            nsToUs(all.latency.percentileNs(99)),
            part.result.failureReason};
}

// Completed only when every agent completed; otherwise the first agent that did not, named.
void mergeAgentStatus(const std::vector<AgentPart> &parts, RunResult &merged)
{
    QStringList problems;
    merged.status = RunStatus::Completed;
    for (const AgentPart &part : parts) {
        if (part.lost) {
            problems << QStringLiteral("agent %1 was lost mid-run (its data until then is counted)").arg(part.agent);
            merged.status = RunStatus::Failed;
        } else if (part.result.status != RunStatus::Completed) {
            problems << QStringLiteral("agent %1 %2: %3")
                            .arg(part.agent, runStatusName(part.result.status), part.result.failureReason);
            if (merged.status == RunStatus::Completed || part.result.status == RunStatus::Failed)
                merged.status = part.result.status;
        }
    }
    merged.failureReason = problems.join(QStringLiteral("; "));
    if (merged.status != RunStatus::Completed) {
        for (const AgentPart &part : parts) {
            if (part.result.failureKind != RedisErrorKind::None) {
                merged.failureKind = part.result.failureKind;
                break;
            }
        }
    }
}

} // namespace

RunResult mergeAgentParts(const std::vector<AgentPart> &parts, std::vector<SecondSample> series)
{
    RunResult merged;
    if (parts.empty())
        return merged;
    const RunResult &first = parts.front().result;
    merged.runId = first.runId;
    merged.config = first.config;
    merged.config.concurrentUsers = 0;
    merged.config.requestsPerSecond = 0;
    merged.target = first.target;
    merged.startedAt = first.startedAt;
    merged.finishedAt = first.finishedAt;
    merged.server = first.server;
    merged.keyNamespace = first.keyNamespace;
    merged.cluster = first.cluster;
    merged.tls = first.tls;
    merged.tlsInsecure = false;

    for (const AgentPart &part : parts) {
        const RunResult &r = part.result;
        merged.config.concurrentUsers += r.config.concurrentUsers;
        merged.config.requestsPerSecond += r.config.requestsPerSecond;
        merged.startedAt = std::min(merged.startedAt, r.startedAt);
        merged.finishedAt = std::max(merged.finishedAt, r.finishedAt);
        merged.measuredSec = std::max(merged.measuredSec, r.measuredSec);
        merged.totals.merge(r.totals);
        merged.client.cpuUserSec += r.client.cpuUserSec;
        merged.client.cpuSystemSec += r.client.cpuSystemSec;
        merged.client.rssBefore += r.client.rssBefore;
        merged.client.rssPeak += r.client.rssPeak;
        merged.client.rssAfter += r.client.rssAfter;
        merged.client.workerThreads += r.client.workerThreads;
        merged.tlsInsecure = merged.tlsInsecure || r.tlsInsecure;
        merged.agents.push_back(agentSummary(part));
    }
    merged.series = std::move(series);
    mergeAgentStatus(parts, merged);
    return merged;
}

} // namespace cwb
