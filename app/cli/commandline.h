#pragma once

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

namespace cwb::cli {

// What every command does with its arguments and output files, in one place.

// Parses a command's arguments (those after the command name) with a --help option; prints
// the parser's one-line error and returns false on bad input.
bool parseCommandLine(QCommandLineParser &parser, const QStringList &args, const QString &description);
// Writes the whole file or nothing (QSaveFile); "-" writes to stdout. On failure prints a
// one-line error naming the file and returns false.
bool writeOutputFile(const QString &path, const QByteArray &bytes);
bool writeJsonFile(const QString &path, const nlohmann::json &json); // indented, newline-terminated

} // namespace cwb::cli
