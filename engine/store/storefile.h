#pragma once

// What a path holds, looked at before the result store opens it and before a command writes an
// output file. The rule: the workbench never renames, replaces or writes into a file it did not
// create as its store, and no output (--json, --out, a report) may land on a store.

#include <QString>

namespace cwb {

enum class StorePathKind {
    Missing,       // nothing there: a new store may be created
    Empty,         // an empty file, or an SQLite header without tables or application id (being created)
    Store,         // an SQLite database with the workbench's application id
    Directory,     // a folder
    NotSqlite,     // a file of some other kind
    ForeignSqlite, // an SQLite database of another application
    Unreadable,    // a file this process may not read
};

struct StorePathInfo
{
    StorePathKind kind = StorePathKind::Missing;
    QString description; // what it is, for a sentence: "a directory", "a SQLite database of another application"
};

// Reads at most the first 100 bytes (the SQLite header); never writes.
StorePathInfo inspectStorePath(const QString &path);

// True when writing `path` would clobber a result store: a store itself, or its -wal, -shm or
// -journal file, under whatever name leads to it (a symbolic or hard link included).
bool isResultStoreFile(const QString &path);

} // namespace cwb
