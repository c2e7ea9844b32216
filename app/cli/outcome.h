#pragma once

// What a command does with its result once it has one, at its end or after a stop signal
// (a stop signal only asks the work to stop, foreground.h): the lines it prints about keys left on the target
// and the exit code it returns. A stopped command still reports, saves and cleans up first.

#include "load/runresult.h"

#include <QString>

namespace cwb::cli {

// The stronger of two exit codes, so a command can combine what happened along the way:
// bad input > cannot connect > failure > keys left > interrupted > error rate > regression > ok.
int strongerExit(int a, int b);

// Prints (on stderr) how many keys stayed under `keyNamespace`, why, and the cleanup command
// that removes them, when `left` is not 0 (-1: unknown). Returns ExitKeysLeft then, or ExitOk
// when there are none or the user asked to keep them (userKept: the line is still printed).
int reportKeysLeft(qint64 left, const QString &keyNamespace, const QString &why, const QString &targetUri,
                   bool userKept = false);

// After a load run has been reported and saved: prints why it failed, an error rate above
// maxErrorRatePercent (< 0: no limit) and the keys it left, and returns the run's exit code.
int finishRun(const RunResult &result, double maxErrorRatePercent);

// A run worth saving: it measured something, even if it then failed or was stopped.
bool runHasMeasurements(const RunResult &result);

} // namespace cwb::cli
