#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <csignal>

using namespace cwb;

namespace {

// True once `pid` no longer exists at all: not running and not a zombie waiting to be reaped.
bool processGone(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

bool portAccepts(quint16 port)
{
    SandboxClient client;
    return client.connect(port, {}, 500);
}

// When run with CWB_SANDBOX_LEAK_TEST set, this program only starts a sandbox, leaks it, prints
// "<pid> <folder>" and exits normally, before any QCoreApplication exists: the exit handler
// must still stop the server and remove its folder.
const bool g_leakMode = [] {
    if (qEnvironmentVariableIsEmpty("CWB_SANDBOX_LEAK_TEST"))
        return false;
    // Held by a static pointer: LeakSanitizer (the ASan stage) counts it as reachable, as it
    // is meant to stay until the exit handler runs.
    static SandboxRedis *leaked = new SandboxRedis;
    QString error;
    if (!leaked->start(&error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        std::exit(1);
    }
    printf("%lld %s\n", static_cast<long long>(leaked->pid()), qPrintable(leaked->workDir()));
    std::exit(0);
}();

} // namespace

class TestSandboxRedis : public QObject
{
    Q_OBJECT

private slots:
    void startPingStop()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        QVERIFY(redis.isRunning());
        QVERIFY(redis.port() > 0);
        QVERIFY(redis.pid() > 0);
        QVERIFY(QFileInfo(redis.workDir()).isDir());
        QCOMPARE(redis.endpoint().host, QStringLiteral("127.0.0.1"));
        QCOMPARE(redis.endpoint().port, redis.port());
        QVERIFY(redis.endpoint().password.isEmpty());

        const auto pong = test::sandboxCommand(redis, {"PING"});
        QVERIFY(pong);
        QCOMPARE(pong->str, QByteArray("PONG"));
        // No persistence, and nothing written outside its folder.
        QCOMPARE(test::sandboxCommand(redis, {"CONFIG", "GET", "appendonly"})->elements.at(1).str, QByteArray("no"));
        QCOMPARE(test::sandboxCommand(redis, {"CONFIG", "GET", "save"})->elements.at(1).str, QByteArray(""));
        QCOMPARE(test::sandboxCommand(redis, {"CONFIG", "GET", "dir"})->elements.at(1).str,
                 QFile::encodeName(QFileInfo(redis.workDir()).canonicalFilePath()));

        const qint64 pid = redis.pid();
        const quint16 port = redis.port();
        const QString dir = redis.workDir();
        redis.stop();
        QVERIFY(!redis.isRunning());
        QVERIFY(processGone(pid));
        QVERIFY(!portAccepts(port));
        QVERIFY(!QFileInfo::exists(dir));
        redis.stop(); // a second stop is harmless
    }

    void passwordRequired()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .password = QStringLiteral("s3cret \"quoted\""));
        QCOMPARE(redis.endpoint().password, QStringLiteral("s3cret \"quoted\""));

        SandboxClient anonymous;
        QVERIFY(anonymous.connect(redis.port()));
        const auto denied = anonymous.command({"PING"});
        QVERIFY(denied);
        QVERIFY(denied->isError());
        QVERIFY2(denied->str.startsWith("NOAUTH"), denied->str.constData());

        SandboxClient wrong;
        QString error;
        QVERIFY(!wrong.connect(redis.port(), QStringLiteral("wrong"), 2000, &error));
        QVERIFY2(error.contains(QStringLiteral("WRONGPASS")), qPrintable(error));

        const auto pong = test::sandboxCommand(redis, {"PING"}, &error);
        QVERIFY2(pong, qPrintable(error));
        QCOMPARE(pong->str, QByteArray("PONG"));
        // The password is passed on stdin, never on the command line others can read.
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(redis.pid()));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        QVERIFY(!cmdline.readAll().contains("s3cret"));
    }

    void aclUser()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .password = QStringLiteral("default-pw"), .aclUser = QStringLiteral("loader"),
                          .aclPassword = QStringLiteral("loader pw"));
        SandboxClient client;
        QString error;
        QVERIFY2(client.connect(redis.port(), QStringLiteral("loader pw"), 2000, &error, QStringLiteral("loader")),
                 qPrintable(error));
        QCOMPARE(client.text({"ACL", "WHOAMI"}).value_or("?"), QByteArray("loader"));
        QCOMPARE(client.text({"SET", "k", "v"}).value_or("?"), QByteArray("OK"));
        SandboxClient wrong;
        QVERIFY(!wrong.connect(redis.port(), QStringLiteral("default-pw"), 2000, &error, QStringLiteral("loader")));
    }

    void maxmemoryAndPolicy()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .maxmemoryBytes = 8 * 1024 * 1024, .maxmemoryPolicy = QStringLiteral("allkeys-lru"));
        const auto maxmemory = test::sandboxCommand(redis, {"CONFIG", "GET", "maxmemory"});
        QVERIFY(maxmemory && maxmemory->elements.size() == 2);
        QCOMPARE(maxmemory->elements.at(1).str, QByteArray::number(8 * 1024 * 1024));
        const auto policy = test::sandboxCommand(redis, {"CONFIG", "GET", "maxmemory-policy"});
        QVERIFY(policy && policy->elements.size() == 2);
        QCOMPARE(policy->elements.at(1).str, QByteArray("allkeys-lru"));
    }

    void extraArgs()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .extraArgs = {QStringLiteral("--databases"), QStringLiteral("4")});
        const auto databases = test::sandboxCommand(redis, {"CONFIG", "GET", "databases"});
        QVERIFY(databases && databases->elements.size() == 2);
        QCOMPARE(databases->elements.at(1).str, QByteArray("4"));
    }

    void invalidOptionFailsWithLogLine()
    {
        SandboxRedis redis;
        QString error;
        SandboxRedis::Options options;
        options.maxmemoryPolicy = QStringLiteral("bogus-policy");
        QVERIFY(!redis.start(options, &error));
        QVERIFY2(error.startsWith(QStringLiteral("redis-server exited: ")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("maxmemory-policy")), qPrintable(error));
        QVERIFY(!redis.isRunning());
        QVERIFY(redis.workDir().isEmpty());
    }

    void pauseResume()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        SandboxClient client;
        QVERIFY(client.connect(redis.port(), {}, 300));
        QVERIFY(redis.pause());
        QVERIFY(redis.isRunning());
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!client.command({"PING"}, &error)); // a stopped server cannot answer
        QVERIFY2(timer.elapsed() >= 250, qPrintable(error));
        QVERIFY(redis.resume());
        const auto pong = test::sandboxCommand(redis, {"PING"}, &error);
        QVERIFY2(pong, qPrintable(error));
        QCOMPARE(pong->str, QByteArray("PONG"));
    }

    void stopWhilePaused()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        const qint64 pid = redis.pid();
        QVERIFY(redis.pause());
        redis.stop();
        // Gone, and stop() returned: a paused server does not keep it waiting (how long it takes
        // is measured in bench/timing_bench).
        QVERIFY(processGone(pid));
        QVERIFY(!redis.isRunning());
    }

    void killAndRestartOnSamePort()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        const quint16 port = redis.port();
        const qint64 oldPid = redis.pid();
        QCOMPARE(test::sandboxCommand(redis, {"SET", "survivor", "1"})->str, QByteArray("OK"));

        QVERIFY(redis.kill());
        QVERIFY(!redis.isRunning());
        QVERIFY(processGone(oldPid));
        QVERIFY(!portAccepts(port));
        QVERIFY(!redis.kill()); // nothing left to kill

        QString error;
        QVERIFY2(redis.restart(&error), qPrintable(error));
        QCOMPARE(redis.port(), port);
        QVERIFY(redis.pid() != oldPid);
        const auto value = test::sandboxCommand(redis, {"GET", "survivor"}, &error);
        QVERIFY2(value, qPrintable(error));
        QVERIFY(value->isNil()); // no persistence
        QVERIFY(!redis.restart(&error));
        QVERIFY2(error.contains(QStringLiteral("already running")), qPrintable(error));
    }

    void restartAfterStop()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .password = QStringLiteral("pw"));
        const quint16 port = redis.port();
        redis.stop();
        QString error;
        QVERIFY2(redis.restart(&error), qPrintable(error));
        QCOMPARE(redis.port(), port);
        QVERIFY(QFileInfo(redis.workDir()).isDir());
        QCOMPARE(test::sandboxCommand(redis, {"PING"})->str, QByteArray("PONG"));
    }

    void twoAtOnce()
    {
        SandboxRedis a;
        SandboxRedis b;
        CWB_START_SANDBOX(a);
        CWB_START_SANDBOX(b);
        QVERIFY(a.port() != b.port());
        QVERIFY(a.workDir() != b.workDir());
        QCOMPARE(test::sandboxCommand(a, {"SET", "who", "a"})->str, QByteArray("OK"));
        QCOMPARE(test::sandboxCommand(b, {"SET", "who", "b"})->str, QByteArray("OK"));
        QCOMPARE(test::sandboxCommand(a, {"GET", "who"})->str, QByteArray("a"));
        QCOMPARE(test::sandboxCommand(b, {"GET", "who"})->str, QByteArray("b"));
    }

    void missingBinary()
    {
        SandboxRedis redis;
        SandboxRedis::Options options;
        options.serverBinary = QStringLiteral("/nonexistent/redis-server");
        QString error;
        QVERIFY(!redis.start(options, &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/redis-server")), qPrintable(error));
        QVERIFY(!redis.isRunning());
        QCOMPARE(redis.pid(), 0);
        QVERIFY(!redis.restart(&error));
    }

    void notInPath()
    {
        QTemporaryDir emptyDir;
        QVERIFY(emptyDir.isValid());
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(emptyDir.path()));
        SandboxRedis redis;
        QString error;
        const bool started = redis.start(&error);
        qputenv("PATH", oldPath);
        QVERIFY(!started);
        QCOMPARE(error, QStringLiteral("redis-server not found in PATH"));
    }

    void binaryThatIsNotRedis()
    {
        // /bin/true runs and exits at once: the early exit must be reported, not waited out.
        SandboxRedis redis;
        SandboxRedis::Options options;
        options.serverBinary = QStringLiteral("/bin/true");
        QString error;
        QVERIFY(!redis.start(options, &error));
        // The exit itself is reported ("exited"), not the start timeout running out.
        QVERIFY2(error.startsWith(QStringLiteral("redis-server exited")), qPrintable(error));
    }

    void destructorStops()
    {
        qint64 pid = 0;
        quint16 port = 0;
        QString dir;
        {
            SandboxRedis redis;
            CWB_START_SANDBOX(redis);
            pid = redis.pid();
            port = redis.port();
            dir = redis.workDir();
        }
        QVERIFY(processGone(pid));
        QVERIFY(!portAccepts(port));
        QVERIFY(!QFileInfo::exists(dir));
    }

    void exitHandlerStopsLeakedSandbox()
    {
        test::Child child;
        QVERIFY(child.start(QCoreApplication::applicationFilePath(), {}, {QStringLiteral("CWB_SANDBOX_LEAK_TEST=1")}));
        QVERIFY(child.waitForFinished(15000));
        QVERIFY2(child.exitedNormally(), child.takeErr().constData());
        QCOMPARE(child.exitCode(), 0);
        const QList<QByteArray> fields = child.takeOut().trimmed().split(' ');
        QCOMPARE(fields.size(), 2);
        const qint64 pid = fields.at(0).toLongLong();
        QVERIFY(pid > 0);
        // The server was the child's child: once the exit handler reaped it, it is gone.
        QVERIFY(processGone(pid));
        QVERIFY(!QFileInfo::exists(QString::fromLocal8Bit(fields.at(1))));
        Q_UNUSED(g_leakMode);
    }

    void startFromShortLivedThread()
    {
        // PDEATHSIG follows the forking thread: the server must outlive the thread that started it.
        SandboxRedis redis;
        QString error;
        bool started = false;
        // A std::thread: its join is one ThreadSanitizer sees (QThread::wait() is inside Qt).
        std::thread thread([&] { started = redis.start(&error); });
        thread.join();
        QVERIFY2(started, qPrintable(error));
        QTest::qWait(200);
        QVERIFY(redis.isRunning());
        QCOMPARE(test::sandboxCommand(redis, {"PING"})->str, QByteArray("PONG"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxRedis)
#include "tst_sandboxredis.moc"
