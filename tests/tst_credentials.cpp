// Credential hygiene: a password used for a run must not appear in anything the run leaves
// behind: stdout, stderr, the result store, JSON, CSV, Prometheus and HTML exports, monitoring
// output. Searched as bytes, in every file, for the password itself.

#include "redis/throwawaypki.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cwb;
using namespace cwb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kPassword = "Pw-7f3a9-sEcReT-q";

// Every file below `dir` whose bytes contain the password.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << file.fileName();
    }
    return found;
}

} // namespace

class tst_Credentials : public QObject
{
    Q_OBJECT

private slots:
    void passwordNeverLandsInAnArtefact_data()
    {
        QTest::addColumn<bool>("inUri");
        QTest::newRow("password from the environment") << false;
        QTest::newRow("password inside the URI") << true;
    }

    void passwordNeverLandsInAnArtefact()
    {
        QFETCH(bool, inUri);
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .password = QString::fromLatin1(kPassword));
        QTemporaryDir dir;
        const QString db = dir.filePath(u"store.sqlite"_s);
        const QString uri = inUri ? u"redis://:%1@127.0.0.1:%2"_s.arg(QString::fromLatin1(kPassword)).arg(redis.port())
                                  : u"redis://127.0.0.1:%1"_s.arg(redis.port());
        const QStringList env = inUri ? QStringList{} : QStringList{u"CWB_REDIS_PASSWORD="_s + QString::fromLatin1(kPassword)};
        QByteArray console;

        const CliResult run = runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s, uri, u"--duration"_s,
                                      u"1"_s, u"--db"_s, db, u"--json"_s, dir.filePath(u"run.json"_s), u"--csv"_s,
                                      dir.filePath(u"run.csv"_s)},
                                     30000, {}, env);
        QCOMPARE(run.exitCode, 0);
        console += run.out + run.err;
        const QRegularExpressionMatch saved = QRegularExpression(u"saved run ([0-9a-f-]{36})"_s).match(QString::fromUtf8(run.out + run.err));
        QVERIFY2(saved.hasMatch(), run.out.constData());
        const QString id = saved.captured(1);

        for (const auto &[format, file] : {std::pair{u"json"_s, u"export.json"_s}, {u"csv"_s, u"export.csv"_s},
                                           {u"csv-summary"_s, u"summary.csv"_s}, {u"prom"_s, u"export.prom"_s}}) {
            const CliResult r = runCli({u"export"_s, u"--db"_s, db, u"--run"_s, id, u"--format"_s, format, u"--out"_s,
                                        dir.filePath(file)});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            console += r.out + r.err;
        }
        const CliResult report = runCli({u"report"_s, u"--db"_s, db, u"--run"_s, id, u"--format"_s, u"html"_s,
                                         u"--out"_s, dir.filePath(u"report.html"_s)});
        QVERIFY2(report.exitCode == 0, report.err.constData());
        console += report.out + report.err;
        const CliResult monitor = runCli({u"monitor"_s, u"--target"_s, uri, u"--samples"_s, u"2"_s, u"--interval"_s,
                                          u"200"_s, u"--format"_s, u"json"_s, u"--out"_s, dir.filePath(u"monitor.json"_s)},
                                         30000, {}, env + QStringList{u"CWB_DB_PATH="_s + db});
        QVERIFY2(monitor.exitCode == 0, monitor.err.constData());
        console += monitor.out + monitor.err;
        // A failed login must not echo the password either.
        const CliResult denied = runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s,
                                         u"redis://:wrong-%1@127.0.0.1:%2"_s.arg(QString::fromLatin1(kPassword)).arg(redis.port()),
                                         u"--db"_s, db});
        QCOMPARE(denied.exitCode, 3);
        console += denied.out + denied.err;

        QVERIFY2(!console.contains(kPassword), console.constData());
        // The store, and every file written, including the SQLite WAL.
        QVERIFY(QFile::exists(db));
        QCOMPARE(filesContaining(dir.path(), kPassword), QStringList{});
        // The run really went to the password-protected server (not a silent failure).
        QVERIFY(QFile(dir.filePath(u"report.html"_s)).size() > 1000);
    }

    // Mutual TLS with an encrypted client key: neither the pass phrase nor the key's bytes may
    // land in the output or a file (the key file's name may: it is a setting, like tls-ca).
    void tlsKeyMaterialNeverLandsInAnArtefact()
    {
        const QByteArray passphrase = "Kp-41c-TlS-pHrAsE-z";
        QTemporaryDir pkiDir;
        QString error;
        const auto files = pki::createPki(pkiDir.path(), &error, {.clientKeyPassphrase = passphrase});
        QVERIFY2(files, qPrintable(error));
        QFile keyFile(files->clientKey);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QByteArray keyBody = keyFile.readAll().split('\n').value(1); // a line of the key's base64
        QVERIFY(keyBody.size() > 40);
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .tls = {.enabled = true, .requireClientCertificates = true,
                                         .certificatesDir = pkiDir.path()});

        QTemporaryDir dir;
        const QString db = dir.filePath(u"store.sqlite"_s);
        const QStringList tls{u"--target"_s, u"rediss://127.0.0.1:%1"_s.arg(redis.port()), u"--tls-ca"_s, files->caCert,
                              u"--tls-cert"_s, files->clientCert, u"--tls-key"_s, files->clientKey};
        const QStringList env{u"CWB_TLS_KEY_PASS="_s + QString::fromLatin1(passphrase), u"CWB_DB_PATH="_s + db};
        QByteArray console;
        const CliResult bench = runCli(QStringList{u"bench"_s, u"cache-basic-ops"_s, u"--set"_s, u"operations=50"_s,
                                                   u"--db"_s, db, u"--json"_s, dir.filePath(u"bench.json"_s)} + tls,
                                       60000, {}, env);
        QVERIFY2(bench.exitCode == 0, bench.err.constData());
        console += bench.out + bench.err;
        const CliResult monitor = runCli(QStringList{u"monitor"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"200"_s,
                                                     u"--format"_s, u"json"_s, u"--out"_s, dir.filePath(u"monitor.json"_s)} + tls,
                                         30000, {}, env);
        QVERIFY2(monitor.exitCode == 0, monitor.err.constData());
        console += monitor.out + monitor.err;
        const CliResult check = runCli(QStringList{u"check"_s} + tls, 30000, {}, env);
        QVERIFY2(check.exitCode == 0 || check.exitCode == 1, check.err.constData());
        console += check.out + check.err;
        // A wrong pass phrase is refused without echoing it.
        const CliResult wrong = runCli(QStringList{u"check"_s} + tls, 30000, {},
                                       {u"CWB_TLS_KEY_PASS=wrong-"_s + QString::fromLatin1(passphrase)});
        QCOMPARE(wrong.exitCode, 2);
        console += wrong.out + wrong.err;

        QVERIFY2(!console.contains(passphrase), console.constData());
        QVERIFY(!console.contains(keyBody));
        QVERIFY(QFile::exists(db));
        QCOMPARE(filesContaining(dir.path(), passphrase), QStringList{});
        QCOMPARE(filesContaining(dir.path(), keyBody), QStringList{});
        QVERIFY(QFile(dir.filePath(u"bench.json"_s)).size() > 200);
    }
};

QTEST_GUILESS_MAIN(tst_Credentials)
#include "tst_credentials.moc"
