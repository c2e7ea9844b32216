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
    // The store file this command uses (--db, else the default).
    QString path(const QCommandLineParser &parser) const;
    // Opens the store; prints a recovery notice (a damaged store moved aside) or the error to stderr.
    bool open(const QCommandLineParser &parser, ResultStore &store) const;
    // The same for a command that will save: a read-only store is refused before any work starts.
    bool openForWriting(const QCommandLineParser &parser, ResultStore &store) const;
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

} // namespace cwb::cli
