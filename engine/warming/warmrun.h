#pragma once

#include "warmingplan.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>

namespace cwb {

// Why keys were skipped: an error reply's code ("WRONGTYPE", "OOM", "MOVED" after too many
// redirects) or one of these.
inline constexpr auto kSkippedOutsidePrefix = "outside the prefix";
inline constexpr auto kSkippedBySource = "unusable source rows"; // bad rows, vanished source keys
inline constexpr auto kSkippedExisting = "existing kept";        // the plan's overwrite policy kept them
using SkipCounts = std::map<QString, qint64>;
// "1310 MOVED, 2 outside the prefix" (largest first); empty when nothing was skipped.
QString skippedBreakdown(const SkipCounts &counts);

enum class WarmRunStatus { Completed, Cancelled, MemoryLimit, Failed };
QString warmRunStatusName(WarmRunStatus s); // "completed", "cancelled", "memory-limit", "failed"

// One execution of a plan: what the history keeps.
struct WarmRunRecord
{
    QString planName;
    WarmStrategy strategy = WarmStrategy::KeyList;
    QString trigger = QStringLiteral("manual"); // "manual" or "schedule"
    QString target;                            // display URI, never a password
    QDateTime startedAt;
    QDateTime finishedAt;
    qint64 durationMs = 0;
    qint64 keysWritten = 0;
    qint64 bytesWritten = 0;  // keys + values as sent
    qint64 skipped = 0;       // bad rows, vanished source keys, rejected writes, existing keys kept
    SkipCounts skippedBy;     // the same, by reason
    WarmOverwrite overwrite = WarmOverwrite::SkipExisting; // the plan's policy for existing keys
    qint64 existingKept = 0;  // existing keys the policy left alone (also counted in skipped)
    qint64 overwritten = 0;   // existing keys the policy replaced (also counted in keysWritten)
    QStringList overwrittenKeys; // the first 20 of them
    qint64 batches = 0;
    qint64 usedMemoryBefore = -1;
    qint64 usedMemoryAfter = -1;
    WarmRunStatus status = WarmRunStatus::Failed;
    QString stopReason;       // why it stopped, one line ("" when it completed)
    QStringList messages;     // row problems, at most 50
    std::map<QString, QString> report; // strategy results (precisionAtK, hotKeys, ...)

    // "1200 keys, 310 KiB in 0.4 s" or the failure reason: for tables.
    QString summary() const;
};

nlohmann::json warmRunRecordToJson(const WarmRunRecord &record);
std::optional<WarmRunRecord> warmRunRecordFromJson(const nlohmann::json &json);

// Progress of a running plan, reported after each batch.
struct WarmProgress
{
    QString planName;
    qint64 keysWritten = 0;
    qint64 bytesWritten = 0;
    qint64 skipped = 0;
    SkipCounts skippedBy;
    qint64 total = -1;     // items expected, when known
    int batchSize = 0;     // the batch just written (shrinks near the memory limit)
    qint64 usedMemory = -1;
    qint64 elapsedMs = 0;
};

// History: one JSON object per line, appended; reading skips lines it cannot parse.
bool appendWarmHistory(const QString &path, const WarmRunRecord &record, QString *error = nullptr);
std::vector<WarmRunRecord> readWarmHistory(const QString &path, int lastN = 500);

} // namespace cwb
