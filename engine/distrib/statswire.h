#pragma once

#include "load/runresult.h"
#include "load/runstats.h"

#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <optional>

namespace cwb {

// The wire form of a StatsBlock, as agents stream their per-second deltas to the coordinator
// (issue 18): every counter, and each latency histogram in its compact binary form (base64), so
// the coordinator merges exactly what the agent measured. What arrives comes from another
// machine through a shared server: the reader checks every field and refuses anything else.
nlohmann::json statsBlockToWire(const StatsBlock &block);
std::optional<StatsBlock> statsBlockFromWire(const nlohmann::json &wire, QString *error = nullptr);

// One second as an agent streams it: what its StatsBlock cannot say (when, how long, the
// machine's CPU and memory, the server's, the users connected). The coordinator rebuilds the
// SecondSample from these and the second's statistics, so counts and percentiles come from the
// histograms themselves.
nlohmann::json secondToWire(const SecondSample &second);
std::optional<SecondSample> secondFromWire(const nlohmann::json &wire, const StatsBlock &stats,
                                           QString *error = nullptr);

} // namespace cwb
