#pragma once

#include "redis/endpoint.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace cwb {

// Keeps an experiment inside a memory budget on the target: the growth of used_memory over
// the value read at start() may not pass the budget. It checks before writing (allows(), with
// the caller's estimate) and watches while a load runs (a thread polling INFO memory every
// 50 ms that calls the given stop function at 90% of the budget, leaving room for what is in
// flight). Budget 0 means unlimited, but used_memory is still observed.
class BudgetGuard
{
public:
    static constexpr double kStopFraction = 0.9;

    BudgetGuard(Endpoint endpoint, qint64 budgetBytes);
    ~BudgetGuard();

    bool start(QString *error = nullptr);
    qint64 budgetBytes() const { return m_budget; }
    qint64 baseline() const { return m_baseline; }
    // Reads used_memory now and returns its growth over the baseline (negative when memory
    // shrank, which leaves more room, not less); updates the peak. nullopt when the server did
    // not answer, so the budget cannot be kept.
    std::optional<qint64> currentDelta();
    qint64 peakDelta() const { return m_peakDelta.load(); }
    // Would writing about `additionalBytes` more stay under the stop line? *reason says why not.
    bool allows(qint64 additionalBytes, QString *reason = nullptr);
    // Room left under the stop line, in bytes (a large number when unlimited).
    qint64 headroom();

    // Starts/stops the watcher thread; onExceeded runs on that thread, once.
    void watch(std::function<void()> onExceeded);
    void unwatch();
    bool exceeded() const { return m_exceeded.load(); }
    QString exceededReason() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
    qint64 m_budget = 0;
    qint64 m_baseline = 0;
    std::atomic<qint64> m_peakDelta{0};
    std::atomic<bool> m_exceeded{false};
};

QString formatByteSize(qint64 bytes);

class ClusterRouter;
// used_memory of the target: on a Redis Cluster the sum over its masters, which is what the
// experiments' keys spread over. -1 when a server does not answer.
qint64 usedMemoryOfMasters(ClusterRouter &target);

// What the experiments ask allows() for before they write. Estimates, but upper bounds: what
// they admit must stay under the budget however slowly a busy machine drains the buffers.
// A key with a value of `valueBytes` (key, value, robj, dict entry), rounded up to jemalloc's
// size classes, which are at most 25% apart: Redis 7 takes 272 B for a 128 B value and 20.1 KiB
// for a 16 KiB one (measured with INFO memory over 1000 and 16 keys).
qint64 keyMemoryEstimate(qint64 valueBytes);
// One client connection: the client, its 16 KiB reply buffer and its query buffer (about
// 20 KiB after a read); CLIENT LIST shows tot-mem of about 37 KiB for an idle one.
inline constexpr qint64 kConnectionMemory = 40 * 1024;

} // namespace cwb
