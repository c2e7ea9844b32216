#pragma once

#include "load/runresult.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace cwb {
class ResultStore;
}

namespace cwb::cli {

// --db FILE and --no-save, shared by the store commands and by `run`/`suite` (which save their
// results by default).
struct StoreOptions
{
    QCommandLineOption db{QStringLiteral("db"), QStringLiteral("Result store file (default: CWB_DB_PATH, the setting, or the app data folder)."), QStringLiteral("file")};
    QCommandLineOption noSave{QStringLiteral("no-save"), QStringLiteral("Do not save the result in the result store.")};

    void addTo(QCommandLineParser &parser, bool withNoSave);
    // Opens the store; prints a recovery notice (bad file moved aside) or the error to stderr.
    bool open(const QCommandLineParser &parser, ResultStore &store) const;
};

// Saves a finished run (and prints "saved run ID"); returns the id, empty on failure (printed).
QString saveRunToStore(ResultStore &store, const RunResult &result, const QString &preset, const QString &suiteId);

int runsCommand(const QStringList &args);
int showCommand(const QStringList &args);
int baselineCommand(const QStringList &args);
int compareCommand(const QStringList &args);
int exportCommand(const QStringList &args);
int reportCommand(const QStringList &args);
int importCommand(const QStringList &args);
// Hidden: saves synthetic runs in a loop, printing "committed ID" after each commit (crash test).
int storeStressCommand(const QStringList &args);

} // namespace cwb::cli
