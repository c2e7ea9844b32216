#include "clusterjobs.h"

#include <chrono>

namespace cwb {

ClusterWatchJob *makeClusterWatchJob(Endpoint seed, ClusterWatchOptions options, QObject *parent)
{
    return new ClusterWatchJob(
        QStringLiteral("cluster watch"),
        [seed = std::move(seed), options](const ClusterWatchJob::Context &context) {
            ClusterDiscovery::Options discoveryOptions = options.discovery;
            discoveryOptions.stopToken = context.stopToken();
            ClusterDiscovery discovery(seed, discoveryOptions);
            ClusterWatchResult result;
            int failures = 0;
            while (!context.stopRequested() && (options.polls <= 0 || result.polls < options.polls)) {
                const auto pollStart = std::chrono::steady_clock::now();
                ClusterUpdate update;
                update.topology = discovery.discover(&update.error);
                if (context.stopRequested() && !update.topology)
                    break; // cut short by the stop: no news, not a failure
                update.poll = ++result.polls;
                if (update.topology)
                    result.last = update.topology;
                else
                    ++failures;
                result.lastError = update.error;
                context.report(std::move(update));
                if (options.polls > 0 && result.polls >= options.polls)
                    break;
                const auto elapsed = std::chrono::steady_clock::now() - pollStart;
                context.sleepFor(std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::milliseconds(options.intervalMs) - elapsed));
            }
            if (options.polls > 0 && result.polls > 0 && failures == result.polls)
                context.fail(result.lastError);
            return result;
        },
        parent);
}

ClusterFailoverJob *makeClusterFailoverJob(Endpoint seed, QString replica, int waitMs,
                                           ClusterDiscovery::Options options, QObject *parent)
{
    return new ClusterFailoverJob(
        QStringLiteral("cluster failover"),
        [seed = std::move(seed), replica = std::move(replica), waitMs,
         options](const ClusterFailoverJob::Context &context) {
            ClusterDiscovery::Options discoveryOptions = options;
            discoveryOptions.stopToken = context.stopToken();
            ClusterDiscovery discovery(seed, discoveryOptions);
            context.report({QStringLiteral("failing over to %1").arg(replica), 0});
            FailoverResult result;
            result.promoted = discovery.manualFailover(replica, &result.error, waitMs);
            if (!result.promoted && !context.stopRequested())
                context.fail(result.error);
            return result;
        },
        parent);
}

} // namespace cwb
