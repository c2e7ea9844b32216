#pragma once

#include <QStringList>

namespace cwb::cli {

// `warm SUBCOMMAND ...`: strategies, validate, run, schedule, next, effect.
// Takes the arguments after "warm" and returns the process exit code.
int warmCommand(const QStringList &args);

} // namespace cwb::cli
