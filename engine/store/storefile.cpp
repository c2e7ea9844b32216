#include "storefile.h"

#include "storeschema.h"

#include <QFile>
#include <QFileInfo>

namespace cwb {

namespace {

constexpr qsizetype kHeaderSize = 100;

quint32 bigEndian32(const QByteArray &bytes, qsizetype offset)
{
    return (quint32(quint8(bytes[offset])) << 24) | (quint32(quint8(bytes[offset + 1])) << 16) |
           (quint32(quint8(bytes[offset + 2])) << 8) | quint32(quint8(bytes[offset + 3]));
}

// The database file a -wal, -shm or -journal file belongs to; empty for any other name.
QString mainFileOf(const QString &path)
{
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        if (path.endsWith(QLatin1String(suffix)))
            return path.chopped(qsizetype(qstrlen(suffix)));
    }
    return {};
}

} // namespace

StorePathInfo inspectStorePath(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return {StorePathKind::Missing, QStringLiteral("nothing")};
    if (info.isDir())
        return {StorePathKind::Directory, QStringLiteral("a directory")};
    if (!info.isFile())
        return {StorePathKind::NotSqlite, QStringLiteral("not a regular file")};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {StorePathKind::Unreadable, QStringLiteral("unreadable (%1)").arg(file.errorString())};
    const QByteArray header = file.read(kHeaderSize);
    if (header.isEmpty())
        return {StorePathKind::Empty, QStringLiteral("an empty file")};
    if (!header.startsWith(QByteArray("SQLite format 3\0", 16)) || header.size() < kHeaderSize)
        return {StorePathKind::NotSqlite, QStringLiteral("not a SQLite database")};
    const quint32 applicationId = bigEndian32(header, 68);
    if (applicationId == quint32(storeschema::kApplicationId))
        return {StorePathKind::Store, QStringLiteral("a Cache Workbench result store")};
    // A database with its first page only has no table yet: one that is being created (the
    // schema and the application id arrive in one transaction, possibly still in the -wal).
    const quint32 pages = bigEndian32(header, 28);
    if (applicationId == 0 && pages <= 1)
        return {StorePathKind::Empty, QStringLiteral("an empty SQLite database")};
    return {StorePathKind::ForeignSqlite, QStringLiteral("a SQLite database of another application")};
}

bool isResultStoreFile(const QString &path)
{
    const QFileInfo info(path);
    const QString resolved = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    if (inspectStorePath(resolved).kind == StorePathKind::Store)
        return true;
    // A store's -wal/-shm/-journal, also when named through a link to its folder.
    const QString main = mainFileOf(resolved);
    return !main.isEmpty() && inspectStorePath(main).kind == StorePathKind::Store;
}

} // namespace cwb
