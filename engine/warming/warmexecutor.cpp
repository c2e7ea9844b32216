#include "warmexecutor.h"

#include "memoryguard.h"
#include "redis/redisconnection.h"
#include "warmsource.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

namespace cwb {

namespace {

bool cancelled(const std::atomic<bool> *cancel) { return cancel && cancel->load(); }

// Sleeps in short slices so a cancel is seen quickly. False when cancelled.
bool waitMs(qint64 ms, const std::atomic<bool> *cancel)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        if (cancelled(cancel))
            return false;
        QThread::msleep(ulong(std::min<qint64>(50, ms - timer.elapsed())));
    }
    return !cancelled(cancel);
}

// Appends the commands for one item; returns how many.
int appendCommands(const WarmItem &item, qint64 ttlMs, std::vector<RedisCommand> &out)
{
    const QByteArray ttl = QByteArray::number(ttlMs);
    switch (item.kind) {
    case WarmItem::Kind::String:
        out.push_back({"SET", item.key, item.value, "PX", ttl});
        return 1;
    case WarmItem::Kind::Hash: {
        RedisCommand hset{"HSET", item.key};
        for (const auto &[field, value] : item.fields)
            hset << field << value;
        out.push_back(std::move(hset));
        out.push_back({"PEXPIRE", item.key, ttl});
        return 2;
    }
    case WarmItem::Kind::Dump:
        out.push_back({"RESTORE", item.key, ttl, item.value, "REPLACE"});
        return 1;
    case WarmItem::Kind::Geo:
        out.push_back({"GEOADD", item.key, QByteArray::number(item.lon, 'f', 6), QByteArray::number(item.lat, 'f', 6),
                       item.value});
        out.push_back({"PEXPIRE", item.key, ttl});
        return 2;
    }
    return 0;
}

} // namespace

WarmRunRecord WarmExecutor::run(const WarmingPlan &plan, const Endpoint &target, const std::atomic<bool> *cancel,
                                const ProgressCallback &onProgress)
{
    WarmRunRecord record;
    record.planName = plan.name;
    record.strategy = plan.strategy;
    record.target = target.displayUri();
    record.startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    const auto finish = [&](WarmRunStatus status, const QString &reason, const WarmSource *source) {
        record.status = status;
        record.stopReason = reason;
        if (source) {
            record.skipped += source->skipped();
            record.messages << source->rowErrors();
            for (const auto &[k, v] : source->report())
                record.report[k] = v;
        }
        while (record.messages.size() > 50)
            record.messages.removeLast();
        record.finishedAt = QDateTime::currentDateTimeUtc();
        record.durationMs = clock.elapsed();
        return record;
    };

    const auto issues = validateWarmingPlan(plan);
    if (!issues.empty())
        return finish(WarmRunStatus::Failed, QStringLiteral("invalid plan: ") + issues.front().toString(), nullptr);

    RedisConnection::Options options;
    options.connectTimeoutMs = 2000;
    options.commandTimeoutMs = 10000; // a large RESTORE batch can take a while
    options.reconnectAttempts = 2;
    options.clientName = "cwb-warming";
    RedisConnection connection(target, options);
    if (!connection.connect())
        return finish(WarmRunStatus::Failed,
                      QStringLiteral("target %1 unreachable: %2").arg(target.displayUri(), connection.lastError().message),
                      nullptr);

    MemoryGuard guard(plan.memoryBudget);
    QString error;
    if (!guard.sample(connection, &error))
        return finish(WarmRunStatus::Failed, QStringLiteral("target: ") + error, nullptr);
    record.usedMemoryBefore = guard.usedMemory();

    std::unique_ptr<WarmSource> source = createWarmSource(plan);
    if (!source->open(&error))
        return finish(WarmRunStatus::Failed, error, source.get());

    const QByteArray prefix = plan.keyPrefix.toUtf8();
    const qint64 planTtlMs = qint64(plan.ttlSec) * 1000;
    // Keeps the rate limit smooth: at most a tenth of a second's keys per batch.
    const int rateCap = plan.rateLimit > 0 ? std::max(1, int(plan.rateLimit / 10)) : plan.batchSize;
    double averageItemBytes = 64;
    WarmRunStatus status = WarmRunStatus::Completed;
    QString reason;
    std::vector<WarmItem> carry; // items read but not yet written (the guard shrank the batch)
    bool sourceDone = false;

    for (;;) {
        if (cancelled(cancel)) {
            status = WarmRunStatus::Cancelled;
            reason = QStringLiteral("cancelled after %1 keys").arg(record.keysWritten);
            break;
        }
        if (!guard.sample(connection, &error)) {
            status = WarmRunStatus::Failed;
            reason = QStringLiteral("target: ") + error;
            break;
        }
        QString stopReason;
        const int batch = guard.allowedBatch(std::min(plan.batchSize, rateCap), averageItemBytes, &stopReason);
        if (batch <= 0) {
            // Only a stop if there is anything left to write.
            if (carry.empty() && !sourceDone && !source->next(1, carry)) {
                if (!source->error().isEmpty()) {
                    status = WarmRunStatus::Failed;
                    reason = source->error();
                }
                break;
            }
            if (carry.empty())
                break;
            status = WarmRunStatus::MemoryLimit;
            reason = stopReason;
            break;
        }
        if (qsizetype(carry.size()) < batch && !sourceDone) {
            if (!source->next(batch - int(carry.size()), carry))
                sourceDone = true;
            if (!source->error().isEmpty()) {
                status = WarmRunStatus::Failed;
                reason = source->error();
                break;
            }
        }
        if (carry.empty())
            break; // the source is exhausted
        const size_t take = std::min(carry.size(), size_t(batch));

        std::vector<RedisCommand> commands;
        std::vector<std::pair<size_t, int>> itemCommands; // item index -> command count
        qint64 batchBytes = 0;
        for (size_t i = 0; i < take; ++i) {
            const WarmItem &item = carry[i];
            if (!item.key.startsWith(prefix)) {
                ++record.skipped;
                if (record.messages.size() < 50)
                    record.messages << QStringLiteral("key '%1' is outside the prefix '%2'; not written")
                                           .arg(QString::fromUtf8(item.key), plan.keyPrefix);
                continue;
            }
            itemCommands.emplace_back(i, appendCommands(item, item.ttlMs > 0 ? item.ttlMs : planTtlMs, commands));
            batchBytes += item.byteSize();
        }
        if (!commands.empty()) {
            const auto replies = connection.pipeline(commands);
            if (!replies || replies->size() != commands.size()) {
                status = WarmRunStatus::Failed;
                reason = QStringLiteral("target write failed: %1").arg(connection.lastError().message);
                break;
            }
            size_t r = 0;
            bool outOfMemory = false;
            for (const auto &[index, count] : itemCommands) {
                QByteArray failure;
                for (int c = 0; c < count; ++c, ++r) {
                    if ((*replies)[r].isError() && failure.isEmpty())
                        failure = (*replies)[r].str;
                }
                if (failure.isEmpty()) {
                    ++record.keysWritten;
                    continue;
                }
                if (failure.startsWith("OOM"))
                    outOfMemory = true;
                ++record.skipped;
                if (record.messages.size() < 50)
                    record.messages << QStringLiteral("key '%1': %2").arg(QString::fromUtf8(carry[index].key),
                                                                          QString::fromUtf8(failure));
            }
            record.bytesWritten += batchBytes;
            ++record.batches;
            guard.recordBatch(qint64(itemCommands.size()));
            averageItemBytes = itemCommands.empty() ? averageItemBytes : double(batchBytes) / double(itemCommands.size());
            if (outOfMemory) {
                status = WarmRunStatus::MemoryLimit;
                reason = QStringLiteral("the target refused writes: out of memory (maxmemory with noeviction)");
                carry.erase(carry.begin(), carry.begin() + qsizetype(take));
                break;
            }
        }
        carry.erase(carry.begin(), carry.begin() + qsizetype(take));

        if (onProgress) {
            WarmProgress progress;
            progress.planName = plan.name;
            progress.keysWritten = record.keysWritten;
            progress.bytesWritten = record.bytesWritten;
            progress.skipped = record.skipped + source->skipped();
            progress.total = source->totalEstimate();
            progress.batchSize = int(take);
            progress.usedMemory = guard.usedMemory();
            progress.elapsedMs = clock.elapsed();
            onProgress(progress);
        }
        if (plan.rateLimit > 0) {
            const qint64 dueMs = qint64(double(record.keysWritten + record.skipped) * 1000.0 / plan.rateLimit);
            if (dueMs > clock.elapsed() && !waitMs(dueMs - clock.elapsed(), cancel))
                continue; // the loop head reports the cancel
        }
        if (plan.batchDelayMs > 0 && (!carry.empty() || !sourceDone))
            waitMs(plan.batchDelayMs, cancel);
    }
    QString ignored;
    if (guard.sample(connection, &ignored))
        record.usedMemoryAfter = guard.usedMemory();
    return finish(status, reason, source.get());
}

} // namespace cwb
