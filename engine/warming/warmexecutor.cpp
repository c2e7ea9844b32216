#include "warmexecutor.h"

#include "memoryguard.h"
#include "warmsource.h"

#include "cluster/clusterrouter.h"
#include "redis/infoparser.h"

#include <QElapsedTimer>
#include <QSet>
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

// The TYPE of the object a DUMP payload holds, from its RDB type byte (Redis 7 encodings).
QByteArray dumpPayloadType(const QByteArray &payload)
{
    if (payload.isEmpty())
        return {};
    switch (quint8(payload.front())) {
    case 0: return "string";
    case 1: case 10: case 14: case 18: return "list";
    case 2: case 11: case 20: return "set";
    case 3: case 5: case 12: case 17: return "zset";
    case 4: case 9: case 13: case 16: return "hash";
    case 15: case 19: case 21: return "stream";
    default: return {};
    }
}

// The TYPE of the key an item writes.
QByteArray itemType(const WarmItem &item)
{
    switch (item.kind) {
    case WarmItem::Kind::String: return "string";
    case WarmItem::Kind::Hash: return "hash";
    case WarmItem::Kind::Geo: return "zset";
    case WarmItem::Kind::Dump: return dumpPayloadType(item.value);
    }
    return {};
}

enum class Existing { Absent, Replace, Keep };

// What the plan's policy does with an item whose key has type `current` ("none": absent).
Existing decide(WarmOverwrite policy, const QByteArray &current, const QByteArray &written)
{
    if (current == "none")
        return Existing::Absent;
    switch (policy) {
    case WarmOverwrite::SkipExisting: return Existing::Keep;
    case WarmOverwrite::SameType: return !written.isEmpty() && current == written ? Existing::Replace : Existing::Keep;
    case WarmOverwrite::Always: return Existing::Replace;
    }
    return Existing::Keep;
}

// Under skip-existing a string (SET NX) and a copied key (RESTORE without REPLACE) are written
// only if absent by the write itself, atomically and without a TYPE round trip first.
bool writeRefusesExisting(const WarmItem &item, WarmOverwrite policy)
{
    return policy == WarmOverwrite::SkipExisting
        && (item.kind == WarmItem::Kind::String || item.kind == WarmItem::Kind::Dump);
}

// How one item is written.
struct ItemWrite
{
    size_t index = 0;       // in the batch
    int commands = 0;       // how many it appended
    bool replaces = false;  // overwrites an existing key (reported)
    bool ifAbsent = false;  // the write itself refuses an existing key (writeRefusesExisting)
};

// Appends the commands for one item. An existing key that a plain write would merge into (hash
// fields) or cannot write over (another type) goes first when the item replaces it.
ItemWrite appendCommands(const WarmItem &item, qint64 ttlMs, ItemWrite write, const QByteArray &currentType,
                         std::vector<RedisCommand> &out)
{
    const QByteArray ttl = QByteArray::number(ttlMs);
    const bool clearFirst = write.replaces
        && (item.kind == WarmItem::Kind::Hash || (item.kind == WarmItem::Kind::Geo && currentType != "zset"));
    if (clearFirst) {
        out.push_back({"UNLINK", item.key});
        ++write.commands;
    }
    switch (item.kind) {
    case WarmItem::Kind::String:
        out.push_back(write.ifAbsent ? RedisCommand{"SET", item.key, item.value, "PX", ttl, "NX"}
                                     : RedisCommand{"SET", item.key, item.value, "PX", ttl});
        ++write.commands;
        break;
    case WarmItem::Kind::Hash: {
        RedisCommand hset{"HSET", item.key};
        for (const auto &[field, value] : item.fields)
            hset << field << value;
        out.push_back(std::move(hset));
        out.push_back({"PEXPIRE", item.key, ttl});
        write.commands += 2;
        break;
    }
    case WarmItem::Kind::Dump:
        out.push_back(write.replaces ? RedisCommand{"RESTORE", item.key, ttl, item.value, "REPLACE"}
                                     : RedisCommand{"RESTORE", item.key, ttl, item.value});
        ++write.commands;
        break;
    case WarmItem::Kind::Geo:
        out.push_back({"GEOADD", item.key, QByteArray::number(item.lon, 'f', 6), QByteArray::number(item.lat, 'f', 6),
                       item.value});
        out.push_back({"PEXPIRE", item.key, ttl});
        write.commands += 2;
        break;
    }
    return write;
}

// An ifAbsent write that found its key taken: SET NX answers nil, RESTORE answers BUSYKEY.
bool foundExisting(const RedisReply &reply)
{
    return reply.isNil() || (reply.isError() && reply.str.startsWith("BUSYKEY"));
}

// Error replies that say the target takes no writes at all (a replica, a cluster that is down,
// a server still loading or refusing writes after a failed save): every further batch would
// fail the same way, so the run stops at once instead of counting skipped keys.
bool refusesAllWrites(const QByteArray &error)
{
    for (const char *code : {"READONLY", "MASTERDOWN", "CLUSTERDOWN", "LOADING", "MISCONF", "NOAUTH"}) {
        if (error.startsWith(code))
            return true;
    }
    return false;
}

// The first word of an error reply ("WRONGTYPE", "OOM", "MOVED"): what skipped keys are counted by.
QString errorCode(const QByteArray &error)
{
    const qsizetype space = error.indexOf(' ');
    return QString::fromUtf8(space < 0 ? error : error.left(space));
}

// A single server that is a replica refuses every write (READONLY): say so before reading the
// source. (A cluster replica is fine as a seed: the router writes to the masters.)
QString replicaTargetReason(ClusterRouter &connection)
{
    if (connection.isCluster())
        return {};
    const auto text = connection.info("replication");
    if (!text)
        return {};
    const InfoSnapshot info = parseInfo(*text);
    if (info.value(QStringLiteral("replication"), QStringLiteral("role")) != QLatin1String("slave"))
        return {};
    return QStringLiteral("target %1 is a replica of %2:%3 and refuses writes; warm its master instead")
        .arg(connection.endpoint().displayUri(),
             info.value(QStringLiteral("replication"), QStringLiteral("master_host")),
             info.value(QStringLiteral("replication"), QStringLiteral("master_port")));
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
    const auto skip = [&](const QString &why, const QString &message) {
        ++record.skipped;
        ++record.skippedBy[why];
        if (!message.isEmpty() && record.messages.size() < 50)
            record.messages << message;
    };
    const auto finish = [&](WarmRunStatus status, const QString &reason, const WarmSource *source) {
        record.status = status;
        record.stopReason = reason;
        if (source) {
            record.skipped += source->skipped();
            if (source->skipped() > 0)
                record.skippedBy[QLatin1String(kSkippedBySource)] += source->skipped();
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

    ClusterRouter::Options options;
    options.connection.connectTimeoutMs = 2000;
    options.connection.commandTimeoutMs = 10000; // a large RESTORE batch can take a while
    options.connection.reconnectAttempts = 2;
    options.connection.clientName = "cwb-warming";
    ClusterRouter connection(target, options);
    if (!connection.connect()) {
        // A server that answered but cannot be used (a cluster's slot map, /db on a cluster) is
        // not "unreachable".
        const RedisError &e = connection.lastError();
        const QString how = e.kind == RedisErrorKind::ServerError ? QStringLiteral("target %1: %2")
                                                                  : QStringLiteral("target %1 unreachable: %2");
        return finish(WarmRunStatus::Failed, how.arg(target.displayUri(), e.message), nullptr);
    }
    if (const QString replica = replicaTargetReason(connection); !replica.isEmpty())
        return finish(WarmRunStatus::Failed, replica, nullptr);

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
    record.overwrite = plan.overwrite;
    // Geo items of one set share a key: the run's own earlier writes are not "existing" keys.
    QSet<QByteArray> geoKeysWritten;

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

        std::vector<size_t> inPrefix;
        for (size_t i = 0; i < take; ++i) {
            if (carry[i].key.startsWith(prefix)) {
                inPrefix.push_back(i);
                continue;
            }
            skip(QLatin1String(kSkippedOutsidePrefix), QStringLiteral("key '%1' is outside the prefix '%2'; not written")
                                                           .arg(QString::fromUtf8(carry[i].key), plan.keyPrefix));
        }
        // The plan's policy for keys that exist already: a pipelined TYPE for the items whose
        // write cannot refuse an existing key by itself.
        std::vector<RedisCommand> typeQueries;
        for (const size_t i : inPrefix) {
            if (!writeRefusesExisting(carry[i], plan.overwrite))
                typeQueries.push_back({"TYPE", carry[i].key});
        }
        const auto types = connection.pipeline(typeQueries);
        if (!types || types->size() != typeQueries.size()) {
            status = WarmRunStatus::Failed;
            reason = QStringLiteral("target TYPE check failed: %1").arg(connection.lastError().message);
            break;
        }

        std::vector<RedisCommand> commands;
        std::vector<ItemWrite> writes;
        qint64 batchBytes = 0;
        size_t nextType = 0;
        for (const size_t i : inPrefix) {
            const WarmItem &item = carry[i];
            ItemWrite write;
            write.index = i;
            write.ifAbsent = writeRefusesExisting(item, plan.overwrite);
            QByteArray current = "none";
            if (!write.ifAbsent) {
                const RedisReply &type = (*types)[nextType++];
                current = type.isError() ? QByteArray("unknown") : type.str;
            }
            const bool ownGeo = item.kind == WarmItem::Kind::Geo && geoKeysWritten.contains(item.key);
            const Existing existing = ownGeo ? Existing::Absent : decide(plan.overwrite, current, itemType(item));
            if (existing == Existing::Keep) {
                skip(QLatin1String(kSkippedExisting), {});
                ++record.existingKept;
                continue;
            }
            write.replaces = existing == Existing::Replace;
            writes.push_back(appendCommands(item, item.ttlMs > 0 ? item.ttlMs : planTtlMs, write, current, commands));
            if (item.kind == WarmItem::Kind::Geo)
                geoKeysWritten.insert(item.key);
        }
        if (!commands.empty()) {
            const qint64 writtenBefore = record.keysWritten;
            const auto replies = connection.pipeline(commands);
            if (!replies || replies->size() != commands.size()) {
                status = WarmRunStatus::Failed;
                reason = QStringLiteral("target write failed: %1").arg(connection.lastError().message);
                break;
            }
            size_t r = 0;
            bool outOfMemory = false;
            QByteArray refusal;
            for (const ItemWrite &write : writes) {
                if (write.ifAbsent && foundExisting((*replies)[r])) {
                    r += size_t(write.commands);
                    skip(QLatin1String(kSkippedExisting), {});
                    ++record.existingKept;
                    continue;
                }
                QByteArray failure;
                for (int c = 0; c < write.commands; ++c, ++r) {
                    if ((*replies)[r].isError() && failure.isEmpty())
                        failure = (*replies)[r].str;
                }
                if (failure.isEmpty()) {
                    ++record.keysWritten;
                    batchBytes += carry[write.index].byteSize();
                    if (write.replaces) {
                        ++record.overwritten;
                        if (record.overwrittenKeys.size() < 20)
                            record.overwrittenKeys << QString::fromUtf8(carry[write.index].key);
                    }
                    continue;
                }
                if (failure.startsWith("OOM"))
                    outOfMemory = true;
                if (refusesAllWrites(failure) && refusal.isEmpty())
                    refusal = failure;
                skip(errorCode(failure), QStringLiteral("key '%1': %2").arg(QString::fromUtf8(carry[write.index].key),
                                                                            QString::fromUtf8(failure)));
            }
            record.bytesWritten += batchBytes;
            ++record.batches;
            guard.recordBatch(qint64(writes.size()));
            if (const qint64 written = record.keysWritten - writtenBefore; written > 0)
                averageItemBytes = double(batchBytes) / double(written);
            if (!refusal.isEmpty()) {
                status = WarmRunStatus::Failed;
                reason = QStringLiteral("the target refuses writes: %1").arg(QString::fromUtf8(refusal));
                carry.erase(carry.begin(), carry.begin() + qsizetype(take));
                break;
            }
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
            progress.skippedBy = record.skippedBy;
            if (source->skipped() > 0)
                progress.skippedBy[QLatin1String(kSkippedBySource)] += source->skipped();
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
