#include "warmrun.h"

#include "memoryguard.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace cwb {

QString warmRunStatusName(WarmRunStatus s)
{
    switch (s) {
    case WarmRunStatus::Completed: return QStringLiteral("completed");
    case WarmRunStatus::Cancelled: return QStringLiteral("cancelled");
    case WarmRunStatus::MemoryLimit: return QStringLiteral("memory-limit");
    case WarmRunStatus::Failed: return QStringLiteral("failed");
    }
    return {};
}

QString skippedBreakdown(const SkipCounts &counts)
{
    std::vector<std::pair<QString, qint64>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    QStringList parts;
    for (const auto &[why, count] : sorted) {
        if (count > 0)
            parts << QStringLiteral("%1 %2").arg(count).arg(why);
    }
    return parts.join(QStringLiteral(", "));
}

QString WarmRunRecord::summary() const
{
    if (status == WarmRunStatus::Failed)
        return QStringLiteral("failed: ") + stopReason;
    QString text = QStringLiteral("%1 keys, %2 in %3 s")
                       .arg(keysWritten)
                       .arg(formatBytes(bytesWritten))
                       .arg(double(durationMs) / 1000.0, 0, 'f', 1);
    if (skipped > 0) {
        text += QStringLiteral(", %1 skipped").arg(skipped);
        if (const QString why = skippedBreakdown(skippedBy); !why.isEmpty())
            text += QStringLiteral(" (%1)").arg(why);
        else if (existingKept > 0) // a record from before skippedBy
            text += QStringLiteral(" (%1 existing kept)").arg(existingKept);
    }
    if (overwritten > 0)
        text += QStringLiteral(", %1 existing overwritten (%2)").arg(overwritten).arg(warmOverwriteName(overwrite));
    if (status != WarmRunStatus::Completed)
        text += QStringLiteral(" (%1)").arg(warmRunStatusName(status));
    return text;
}

nlohmann::json warmRunRecordToJson(const WarmRunRecord &r)
{
    nlohmann::json j;
    j["plan"] = r.planName.toStdString();
    j["strategy"] = warmStrategyName(r.strategy).toStdString();
    j["trigger"] = r.trigger.toStdString();
    j["target"] = r.target.toStdString();
    j["startedAt"] = r.startedAt.toUTC().toString(Qt::ISODateWithMs).toStdString();
    j["finishedAt"] = r.finishedAt.toUTC().toString(Qt::ISODateWithMs).toStdString();
    j["durationMs"] = r.durationMs;
    j["keysWritten"] = r.keysWritten;
    j["bytesWritten"] = r.bytesWritten;
    j["skipped"] = r.skipped;
    nlohmann::json skippedBy = nlohmann::json::object();
    for (const auto &[why, count] : r.skippedBy)
        skippedBy[why.toStdString()] = count;
    j["skippedBy"] = skippedBy;
    j["overwrite"] = warmOverwriteName(r.overwrite).toStdString();
    j["existingKept"] = r.existingKept;
    j["overwritten"] = r.overwritten;
    nlohmann::json overwrittenKeys = nlohmann::json::array();
    for (const QString &k : r.overwrittenKeys)
        overwrittenKeys.push_back(k.toStdString());
    j["overwrittenKeys"] = overwrittenKeys;
    j["batches"] = r.batches;
    j["usedMemoryBefore"] = r.usedMemoryBefore;
    j["usedMemoryAfter"] = r.usedMemoryAfter;
    j["status"] = warmRunStatusName(r.status).toStdString();
    j["stopReason"] = r.stopReason.toStdString();
    nlohmann::json messages = nlohmann::json::array();
    for (const QString &m : r.messages)
        messages.push_back(m.toStdString());
    j["messages"] = messages;
    nlohmann::json report = nlohmann::json::object();
    for (const auto &[k, v] : r.report)
        report[k.toStdString()] = v.toStdString();
    j["report"] = report;
    return j;
}

std::optional<WarmRunRecord> warmRunRecordFromJson(const nlohmann::json &j)
{
    if (!j.is_object() || !j.contains("plan") || !j["plan"].is_string())
        return std::nullopt;
    try {
        WarmRunRecord r;
        const auto s = [&](const char *k) { return QString::fromStdString(j.value(k, std::string())); };
        r.planName = s("plan");
        r.strategy = warmStrategyFromName(s("strategy")).value_or(WarmStrategy::KeyList);
        r.trigger = s("trigger");
        r.target = s("target");
        r.startedAt = QDateTime::fromString(s("startedAt"), Qt::ISODateWithMs);
        r.finishedAt = QDateTime::fromString(s("finishedAt"), Qt::ISODateWithMs);
        r.durationMs = j.value("durationMs", qint64(0));
        r.keysWritten = j.value("keysWritten", qint64(0));
        r.bytesWritten = j.value("bytesWritten", qint64(0));
        r.skipped = j.value("skipped", qint64(0));
        if (const auto by = j.find("skippedBy"); by != j.end() && by->is_object()) {
            for (auto it = by->begin(); it != by->end(); ++it) {
                if (it->is_number_integer())
                    r.skippedBy[QString::fromStdString(it.key())] = it->get<qint64>();
            }
        }
        r.batches = j.value("batches", qint64(0));
        r.overwrite = warmOverwriteFromName(s("overwrite")).value_or(WarmOverwrite::SkipExisting);
        r.existingKept = j.value("existingKept", qint64(0));
        r.overwritten = j.value("overwritten", qint64(0));
        if (j.contains("overwrittenKeys") && j["overwrittenKeys"].is_array()) {
            for (const auto &k : j["overwrittenKeys"])
                if (k.is_string())
                    r.overwrittenKeys << QString::fromStdString(k.get<std::string>());
        }
        r.usedMemoryBefore = j.value("usedMemoryBefore", qint64(-1));
        r.usedMemoryAfter = j.value("usedMemoryAfter", qint64(-1));
        const QString status = s("status");
        for (const auto st : {WarmRunStatus::Completed, WarmRunStatus::Cancelled, WarmRunStatus::MemoryLimit, WarmRunStatus::Failed}) {
            if (warmRunStatusName(st) == status)
                r.status = st;
        }
        r.stopReason = s("stopReason");
        if (j.contains("messages") && j["messages"].is_array()) {
            for (const auto &m : j["messages"])
                if (m.is_string())
                    r.messages << QString::fromStdString(m.get<std::string>());
        }
        if (j.contains("report") && j["report"].is_object()) {
            for (auto it = j["report"].begin(); it != j["report"].end(); ++it)
                if (it.value().is_string())
                    r.report[QString::fromStdString(it.key())] = QString::fromStdString(it.value().get<std::string>());
        }
        return r;
    } catch (const nlohmann::json::exception &) {
        return std::nullopt;
    }
}

bool appendWarmHistory(const QString &path, const WarmRunRecord &record, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    const std::string line = warmRunRecordToJson(record).dump() + "\n";
    // One write per record, so concurrent appenders (GUI and CLI) interleave whole lines.
    return file.write(line.data(), qint64(line.size())) == qint64(line.size());
}

std::vector<WarmRunRecord> readWarmHistory(const QString &path, int lastN)
{
    std::vector<WarmRunRecord> records;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return records;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const auto json = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
        if (json.is_discarded())
            continue;
        if (auto record = warmRunRecordFromJson(json))
            records.push_back(std::move(*record));
    }
    if (lastN > 0 && records.size() > size_t(lastN))
        records.erase(records.begin(), records.end() - lastN);
    return records;
}

} // namespace cwb
