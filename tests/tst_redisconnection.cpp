#include "fakeredis.h"
#include "redis/infoparser.h"
#include "redis/redisconnection.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using cwb::Endpoint;
using cwb::RedisCommand;
using cwb::RedisConnection;
using cwb::RedisErrorKind;
using cwb::RedisReply;
using cwb::SandboxRedis;

namespace {

QByteArray b(const char *s)
{
    return QByteArray(s);
}

// Resumes a paused sandbox even when a check in between fails, so later tests and the
// sandbox's own shutdown are not left with a stopped process.
struct ResumeGuard
{
    SandboxRedis &sandbox;
    ~ResumeGuard() { sandbox.resume(); }
};

QString kindName(const RedisConnection &c)
{
    return cwb::errorKindName(c.lastError().kind) + QStringLiteral(": ") + c.lastError().message;
}

quint16 closedPort()
{
    // A port that was free a moment ago: nothing listens there once the server closes.
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestRedisConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void commandsAndErrors();
    void pipelineKeepsOrder();
    void pipelineWithErrorReply();
    void binarySafeValues();
    void infoText();
    void selectAndClientName();
    void unixSocket();
    void ipv6Loopback();
    void moveKeepsConnection();

    void passwordAuth();
    void aclUserAuth();
    void aclUserWithoutPassword();

    void reconnectAfterRestart();
    void lossDuringCommand();
    void reconnectGivesUp();
    void reconnectDisabled();
    void pausedServerTimesOut();
    void connectToPausedServerTimesOut();
    void refusedPort();
    void unresolvableHost();
    void missingUnixSocket();

    void endlessReplyTimesOut();
    void replyOverTheCapFails();
    void noPermissionIsItsOwnKind();

private:
    SandboxRedis m_redis; // shared plain server for the read/write tests
};

void TestRedisConnection::initTestCase()
{
    CWB_START_SANDBOX(m_redis);
}

void TestRedisConnection::cleanupTestCase()
{
    m_redis.stop();
}

void TestRedisConnection::commandsAndErrors()
{
    RedisConnection c(m_redis.endpoint());
    QVERIFY2(c.connect(), qPrintable(kindName(c)));
    QVERIFY(c.isConnected());
    QVERIFY(!c.lastError());

    auto r = c.command({b("SET"), b("cwb:conn:a"), b("hello")});
    QVERIFY2(r, qPrintable(kindName(c)));
    QVERIFY(r->isOk());
    r = c.command({b("GET"), b("cwb:conn:a")});
    QVERIFY(r);
    QCOMPARE(r->type, RedisReply::Type::String);
    QCOMPARE(r->str, b("hello"));
    r = c.command({b("GET"), b("cwb:conn:missing")});
    QVERIFY(r && r->isNil());
    r = c.command({b("RPUSH"), b("cwb:conn:list"), b("x"), b("y")});
    QVERIFY(r);
    QCOMPARE(r->type, RedisReply::Type::Integer);
    QCOMPARE(r->integer, 2);
    r = c.command({b("LRANGE"), b("cwb:conn:list"), b("0"), b("-1")});
    QVERIFY(r);
    QCOMPARE(r->type, RedisReply::Type::Array);
    QCOMPARE(r->elements.size(), size_t(2));
    QCOMPARE(r->elements[1].str, b("y"));

    // An error reply is a reply, not a transport failure, and the connection stays usable.
    r = c.command({b("INCR"), b("cwb:conn:a")});
    QVERIFY(r);
    QVERIFY(r->isError());
    QVERIFY(r->str.startsWith("ERR"));
    QCOMPARE(c.lastError().kind, RedisErrorKind::ServerError);
    QVERIFY2(c.lastError().message.contains(QStringLiteral("INCR")), qPrintable(c.lastError().message));
    QVERIFY(c.lastError().message.contains(QStringLiteral("not an integer")));
    QVERIFY(c.isConnected());
    r = c.command({b("PING")});
    QVERIFY(r && r->type == RedisReply::Type::Status && r->str == "PONG");
    QVERIFY(!c.lastError()); // cleared by the successful call

    QVERIFY(!c.command({}));
    QVERIFY(c.lastError().message.contains(QStringLiteral("empty")));

    c.disconnect();
    QVERIFY(!c.isConnected());
    // A call after disconnect() connects again.
    r = c.command({b("GET"), b("cwb:conn:a")});
    QVERIFY2(r && r->str == "hello", qPrintable(kindName(c)));
    QVERIFY(c.isConnected());
}

void TestRedisConnection::pipelineKeepsOrder()
{
    RedisConnection c(m_redis.endpoint());
    std::vector<RedisCommand> commands;
    for (int i = 0; i < 100; ++i)
        commands.push_back({b("RPUSH"), b("cwb:pipe:order"), QByteArray::number(i)});
    // No explicit connect(): the first call connects.
    const auto replies = c.pipeline(commands);
    QVERIFY2(replies, qPrintable(kindName(c)));
    QCOMPARE(replies->size(), size_t(100));
    for (int i = 0; i < 100; ++i) {
        QCOMPARE((*replies)[size_t(i)].type, RedisReply::Type::Integer);
        QCOMPARE((*replies)[size_t(i)].integer, i + 1);
    }
    // The server saw them in the same order.
    const auto list = c.command({b("LRANGE"), b("cwb:pipe:order"), b("0"), b("-1")});
    QVERIFY(list);
    QCOMPARE(list->elements.size(), size_t(100));
    for (int i = 0; i < 100; ++i)
        QCOMPARE(list->elements[size_t(i)].str, QByteArray::number(i));

    const auto none = c.pipeline({});
    QVERIFY(none && none->empty());
    QVERIFY(!c.pipeline({{b("PING")}, {}}));
    QVERIFY(c.lastError().message.contains(QStringLiteral("command 2")));
}

void TestRedisConnection::pipelineWithErrorReply()
{
    RedisConnection c(m_redis.endpoint());
    const auto replies = c.pipeline({{b("SET"), b("cwb:pipe:s"), b("text")},
                                     {b("INCR"), b("cwb:pipe:s")},
                                     {b("GET"), b("cwb:pipe:s")},
                                     {b("LPUSH"), b("cwb:pipe:s"), b("x")}});
    QVERIFY2(replies, qPrintable(kindName(c)));
    QCOMPARE(replies->size(), size_t(4));
    QVERIFY((*replies)[0].isOk());
    QVERIFY((*replies)[1].isError());
    QCOMPARE((*replies)[2].str, b("text"));
    QVERIFY((*replies)[3].str.startsWith("WRONGTYPE"));
    // lastError names the first error reply.
    QCOMPARE(c.lastError().kind, RedisErrorKind::ServerError);
    QVERIFY2(c.lastError().message.startsWith(QStringLiteral("INCR")), qPrintable(c.lastError().message));
}

void TestRedisConnection::binarySafeValues()
{
    RedisConnection c(m_redis.endpoint());
    QByteArray tricky("a\0b\r\n$3\r\n*1\r\n\xff\xfe", 15);
    QCOMPARE(tricky.size(), 15);
    QByteArray big(1 << 20, Qt::Uninitialized);
    QRandomGenerator rng(42);
    for (char &ch : big)
        ch = char(rng.bounded(256));
    const QByteArray binaryKey("cwb:bin:\0\n key", 14);

    auto r = c.command({b("SET"), binaryKey, tricky});
    QVERIFY2(r && r->isOk(), qPrintable(kindName(c)));
    r = c.command({b("SET"), b("cwb:bin:big"), big});
    QVERIFY(r && r->isOk());
    const auto replies = c.pipeline({{b("GET"), binaryKey}, {b("GET"), b("cwb:bin:big")}, {b("STRLEN"), b("cwb:bin:big")}});
    QVERIFY2(replies, qPrintable(kindName(c)));
    QCOMPARE((*replies)[0].str, tricky);
    QCOMPARE((*replies)[1].str.size(), big.size());
    QVERIFY((*replies)[1].str == big);
    QCOMPARE((*replies)[2].integer, qint64(big.size()));
    r = c.command({b("SET"), b("cwb:bin:empty"), QByteArray()});
    QVERIFY(r && r->isOk());
    r = c.command({b("GET"), b("cwb:bin:empty")});
    QVERIFY(r && r->type == RedisReply::Type::String && r->str.isEmpty());
}

void TestRedisConnection::infoText()
{
    RedisConnection c(m_redis.endpoint());
    const auto all = c.info();
    QVERIFY2(all, qPrintable(kindName(c)));
    QVERIFY(all->contains("# Keyspace"));
    const auto server = c.info("server");
    QVERIFY(server);
    QVERIFY(!server->contains("# Keyspace"));
    const cwb::InfoSnapshot snap = cwb::parseInfo(*server);
    QCOMPARE(snap.server.tcpPort, int(m_redis.port()));
    QCOMPARE(snap.server.processId, m_redis.pid());
    QVERIFY(snap.server.redisVersion.startsWith(QStringLiteral("7.")));
}

void TestRedisConnection::selectAndClientName()
{
    Endpoint db3 = m_redis.endpoint();
    db3.database = 3;
    RedisConnection::Options options;
    options.clientName = "cwb-test-client";
    RedisConnection c3(db3, options);
    RedisConnection c0(m_redis.endpoint());
    QVERIFY2(c3.connect(), qPrintable(kindName(c3)));

    QVERIFY(c3.command({b("SET"), b("cwb:db:k"), b("three")}));
    QVERIFY(c0.command({b("DEL"), b("cwb:db:k")}));
    auto r = c0.command({b("GET"), b("cwb:db:k")});
    QVERIFY(r && r->isNil());
    r = c3.command({b("GET"), b("cwb:db:k")});
    QVERIFY(r && r->str == "three");
    r = c3.command({b("CLIENT"), b("INFO")});
    QVERIFY(r);
    QVERIFY2(r->str.contains(" db=3 "), r->str.constData());
    r = c3.command({b("CLIENT"), b("GETNAME")});
    QVERIFY(r && r->str == "cwb-test-client");

    // A database the server does not have: connect fails and says which.
    Endpoint bad = m_redis.endpoint();
    bad.database = 999;
    RedisConnection cb(bad);
    QVERIFY(!cb.connect());
    QCOMPARE(cb.lastError().kind, RedisErrorKind::ServerError);
    QVERIFY2(cb.lastError().message.contains(QStringLiteral("SELECT 999")), qPrintable(cb.lastError().message));
    QVERIFY(!cb.isConnected());
}

void TestRedisConnection::unixSocket()
{
    QTemporaryDir dir(QStringLiteral("/tmp/cwb-sock-XXXXXX"));
    QVERIFY(dir.isValid());
    const QString socket = dir.filePath(QStringLiteral("r.sock"));
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .extraArgs = {QStringLiteral("--unixsocket"), socket});

    const auto ep = cwb::parseEndpoint(QStringLiteral("unix://") + socket + QStringLiteral("?db=2"));
    QVERIFY(ep);
    RedisConnection c(*ep);
    QVERIFY2(c.connect(), qPrintable(kindName(c)));
    QVERIFY(c.command({b("SET"), b("cwb:unix"), b("1")}));
    const auto r = c.command({b("CLIENT"), b("INFO")});
    QVERIFY(r);
    QVERIFY2(r->str.contains(" db=2 "), r->str.constData());
    QVERIFY2(r->str.contains("flags=U"), r->str.constData()); // really over the unix socket
}

void TestRedisConnection::ipv6Loopback()
{
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHostIPv6, 0))
            QSKIP("this machine has no IPv6 loopback");
    }
    SandboxRedis redis;
    // The sandbox binds 127.0.0.1; add ::1 (redis joins the words after --bind).
    CWB_START_SANDBOX(redis, .extraArgs = {QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")});
    const auto ep = cwb::parseEndpoint(QStringLiteral("redis://[::1]:%1/1").arg(redis.port()));
    QVERIFY(ep);
    RedisConnection c(*ep);
    QVERIFY2(c.connect(), qPrintable(kindName(c)));
    const auto r = c.command({b("CLIENT"), b("INFO")});
    QVERIFY(r);
    QVERIFY2(r->str.contains("addr=[::1]:") || r->str.contains("addr=::1:"), r->str.constData());
    QVERIFY(r->str.contains(" db=1 "));
}

void TestRedisConnection::moveKeepsConnection()
{
    RedisConnection a(m_redis.endpoint());
    QVERIFY(a.connect());
    RedisConnection moved(std::move(a));
    QVERIFY(moved.isConnected());
    QVERIFY(moved.command({b("PING")}));
    RedisConnection other(Endpoint{});
    other = std::move(moved);
    QVERIFY(other.isConnected());
    QCOMPARE(other.endpoint().port, m_redis.port());
    QVERIFY(other.command({b("PING")}));
}

void TestRedisConnection::passwordAuth()
{
    const QString password = QStringLiteral("Pw-0f-the-sandbox");
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .password = password);

    RedisConnection good(redis.endpoint());
    QVERIFY2(good.connect(), qPrintable(kindName(good)));
    auto r = good.command({b("SET"), b("cwb:auth"), b("ok")});
    QVERIFY(r && r->isOk());

    Endpoint wrongEp = redis.endpoint();
    wrongEp.password = QStringLiteral("Wr0ng-guess");
    RedisConnection wrong(wrongEp);
    QVERIFY(!wrong.connect());
    QCOMPARE(wrong.lastError().kind, RedisErrorKind::AuthFailed);
    QVERIFY2(wrong.lastError().message.contains(QStringLiteral("WRONGPASS")), qPrintable(wrong.lastError().message));
    QVERIFY(!wrong.lastError().message.contains(QStringLiteral("Wr0ng-guess")));
    QVERIFY(!wrong.lastError().message.contains(password));
    QVERIFY(!wrong.lastError().message.contains(u'\n'));
    QVERIFY(!wrong.isConnected());
    // A command on it fails the same way, without hanging.
    QVERIFY(!wrong.command({b("PING")}));
    QCOMPARE(wrong.lastError().kind, RedisErrorKind::AuthFailed);

    Endpoint noneEp = redis.endpoint();
    noneEp.password.clear();
    RedisConnection none(noneEp);
    QVERIFY(!none.connect());
    QCOMPARE(none.lastError().kind, RedisErrorKind::AuthFailed);
    QVERIFY2(none.lastError().message.contains(QStringLiteral("NOAUTH")), qPrintable(none.lastError().message));

    // The same with a database to select: NOAUTH comes back from SELECT.
    noneEp.database = 1;
    RedisConnection noneDb(noneEp);
    QVERIFY(!noneDb.connect());
    QCOMPARE(noneDb.lastError().kind, RedisErrorKind::AuthFailed);
}

void TestRedisConnection::aclUserAuth()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .aclUser = QStringLiteral("cwb-user"), .aclPassword = QStringLiteral("Acl-secret-1"));

    Endpoint ep = redis.endpoint();
    ep.username = QStringLiteral("cwb-user");
    ep.password = QStringLiteral("Acl-secret-1");
    RedisConnection good(ep);
    QVERIFY2(good.connect(), qPrintable(kindName(good)));
    auto r = good.command({b("ACL"), b("WHOAMI")});
    QVERIFY(r);
    QCOMPARE(r->str, b("cwb-user"));

    ep.password = QStringLiteral("Acl-wrong-2");
    RedisConnection wrong(ep);
    QVERIFY(!wrong.connect());
    QCOMPARE(wrong.lastError().kind, RedisErrorKind::AuthFailed);
    QVERIFY2(wrong.lastError().message.contains(QStringLiteral("cwb-user")), qPrintable(wrong.lastError().message));
    QVERIFY(!wrong.lastError().message.contains(QStringLiteral("Acl-wrong-2")));
    QVERIFY(!wrong.lastError().message.contains(QStringLiteral("Acl-secret-1")));

    ep.username = QStringLiteral("no-such-user");
    ep.password = QStringLiteral("Acl-secret-1");
    RedisConnection unknown(ep);
    QVERIFY(!unknown.connect());
    QCOMPARE(unknown.lastError().kind, RedisErrorKind::AuthFailed);
}

void TestRedisConnection::aclUserWithoutPassword()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .aclUser = QStringLiteral("cwb-user"), .aclPassword = QStringLiteral("Acl-secret-1"));
    RedisConnection admin(redis.endpoint());
    QVERIFY(admin.connect());
    QVERIFY(admin.command({b("ACL"), b("SETUSER"), b("cwb-nopass"), b("on"), b("nopass"), b("~*"), b("+@all")}));

    // A user that has a password: refused, and the message says none was given (not a silent
    // login as the default user, which has no password on this server).
    Endpoint ep = redis.endpoint();
    ep.username = QStringLiteral("cwb-user");
    RedisConnection missing(ep);
    QVERIFY(!missing.connect());
    QCOMPARE(missing.lastError().kind, RedisErrorKind::AuthFailed);
    QVERIFY2(missing.lastError().message.contains(QStringLiteral("no password was given")),
             qPrintable(missing.lastError().message));

    // A passwordless user logs in as itself.
    ep.username = QStringLiteral("cwb-nopass");
    RedisConnection nopass(ep);
    QVERIFY2(nopass.connect(), qPrintable(kindName(nopass)));
    const auto r = nopass.command({b("ACL"), b("WHOAMI")});
    QVERIFY(r);
    QCOMPARE(r->str, b("cwb-nopass"));
}

void TestRedisConnection::reconnectAfterRestart()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    Endpoint ep = redis.endpoint();
    ep.database = 2;
    RedisConnection c(ep);
    QVERIFY(c.connect());
    QVERIFY(c.command({b("SET"), b("cwb:restart"), b("before")}));
    const qint64 firstPid = redis.pid();

    QVERIFY(redis.kill());
    QString error;
    QVERIFY2(redis.restart(&error), qPrintable(error));
    QVERIFY(redis.pid() != firstPid);

    // Nothing was sent on the dead connection yet, so the very next call reconnects
    // (re-running SELECT) and succeeds.
    auto r = c.command({b("SET"), b("cwb:restart"), b("after")});
    QVERIFY2(r && r->isOk(), qPrintable(kindName(c)));
    QVERIFY(c.isConnected());
    r = c.command({b("CLIENT"), b("INFO")});
    QVERIFY(r && r->str.contains(" db=2 "));
    const auto info = c.info("server");
    QVERIFY(info);
    QCOMPARE(cwb::parseInfo(*info).server.processId, redis.pid());
}

void TestRedisConnection::lossDuringCommand()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    RedisConnection::Options options;
    options.commandTimeoutMs = 5000;
    RedisConnection c(redis.endpoint(), options);
    QVERIFY(c.connect());

    // The server dies while the command is in flight: that call reports the loss (it cannot
    // know whether the command ran, so it is not retried).
    std::thread killer([&redis] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        redis.kill();
    });
    const auto r = c.command({b("BLPOP"), b("cwb:loss:never"), b("4")});
    killer.join();
    // Lost, not a nil reply after the 4 s block nor a timeout: the call ended with the server.
    QVERIFY(!r);
    QCOMPARE(c.lastError().kind, RedisErrorKind::ConnectionLost);
    QVERIFY2(c.lastError().message.contains(QStringLiteral("BLPOP")), qPrintable(c.lastError().message));
    QVERIFY(!c.isConnected());

    QString error;
    QVERIFY2(redis.restart(&error), qPrintable(error));
    const auto again = c.command({b("PING")});
    QVERIFY2(again, qPrintable(kindName(c)));
    QVERIFY(c.isConnected());
}

void TestRedisConnection::reconnectGivesUp()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    RedisConnection::Options options;
    options.reconnectAttempts = 3;
    options.reconnectBackoffMs = 100;
    RedisConnection c(redis.endpoint(), options);
    QVERIFY(c.connect());
    QVERIFY(redis.kill());

    QElapsedTimer timer;
    timer.start();
    QVERIFY(!c.command({b("PING")}));
    // The server's FIN can reach us a moment after kill() returns; then this first call finds
    // the loss itself (and must not retry a command that was sent), and the next one reconnects.
    if (c.lastError().kind == RedisErrorKind::ConnectionLost) {
        timer.restart();
        QVERIFY(!c.command({b("PING")}));
    }
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(c.lastError().kind, RedisErrorKind::Refused);
    QVERIFY2(c.lastError().message.contains(QStringLiteral("reconnect")), qPrintable(c.lastError().message));
    // Three tries with 100 + 200 ms between them: at least that long (a busy machine only adds).
    QVERIFY2(elapsed >= 280, qPrintable(QString::number(elapsed)));

    QString error;
    QVERIFY2(redis.restart(&error), qPrintable(error));
    QVERIFY2(c.command({b("PING")}), qPrintable(kindName(c)));
}

void TestRedisConnection::reconnectDisabled()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    RedisConnection::Options options;
    options.reconnectAttempts = 0;
    RedisConnection c(redis.endpoint(), options);
    QVERIFY(c.connect());
    QVERIFY(redis.kill());
    QString error;
    QVERIFY2(redis.restart(&error), qPrintable(error));

    QVERIFY(!c.command({b("PING")}));
    QCOMPARE(c.lastError().kind, RedisErrorKind::ConnectionLost);
    QVERIFY(c.lastError().message.contains(QStringLiteral("disabled")));
    // An explicit connect() still works.
    QVERIFY2(c.connect(), qPrintable(kindName(c)));
    QVERIFY(c.command({b("PING")}));
}

void TestRedisConnection::pausedServerTimesOut()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    RedisConnection::Options options;
    options.commandTimeoutMs = 300;
    RedisConnection c(redis.endpoint(), options);
    QVERIFY(c.connect());
    {
        QVERIFY(redis.pause());
        ResumeGuard guard{redis};
        QElapsedTimer timer;
        timer.start();
        const auto r = c.command({b("SET"), b("cwb:paused"), b("x")});
        const qint64 elapsed = timer.elapsed();
        QVERIFY(!r);
        QCOMPARE(c.lastError().kind, RedisErrorKind::Timeout);
        QVERIFY2(c.lastError().message.contains(QStringLiteral("300 ms")), qPrintable(c.lastError().message));
        QVERIFY2(elapsed >= 250, qPrintable(QString::number(elapsed))); // it waited for the timeout
        // The late reply must never be taken for the next command's: the connection is gone.
        QVERIFY(!c.isConnected());
    }
    const auto r = c.command({b("GET"), b("cwb:late")});
    QVERIFY2(r, qPrintable(kindName(c)));
    QVERIFY(r->isNil());
    // The server ran the timed-out SET after resuming; our reply stream is still in step.
    const auto echo = c.command({b("ECHO"), b("in-step")});
    QVERIFY(echo && echo->str == "in-step");
}

void TestRedisConnection::connectToPausedServerTimesOut()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    QVERIFY(redis.pause());
    ResumeGuard guard{redis};
    RedisConnection::Options options;
    options.connectTimeoutMs = 300;
    options.commandTimeoutMs = 300;
    RedisConnection c(redis.endpoint(), options);
    // The kernel accepts the TCP connection for the stopped server; the handshake PING cannot answer.
    QVERIFY(!c.connect());
    QCOMPARE(c.lastError().kind, RedisErrorKind::Timeout);
    QVERIFY2(c.lastError().message.contains(QStringLiteral("300 ms")), qPrintable(c.lastError().message));
}

void TestRedisConnection::refusedPort()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    Endpoint ep;
    ep.port = port;
    RedisConnection c(ep);
    QVERIFY(!c.connect());
    QCOMPARE(c.lastError().kind, RedisErrorKind::Refused);
    QVERIFY2(c.lastError().message.contains(QString::number(port)), qPrintable(c.lastError().message));
    QVERIFY(!c.command({b("PING")}));
    QCOMPARE(c.lastError().kind, RedisErrorKind::Refused);
    QVERIFY(!c.info());
    QVERIFY(!c.pipeline({{b("PING")}}));
    QCOMPARE(c.lastError().kind, RedisErrorKind::Refused); // refused, never waited out
}

void TestRedisConnection::unresolvableHost()
{
    Endpoint ep;
    ep.host = QStringLiteral("no-such-host.invalid");
    RedisConnection c(ep);
    QVERIFY(!c.connect());
    QCOMPARE(c.lastError().kind, RedisErrorKind::Unresolved);
    QVERIFY2(c.lastError().message.contains(QStringLiteral("no-such-host.invalid")), qPrintable(c.lastError().message));
}

void TestRedisConnection::missingUnixSocket()
{
    const auto ep = cwb::parseEndpoint(QStringLiteral("unix:///tmp/cwb-no-such-dir-4711/redis.sock"));
    QVERIFY(ep);
    RedisConnection c(*ep);
    QVERIFY(!c.connect());
    QCOMPARE(c.lastError().kind, RedisErrorKind::Refused);
    QVERIFY(c.lastError().message.contains(QStringLiteral("/tmp/cwb-no-such-dir-4711/redis.sock")));
}

// A server that keeps streaming one reply never holds a call: the command timeout bounds the
// whole reply, not only the silence between two reads (which a trickle never lets expire).
void TestRedisConnection::endlessReplyTimesOut()
{
    cwb::test::FakeRedis fake(cwb::test::FakeRedis::Mode::EndlessBulk);
    QVERIFY(fake.port() != 0);
    Endpoint endpoint;
    endpoint.host = QStringLiteral("127.0.0.1");
    endpoint.port = fake.port();
    RedisConnection::Options options;
    options.connectTimeoutMs = 500;
    options.commandTimeoutMs = 500;
    options.reconnectAttempts = 0;
    RedisConnection c(endpoint, options);
    QVERIFY(!c.connect()); // the handshake's PING gets the endless reply
    QCOMPARE(c.lastError().kind, RedisErrorKind::Timeout);
    QVERIFY2(c.lastError().message.contains(QStringLiteral("timed out after 500 ms")), qPrintable(kindName(c)));
    QVERIFY(!c.isConnected());
    QVERIFY(fake.bytesSent() > 0); // it was streaming, not silent
}

void TestRedisConnection::replyOverTheCapFails()
{
    Endpoint endpoint;
    endpoint.host = QStringLiteral("127.0.0.1");
    RedisConnection::Options options;
    options.reconnectAttempts = 0;
    options.maxReplyBytes = 1 << 20;
    {
        cwb::test::FakeRedis fake(cwb::test::FakeRedis::Mode::SizedBulk, 4 << 20);
        endpoint.port = fake.port();
        RedisConnection c(endpoint, options);
        QVERIFY(!c.connect());
        QCOMPARE(c.lastError().kind, RedisErrorKind::Protocol);
        QVERIFY2(c.lastError().message.contains(QStringLiteral("size cap of 1048576 bytes")), qPrintable(kindName(c)));
    }
    // Under the cap the same reply is fine: the cap is what refused it.
    options.maxReplyBytes = 8 << 20;
    RedisConnection big(m_redis.endpoint(), options);
    QVERIFY2(big.connect(), qPrintable(kindName(big)));
    QVERIFY(big.command({b("SET"), b("cwb:conn:big"), QByteArray(4 << 20, 'v')}));
    const auto reply = big.command({b("GET"), b("cwb:conn:big")});
    QVERIFY2(reply, qPrintable(kindName(big)));
    QCOMPARE(reply->str.size(), qsizetype(4 << 20));
    options.maxReplyBytes = 1 << 20;
    RedisConnection capped(m_redis.endpoint(), options);
    QVERIFY(capped.connect());
    QVERIFY(!capped.command({b("GET"), b("cwb:conn:big")}));
    QCOMPARE(capped.lastError().kind, RedisErrorKind::Protocol);
    big.command({b("DEL"), b("cwb:conn:big")});
}

// An ACL refusal is a permission error: not a server error, not a connection failure.
void TestRedisConnection::noPermissionIsItsOwnKind()
{
    QVERIFY(cwb::test::sandboxCommand(m_redis, {b("ACL"), b("SETUSER"), b("cwb-noget"), b("on"), b(">Noget-pass-1"),
                                                b("~*"), b("+@all"), b("-get")}));
    QVERIFY(cwb::test::sandboxCommand(m_redis, {b("ACL"), b("SETUSER"), b("cwb-noclient"), b("on"),
                                                b(">Noclient-pass-1"), b("~*"), b("+@all"), b("-client")}));
    Endpoint endpoint = m_redis.endpoint();
    endpoint.username = QStringLiteral("cwb-noget");
    endpoint.password = QStringLiteral("Noget-pass-1");
    RedisConnection c(endpoint);
    QVERIFY2(c.connect(), qPrintable(kindName(c)));
    const auto r = c.command({b("GET"), b("cwb:conn:a")});
    QVERIFY(r && r->isError());
    QCOMPARE(c.lastError().kind, RedisErrorKind::NoPermission);
    QCOMPARE(cwb::errorKindName(RedisErrorKind::NoPermission), QStringLiteral("permission"));

    // CLIENT SETNAME refused during the connection's setup (a managed service's restricted user,
    // issue 17): the name only labels us in CLIENT LIST, so the connection does without it.
    endpoint.username = QStringLiteral("cwb-noclient");
    endpoint.password = QStringLiteral("Noclient-pass-1");
    RedisConnection::Options options;
    options.clientName = "cwb-test";
    RedisConnection named(endpoint, options);
    QVERIFY2(named.connect(), qPrintable(kindName(named)));
    const auto pong = named.command({b("PING")});
    QVERIFY(pong && pong->str == "PONG");
    // ... and a command it may not run is still a permission error.
    const auto clientId = named.command({b("CLIENT"), b("ID")});
    QVERIFY(clientId && clientId->isError());
    QCOMPARE(named.lastError().kind, RedisErrorKind::NoPermission);
}

QTEST_GUILESS_MAIN(TestRedisConnection)
#include "tst_redisconnection.moc"
