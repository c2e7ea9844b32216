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
// agents never replay each other's key sequence. The key space is shared: every agent works on
// the same keys, as the users of one run would.
struct RunShare
{
    int agent = 0; // 0-based, in the order the agents were given
    LoadTestConfig config;
};

// The shares of `config` for `agents` agents, or nothing (and `error`) when it cannot be split:
// fewer users than agents, or no agent at all.
std::optional<std::vector<RunShare>> splitRun(const LoadTestConfig &config, int agents, QString *error = nullptr);

// The seed of agent `agent`'s share: distinct for every agent and reproducible from the run's.
uint64_t shareSeed(uint64_t runSeed, int agent);

} // namespace cwb
