#pragma once

#include "redis/endpoint.h"

#include <QString>

#include <atomic>
#include <functional>

namespace cwb {

class BudgetGuard;

// What every optimisation experiment gets: where to run, under which key prefix (every key it
// writes starts with it and is removed with unlinkKeysWithPrefix afterwards), how to report
// progress and when to give up.
struct ExperimentContext
{
    Endpoint endpoint;
    QString keyPrefix = QStringLiteral("cwb:tune:");
    const std::atomic<bool> *cancel = nullptr;
    BudgetGuard *memory = nullptr; // optional: checks writes against a budget
    // message, fraction of this experiment done (0..1)
    std::function<void(const QString &, double)> progress;

    bool cancelled() const { return cancel && cancel->load(); }
    void report(const QString &message, double fraction) const
    {
        if (progress)
            progress(message, fraction);
    }
};

} // namespace cwb
