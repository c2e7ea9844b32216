#pragma once

// The CLI's exit codes: stable, so scripts and CI pipelines can act on them.
namespace cwb::cli {
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,        // anything else that went wrong
    ExitBadInput = 2,       // bad arguments or configuration
    ExitCannotConnect = 3,  // the target (or sandbox) could not be reached
    ExitTooManyErrors = 4,  // the run finished, but its error rate passed --max-error-rate
    ExitRegressed = 5,      // a comparison found a regression
};
} // namespace cwb::cli
