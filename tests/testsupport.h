#pragma once

// Small helpers shared by the integration tests. Header-only.

#include "redis/redisconnection.h"
#include "redis/sandboxclient.h"
#include "redis/sandboxcluster.h"
#include "redis/sandboxredis.h"

#include "childprocess.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>

#include <optional>
#include <type_traits>

#include <cerrno>
#include <csignal>
#include <unistd.h>

#include <cstring>
#include <vector>

// Starts a SandboxRedis or SandboxCluster, failing the test (never skipping: CI installs
// redis-server) with the sandbox's own error. Options are aggregate initialisers:
//   cwb::SandboxRedis redis;  CWB_START_SANDBOX(redis);
//   CWB_START_SANDBOX(redis, .password = QStringLiteral("secret"), .maxmemoryBytes = 1 << 20);
//   CWB_START_SANDBOX(cluster, options);
#define CWB_START_SANDBOX(sandbox, ...)                                                                      \
    do {                                                                                                   \
        QString cwbStartError_;                                                                            \
        QVERIFY2((sandbox).start(std::remove_cvref_t<decltype(sandbox)>::Options{__VA_ARGS__}, &cwbStartError_), \
                 qPrintable(cwbStartError_));                                                              \
    } while (0)

namespace cwb::test {

// Runs one command against a sandbox with a fresh SandboxClient (so it works while the
// connection class under test is broken). nullopt when it could not connect or send.
inline std::optional<RedisReply> sandboxCommand(const SandboxRedis &sandbox, const RedisCommand &args,
                                                QString *error = nullptr, int timeoutMs = 2000)
{
    SandboxClient client;
    if (!client.connect(sandbox.controlEndpoint(), timeoutMs, error))
        return std::nullopt;
    return client.command(args, error);
}

// A field of INFO <section> from a sandbox ("used_memory", "connected_slaves"); empty on failure.
inline QByteArray sandboxInfoField(const SandboxRedis &sandbox, const QByteArray &section, const QByteArray &field)
{
    const auto reply = sandboxCommand(sandbox, {QByteArrayLiteral("INFO"), section});
    return reply && !reply->isError() ? infoField(reply->str, field) : QByteArray();
}

// Writes `bytes` to `name` in `dir` and returns the file's path (a config, a plan, a key list).
template<typename Dir>
inline QString writeTempFile(const Dir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return file.fileName();
}

// Creates `path` as another application's SQLite database (a table of contacts): a file the
// result store must never touch.
inline bool writeForeignSqlite(const QString &path)
{
    const QString name = QStringLiteral("cwb-test-foreign");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        ok = db.open() && q.exec(QStringLiteral("CREATE TABLE contacts (name TEXT)"))
            && q.exec(QStringLiteral("INSERT INTO contacts VALUES ('ada')"));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// Keys matching `pattern` on one server (SCAN, so it works on any size); -1 when it cannot tell.
inline qint64 keysMatching(const Endpoint &endpoint, const QByteArray &pattern)
{
    RedisConnection connection(endpoint);
    if (!connection.connect())
        return -1;
    qint64 n = 0;
    QByteArray cursor = "0";
    do {
        const auto reply = connection.command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
        if (!reply || reply->elements.size() != 2)
            return -1;
        cursor = reply->elements[0].str;
        n += qint64(reply->elements[1].elements.size());
    } while (cursor != "0");
    return n;
}

// True when a Redis version string ("7.2.4", "6.2.14") is at least major.minor. The tests run
// against whatever redis-server is installed, so they accept any supported version.
inline bool redisVersionAtLeast(const QString &version, int major, int minor)
{
    const QStringList parts = version.split(QLatin1Char('.'));
    bool okMajor = false, okMinor = false;
    const int gotMajor = parts.value(0).toInt(&okMajor);
    const int gotMinor = parts.value(1).toInt(&okMinor);
    if (!okMajor || !okMinor)
        return false;
    return gotMajor > major || (gotMajor == major && gotMinor >= minor);
}

struct CliResult
{
    bool finished = false; // false: it timed out (and was killed) or could not start
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the command-line tool built with this tree (CWB_CLI_PATH), feeding `input` on stdin,
// with `extraEnv` ("NAME=value") added to the environment. Kills it after timeoutMs.
inline CliResult runCli(const QStringList &args, int timeoutMs = 30000, const QByteArray &input = {},
                        const QStringList &extraEnv = {})
{
    CliResult result;
    Child cli;
    if (!cli.start(QStringLiteral(CWB_CLI_PATH), args, extraEnv)) {
        result.err = cli.errorString().toUtf8();
        return result;
    }
    cli.write(input);
    cli.closeStdin();
    const bool ended = cli.waitForFinished(timeoutMs);
    result.finished = ended && cli.exitedNormally();
    result.exitCode = cli.exitCode();
    result.out = cli.takeOut();
    result.err = cli.takeErr();
    return result; // a child still running is killed by ~Child()
}

} // namespace cwb::test
