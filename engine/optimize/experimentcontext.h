#pragma once

#include "load/ownedkeys.h"
#include "redis/endpoint.h"

#include <QString>

#include <atomic>
#include <functional>

namespace cwb {

class BudgetGuard;

// What every optimisation experiment gets: where to run, under which key prefix (every key it
// writes starts with it and is removed with unlinkKeysWithPrefix afterwards), how to report
// progress and when to give up. Whoever starts experiments first turns the user's prefix into a
// namespace of their own (claimExperimentNamespace) and removes it at the end.
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

// Points ctx.keyPrefix at a fresh namespace under it ("<prefix><tag>:"), after refusing a
// prefix that is invalid or already holds keys (unless allowExistingKeys). False with *error.
bool claimExperimentNamespace(ExperimentContext &ctx, bool allowExistingKeys, RedisError *error);
// Removes the namespace ctx.keyPrefix, whatever the experiments left in it, and counts the rest.
NamespaceCleanup releaseExperimentNamespace(const ExperimentContext &ctx);

} // namespace cwb
