#pragma once

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <initializer_list>
#include <optional>

namespace cwb::cli {

// What every command does with its arguments and output files, in one place.

// Parses a command's arguments (those after the command name) with a --help option; prints
// the parser's one-line error and returns false on bad input.
bool parseCommandLine(QCommandLineParser &parser, const QStringList &args, const QString &description);

// The command being run ("run", "warm run"), set by the dispatchers: usage lines show
// "cache-workbench-cli COMMAND", not the path the binary was started with.
void setCommandPath(const QString &command);
// The parser's help text with that usage line.
QString helpText(const QCommandLineParser &parser);

// A numeric option's value: a finite number from min to max, or nullopt after printing a
// one-line error naming the option ("--threshold: 'nan' is not a number from 0 to 1000000").
// Not set: `fallback`.
std::optional<double> numberOption(const QCommandLineParser &parser, const QCommandLineOption &option, double min,
                                   double max, double fallback = 0);
// The same for whole numbers ("--metrics-port: '65536' is not a whole number from 0 to 65535").
std::optional<qint64> integerOption(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 min,
                                    qint64 max, qint64 fallback = 0);

// Refuses, before any work starts, output options whose file is a result store (or its -wal,
// -shm, -journal): the default store, `storePath` (the command's --db) or any file that is one.
// Prints the error naming the option and returns false.
bool refuseStoreOutputs(const QCommandLineParser &parser, std::initializer_list<const QCommandLineOption *> outputs,
                        const QString &storePath = {});

// Writes the whole file or nothing (QSaveFile); "-" writes to stdout. Refuses a result store
// as above. On failure prints a one-line error naming the file and returns false.
bool writeOutputFile(const QString &path, const QByteArray &bytes);
bool writeJsonFile(const QString &path, const nlohmann::json &json); // indented, newline-terminated

} // namespace cwb::cli
