#pragma once

#include <QStringList>

namespace cwb::cli {

// `run`: one load test. `suite`: a suite of them in sequence. `presets`: what is built in.
// Each takes the arguments after the command name and returns the process exit code.
int runCommand(const QStringList &args);
int suiteCommand(const QStringList &args);
int presetsCommand(const QStringList &args);

} // namespace cwb::cli
