#pragma once

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace cwb {

// Every JSON document a user hands the workbench (load configurations, warming plans,
// monitoring configurations and rules, imports) is read through here, so all of them refuse
// the same things with the same reasons:
//   - more than kMaxJsonDocumentBytes: a configuration is small; anything bigger is the wrong
//     file, and reading it whole would be the first harm;
//   - a NUL byte: JSON is text, and a C-string reader elsewhere would see only the part before it;
//   - a key given twice in one object: parsers disagree on which one wins, so what the user
//     reads is not necessarily what runs;
//   - invalid JSON, with the line and column.
inline constexpr qsizetype kMaxJsonDocumentBytes = 1024 * 1024;

// The document, or nullopt with *error set to one line ("duplicate key 'valueSize.min'", ...).
std::optional<nlohmann::json> parseStrictJson(const QByteArray &text, QString *error);

// Reads a file for parseStrictJson without reading more than kMaxJsonDocumentBytes + 1 bytes
// (a pipe or /dev/zero is refused once it passes the limit). nullopt with *error naming the path.
std::optional<QByteArray> readJsonFile(const QString &path, QString *error);

} // namespace cwb
