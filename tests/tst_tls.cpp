// TLS (rediss://) against real redis-server processes listening with --tls-port, with
// certificates made at test time (redis/throwawaypki.h): connections, mutual TLS, and every bad
// input the issue names, each with the sentence a user sees.

#include "cluster/clusterdiscovery.h"
#include "redis/redisconnection.h"
#include "redis/respstream.h"
#include "redis/throwawaypki.h"
#include "redis/tlscontext.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cwb;
using namespace cwb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QString describe(const RedisConnection &c)
{
    return errorKindName(c.lastError().kind) + u": "_s + c.lastError().message;
}

// A certificates folder for a sandbox whose server certificate is made to `spec` (expired, for
// another name).
bool pkiWithServer(const QString &dir, const pki::CertificateSpec &spec)
{
    QString error;
    return pki::createPki(dir, &error, {.server = spec}).has_value();
}

// Commands the server has run so far; each call counts itself once it has run.
qint64 commandsProcessed(const SandboxRedis &redis)
{
    return sandboxInfoField(redis, "stats", "total_commands_processed").toLongLong();
}

Endpoint plainTwin(Endpoint e)
{
    e.tls = {};
    return e;
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private slots:
    void commandsAndPipelinesOverTls();
    void largeRepliesSpanManyRecords();
    void reconnectsAfterTheServerDropsUs();
    void mutualTls();
    void clientCertificateMissing();
    void wrongCa();
    void hostNameMismatch();
    void sniNameMismatch();
    void expiredCertificate();
    void plainClientAgainstTlsPort();
    void tlsClientAgainstPlainPort();
    void insecureSkipsVerification();
    void badClientKeyFiles();
    void encryptedKey();
    void tlsCluster();
    void cliOverTls();
    void loadRunFromTheCli();
};

void tst_Tls::commandsAndPipelinesOverTls()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    const Endpoint endpoint = redis.endpoint();
    QVERIFY(endpoint.tls.enabled);
    QVERIFY(endpoint.displayUri().startsWith(u"rediss://127.0.0.1:"_s));

    RedisConnection c(endpoint);
    QVERIFY2(c.connect(), qPrintable(describe(c)));
    const auto set = c.command({"SET", "cwb:tls:k", "value"});
    QVERIFY2(set && set->isOk(), qPrintable(describe(c)));
    const auto get = c.command({"GET", "cwb:tls:k"});
    QVERIFY(get && get->str == "value");
    std::vector<RedisCommand> many;
    for (int i = 0; i < 500; ++i)
        many.push_back({"INCR", "cwb:tls:n"});
    const auto replies = c.pipeline(many);
    QVERIFY2(replies && replies->size() == 500, qPrintable(describe(c)));
    QCOMPARE(replies->back().integer, 500);
    // The server really sees a TLS client: its INFO counts the connection on the TLS port only.
    const auto clients = c.command({"CLIENT", "INFO"});
    QVERIFY(clients && clients->str.contains(QByteArray("laddr=127.0.0.1:" + QByteArray::number(redis.port()))));
}

void tst_Tls::largeRepliesSpanManyRecords()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    RedisConnection c(redis.endpoint());
    QVERIFY2(c.connect(), qPrintable(describe(c)));
    // 3 MiB: about 200 TLS records, read until the transport would block each time.
    const QByteArray big(3 * 1024 * 1024, 'x');
    QVERIFY(c.command({"SET", "cwb:tls:big", big}));
    const auto replies = c.pipeline({{"GET", "cwb:tls:big"}, {"STRLEN", "cwb:tls:big"}, {"GET", "cwb:tls:big"}});
    QVERIFY2(replies, qPrintable(describe(c)));
    QCOMPARE((*replies)[0].str.size(), big.size());
    QCOMPARE((*replies)[1].integer, big.size());
    QVERIFY((*replies)[2].str == big);
}

void tst_Tls::reconnectsAfterTheServerDropsUs()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    RedisConnection c(redis.endpoint());
    QVERIFY2(c.connect(), qPrintable(describe(c)));
    QVERIFY(c.command({"CLIENT", "SETNAME", "cwb-victim"}));
    // Idle for a while: TLS 1.3 session tickets arrive after the handshake and must not be taken
    // for a closed connection (that would reconnect on every command).
    QVERIFY(c.command({"PING"}));
    const auto id = c.command({"CLIENT", "ID"});
    QVERIFY(c.command({"PING"}));
    const auto sameId = c.command({"CLIENT", "ID"});
    QVERIFY(id && sameId);
    QCOMPARE(sameId->integer, id->integer);

    QVERIFY(sandboxCommand(redis, {"CLIENT", "KILL", "SKIPME", "yes", "TYPE", "normal"}));
    const auto afterKill = c.command({"CLIENT", "ID"});
    QVERIFY2(afterKill, qPrintable(describe(c)));
    QVERIFY(afterKill->integer != id->integer);
}

void tst_Tls::mutualTls()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true, .requireClientCertificates = true});
    const Endpoint endpoint = redis.endpoint();
    QVERIFY(!endpoint.tls.certFile.isEmpty());
    RedisConnection c(endpoint);
    QVERIFY2(c.connect(), qPrintable(describe(c)));
    QVERIFY(c.command({"PING"}));
}

void tst_Tls::clientCertificateMissing()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true, .requireClientCertificates = true});
    Endpoint endpoint = redis.endpoint();
    endpoint.tls.certFile.clear();
    endpoint.tls.keyFile.clear();
    RedisConnection::Options options;
    options.reconnectAttempts = 0;
    RedisConnection c(endpoint, options);
    QVERIFY(!c.connect());
    QVERIFY2(c.lastError().kind == RedisErrorKind::Tls, qPrintable(describe(c)));
    QVERIFY2(c.lastError().message.contains(u"client certificate"_s), qPrintable(describe(c)));
}

void tst_Tls::wrongCa()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    QTemporaryDir other;
    QString error;
    QVERIFY2(pki::createPki(other.path(), &error), qPrintable(error));
    Endpoint endpoint = redis.endpoint();
    endpoint.tls.caPath = other.filePath(u"ca.crt"_s);
    const qint64 before = commandsProcessed(redis);
    QVERIFY(before > 0);
    RedisConnection c(endpoint);
    QVERIFY(!c.connect());
    QCOMPARE(c.lastError().kind, RedisErrorKind::Tls);
    // The server sends its CA along (OpenSSL builds its chain): a self-signed root nobody trusts.
    QVERIFY2(c.lastError().message.contains(u"certificate verify failed: self-signed certificate in certificate "
                                            u"chain for host 127.0.0.1 (is tls-ca the CA that signed"_s),
             qPrintable(describe(c)));
    // Nothing was sent: the handshake failed before any command (only the INFO that counted).
    QCOMPARE(commandsProcessed(redis), before + 1);
}

void tst_Tls::hostNameMismatch()
{
    QTemporaryDir dir;
    pki::CertificateSpec spec;
    spec.hostNames = {u"cache.example.com"_s};
    spec.addresses = {u"10.1.2.3"_s};
    QVERIFY(pkiWithServer(dir.path(), spec));
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true, .certificatesDir = dir.path()});
    RedisConnection c(redis.endpoint());
    QVERIFY(!c.connect());
    QCOMPARE(c.lastError().kind, RedisErrorKind::Tls);
    QVERIFY2(c.lastError().message.contains(u"IP address mismatch for host 127.0.0.1"_s), qPrintable(describe(c)));
    // The name the certificate carries, given as SNI / verify host, is accepted.
    Endpoint named = redis.endpoint();
    named.tls.serverName = u"cache.example.com"_s;
    RedisConnection ok(named);
    QVERIFY2(ok.connect(), qPrintable(describe(ok)));
}

void tst_Tls::sniNameMismatch()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    Endpoint endpoint = redis.endpoint();
    endpoint.tls.serverName = u"not-the-server.example"_s;
    RedisConnection c(endpoint);
    QVERIFY(!c.connect());
    QCOMPARE(c.lastError().kind, RedisErrorKind::Tls);
    QVERIFY2(c.lastError().message.contains(u"hostname mismatch for host not-the-server.example"_s), qPrintable(describe(c)));
}

void tst_Tls::expiredCertificate()
{
    QTemporaryDir dir;
    pki::CertificateSpec spec;
    spec.validFromSecs = -3 * 86400;
    spec.validUntilSecs = -86400;
    QVERIFY(pkiWithServer(dir.path(), spec));
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true, .certificatesDir = dir.path()});
    RedisConnection c(redis.endpoint());
    QVERIFY(!c.connect());
    QCOMPARE(c.lastError().kind, RedisErrorKind::Tls);
    QVERIFY2(c.lastError().message.contains(u"certificate has expired"_s), qPrintable(describe(c)));
}

void tst_Tls::plainClientAgainstTlsPort()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    RedisConnection::Options options;
    options.connectTimeoutMs = 1500;
    options.commandTimeoutMs = 1500;
    options.reconnectAttempts = 0;
    RedisConnection c(plainTwin(redis.endpoint()), options);
    QVERIFY(!c.connect());
    QVERIFY2(c.lastError().message.contains(u"a TLS port? Use rediss://"_s), qPrintable(describe(c)));
}

void tst_Tls::tlsClientAgainstPlainPort()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    SandboxRedis tlsServer; // only for its CA
    CWB_START_SANDBOX(tlsServer, .tls = {.enabled = true});
    Endpoint endpoint = redis.endpoint();
    endpoint.tls = tlsServer.endpoint().tls;
    RedisConnection::Options options;
    options.connectTimeoutMs = 800;
    options.reconnectAttempts = 0;
    RedisConnection c(endpoint, options);
    QVERIFY(!c.connect());
    // The plain server waits for a line that never comes: the connect timeout ends the handshake.
    QVERIFY2(c.lastError().message.contains(u"plain-text port? Use redis://"_s), qPrintable(describe(c)));
    QVERIFY2(c.lastError().message.contains(u"800 ms"_s) || c.lastError().kind == RedisErrorKind::Tls,
             qPrintable(describe(c)));
}

void tst_Tls::insecureSkipsVerification()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    Endpoint endpoint = redis.endpoint();
    endpoint.tls.caPath.clear(); // the system store does not know the throw-away CA ...
    endpoint.tls.insecure = true; // ... and is not asked
    QVERIFY(endpoint.displayUri().contains(u"insecure=yes"_s));
    RedisConnection c(endpoint);
    QVERIFY2(c.connect(), qPrintable(describe(c)));
    QVERIFY(c.command({"PING"}));
}

void tst_Tls::badClientKeyFiles()
{
    QTemporaryDir dir;
    QString error;
    const auto files = pki::createPki(dir.path(), &error);
    QVERIFY2(files, qPrintable(error));
    TlsOptions options;
    options.enabled = true;
    options.caPath = files->caCert;
    options.certFile = files->clientCert;

    options.keyFile = dir.filePath(u"missing.key"_s);
    QVERIFY(!TlsContext::obtain(options, &error));
    QVERIFY2(error.contains(u"missing.key' does not exist"_s), qPrintable(error));

    QFile unreadable(dir.filePath(u"locked.key"_s));
    QVERIFY(unreadable.open(QIODevice::WriteOnly));
    unreadable.write("x");
    unreadable.close();
    QVERIFY(unreadable.setPermissions(QFile::Permissions()));
    options.keyFile = unreadable.fileName();
    if (::geteuid() != 0) { // root reads any file
        QVERIFY(!TlsContext::obtain(options, &error));
        QVERIFY2(error.contains(u"cannot be read"_s), qPrintable(error));
    }

    options.keyFile = dir.filePath(u"garbage.key"_s);
    QFile garbage(options.keyFile);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("not a key\n");
    garbage.close();
    QVERIFY(!TlsContext::obtain(options, &error));
    QVERIFY2(error.contains(u"holds no PEM private key"_s), qPrintable(error));

    options.keyFile = dir.filePath(u"other.key"_s);
    QVERIFY2(pki::writeUnrelatedKey(options.keyFile, &error), qPrintable(error));
    QVERIFY(!TlsContext::obtain(options, &error));
    QVERIFY2(error.contains(u"does not belong to the certificate"_s), qPrintable(error));

    options.keyFile = files->clientKey;
    options.caPath = dir.filePath(u"no-ca.pem"_s);
    QVERIFY(!TlsContext::obtain(options, &error));
    QVERIFY2(error.contains(u"CA certificate"_s) && error.contains(u"does not exist"_s), qPrintable(error));

    options.caPath = files->caCert;
    options.keyFile.clear();
    QVERIFY(!TlsContext::obtain(options, &error));
    QVERIFY2(error.contains(u"tls-cert needs tls-key"_s), qPrintable(error));

    // A connection with a bad key says so instead of trying the server.
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true, .requireClientCertificates = true});
    Endpoint endpoint = redis.endpoint();
    endpoint.tls.keyFile = dir.filePath(u"other.key"_s);
    RedisConnection c(endpoint);
    QVERIFY(!c.connect());
    QCOMPARE(c.lastError().kind, RedisErrorKind::Tls);
    QVERIFY2(c.lastError().message.contains(u"does not belong to the certificate"_s), qPrintable(describe(c)));
}

void tst_Tls::encryptedKey()
{
    QTemporaryDir dir;
    QString error;
    const QByteArray passphrase = "Tls-Pass-9q1-zz";
    QVERIFY2(pki::createPki(dir.path(), &error, {.clientKeyPassphrase = passphrase}), qPrintable(error));
    SandboxRedis mutual;
    CWB_START_SANDBOX(mutual, .tls = {.enabled = true, .requireClientCertificates = true, .certificatesDir = dir.path()});

    TlsOptions options = mutual.endpoint().tls;
    QVERIFY(!TlsContext::obtain(options, &error));
    QVERIFY2(error.contains(u"is encrypted: give its pass phrase in CWB_TLS_KEY_PASS"_s), qPrintable(error));
    options.keyPassphrase = u"wrong-guess"_s;
    QVERIFY(!TlsContext::obtain(options, &error));
    QVERIFY2(error.contains(u"pass phrase is wrong"_s), qPrintable(error));
    QVERIFY(!error.contains(u"wrong-guess"_s));

    // From the environment, as the CLI and every engine connection read it.
    qputenv("CWB_TLS_KEY_PASS", passphrase);
    RedisConnection c(mutual.endpoint());
    const bool connected = c.connect();
    qunsetenv("CWB_TLS_KEY_PASS");
    QVERIFY2(connected, qPrintable(describe(c)));
    QVERIFY(!mutual.endpoint().displayUri().contains(QString::fromLatin1(passphrase)));
}

void tst_Tls::tlsCluster()
{
    SandboxCluster cluster;
    SandboxCluster::Options options;
    options.masters = 3;
    options.replicasPerMaster = 1;
    options.tls.enabled = true;
    CWB_START_SANDBOX(cluster, options);
    const Endpoint seed = cluster.seed();
    QVERIFY(seed.tls.enabled);
    RedisConnection c(seed);
    QVERIFY2(c.connect(), qPrintable(describe(c)));
    // A TLS client is told the nodes' TLS ports.
    const auto slotMap = c.command({"CLUSTER", "SLOTS"});
    QVERIFY(slotMap && slotMap->elements.size() == 3);
    QList<quint16> ports;
    for (SandboxRedis *node : cluster.nodes())
        ports << node->port();
    for (const RedisReply &range : slotMap->elements)
        QVERIFY(ports.contains(quint16(range.elements[2].elements[1].integer)));
    const auto info = c.command({"CONFIG", "GET", "tls-cluster"});
    QVERIFY(info && info->elements.size() == 2 && info->elements[1].str == "yes");

    // A MOVED names a TLS port; the seed's TLS settings reach that node.
    int moved = 0;
    for (int i = 0; i < 20 && moved < 3; ++i) {
        const QByteArray key = "cwb:tls:moved:" + QByteArray::number(i);
        const auto reply = c.command({"SET", key, "v"});
        QVERIFY2(reply, qPrintable(describe(c)));
        if (!reply->isError())
            continue;
        QVERIFY2(reply->str.startsWith("MOVED "), reply->str.constData());
        const QByteArray address = reply->str.split(' ').value(2);
        Endpoint node = seed;
        node.port = quint16(address.mid(address.lastIndexOf(':') + 1).toUInt());
        QVERIFY(ports.contains(node.port));
        RedisConnection owner(node);
        const auto set = owner.command({"SET", key, "v"});
        QVERIFY2(set && set->isOk(), qPrintable(describe(owner)));
        QVERIFY(owner.command({"DEL", key}));
        ++moved;
    }
    QCOMPARE(moved, 3);

    // Discovery talks to every node over TLS.
    ClusterDiscovery discovery(seed);
    QString error;
    const auto topology = discovery.discover(&error);
    QVERIFY2(topology, qPrintable(error));
    QCOMPARE(int(topology->nodes.size()), 6);
    for (const TopologyNode &node : topology->nodes)
        QVERIFY2(ports.contains(quint16(node.port)), qPrintable(node.address()));
}

void tst_Tls::cliOverTls()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    const QString uri = u"rediss://127.0.0.1:%1"_s.arg(redis.port());
    const QString ca = redis.endpoint().tls.caPath;

    const CliResult ok = runCli({u"check"_s, u"--target"_s, uri, u"--tls-ca"_s, ca});
    QVERIFY2(ok.finished, ok.err.constData());
    QVERIFY2(ok.exitCode == 0 || ok.exitCode == 1, ok.err.constData()); // checked, whatever it found
    QVERIFY2(ok.out.contains("user default"), ok.out.constData());
    QVERIFY2(ok.out.contains("CONFIG GET         allowed"), ok.out.constData());

    // The same server in the URI's own query.
    const CliResult inUri = runCli({u"check"_s, u"--target"_s, uri + u"?tls-ca="_s + ca});
    QVERIFY2(inUri.out.contains("CONFIG GET         allowed"), inUri.err.constData());

    // Without the CA: the system store does not know it, and the CLI says so.
    const CliResult untrusted = runCli({u"check"_s, u"--target"_s, uri});
    QCOMPARE(untrusted.exitCode, 3);
    QVERIFY2(untrusted.err.contains("certificate verify failed"), untrusted.err.constData());

    const CliResult insecure = runCli({u"check"_s, u"--target"_s, uri, u"--insecure"_s});
    QVERIFY2(insecure.exitCode == 0 || insecure.exitCode == 1, insecure.err.constData());
    QVERIFY2(insecure.err.contains("NOT verified"), insecure.err.constData());

    const CliResult missingCa = runCli({u"check"_s, u"--target"_s, uri, u"--tls-ca"_s, ca + u".missing"_s});
    QCOMPARE(missingCa.exitCode, 2);
    QVERIFY2(missingCa.err.contains("does not exist"), missingCa.err.constData());
}

// The command of issue 17's "done when", shortened: the load workers speak TLS (tst_loadtls has
// the rest).
void tst_Tls::loadRunFromTheCli()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    const qint64 before = commandsProcessed(redis);
    const CliResult run = runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s,
                                  u"rediss://127.0.0.1:%1"_s.arg(redis.port()), u"--tls-ca"_s,
                                  redis.endpoint().tls.caPath, u"--duration"_s, u"1"_s, u"--no-save"_s});
    QVERIFY2(run.finished, run.err.constData());
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY(commandsProcessed(redis) > before + 100);
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
