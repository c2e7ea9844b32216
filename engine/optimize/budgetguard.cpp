#include "budgetguard.h"

#include "cluster/clusterrouter.h"
#include "redis/infoparser.h"

#include <cmath>
#include <limits>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace cwb {

struct BudgetGuard::Private
{
    Endpoint endpoint;
    std::unique_ptr<ClusterRouter> connection; // control thread's
    std::thread watcher;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopWatching = false;
    QString reason;
};

qint64 usedMemoryOfMasters(ClusterRouter &c)
{
    const auto texts = c.infoOfMasters(QByteArrayLiteral("memory"));
    if (!texts)
        return -1;
    qint64 used = 0;
    for (const QByteArray &text : *texts)
        used += parseInfo(text).memory.usedMemory;
    return used;
}

namespace {

ClusterRouter::Options guardOptions(int commandTimeoutMs)
{
    ClusterRouter::Options o;
    o.connection.clientName = QByteArrayLiteral("cwb-tune-guard");
    o.connection.commandTimeoutMs = commandTimeoutMs;
    return o;
}

} // namespace

QString formatByteSize(qint64 bytes)
{
    const double b = double(bytes);
    if (std::abs(b) >= 1024.0 * 1024.0)
        return QStringLiteral("%1 MiB").arg(b / (1024.0 * 1024.0), 0, 'f', 1);
    if (std::abs(b) >= 1024.0)
        return QStringLiteral("%1 KiB").arg(b / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 B").arg(bytes);
}

qint64 keyMemoryEstimate(qint64 valueBytes)
{
    return qint64(double(valueBytes + 96) * 1.25);
}

BudgetGuard::BudgetGuard(Endpoint endpoint, qint64 budgetBytes) : d(std::make_unique<Private>()), m_budget(budgetBytes)
{
    d->endpoint = std::move(endpoint);
}

BudgetGuard::~BudgetGuard()
{
    unwatch();
}

bool BudgetGuard::start(QString *error)
{
    d->connection = std::make_unique<ClusterRouter>(d->endpoint, guardOptions(RedisConnection::Options{}.commandTimeoutMs));
    if (!d->connection->connect()) {
        if (error)
            *error = d->connection->lastError().message;
        return false;
    }
    m_baseline = usedMemoryOfMasters(*d->connection);
    if (m_baseline < 0) {
        if (error)
            *error = QStringLiteral("INFO memory did not answer");
        return false;
    }
    return true;
}

std::optional<qint64> BudgetGuard::currentDelta()
{
    if (!d->connection)
        return std::nullopt;
    const qint64 used = usedMemoryOfMasters(*d->connection);
    if (used < 0)
        return std::nullopt;
    const qint64 delta = used - m_baseline;
    qint64 peak = m_peakDelta.load();
    while (delta > peak && !m_peakDelta.compare_exchange_weak(peak, delta)) {
    }
    return delta;
}

qint64 BudgetGuard::headroom()
{
    if (m_budget <= 0)
        return std::numeric_limits<qint64>::max() / 4;
    const std::optional<qint64> delta = currentDelta();
    if (!delta)
        return 0; // unknown growth: no room can be promised
    return qint64(double(m_budget) * kStopFraction) - std::max<qint64>(0, *delta);
}

bool BudgetGuard::allows(qint64 additionalBytes, QString *reason)
{
    if (m_budget <= 0)
        return true;
    const std::optional<qint64> delta = currentDelta();
    if (!delta) {
        if (reason)
            *reason = QStringLiteral("used_memory could not be read, so the memory budget cannot be kept");
        return false;
    }
    // Memory below the start (the server freed something) is room, never a reason to stop.
    const qint64 growth = std::max<qint64>(0, *delta);
    if (growth + additionalBytes > qint64(double(m_budget) * kStopFraction)) {
        if (reason)
            *reason = QStringLiteral("memory budget %1 would be exceeded: used_memory is already %2 above the start "
                                     "and this step needs about %3 more")
                          .arg(formatByteSize(m_budget), formatByteSize(growth), formatByteSize(additionalBytes));
        return false;
    }
    return true;
}

void BudgetGuard::watch(std::function<void()> onExceeded)
{
    unwatch();
    {
        std::lock_guard lock(d->mutex);
        d->stopWatching = false;
    }
    // The watcher has its own connection: the control connection belongs to the caller's thread.
    d->watcher = std::thread([this, onExceeded = std::move(onExceeded)] {
        ClusterRouter c(d->endpoint, guardOptions(1000));
        if (!c.connect())
            return;
        std::unique_lock lock(d->mutex);
        while (!d->stopWatching) {
            lock.unlock();
            const qint64 used = usedMemoryOfMasters(c);
            lock.lock();
            if (used >= 0) {
                const qint64 delta = used - m_baseline;
                qint64 peak = m_peakDelta.load();
                while (delta > peak && !m_peakDelta.compare_exchange_weak(peak, delta)) {
                }
                if (m_budget > 0 && delta > qint64(double(m_budget) * kStopFraction) && !m_exceeded.exchange(true)) {
                    d->reason = QStringLiteral("stopped: used_memory grew by %1, within 10% of the memory budget %2")
                                    .arg(formatByteSize(delta), formatByteSize(m_budget));
                    lock.unlock();
                    if (onExceeded)
                        onExceeded();
                    lock.lock();
                }
            }
            d->wake.wait_for(lock, std::chrono::milliseconds(50), [this] { return d->stopWatching; });
        }
    });
}

void BudgetGuard::unwatch()
{
    if (!d->watcher.joinable())
        return;
    {
        std::lock_guard lock(d->mutex);
        d->stopWatching = true;
    }
    d->wake.notify_all();
    d->watcher.join();
}

QString BudgetGuard::exceededReason() const
{
    std::lock_guard lock(d->mutex);
    return d->reason;
}

} // namespace cwb
