// The OS keychain (CredentialStore over QtKeychain) without a keychain service: every
// operation must fail with a clear one-line reason within a bounded time, and a password that
// could not go to the keychain must not land anywhere else (QtKeychain's plaintext QSettings
// fallback is off).
//
// Why no round trip with a real keychain daemon: the only Debian 12 Secret Service that runs
// headless, gnome-keyring, pulls in GTK 3 (about 51 MB installed), too much for a test
// dependency; and libsecret, which QtKeychain needs to talk to it, is not installed either.
// So everything runs on a private D-Bus session bus (dbus-daemon with no service directories,
// so nothing can be auto-started on it and the user's real keyring is never touched): first
// with FakeKWallet (fakekwallet.h) answering the KWallet protocol, for a store/read/delete
// round trip through real QtKeychain jobs and D-Bus messages and for the CLI's
// --password-from-keychain against a password-protected sandbox; then with the wallet gone,
// and, for the CLI, with a bus address that does not exist.

#include "fakekwallet.h"
#include "redis/credentialstore.h"
#include "redis/sandboxredis.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cwb;
using namespace cwb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kPassword = u"Kc-4e1d7-sEcReT-z"_s;

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

class tst_Keychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid() && m_busDir.isValid());
        // Anything QtKeychain or QSettings might write goes below m_home, where it is searched.
        for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            qputenv(name, m_home.path().toLocal8Bit());
        // Backend detection must not depend on the desktop the tests happen to run under.
        for (const char *name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "KDE_SESSION_VERSION",
                                 "GNOME_DESKTOP_SESSION_ID"})
            qunsetenv(name);

        m_bus = std::make_unique<test::Child>();
        QString error;
        m_busAddress = startPrivateBus(*m_bus, m_busDir.path(), &error);
        QVERIFY2(!m_busAddress.isEmpty(), qPrintable(error));
        // Before the first D-Bus use in this process: the session bus connection is made once.
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress);
        // ... and before the first keychain job: QtKeychain picks its backend once per process,
        // by asking which wallet services answer.
        m_wallet = std::make_unique<FakeKWallet>();
        QVERIFY(m_wallet->start(QString::fromLatin1(m_busAddress)));
    }

    void cleanupTestCase()
    {
        m_wallet.reset();
        if (m_bus) {
            m_bus->signal(SIGKILL);
            m_bus->waitForFinished(5000);
        }
    }

    void keyIsTheUriWithoutPassword()
    {
        const std::optional<Endpoint> endpoint = parseEndpoint(u"redis://alice:%1@cache.example:6380/2"_s.arg(kPassword));
        QVERIFY(endpoint);
        QCOMPARE(CredentialStore::keyFor(*endpoint), u"redis://alice:@cache.example:6380/2"_s);
        QCOMPARE(CredentialStore::serviceName(), u"cache-workbench"_s);
    }

    void roundTripThroughQtKeychain()
    {
        FakeKWallet &wallet = *m_wallet;
        CredentialStore store;
        store.setTimeoutMs(8000);
        const QString key = u"redis://alice:@127.0.0.1:6390/2"_s;
        CredentialResult r = store.writePasswordBlocking(key, kPassword);
        QVERIFY2(r.ok(), qPrintable(r.error));
        // Under our service name and the URI without password, as the GUI and CLI look it up.
        QCOMPARE(wallet.entries().keys(), QStringList{CredentialStore::serviceName() + u'\n' + key});
        r = store.readPasswordBlocking(key);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.password, kPassword);
        r = store.readPasswordBlocking(u"redis://127.0.0.1:6390/2"_s); // same server, other user
        QCOMPARE(r.status, CredentialResult::Status::NotFound);
        QVERIFY(r.password.isEmpty());
        r = store.deletePasswordBlocking(key);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(wallet.entries().isEmpty());
        r = store.readPasswordBlocking(key);
        QCOMPARE(r.status, CredentialResult::Status::NotFound);

        // A wallet that refuses to open (locked, or the user said no) is "denied", not a crash.
        wallet.denyOpen = true;
        r = store.writePasswordBlocking(key, kPassword);
        QCOMPARE(r.status, CredentialResult::Status::Denied);
        QVERIFY(!r.error.contains(kPassword));
        QVERIFY(wallet.entries().isEmpty());
        QCOMPARE(filesContaining(m_home.path(), kPassword.toUtf8()), QStringList{});
    }

    void cliReadsPasswordFromKeychain()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .password = kPassword);
        FakeKWallet &wallet = *m_wallet;
        wallet.denyOpen = false;
        const QString uri = u"redis://127.0.0.1:%1"_s.arg(redis.port());
        wallet.insert(CredentialStore::serviceName() + u'\n' + CredentialStore::keyFor(*parseEndpoint(uri)),
                              kPassword);
        QTemporaryDir home;
        const int requestsBefore = wallet.requests;

        // Asynchronously, so that this process's event loop serves the wallet meanwhile.
        const auto runMonitor = [&](const QStringList &extra, QByteArray *output) {
            test::Child cli;
            const QStringList env{u"CWB_REDIS_PASSWORD"_s, u"REDISCLI_AUTH"_s,
                                  u"DBUS_SESSION_BUS_ADDRESS="_s + QString::fromLatin1(m_busAddress),
                                  u"HOME="_s + home.path(), u"XDG_CONFIG_HOME="_s + home.path(),
                                  u"CWB_DB_PATH="_s + home.filePath(u"store.sqlite"_s)};
            if (!cli.start(QStringLiteral(CWB_CLI_PATH),
                           QStringList{u"monitor"_s, u"--target"_s, uri, u"--samples"_s, u"1"_s, u"--format"_s, u"json"_s}
                               + extra,
                           env))
                return -2;
            QElapsedTimer clock;
            clock.start();
            while (cli.running() && clock.elapsed() < 20000) {
                QTest::qWait(20);
                cli.waitForFinished(0); // keeps its pipes drained
            }
            if (!cli.waitForFinished(0))
                return -1; // killed by ~Child()
            *output = cli.takeOut() + cli.takeErr();
            return cli.exitedNormally() ? cli.exitCode() : -1;
        };
        QByteArray output;
        QCOMPARE(runMonitor({u"--password-from-keychain"_s}, &output), 0);
        QVERIFY2(output.contains("used_memory") || output.contains("ops"), output.constData());
        QVERIFY(!output.contains(kPassword.toUtf8()));
        QVERIFY(wallet.requests > requestsBefore);
        // Without the flag the same command cannot log in: the password did come from the wallet.
        QVERIFY(runMonitor({}, &output) != 0);
        QCOMPARE(filesContaining(home.path(), kPassword.toUtf8()), QStringList{});
    }

    // From here on, no wallet service answers on the private bus.
    void operationsFailClearlyWithoutKeychain_data()
    {
        QTest::addColumn<int>("operation");
        QTest::newRow("write") << 0;
        QTest::newRow("read") << 1;
        QTest::newRow("delete") << 2;
    }

    void operationsFailClearlyWithoutKeychain()
    {
        QFETCH(int, operation);
        CredentialStore store;
        store.setTimeoutMs(8000);
        const QString key = u"redis://127.0.0.1:6399"_s;
        m_wallet.reset();
        const CredentialResult result = operation == 0   ? store.writePasswordBlocking(key, kPassword)
                                        : operation == 1 ? store.readPasswordBlocking(key)
                                                         : store.deletePasswordBlocking(key);
        QVERIFY(!result.ok());
        // Refused by the keychain layer, not waited out to the 8 s timeout.
        QVERIFY2(result.status != CredentialResult::Status::TimedOut, qPrintable(result.error));
        QVERIFY(result.password.isEmpty());
        // No Secret Service and no KWallet on the private bus: "no keychain", not a timeout.
        QVERIFY2(result.status == CredentialResult::Status::NoKeychain, qPrintable(result.error));
        QVERIFY(!result.error.isEmpty());
        QVERIFY(!result.error.contains(u'\n'));
        QVERIFY(!result.error.contains(kPassword));
        // QtKeychain's insecure fallback would have written a QSettings file here.
        QCOMPARE(filesContaining(m_home.path(), kPassword.toUtf8()), QStringList{});
        QVERIFY(!QFile::exists(m_home.filePath(u"cache-workbench.conf"_s)));
    }

    void asynchronousCallsReportExactlyOnce()
    {
        CredentialStore store;
        int calls = 0;
        CredentialResult last;
        store.readPassword(u"redis://127.0.0.1:6398"_s, this, [&](const CredentialResult &r) {
            ++calls;
            last = r;
        });
        QCOMPARE(calls, 0); // never synchronously: the GUI keeps painting
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 6000);
        QCOMPARE(last.status, CredentialResult::Status::NoKeychain);

        // A timeout shorter than any D-Bus round trip reports "timed out" once; the job's
        // own late answer is then dropped.
        store.setTimeoutMs(0);
        calls = 0;
        store.readPassword(u"redis://127.0.0.1:6397"_s, this, [&](const CredentialResult &r) {
            ++calls;
            last = r;
        });
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 2000);
        QCOMPARE(last.status, CredentialResult::Status::TimedOut);
        QVERIFY(last.error.contains(u"did not answer"_s));
        QTest::qWait(500);
        QCOMPARE(calls, 1);

        // A callback whose context is gone is not called.
        store.setTimeoutMs(5000);
        calls = 0;
        auto context = std::make_unique<QObject>();
        store.readPassword(u"redis://127.0.0.1:6396"_s, context.get(), [&](const CredentialResult &) { ++calls; });
        context.reset();
        QTest::qWait(500);
        QCOMPARE(calls, 0);
    }

    void cliKeychainFlagFailsClearly()
    {
        QTemporaryDir home;
        const QStringList env{u"DBUS_SESSION_BUS_ADDRESS=unix:path="_s + m_busDir.filePath(u"no-such-bus"_s),
                              u"HOME="_s + home.path(), u"XDG_CONFIG_HOME="_s + home.path(),
                              u"XDG_DATA_HOME="_s + home.path(), u"CWB_REDIS_PASSWORD="_s + kPassword,
                              u"CWB_DB_PATH="_s + home.filePath(u"store.sqlite"_s)};
        const CliResult r = runCli({u"monitor"_s, u"--target"_s, u"redis://127.0.0.1:6395"_s, u"--password-from-keychain"_s,
                                    u"--samples"_s, u"1"_s},
                                   60000, {}, env);
        QVERIFY2(r.finished, r.err.constData());
        QCOMPARE(r.exitCode, 1);
        // A fresh process finds no wallet service at all: QtKeychain falls back to libsecret,
        // which is not there either.
        QVERIFY2(r.err.contains("--password-from-keychain: no usable keychain"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!r.out.contains(kPassword.toUtf8()) && !r.err.contains(kPassword.toUtf8()));
        QCOMPARE(filesContaining(home.path(), kPassword.toUtf8()), QStringList{});

        const CliResult both = runCli({u"monitor"_s, u"--sandbox"_s, u"--password-from-keychain"_s}, 20000, {}, env);
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains("--password-from-keychain"), both.err.constData());
    }

private:
    QByteArray m_busAddress;
    QTemporaryDir m_home;
    QTemporaryDir m_busDir;
    std::unique_ptr<test::Child> m_bus;
    std::unique_ptr<FakeKWallet> m_wallet;
};

QTEST_GUILESS_MAIN(tst_Keychain)
#include "tst_keychain.moc"
