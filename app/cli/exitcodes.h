#pragma once

// The CLI's exit codes: stable, so scripts and CI pipelines can act on them. When several
// apply, the strongest wins (outcome.h: 2 > 3 > 1 > 7 > 6 > 4 > 5 > 0).
namespace cwb::cli {
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,        // anything else that went wrong; a run whose every operation failed or that lost its server
    ExitBadInput = 2,       // bad arguments or configuration (an occupied key prefix included)
    ExitCannotConnect = 3,  // the target could not be reached or used: refused, timeout, AUTH, SELECT, ACL NOPERM at setup
    ExitTooManyErrors = 4,  // the run finished, but its error rate passed --max-error-rate
    ExitRegressed = 5,      // a comparison found a regression
    ExitInterrupted = 6,    // stopped by SIGINT, SIGTERM or SIGHUP; what it measured was reported and saved
    ExitKeysLeft = 7,       // keys it wrote are still on the target (cleanup failed or was skipped); a line says how to remove them
};
} // namespace cwb::cli
