#pragma once

#include <QStringList>

namespace cwb::cli {

// `warm SUBCOMMAND ...`: strategies, validate, run, schedule, daemon, next, effect.
// Takes the arguments after "warm" and returns the process exit code.
int warmCommand(const QStringList &args);
// `warm daemon ...` (warmdaemon.cpp): the arguments after "daemon".
int warmDaemonCommand(const QStringList &args);

} // namespace cwb::cli
