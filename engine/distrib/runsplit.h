#pragma once

#include "load/loadconfig.h"

#include <QString>

#include <optional>
#include <vector>

namespace cwb {

// One run spread over several agents (issue 18): each agent runs its share of the users, and of
// the rate in an open loop, against the same target at the same instant; their results merge
// into one (distrib/runmerge.h).
//
// Users are divided as evenly as they go (the first agents take one more when they do not
// divide), and an open loop's rate follows the users, so every user sends at the same pace
// whichever agent it runs on. Each share has its own workload seed, derived from the run's, so
// agents never replay each other's key sequence.
//
// Keys are shared or partitioned. Shared: every agent works on the same keys, as the users of
// one run would (hot keys stay hot across agents). Partitioned: each agent works on its own
// slice of the key space, under a sub-namespace of the run's ("<namespace>a<agent>:"), so no
// two agents ever touch the same key (the slices' sizes add up to keySpace).
enum class AgentKeys { Shared, Partitioned };

struct RunShare
{
    int agent = 0; // 0-based, in the order the agents were given
    LoadTestConfig config;
};

// The shares of `config` for `agents` agents, or nothing (and `error`) when it cannot be split:
// fewer users (or, partitioned, fewer keys) than agents, or no agent at all. The shares' key
// prefix is the config's: the coordinator sets each one with shareKeyPrefix() once it has
// claimed the run's namespace.
std::optional<std::vector<RunShare>> splitRun(const LoadTestConfig &config, int agents,
                                              AgentKeys keys = AgentKeys::Shared, QString *error = nullptr);

// Where agent `agent`'s keys go inside the run's namespace ("<prefix><tag>:").
QString shareKeyPrefix(const QString &runNamespace, int agent, AgentKeys keys);
// The run namespace a share's key prefix lies in, when it is `runId`'s namespace or one of its
// partitions; nothing otherwise (an agent refuses such a spec: it would write elsewhere).
std::optional<QString> runNamespaceOfShare(const QString &keyPrefix, const QString &runId);

// The seed of agent `agent`'s share: distinct for every agent and reproducible from the run's.
uint64_t shareSeed(uint64_t runSeed, int agent);

} // namespace cwb
