#pragma once

// Small helpers shared by the integration tests. Header-only.

#include "redis/redisconnection.h"
#include "redis/sandboxclient.h"
#include "redis/sandboxcluster.h"
#include "redis/sandboxredis.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>

#include <optional>
#include <type_traits>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <vector>

// ThreadSanitizer from clang 14 aborts inside QProcess's clone() (a runtime CHECK, fixed in later
// LLVM), so under TSan runCli() starts the command-line tool with posix_spawn() (which TSan does
// not intercept) instead, and the parts of a test that drive a QProcess of their own (signals
// mid-run, daemons) are skipped; the normal and ASan stages run them. Place the skip right before
// such a part, after the engine's checks.
#if defined(__SANITIZE_THREAD__)
#define CWB_UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CWB_UNDER_TSAN 1
#endif
#endif
#ifdef CWB_UNDER_TSAN
#define CWB_SKIP_CLI_UNDER_TSAN() QSKIP("QProcess cannot start the CLI under clang 14's ThreadSanitizer")
#else
#define CWB_SKIP_CLI_UNDER_TSAN() static_cast<void>(0)
#endif

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

// The spawn itself, for ThreadSanitizer builds (see the top of this file): posix_spawn() with
// pipes for stdin, stdout and stderr, read with poll() until the child exits or timeoutMs passed.
inline CliResult spawnCli(const QStringList &args, int timeoutMs, const QByteArray &input, const QStringList &extraEnv)
{
    CliResult result;
    std::vector<QByteArray> argBytes{QByteArrayLiteral(CWB_CLI_PATH)};
    for (const QString &a : args)
        argBytes.push_back(a.toLocal8Bit());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &pair : extraEnv) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        env.insert(pair.left(eq), eq < 0 ? QString() : pair.mid(eq + 1));
    }
    std::vector<QByteArray> envBytes;
    for (const QString &pair : env.toStringList())
        envBytes.push_back(pair.toLocal8Bit());
    std::vector<char *> argv, envp;
    for (QByteArray &a : argBytes)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (QByteArray &e : envBytes)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
        return result;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    for (int fd : {in[0], out[1], err[1]})
        ::close(fd);
    if (spawned != 0) {
        for (int fd : {in[1], out[0], err[0]})
            ::close(fd);
        result.err = QByteArray("posix_spawn: ") + std::strerror(spawned);
        return result;
    }
    if (!input.isEmpty()) {
        [[maybe_unused]] const ssize_t written = ::write(in[1], input.constData(), size_t(input.size()));
    }
    ::close(in[1]);
    QElapsedTimer clock;
    clock.start();
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    QByteArray *sinks[2] = {&result.out, &result.err};
    int open = 2;
    while (open > 0 && clock.elapsed() < timeoutMs) {
        if (::poll(fds, 2, 100) <= 0)
            continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buffer[4096];
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, n);
            } else if (n == 0 || errno != EINTR) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    for (const pollfd &fd : fds)
        if (fd.fd >= 0)
            ::close(fd.fd);
    int status = 0;
    pid_t ended = 0;
    while ((ended = ::waitpid(pid, &status, WNOHANG)) == 0 && clock.elapsed() < timeoutMs)
        ::usleep(10000);
    if (ended != pid) { // timed out: killed, not finished
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        return result;
    }
    result.finished = WIFEXITED(status);
    result.exitCode = result.finished ? WEXITSTATUS(status) : -1;
    return result;
}

// Runs the command-line tool built with this tree (CWB_CLI_PATH), feeding `input` on stdin,
// with `extraEnv` ("NAME=value") added to the environment. Kills it after timeoutMs.
inline CliResult runCli(const QStringList &args, int timeoutMs = 30000, const QByteArray &input = {},
                        const QStringList &extraEnv = {})
{
#ifdef CWB_UNDER_TSAN
    return spawnCli(args, timeoutMs, input, extraEnv);
#else
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &pair : extraEnv) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        env.insert(pair.left(eq), eq < 0 ? QString() : pair.mid(eq + 1));
    }
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CWB_CLI_PATH), args);
    CliResult result;
    if (!process.waitForStarted(5000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(2000);
    }
    result.exitCode = result.finished ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
#endif
}

} // namespace cwb::test
