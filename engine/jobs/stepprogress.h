#pragma once

#include <QString>

namespace cwb::jobs {

// Progress of a job that goes through steps it can only describe in words: what it does now and
// how much of the whole is done (0..1). The tuner, the optimisation experiments, sandbox starts
// and probes report this.
struct StepProgress
{
    QString message;
    double fraction = 0;
};

} // namespace cwb::jobs
