#pragma once

#include "load/runresult.h"

#include <QString>

#include <vector>

namespace cwb {

// What one agent contributed to a distributed run (issue 18): its own result (its series is not
// used: seconds merge as they arrive, see distrib/seriesmerger.h). A lost agent (it stopped
// answering mid-run) keeps the data it delivered before it went.
struct AgentPart
{
    QString agent;
    RunResult result;
    bool lost = false;
};

// One result from the agents' parts, as if one generator had run every user, with one
// AgentSummary per part in `agents`:
// - counters and latency histograms add up, so every percentile (whole run, each operation,
//   each node, each second) is the percentile of the union of the agents' samples - never an
//   average of their percentiles;
// - the series is the one a SeriesMerger built from the agents' seconds;
// - the client figures (CPU, RSS, threads) are the sum over the agents' machines; the server
//   figures are one agent's (they all watched the same server, so adding would count it twice);
// - the status is Completed only when every agent completed; a lost or failed agent makes the
//   run Failed with a reason that names it, its delivered data still counted.
// - the agents share one key namespace, which only the coordinator cleans up, once all have
//   stopped: the cleanup figures (keysCleanedUp, keysLeft, cleanupNote) are left for it to fill.
// `parts` must not be empty; the merged run takes the first part's id, config (users and rate
// summed back) and target.
RunResult mergeAgentParts(const std::vector<AgentPart> &parts, std::vector<SecondSample> series);

} // namespace cwb
