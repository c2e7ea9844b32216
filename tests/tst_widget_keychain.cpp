// The target bar's "Remember in keychain", on a private D-Bus session bus. First with
// FakeKWallet answering (see fakekwallet.h and tst_keychain.cpp for why not a real keychain
// daemon): a password that logged in is saved, filled in again for the same target in a new
// window, cleared when the target changes, and forgotten when unticked. Then with no keychain
// service: logging in still works, the failed save and the failed lookup show in the message
// bar (no dialog), and the password reaches neither QSettings nor any other file.

#include "fakekwallet.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "redis/credentialstore.h"
#include "redis/sandboxredis.h"
#include "targetbar.h"
#include "testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kPassword = u"Kc-9b2f0-sEcReT-w"_s;

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

QString g_home;          // set in main, before QApplication exists
QByteArray g_busAddress; // the private bus

} // namespace

class tst_WidgetKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CacheWorkbench"_s);
        QCoreApplication::setApplicationName(u"Cache Workbench"_s);
        // The settings file is inside the temporary home that is searched below.
        QVERIFY2(QSettings().fileName().startsWith(g_home), qPrintable(QSettings().fileName()));
        QSettings().clear();
    }

    void rememberedPasswordRoundTrip()
    {
        test::FakeKWallet wallet;
        QVERIFY(wallet.start(QString::fromLatin1(g_busAddress)));
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .password = kPassword);
        const QString uri = u"redis://127.0.0.1:%1"_s.arg(redis.port());
        const QString key = CredentialStore::keyFor(*parseEndpoint(uri));
        const QString entry = CredentialStore::serviceName() + u'\n' + key;
        QSettings().setValue(u"target/rememberPasswordInKeychain"_s, true);
        {
            MainWindow w;
            w.show();
            TargetBar *bar = w.targetBar();
            bar->setUri(uri);
            bar->setPassword(kPassword);
            bar->connectToTarget();
            QTRY_COMPARE_WITH_TIMEOUT(bar->state(), TargetBar::State::Connected, 10000);
            QTRY_COMPARE_WITH_TIMEOUT(wallet.entries().value(entry), kPassword, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(w.messageBar()->text().contains(u"was saved in the keychain"_s), 5000);
            QCOMPARE(w.messageBar()->type(), MessageBar::Type::Information);
            w.close();
        }
        {
            // A new window restores the target without password; the keychain fills it in.
            MainWindow w;
            w.show();
            TargetBar *bar = w.targetBar();
            auto *field = bar->findChild<QLineEdit *>(u"passwordEdit"_s);
            QCOMPARE(bar->uri(), key);
            QTRY_COMPARE_WITH_TIMEOUT(bar->passwordFromKeychain(), key, 10000);
            QCOMPARE(field->text(), kPassword);
            bar->connectToTarget();
            QTRY_COMPARE_WITH_TIMEOUT(bar->state(), TargetBar::State::Connected, 10000);

            // Another target: the password read for the first one is not sent to it ...
            bar->setUri(u"redis://127.0.0.1:%1/1"_s.arg(redis.port()));
            QVERIFY(field->text().isEmpty());
            QVERIFY(bar->passwordFromKeychain().isEmpty());
            QTest::qWait(800); // the lookup for it finds nothing, silently
            QVERIFY(field->text().isEmpty());
            // ... and coming back fills it in again.
            bar->setUri(uri);
            QTRY_COMPARE_WITH_TIMEOUT(field->text(), kPassword, 10000);

            // Unticking forgets this target's entry.
            bar->setRememberPassword(false);
            QTRY_VERIFY_WITH_TIMEOUT(wallet.entries().isEmpty(), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(w.messageBar()->text().contains(u"removed from the keychain"_s), 5000);
            w.close();
        }
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(file.readAll().contains("127.0.0.1"), qPrintable(settings.fileName()));
        QCOMPARE(filesContaining(g_home, kPassword.toUtf8()), QStringList{});
    }

    // From here on, no wallet service answers on the bus.
    void rememberedLoginNeverReachesSettings()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .password = kPassword);
        {
            MainWindow w;
            w.show();
            TargetBar *bar = w.targetBar();
            auto *remember = bar->findChild<QCheckBox *>(u"rememberPasswordBox"_s);
            QVERIFY(remember);
            remember->setChecked(true);
            QVERIFY(bar->rememberPassword());
            bar->setUri(u"redis://127.0.0.1:%1"_s.arg(redis.port()));
            bar->setPassword(kPassword);
            bar->connectToTarget();
            QTRY_COMPARE_WITH_TIMEOUT(bar->state(), TargetBar::State::Connected, 10000);
            // The save is attempted only after the login worked; without a keychain it fails
            // in the message bar, not in a dialog, and names the target, not the password.
            QTRY_VERIFY_WITH_TIMEOUT(w.messageBar()->isVisible()
                                         && w.messageBar()->text().contains(u"not saved in the keychain"_s),
                                     10000);
            QCOMPARE(w.messageBar()->type(), MessageBar::Type::Warning);
            QVERIFY(w.messageBar()->text().contains(QString::number(redis.port())));
            QVERIFY(!w.messageBar()->details().isEmpty());
            QVERIFY(!w.messageBar()->text().contains(kPassword));
            QVERIFY(!w.messageBar()->details().contains(kPassword));
            QVERIFY(!QApplication::activeModalWidget());
            QCOMPARE(bar->state(), TargetBar::State::Connected);
            w.close();
        }
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QByteArray contents = file.readAll();
        // The right file: it holds the target and the tick ...
        QVERIFY2(contents.contains(QByteArray("127.0.0.1:").append(QByteArray::number(redis.port()))), contents.constData());
        QVERIFY2(contents.contains("rememberPasswordInKeychain=true"), contents.constData());
        // ... and no password, there or in any other file below the home (no plaintext fallback).
        QVERIFY(!contents.contains(kPassword.toUtf8()));
        QCOMPARE(filesContaining(g_home, kPassword.toUtf8()), QStringList{});
    }

    void failedLookupShowsInMessageBar()
    {
        QSettings().setValue(u"target/rememberPasswordInKeychain"_s, true);
        MainWindow w;
        w.show();
        TargetBar *bar = w.targetBar();
        QVERIFY(bar->rememberPassword()); // restored from the settings
        bar->setUri(u"redis://bob:@127.0.0.1:6394/1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(w.messageBar()->isVisible()
                                     && w.messageBar()->text().contains(u"redis://bob:@127.0.0.1:6394/1"_s),
                                 10000);
        QCOMPARE(w.messageBar()->type(), MessageBar::Type::Warning);
        QVERIFY2(w.messageBar()->details().contains(u"no keychain service"_s), qPrintable(w.messageBar()->details()));
        QVERIFY(!w.messageBar()->details().contains(u'\n'));
        QVERIFY(bar->passwordFromKeychain().isEmpty());
        QVERIFY(bar->findChild<QLineEdit *>(u"passwordEdit"_s)->text().isEmpty());

        // Unticked, nothing is asked of the keychain any more.
        bar->setRememberPassword(false);
        w.messageBar()->dismiss();
        bar->setUri(u"redis://bob:@127.0.0.1:6393/1"_s);
        QTest::qWait(1500);
        QVERIFY(!w.messageBar()->isVisible());
        QCOMPARE(QSettings().value(u"target/rememberPasswordInKeychain"_s).toBool(), false);
    }

};

// A custom main: the environment must be in place before QApplication exists, since Qt may
// open the D-Bus session bus while it starts, and that connection is made only once.
int main(int argc, char **argv)
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    g_home = home.path();
    for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        qputenv(name, home.path().toLocal8Bit());
    for (const char *name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "KDE_SESSION_VERSION",
                             "GNOME_DESKTOP_SESSION_ID"})
        qunsetenv(name);
    QTemporaryDir busDir;
    cwb::test::Child bus;
    QString error;
    g_busAddress = cwb::test::startPrivateBus(bus, busDir.path(), &error);
    if (g_busAddress.isEmpty()) {
        fprintf(stderr, "cannot start a private D-Bus bus: %s\n", qPrintable(error));
        return 1;
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", g_busAddress);
    int status = 0;
    {
        QApplication app(argc, argv);
        tst_WidgetKeychain test;
        status = QTest::qExec(&test, argc, argv);
    }
    bus.signal(SIGKILL);
    bus.waitForFinished(5000);
    return status;
}

#include "tst_widget_keychain.moc"
