// The target bar against real TLS servers (redis-server --tls-port with a throw-away CA): rediss://
// typed into the URI field and the CA chosen through the TLS dialog's own widgets, Connect and a
// short load run over TLS; a wrong CA said in one sentence with nothing written; the insecure
// badge; bad files named at their field; the key's pass phrase used but never saved; and "Check
// permissions" against an ACL-limited user.

#include "config/loadconfigform.h"
#include "filechooser.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "pages/loadtestpage.h"
#include "redis/sandboxredis.h"
#include "redis/throwawaypki.h"
#include "target/permissiondialog.h"
#include "target/tlsdialog.h"
#include "targetbar.h"
#include "testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <unistd.h>

using namespace cwb;
using namespace cwb::test;
using namespace Qt::Literals::StringLiterals;

class TargetTlsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void tlsTargetFromTheDialogConnectsAndRunsLoad();
    void wrongCaSaysVerifyFailedAndWritesNothing();
    void insecureShowsTheBadge();
    void badFilesAreNamedAtTheirField();
    void passphraseIsUsedButNeverSaved();
    void checkPermissionsListsWhatALimitedUserCannotDo();

private:
    // Clicks TLS… and returns the dialog it opened (window-modal, never blocking).
    static TlsDialog *openTlsDialog(MainWindow &w)
    {
        QTest::mouseClick(w.findChild<QToolButton *>(u"tlsButton"_s), Qt::LeftButton);
        auto *dialog = w.targetBar()->findChild<TlsDialog *>();
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }
    // Chooses `path` for a file field through its Browse… button and the file chooser.
    void choose(TlsDialog *dialog, const QString &field, const QString &path)
    {
        m_nextOpenPath = path;
        QTest::mouseClick(dialog->findChild<QPushButton *>(field + u"Browse"_s), Qt::LeftButton);
    }
    static QPushButton *okButton(TlsDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    // TLS… → Browse… for the CA → OK; true once the dialog has closed.
    bool trustCa(MainWindow &w, const QString &ca)
    {
        QPointer<TlsDialog> dialog = openTlsDialog(w);
        if (!dialog)
            return false;
        choose(dialog, u"tlsCaEdit"_s, ca);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        return QTest::qWaitFor([&dialog] { return !dialog; });
    }
    static void typeUri(MainWindow &w, const QString &uri)
    {
        auto *edit = w.findChild<QLineEdit *>(u"uriEdit"_s);
        edit->clear();
        QTest::keyClicks(edit, uri);
    }
    static QLabel *label(QWidget *in, const QString &name) { return in->findChild<QLabel *>(name); }
    static qint64 dbSize(const SandboxRedis &redis)
    {
        const auto reply = sandboxCommand(redis, {"DBSIZE"});
        return reply ? reply->integer : -1;
    }

    QString m_nextOpenPath;
};

void TargetTlsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CacheWorkbench"_s);
    // A settings file of its own: widget test programs run in parallel and save the window.
    QCoreApplication::setApplicationName(u"Cache Workbench targettls"_s);
    setOpenFileChooser([this](QWidget *, const QString &, const QString &, const QString &) { return m_nextOpenPath; });
}

void TargetTlsTest::init()
{
    QSettings().clear();
}

void TargetTlsTest::tlsTargetFromTheDialogConnectsAndRunsLoad()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    typeUri(w, u"rediss://127.0.0.1:%1"_s.arg(redis.port()));
    QVERIFY(w.targetBar()->endpoint() && w.targetBar()->endpoint()->tls.enabled);
    QVERIFY(w.findChild<QToolButton *>(u"tlsButton"_s)->isChecked());

    QPointer<TlsDialog> dialog = openTlsDialog(w);
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QCheckBox *>(u"tlsEnabledBox"_s)->isChecked());
    choose(dialog, u"tlsCaEdit"_s, redis.endpoint().tls.caPath);
    QCOMPARE(dialog->findChild<QLineEdit *>(u"tlsCaEdit"_s)->text(), redis.endpoint().tls.caPath);
    QVERIFY(!label(dialog, u"tlsCaEditError"_s)->isVisible());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(w.targetBar()->endpoint()->tls.caPath, redis.endpoint().tls.caPath);
    QVERIFY2(w.targetBar()->uri().contains(u"tls-ca="_s), qPrintable(w.targetBar()->uri()));
    QVERIFY(!label(&w, u"insecureTlsBadge"_s)->isVisible());

    QSignalSpy connected(w.targetBar(), &TargetBar::connected);
    QTest::mouseClick(w.findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
    QVERIFY(connected.wait(30000)); // a failure bound: a busy machine handshakes slowly
    QVERIFY(!connected.at(0).at(0).value<ServerSummary>().version.isEmpty());

    // The pages got the TLS settings with the target: a load run over TLS reaches the server.
    auto *page = qobject_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
    LoadTestConfig c;
    c.testName = u"gui-tls"_s;
    c.durationSec = 1;
    c.concurrentUsers = 2;
    c.threads = 1;
    c.keySpace = 100;
    c.keyPrefix = u"cwb:guitls:"_s;
    page->form()->setConfig(c);
    QTest::mouseClick(page->startButton(), Qt::LeftButton);
    QVERIFY(page->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 30000);
    const RunResult &r = *page->lastResult();
    QVERIFY2(r.status == RunStatus::Completed, qPrintable(r.failureReason));
    QVERIFY(r.tls && !r.tlsInsecure);
    QVERIFY(r.total().count > 0);
    QCOMPARE(r.total().errors, uint64_t(0));
    // Counted by the server itself, not only by the client.
    QVERIFY(sandboxInfoField(redis, "stats", "total_commands_processed").toLongLong() >= qint64(r.total().count));
}

void TargetTlsTest::wrongCaSaysVerifyFailedAndWritesNothing()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    QTemporaryDir other;
    QString error;
    const auto otherPki = pki::createPki(other.path(), &error);
    QVERIFY2(otherPki, qPrintable(error));

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    typeUri(w, u"rediss://127.0.0.1:%1"_s.arg(redis.port()));
    QVERIFY(trustCa(w, otherPki->caCert)); // a CA, but not the one that signed the server

    QSignalSpy failed(w.targetBar(), &TargetBar::connectionFailed);
    QTest::mouseClick(w.findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
    QVERIFY(failed.wait(30000));
    const QString reason = failed.at(0).at(0).toString();
    const QString verifyFailed =
        u"TLS handshake with 127.0.0.1:%1 failed: certificate verify failed: "_s.arg(redis.port());
    QVERIFY2(reason.startsWith(verifyFailed), qPrintable(reason));
    QVERIFY2(reason.contains(u"is tls-ca the CA that signed the server's certificate?"_s), qPrintable(reason));
    QCOMPARE(w.messageBar()->text(), reason);
    QCOMPARE(w.targetBar()->state(), TargetBar::State::Failed);

    // Neither a load run nor the permission check writes anything through a failed handshake.
    auto *page = qobject_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
    LoadTestConfig c;
    c.durationSec = 1;
    c.keyPrefix = u"cwb:guitls:"_s;
    page->form()->setConfig(c);
    QTest::mouseClick(page->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 30000);
    QVERIFY(page->lastResult());
    QCOMPARE(page->lastResult()->status, RunStatus::Failed);
    QCOMPARE(page->lastResult()->total().count, uint64_t(0));

    QTest::mouseClick(w.findChild<QToolButton *>(u"checkPermissionsButton"_s), Qt::LeftButton);
    auto *check = w.targetBar()->findChild<PermissionDialog *>();
    QVERIFY(check);
    QSignalSpy checked(check, &PermissionDialog::checkFinished);
    QVERIFY(checked.wait(30000));
    const QString sentence = label(check, u"permissionStatusLabel"_s)->text();
    QVERIFY2(sentence.startsWith(verifyFailed), qPrintable(sentence));
    QCOMPARE(check->findChild<QTreeWidget *>()->topLevelItemCount(), 0);
    QCOMPARE(dbSize(redis), qint64(0));
}

void TargetTlsTest::insecureShowsTheBadge()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    typeUri(w, u"redis://127.0.0.1:%1"_s.arg(redis.port()));
    QVERIFY(!w.findChild<QToolButton *>(u"tlsButton"_s)->isChecked());
    QPointer<TlsDialog> dialog = openTlsDialog(w);
    QVERIFY(dialog);
    // Asking for TLS settings on a redis:// target means wanting TLS.
    QVERIFY(dialog->findChild<QCheckBox *>(u"tlsEnabledBox"_s)->isChecked());
    QVERIFY(!label(dialog, u"tlsInsecureWarning"_s)->isVisible());
    // Verification skipped and a CA to verify with contradict each other: said, OK refused.
    choose(dialog, u"tlsCaEdit"_s, redis.endpoint().tls.caPath);
    dialog->findChild<QCheckBox *>(u"tlsInsecureBox"_s)->click();
    QVERIFY(label(dialog, u"tlsInsecureWarning"_s)->isVisible());
    QVERIFY(label(dialog, u"tlsProblemLabel"_s)->isVisible());
    QVERIFY(label(dialog, u"tlsProblemLabel"_s)->text().contains(u"insecure"_s));
    QVERIFY(!okButton(dialog)->isEnabled());
    dialog->findChild<QLineEdit *>(u"tlsCaEdit"_s)->clear();
    QVERIFY(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog);

    QVERIFY2(w.targetBar()->uri().startsWith(u"rediss://"_s), qPrintable(w.targetBar()->uri()));
    QVERIFY(w.targetBar()->uri().contains(u"insecure=yes"_s));
    QVERIFY(label(&w, u"insecureTlsBadge"_s)->isVisible());
    QVERIFY(w.findChild<QToolButton *>(u"tlsButton"_s)->isChecked());
    QSignalSpy connected(w.targetBar(), &TargetBar::connected);
    QTest::mouseClick(w.findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
    QVERIFY(connected.wait(30000));
    QVERIFY(label(&w, u"insecureTlsBadge"_s)->isVisible());

    // Back to verification: the badge goes.
    dialog = openTlsDialog(w);
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QCheckBox *>(u"tlsInsecureBox"_s)->isChecked());
    dialog->findChild<QCheckBox *>(u"tlsInsecureBox"_s)->click();
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QVERIFY(!label(&w, u"insecureTlsBadge"_s)->isVisible());
    QVERIFY(!w.targetBar()->uri().contains(u"insecure"_s));
}

void TargetTlsTest::badFilesAreNamedAtTheirField()
{
    QTemporaryDir dir;
    QString error;
    const auto files = pki::createPki(dir.path(), &error);
    QVERIFY2(files, qPrintable(error));
    const QString unrelatedKey = dir.filePath(u"unrelated.key"_s);
    QVERIFY2(pki::writeUnrelatedKey(unrelatedKey, &error), qPrintable(error));

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    typeUri(w, u"rediss://127.0.0.1:6390"_s);
    QPointer<TlsDialog> dialog = openTlsDialog(w);
    QVERIFY(dialog);
    auto problemAt = [&](const QString &field) {
        QLabel *error = label(dialog, field + u"Error"_s);
        return error->isVisible() ? error->text() : QString();
    };

    choose(dialog, u"tlsCaEdit"_s, dir.filePath(u"missing.pem"_s));
    QVERIFY2(problemAt(u"tlsCaEdit"_s).endsWith(u"missing.pem does not exist."_s),
             qPrintable(problemAt(u"tlsCaEdit"_s)));
    QVERIFY(!okButton(dialog)->isEnabled());
    // A CA folder is fine (a hashed directory); a folder as the certificate is not.
    choose(dialog, u"tlsCaEdit"_s, dir.path());
    QCOMPARE(problemAt(u"tlsCaEdit"_s), QString());
    choose(dialog, u"tlsCaEdit"_s, files->caCert);
    choose(dialog, u"tlsCertEdit"_s, dir.path());
    QVERIFY2(problemAt(u"tlsCertEdit"_s).contains(u"is a folder"_s), qPrintable(problemAt(u"tlsCertEdit"_s)));
    QVERIFY(!okButton(dialog)->isEnabled());
    choose(dialog, u"tlsCertEdit"_s, files->clientCert);
    QCOMPARE(problemAt(u"tlsCertEdit"_s), QString());
    // A certificate without its key: the pair is incomplete.
    QVERIFY(label(dialog, u"tlsProblemLabel"_s)->text().contains(u"tls-cert needs tls-key"_s));
    QVERIFY(!okButton(dialog)->isEnabled());

    if (::geteuid() != 0) { // root reads any file
        const QString locked = dir.filePath(u"locked.key"_s);
        QVERIFY(QFile::copy(files->clientKey, locked));
        QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
        choose(dialog, u"tlsKeyEdit"_s, locked);
        QVERIFY2(problemAt(u"tlsKeyEdit"_s).contains(u"cannot be read"_s), qPrintable(problemAt(u"tlsKeyEdit"_s)));
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    // A readable key that does not belong to the certificate: found when OK loads the files.
    choose(dialog, u"tlsKeyEdit"_s, unrelatedKey);
    QVERIFY(okButton(dialog)->isEnabled());
    const QString uriBefore = w.targetBar()->uri();
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY2(label(dialog, u"tlsProblemLabel"_s)->text().contains(u"does not belong to the certificate"_s),
             qPrintable(label(dialog, u"tlsProblemLabel"_s)->text()));
    QCOMPARE(w.targetBar()->uri(), uriBefore);
    dialog->reject();
    QTRY_VERIFY(!dialog);
    QCOMPARE(w.targetBar()->uri(), uriBefore);
}

void TargetTlsTest::passphraseIsUsedButNeverSaved()
{
    const QByteArray passphrase = "Kp-3e81-sEcReT-tls";
    QTemporaryDir dir;
    QString error;
    pki::PkiOptions pkiOptions;
    pkiOptions.clientKeyPassphrase = passphrase;
    const auto files = pki::createPki(dir.path(), &error, pkiOptions);
    QVERIFY2(files, qPrintable(error));
    SandboxRedis redis;
    CWB_START_SANDBOX(redis,
                      .tls = {.enabled = true, .requireClientCertificates = true, .certificatesDir = dir.path()});

    const QString configPath = dir.filePath(u"saved-config.json"_s);
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        typeUri(w, u"rediss://127.0.0.1:%1"_s.arg(redis.port()));
        QPointer<TlsDialog> dialog = openTlsDialog(w);
        QVERIFY(dialog);
        choose(dialog, u"tlsCaEdit"_s, files->caCert);
        choose(dialog, u"tlsCertEdit"_s, files->clientCert);
        choose(dialog, u"tlsKeyEdit"_s, files->clientKey);
        // Encrypted and no pass phrase: refused in the dialog, not at the first connect.
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY2(label(dialog, u"tlsProblemLabel"_s)->text().contains(u"encrypted"_s),
                 qPrintable(label(dialog, u"tlsProblemLabel"_s)->text()));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"tlsPassphraseEdit"_s), QString::fromLatin1(passphrase));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(!dialog);
        QCOMPARE(w.targetBar()->endpoint()->tls.keyPassphrase, QString::fromLatin1(passphrase));
        QVERIFY(!w.targetBar()->uri().contains(QString::fromLatin1(passphrase)));

        QSignalSpy connected(w.targetBar(), &TargetBar::connected);
        QTest::mouseClick(w.findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
        QVERIFY(connected.wait(30000)); // mutual TLS with the decrypted key

        auto *page = qobject_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
        QVERIFY(page->saveConfig(configPath));
        w.close();
    }
    QSettings settings;
    settings.sync();
    for (const QString &path : {settings.fileName(), configPath}) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray contents = file.readAll();
        // The TLS settings were saved, so the file is the right one ...
        QVERIFY2(contents.contains("tls-key=") && contents.contains("tls-ca="), contents.constData());
        // ... and the pass phrase is not in it.
        QVERIFY2(!contents.contains(passphrase), qPrintable(path));
    }

    // A restored window has the TLS settings but no pass phrase: the key needs it again.
    MainWindow restored;
    const std::optional<Endpoint> back = restored.targetBar()->endpoint();
    QVERIFY(back);
    QCOMPARE(back->tls.caPath, files->caCert);
    QCOMPARE(back->tls.keyFile, files->clientKey);
    QVERIFY(back->tls.keyPassphrase.isEmpty());
}

void TargetTlsTest::checkPermissionsListsWhatALimitedUserCannotDo()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .tls = {.enabled = true});
    // A managed service's kind of user: its own keys, data commands, no CONFIG, MEMORY, CLUSTER.
    RedisCommand setuser{"ACL",    "SETUSER", "limited",    "on",    ">pw-limited", "~cwb:*",
                         "+@read", "+@write", "+@keyspace", "+info", "+ping",       "+scan"};
    const auto created = sandboxCommand(redis, setuser);
    QVERIFY(created && created->isOk());

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    typeUri(w, u"rediss://limited:@127.0.0.1:%1"_s.arg(redis.port()));
    QTest::keyClicks(w.findChild<QLineEdit *>(u"passwordEdit"_s), u"pw-limited"_s);
    QVERIFY(trustCa(w, redis.endpoint().tls.caPath));

    QTest::mouseClick(w.findChild<QToolButton *>(u"checkPermissionsButton"_s), Qt::LeftButton);
    auto *check = w.targetBar()->findChild<PermissionDialog *>();
    QVERIFY(check);
    QVERIFY(check->isVisible());
    QVERIFY(check->isChecking()); // on its worker thread: the GUI went on
    QSignalSpy checked(check, &PermissionDialog::checkFinished);
    QVERIFY(checked.wait(30000));

    const QString status = label(check, u"permissionStatusLabel"_s)->text();
    QVERIFY2(status.startsWith(u"User limited on 127.0.0.1:%1"_s.arg(redis.port())), qPrintable(status));
    auto *tree = check->findChild<QTreeWidget *>(u"permissionTree"_s);
    QVERIFY(tree->topLevelItemCount() > 0);
    QStringList lowered;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = tree->topLevelItem(i);
        const QString result = item->text(1);
        if (result == u"Works"_s)
            QCOMPARE(item->text(2), QString()); // nothing to explain
        if (result == u"Degraded"_s || result == u"Unavailable"_s) {
            // Every verdict below "works" says why: one reason on its row, several one per child row.
            QVERIFY2(!item->text(2).isEmpty(), qPrintable(item->text(0)));
            lowered << item->text(0) + u": "_s + item->toolTip(2);
            if (item->childCount() > 0)
                QCOMPARE(item->text(2), u"%1 reasons"_s.arg(item->childCount()));
        }
    }
    QVERIFY(!lowered.isEmpty());
    QVERIFY2(lowered.join(u'\n').contains(u"CONFIG GET"_s) || lowered.join(u'\n').contains(u"MEMORY"_s),
             qPrintable(lowered.join(u'\n')));
    // The server probe itself needs only PING and INFO: it works for this user.
    const QList<QTreeWidgetItem *> probe = tree->findItems(u"server probe"_s, Qt::MatchStartsWith);
    QCOMPARE(probe.size(), 1);
    QCOMPARE(probe.first()->text(1), u"Works"_s);

    const QString acl = check->findChild<QPlainTextEdit *>(u"aclLineEdit"_s)->toPlainText();
    QVERIFY2(acl.startsWith(u"ACL SETUSER limited "_s), qPrintable(acl));
    QVERIFY(!acl.contains(u"-@all"_s)); // added to what the user has, it takes nothing away
    QVERIFY(check->findChild<QPlainTextEdit *>(u"aclLineEdit"_s)->isVisible());
    QTest::mouseClick(check->findChild<QPushButton *>(u"copyAclButton"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), acl);

    // The line is enough: after it, every feature that applies works.
    RedisCommand grant;
    for (const QString &word : acl.split(u' '))
        grant << word.toUtf8();
    const auto granted = sandboxCommand(redis, grant);
    QVERIFY2(granted && granted->isOk(), granted ? granted->str.constData() : "no reply");
    QTest::mouseClick(check->findChild<QPushButton *>(u"checkAgainButton"_s), Qt::LeftButton);
    QVERIFY(checked.wait(30000));
    QVERIFY2(label(check, u"permissionStatusLabel"_s)->text().contains(u"0 degraded, 0 unavailable"_s),
             qPrintable(label(check, u"permissionStatusLabel"_s)->text()));
    QVERIFY(!check->findChild<QPlainTextEdit *>(u"aclLineEdit"_s)->isVisible());
    // The check removed the one key it wrote.
    QCOMPARE(dbSize(redis), qint64(0));
}

QTEST_MAIN(TargetTlsTest)
#include "tst_widget_targettls.moc"
