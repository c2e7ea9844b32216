#pragma once

#include <QStringList>

#include <optional>

namespace cwb::cli {

// tune: the auto-tuner within a time and memory budget, with a JSON report.
int tuneCommand(const QStringList &args);
// optimize compression|batching|pooling|ttl|hotkeys: one experiment.
int optimizeCommand(const QStringList &args);

// "60s", "2m", "1.5" (seconds) -> seconds; nullopt when malformed or not positive.
std::optional<double> parseDurationSec(const QString &text);
// "64MB", "512KiB", "1048576" -> bytes (KB/MB/GB are binary, as Redis' own config reads them).
std::optional<qint64> parseByteSize(const QString &text);

} // namespace cwb::cli
