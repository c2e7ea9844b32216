#pragma once

#include "redis/endpoint.h"
#include "warmingplan.h"
#include "warmrun.h"

#include <atomic>
#include <functional>

namespace cwb {

// Runs one plan to completion against a target, blocking the calling thread:
//   connect target -> open the strategy's source -> loop { INFO (memory guard) -> size batch
//   -> read items -> one pipelined write (SET PX / HSET+PEXPIRE / RESTORE ttl / GEOADD+PEXPIRE)
//   -> progress -> rate limit / delay } -> record.
// Keys that exist already are kept or replaced by plan.overwrite (see WarmOverwrite): a string or
// a copied key is written only-if-absent by the write itself (SET NX, RESTORE), other kinds after
// a pipelined TYPE per batch; the record counts what was kept and overwritten.
// Writes only keys under plan.keyPrefix (anything else is skipped and reported); never FLUSH*
// or KEYS. Cancel is honoured between batches and during waits (within about 50 ms).
class WarmExecutor
{
public:
    using ProgressCallback = std::function<void(const WarmProgress &)>;

    static WarmRunRecord run(const WarmingPlan &plan, const Endpoint &target,
                             const std::atomic<bool> *cancel = nullptr, const ProgressCallback &onProgress = {});
};

} // namespace cwb
