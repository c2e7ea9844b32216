#include "redis/endpoint.h"

#include <QTest>

using cwb::Endpoint;
using cwb::parseEndpoint;

class TestEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void goodUris_data();
    void goodUris();
    void badUris_data();
    void badUris();
    void displayUriOmitsPassword_data();
    void displayUriOmitsPassword();
    void displayUriRoundTrips();
    void tlsUris();
    void address();
    void environmentPassword();
    void environmentPasswordKeepsUriPassword();
};

void TestEndpoint::defaults()
{
    QString error;
    const auto ep = parseEndpoint(QStringLiteral("redis://localhost"), &error);
    QVERIFY2(ep, qPrintable(error));
    QCOMPARE(ep->transport, Endpoint::Transport::Tcp);
    QCOMPARE(ep->host, QStringLiteral("localhost"));
    QCOMPARE(ep->port, quint16(6379));
    QCOMPARE(ep->database, 0);
    QVERIFY(ep->username.isEmpty());
    QVERIFY(ep->password.isEmpty());
    QVERIFY(ep->socketPath.isEmpty());
}

void TestEndpoint::goodUris_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<int>("transport");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("socketPath");
    QTest::addColumn<int>("db");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");

    const int tcp = int(Endpoint::Transport::Tcp);
    const int unix = int(Endpoint::Transport::Unix);
    QTest::newRow("host") << "redis://cache.example.com" << tcp << "cache.example.com" << 6379 << "" << 0 << "" << "";
    QTest::newRow("host:port") << "redis://10.0.0.5:7000" << tcp << "10.0.0.5" << 7000 << "" << 0 << "" << "";
    QTest::newRow("host:port/db") << "redis://h:7000/3" << tcp << "h" << 7000 << "" << 3 << "" << "";
    QTest::newRow("host/db") << "redis://h/15" << tcp << "h" << 6379 << "" << 15 << "" << "";
    QTest::newRow("trailing slash") << "redis://h:1/" << tcp << "h" << 1 << "" << 0 << "" << "";
    QTest::newRow("port 65535") << "redis://h:65535" << tcp << "h" << 65535 << "" << 0 << "" << "";
    QTest::newRow("user+password") << "redis://alice:s3cret@h:6380/2" << tcp << "h" << 6380 << "" << 2 << "alice" << "s3cret";
    QTest::newRow("password only") << "redis://:s3cret@h" << tcp << "h" << 6379 << "" << 0 << "" << "s3cret";
    // No colon: a password, as redis-cli, Lettuce and Jedis read it; "user:" names a user alone.
    QTest::newRow("password without colon") << "redis://s3cret@h" << tcp << "h" << 6379 << "" << 0 << "" << "s3cret";
    QTest::newRow("user with empty password") << "redis://bob:@h" << tcp << "h" << 6379 << "" << 0 << "bob" << "";
    QTest::newRow("unix password without colon") << "unix://s3cret@/tmp/r.sock" << unix << "" << 0 << "/tmp/r.sock" << 0
                                                 << "" << "s3cret";
    QTest::newRow("percent-encoded") << "redis://al%40ice:p%3Aa%2Fs%25s%20w@h" << tcp << "h" << 6379 << "" << 0
                                     << "al@ice" << "p:a/s%s w";
    QTest::newRow("utf8 password") << "redis://:%C3%A9t%C3%A9@h" << tcp << "h" << 6379 << "" << 0 << "" << u8"été";
    QTest::newRow("unencoded @ in password") << "redis://:p@ss@h:1" << tcp << "h" << 1 << "" << 0 << "" << "p@ss";
    QTest::newRow("ipv6 loopback") << "redis://[::1]" << tcp << "::1" << 6379 << "" << 0 << "" << "";
    QTest::newRow("ipv6 with port/db") << "redis://u:p@[fe80::1:2]:7001/4" << tcp << "fe80::1:2" << 7001 << "" << 4 << "u" << "p";
    QTest::newRow("scheme case") << "REDIS://H:2" << tcp << "H" << 2 << "" << 0 << "" << "";
    QTest::newRow("surrounding spaces") << "  redis://h:2  " << tcp << "h" << 2 << "" << 0 << "" << "";
    QTest::newRow("query db") << "redis://h?db=7" << tcp << "h" << 6379 << "" << 7 << "" << "";
    QTest::newRow("unix") << "unix:///run/redis/redis.sock" << unix << "" << 6379 << "/run/redis/redis.sock" << 0 << "" << "";
    QTest::newRow("unix db") << "unix:///tmp/r.sock?db=5" << unix << "" << 6379 << "/tmp/r.sock" << 5 << "" << "";
    QTest::newRow("unix auth") << "unix://u:p%40w@/tmp/r.sock" << unix << "" << 6379 << "/tmp/r.sock" << 0 << "u" << "p@w";
    QTest::newRow("unix encoded path") << "unix:///tmp/my%20dir/r.sock" << unix << "" << 6379 << "/tmp/my dir/r.sock" << 0 << "" << "";
}

void TestEndpoint::goodUris()
{
    QFETCH(QString, uri);
    QFETCH(int, transport);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, socketPath);
    QFETCH(int, db);
    QFETCH(QString, user);
    QFETCH(QString, password);

    QString error = QStringLiteral("untouched");
    const auto ep = parseEndpoint(uri, &error);
    QVERIFY2(ep, qPrintable(error));
    QCOMPARE(int(ep->transport), transport);
    if (ep->transport == Endpoint::Transport::Tcp) {
        QCOMPARE(ep->host, host);
        QCOMPARE(int(ep->port), port);
    } else {
        QCOMPARE(ep->socketPath, socketPath);
    }
    QCOMPARE(ep->database, db);
    QCOMPARE(ep->username, user);
    QCOMPARE(ep->password, password);
}

void TestEndpoint::badUris_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("empty") << "" << "empty";
    QTest::newRow("blank") << "   " << "empty";
    QTest::newRow("no scheme") << "localhost:6379" << "no scheme";
    QTest::newRow("http") << "http://h" << "unsupported scheme 'http'";
    QTest::newRow("empty host") << "redis://" << "host is empty";
    QTest::newRow("empty host with port") << "redis://:6379" << "host is empty";
    QTest::newRow("empty host with auth") << "redis://:pw@/0" << "host is empty";
    QTest::newRow("empty authority before user info") << "redis:///:x@host" << "host is empty";
    QTest::newRow("slash in user name") << "redis://a/b:x@host" << "user name contains '/'";
    QTest::newRow("port too big") << "redis://h:70000" << "port '70000' is out of range 1-65535";
    QTest::newRow("port zero") << "redis://h:0" << "port '0' is out of range";
    QTest::newRow("port abc") << "redis://h:abc" << "port 'abc' is not a number";
    QTest::newRow("port negative") << "redis://h:-1" << "port '-1' is not a number";
    QTest::newRow("port empty") << "redis://h:" << "port is empty";
    QTest::newRow("port huge") << "redis://h:99999999999999999999" << "out of range";
    QTest::newRow("db abc") << "redis://h/abc" << "database 'abc' is not a number";
    QTest::newRow("db negative") << "redis://h/-1" << "database '-1' must not be negative";
    QTest::newRow("db huge") << "redis://h/99999999999" << "database '99999999999' is out of range";
    QTest::newRow("db twice") << "redis://h/1?db=2" << "database";
    QTest::newRow("garbage after db") << "redis://h/1/extra" << "unexpected text '/extra'";
    QTest::newRow("fragment") << "redis://h:1#frag" << "unexpected text '#frag'";
    QTest::newRow("unknown query") << "redis://h?timeout=5" << "unsupported query parameter 'timeout'";
    QTest::newRow("bad host chars") << "redis://h st" << "host 'h st' contains invalid characters";
    QTest::newRow("bare ipv6") << "redis://::1" << "brackets";
    QTest::newRow("unclosed ipv6") << "redis://[::1" << "closing ']'";
    QTest::newRow("empty ipv6") << "redis://[]:1" << "host is empty";
    QTest::newRow("not ipv6") << "redis://[zz]" << "not a valid IPv6 address";
    QTest::newRow("garbage after ipv6") << "redis://[::1]x" << "unexpected text 'x'";
    QTest::newRow("bad escape in password") << "redis://:ab%zz@h" << "password has an invalid percent-escape";
    QTest::newRow("truncated escape") << "redis://:ab%2@h" << "password has an invalid percent-escape";
    QTest::newRow("bad escape in user") << "redis://u%g1:p@h" << "user name has an invalid percent-escape";
    QTest::newRow("unix empty") << "unix://" << "socket path is empty";
    QTest::newRow("unix slash only") << "unix:///" << "socket path is empty";
    QTest::newRow("unix relative") << "unix://tmp/r.sock" << "must be absolute";
    QTest::newRow("unix db abc") << "unix:///tmp/r.sock?db=x" << "database 'x' is not a number";
    QTest::newRow("unix db negative") << "unix:///tmp/r.sock?db=-3" << "must not be negative";
    QTest::newRow("unix unknown query") << "unix:///tmp/r.sock?foo=1" << "unsupported query parameter 'foo'";
    QTest::newRow("unix too long") << QStringLiteral("unix:///") + QString(200, u'a') << "too long";
}

void TestEndpoint::badUris()
{
    QFETCH(QString, uri);
    QFETCH(QString, fragment);
    QString error;
    const auto ep = parseEndpoint(uri, &error);
    QVERIFY2(!ep, qPrintable(QStringLiteral("accepted: ") + uri));
    QVERIFY2(error.contains(fragment), qPrintable(QStringLiteral("error was: ") + error));
    QVERIFY(!error.contains(u'\n'));
    // Errors about the user info must not quote it: it may hold the password.
    QVERIFY(!error.contains(QStringLiteral("ab%zz")));
    // A null error pointer is allowed.
    QVERIFY(!parseEndpoint(uri));
}

void TestEndpoint::displayUriOmitsPassword_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("expected");
    QTest::newRow("user+password") << "redis://alice:Sup3rS3cret@h:6380/2" << "redis://alice:@h:6380/2";
    QTest::newRow("password only") << "redis://:Sup3rS3cret@h" << "redis://h:6379";
    QTest::newRow("password without colon") << "redis://Sup3rS3cret@h" << "redis://h:6379";
    QTest::newRow("ipv6") << "redis://:Sup3rS3cret@[::1]:7000" << "redis://[::1]:7000";
    QTest::newRow("encoded user") << "redis://al%40ice:Sup3rS3cret@h" << "redis://al%40ice:@h:6379";
    QTest::newRow("unix") << "unix://u:Sup3rS3cret@/tmp/r.sock?db=3" << "unix://u:@/tmp/r.sock?db=3";
}

void TestEndpoint::displayUriOmitsPassword()
{
    QFETCH(QString, uri);
    QFETCH(QString, expected);
    const auto ep = parseEndpoint(uri);
    QVERIFY(ep);
    QVERIFY(!ep->password.isEmpty());
    QCOMPARE(ep->displayUri(), expected);
    QVERIFY(!ep->displayUri().contains(QStringLiteral("Sup3rS3cret")));
    QVERIFY(!ep->address().contains(QStringLiteral("Sup3rS3cret")));
}

void TestEndpoint::displayUriRoundTrips()
{
    for (const char *text : {"redis://alice:pw@h:6380/2", "redis://[::1]:7000", "unix:///tmp/r.sock?db=3",
                             "redis://u%3Ax:@h", "redis://bob:@h", "redis://secret@h", "unix://u:pw@/tmp/r.sock"}) {
        auto ep = parseEndpoint(QString::fromLatin1(text));
        QVERIFY(ep);
        auto again = parseEndpoint(ep->displayUri());
        QVERIFY2(again, qPrintable(ep->displayUri()));
        again->password = ep->password;
        QCOMPARE(*again, *ep);
    }
}

void TestEndpoint::tlsUris()
{
    const auto ep = parseEndpoint(QStringLiteral("rediss://app:pw@cache.example.com:6380/1?tls-ca=/etc/ssl/a%26b.pem"
                                                 "&tls-cert=/c.crt&tls-key=/c.key&tls-sni=other.example"
                                                 "&tls-min-version=1.3"));
    QVERIFY(ep);
    QVERIFY(ep->tls.enabled);
    QCOMPARE(ep->tls.caPath, QStringLiteral("/etc/ssl/a&b.pem"));
    QCOMPARE(ep->tls.serverName, QStringLiteral("other.example"));
    QCOMPARE(ep->tls.minVersion, QStringLiteral("1.3"));
    QCOMPARE(ep->port, 6380);
    // The display URI keeps every setting (saved configurations reach the same server the same
    // way) and reads back as the same endpoint, but never holds the password or the pass phrase.
    Endpoint withSecret = *ep;
    withSecret.tls.keyPassphrase = QStringLiteral("Phrase-xyz");
    const QString shown = withSecret.displayUri();
    QVERIFY(!shown.contains(QStringLiteral("pw")) && !shown.contains(QStringLiteral("Phrase-xyz")));
    auto again = parseEndpoint(shown);
    QVERIFY2(again, qPrintable(shown));
    again->password = ep->password;
    QCOMPARE(*again, *ep);
    // The keychain's key names the server and login only.
    QCOMPARE(ep->serverUri(), QStringLiteral("rediss://app:@cache.example.com:6380/1"));

    const auto insecure = parseEndpoint(QStringLiteral("rediss://h:6380?insecure=yes"));
    QVERIFY(insecure && insecure->tls.insecure);
    QVERIFY(insecure->displayUri().contains(QStringLiteral("insecure=yes")));

    QString error;
    QVERIFY(!parseEndpoint(QStringLiteral("rediss://h?tls-min-version=1.1"), &error));
    QVERIFY2(error.contains(QStringLiteral("must be 1.2 or 1.3")), qPrintable(error));
    QVERIFY(!parseEndpoint(QStringLiteral("rediss://h?tls-cert=/c.crt"), &error));
    QVERIFY2(error.contains(QStringLiteral("tls-cert needs tls-key")), qPrintable(error));
    QVERIFY(!parseEndpoint(QStringLiteral("redis://h?tls-ca=/ca.pem"), &error));
    QVERIFY2(error.contains(QStringLiteral("rediss://")), qPrintable(error));
    QVERIFY(!parseEndpoint(QStringLiteral("unix:///tmp/r.sock?tls-ca=/ca.pem"), &error));
    QVERIFY2(error.contains(QStringLiteral("unix socket")), qPrintable(error));
}

void TestEndpoint::address()
{
    QCOMPARE(parseEndpoint(QStringLiteral("redis://h:7000/1"))->address(), QStringLiteral("h:7000"));
    QCOMPARE(parseEndpoint(QStringLiteral("redis://[::1]"))->address(), QStringLiteral("[::1]:6379"));
    QCOMPARE(parseEndpoint(QStringLiteral("unix:///tmp/r.sock"))->address(), QStringLiteral("/tmp/r.sock"));
    QCOMPARE(Endpoint{}.address(), QStringLiteral("127.0.0.1:6379"));
}

void TestEndpoint::environmentPassword()
{
    qunsetenv("CWB_REDIS_PASSWORD");
    qunsetenv("REDISCLI_AUTH");
    Endpoint ep;
    QVERIFY(!cwb::applyPasswordFromEnvironment(ep));
    QVERIFY(ep.password.isEmpty());

    qputenv("REDISCLI_AUTH", "from-redis-cli");
    QVERIFY(cwb::applyPasswordFromEnvironment(ep));
    QCOMPARE(ep.password, QStringLiteral("from-redis-cli"));

    ep.password.clear();
    qputenv("CWB_REDIS_PASSWORD", "from-cwb");
    QVERIFY(cwb::applyPasswordFromEnvironment(ep));
    QCOMPARE(ep.password, QStringLiteral("from-cwb")); // ours wins over redis-cli's

    qunsetenv("CWB_REDIS_PASSWORD");
    qunsetenv("REDISCLI_AUTH");
}

void TestEndpoint::environmentPasswordKeepsUriPassword()
{
    qputenv("CWB_REDIS_PASSWORD", "from-env");
    auto ep = parseEndpoint(QStringLiteral("redis://:from-uri@h"));
    QVERIFY(ep);
    QVERIFY(!cwb::applyPasswordFromEnvironment(*ep));
    QCOMPARE(ep->password, QStringLiteral("from-uri"));
    qunsetenv("CWB_REDIS_PASSWORD");
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
