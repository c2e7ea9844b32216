#pragma once

#include "load/runresult.h"

#include <QString>
#include <vector>

namespace cwb::cli {

// The plain-text summary of a run that `run` prints on stdout.
QString formatRunReport(const RunResult &result);
// One row per test of a suite, then the combined totals.
QString formatSuiteReport(const QString &suiteName, const std::vector<RunResult> &results);
// Human units: "1.23 MiB", "512 B".
QString formatBytes(qint64 bytes);

} // namespace cwb::cli
