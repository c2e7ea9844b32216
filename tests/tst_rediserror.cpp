#include "redis/rediserror.h"

#include <QSet>
#include <QTest>

#include <cerrno>

using cwb::RedisErrorKind;

Q_DECLARE_METATYPE(RedisErrorKind)

class TestRedisError : public QObject
{
    Q_OBJECT

private slots:
    void replyText_data();
    void replyText();
    void errnos_data();
    void errnos();
    void kindNamesAreStableAndUnique();
    void isError();
};

void TestRedisError::replyText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<RedisErrorKind>("kind");
    QTest::newRow("wrongpass") << "WRONGPASS invalid username-password pair or user is disabled." << RedisErrorKind::AuthFailed;
    QTest::newRow("noauth") << "NOAUTH Authentication required." << RedisErrorKind::AuthFailed;
    QTest::newRow("old invalid password") << "ERR invalid password" << RedisErrorKind::AuthFailed;
    QTest::newRow("invalid pair") << "ERR invalid username-password pair" << RedisErrorKind::AuthFailed;
    QTest::newRow("raw dash") << "-NOAUTH Authentication required." << RedisErrorKind::AuthFailed;
    QTest::newRow("lower case") << "wrongpass nope" << RedisErrorKind::AuthFailed;
    QTest::newRow("oom") << "OOM command not allowed when used memory > 'maxmemory'." << RedisErrorKind::OutOfMemory;
    QTest::newRow("err") << "ERR value is not an integer or out of range" << RedisErrorKind::ServerError;
    QTest::newRow("wrongtype") << "WRONGTYPE Operation against a key holding the wrong kind of value" << RedisErrorKind::ServerError;
    QTest::newRow("moved") << "MOVED 3999 127.0.0.1:6381" << RedisErrorKind::ServerError;
    // An ACL refusal is about the user's rights: not a server error, not a connection failure.
    QTest::newRow("noperm") << "NOPERM this user has no permissions to run the 'get' command" << RedisErrorKind::NoPermission;
    QTest::newRow("oom as word later") << "ERR something OOM" << RedisErrorKind::ServerError;
    QTest::newRow("OOMPH is not OOM") << "OOMPH x" << RedisErrorKind::ServerError;
    QTest::newRow("empty") << "" << RedisErrorKind::ServerError;
}

void TestRedisError::replyText()
{
    QFETCH(QString, text);
    QFETCH(RedisErrorKind, kind);
    QCOMPARE(cwb::classifyErrorReply(text), kind);
}

void TestRedisError::errnos_data()
{
    QTest::addColumn<int>("err");
    QTest::addColumn<RedisErrorKind>("kind");
    QTest::newRow("0") << 0 << RedisErrorKind::None;
    QTest::newRow("ECONNREFUSED") << ECONNREFUSED << RedisErrorKind::Refused;
    QTest::newRow("ENOENT") << ENOENT << RedisErrorKind::Refused;
    QTest::newRow("EHOSTUNREACH") << EHOSTUNREACH << RedisErrorKind::Refused;
    QTest::newRow("ETIMEDOUT") << ETIMEDOUT << RedisErrorKind::Timeout;
    QTest::newRow("EAGAIN") << EAGAIN << RedisErrorKind::Timeout;
    QTest::newRow("EWOULDBLOCK") << EWOULDBLOCK << RedisErrorKind::Timeout;
    QTest::newRow("EINPROGRESS") << EINPROGRESS << RedisErrorKind::Timeout;
    QTest::newRow("ECONNRESET") << ECONNRESET << RedisErrorKind::ConnectionLost;
    QTest::newRow("EPIPE") << EPIPE << RedisErrorKind::ConnectionLost;
    QTest::newRow("ENOTCONN") << ENOTCONN << RedisErrorKind::ConnectionLost;
    QTest::newRow("ECONNABORTED") << ECONNABORTED << RedisErrorKind::ConnectionLost;
    QTest::newRow("EIO") << EIO << RedisErrorKind::ConnectionLost;
}

void TestRedisError::errnos()
{
    QFETCH(int, err);
    QFETCH(RedisErrorKind, kind);
    QCOMPARE(cwb::classifyErrno(err), kind);
}

void TestRedisError::kindNamesAreStableAndUnique()
{
    // Exported files depend on these exact names.
    QCOMPARE(cwb::errorKindName(RedisErrorKind::None), QStringLiteral("none"));
    QCOMPARE(cwb::errorKindName(RedisErrorKind::Refused), QStringLiteral("refused"));
    QCOMPARE(cwb::errorKindName(RedisErrorKind::Unresolved), QStringLiteral("unresolved"));
    QCOMPARE(cwb::errorKindName(RedisErrorKind::Timeout), QStringLiteral("timeout"));
    QCOMPARE(cwb::errorKindName(RedisErrorKind::AuthFailed), QStringLiteral("auth"));
    QCOMPARE(cwb::errorKindName(RedisErrorKind::ServerError), QStringLiteral("server_error"));
    QCOMPARE(cwb::errorKindName(RedisErrorKind::OutOfMemory), QStringLiteral("oom"));
    QCOMPARE(cwb::errorKindName(RedisErrorKind::ConnectionLost), QStringLiteral("connection_lost"));
    QCOMPARE(cwb::errorKindName(RedisErrorKind::Protocol), QStringLiteral("protocol"));
    QCOMPARE(cwb::errorKindName(RedisErrorKind::NoPermission), QStringLiteral("permission"));
    QCOMPARE(cwb::errorKindName(RedisErrorKind::Tls), QStringLiteral("tls"));

    QSet<QString> names;
    for (int i = 0; i < cwb::kRedisErrorKindCount; ++i) {
        const QString name = cwb::errorKindName(static_cast<RedisErrorKind>(i));
        QVERIFY(!name.isEmpty());
        QCOMPARE(name, name.toLower());
        names.insert(name);
    }
    QCOMPARE(names.size(), cwb::kRedisErrorKindCount);
}

void TestRedisError::isError()
{
    cwb::RedisError e;
    QVERIFY(!e.isError());
    QVERIFY(!e);
    e.kind = RedisErrorKind::Timeout;
    QVERIFY(e.isError());
    QVERIFY(bool(e));
}

QTEST_GUILESS_MAIN(TestRedisError)
#include "tst_rediserror.moc"
