#include "credentialstore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace cwb {

namespace {

// One request's state, shared by the job's finished handler and the timeout: whichever comes
// first reports, the other finds `reported` set and does nothing.
struct Pending
{
    QPointer<QObject> context;
    CredentialStore::Callback done;
    bool reported = false;

    void report(const CredentialResult &result)
    {
        if (reported)
            return;
        reported = true;
        if (context && done)
            done(result);
    }
};

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.simplified();
}

CredentialResult resultOf(const QKeychain::Job &job, const QString &key)
{
    CredentialResult result;
    const QString detail = oneLine(job.errorString());
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = CredentialResult::Status::Ok;
        return result;
    case QKeychain::EntryNotFound:
        result.status = CredentialResult::Status::NotFound;
        result.error = QStringLiteral("no password stored in the keychain for %1").arg(key);
        return result;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = CredentialResult::Status::Denied;
        result.error = QStringLiteral("the keychain denied access (is it locked?): %1").arg(detail);
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = CredentialResult::Status::NoKeychain;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        // QtKeychain picks its backend once per process; with neither libsecret installed nor
        // KWallet answering at that moment it settles on libsecret, whose calls then cannot
        // even start and report just this.
        if (detail == QLatin1String("Unknown error")) {
            result.status = CredentialResult::Status::NoKeychain;
            result.error = QStringLiteral("no usable keychain: neither libsecret (Secret Service, e.g. GNOME Keyring) "
                                          "nor a KWallet service was available when it was first used");
            return result;
        }
        // QtKeychain reports a missing D-Bus session, or no wallet service on it, as a
        // generic error when writing; these are "no keychain" all the same.
        result.status = detail.contains(QLatin1String("NoServer")) || detail.contains(QLatin1String("ServiceUnknown"))
                                || detail.contains(QLatin1String("D-Bus is not running"))
                            ? CredentialResult::Status::NoKeychain
                            : CredentialResult::Status::Failed;
        break;
    }
    result.error = result.status == CredentialResult::Status::NoKeychain
                       ? QStringLiteral("no keychain service is available on the D-Bus session bus (%1)").arg(detail)
                       : QStringLiteral("keychain error: %1").arg(detail);
    return result;
}

} // namespace

CredentialStore::CredentialStore(QObject *parent) : QObject(parent) {}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::serviceName()
{
    return QStringLiteral("cache-workbench");
}

QString CredentialStore::keyFor(const Endpoint &endpoint)
{
    return endpoint.serverUri();
}

void CredentialStore::readPassword(const QString &key, QObject *context, Callback done)
{
    start(Operation::Read, key, {}, context, std::move(done));
}

void CredentialStore::writePassword(const QString &key, const QString &password, QObject *context, Callback done)
{
    start(Operation::Write, key, password, context, std::move(done));
}

void CredentialStore::deletePassword(const QString &key, QObject *context, Callback done)
{
    start(Operation::Delete, key, {}, context, std::move(done));
}

void CredentialStore::start(Operation operation, const QString &key, const QString &password, QObject *context,
                            Callback done)
{
    auto pending = std::make_shared<Pending>();
    pending->context = context;
    pending->done = std::move(done);

    if (key.isEmpty()) {
        // Still asynchronous, so callers see one behaviour.
        QTimer::singleShot(0, this, [pending] {
            pending->report({CredentialResult::Status::Failed, {}, QStringLiteral("keychain: no target to look up")});
        });
        return;
    }

    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(serviceName());
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(serviceName());
        write->setTextData(password);
        job = write;
        break;
    }
    case Operation::Delete:
        job = new QKeychain::DeletePasswordJob(serviceName());
        break;
    }
    // Never a plaintext QSettings file when the keychain is missing or locked.
    job->setInsecureFallback(false);
    // The job outlives a timeout (QtKeychain cannot cancel a D-Bus call) and deletes itself
    // once it does finish; it is not parented to us for the same reason.
    job->setAutoDelete(true);
    job->setKey(key);

    connect(job, &QKeychain::Job::finished, this, [pending, key](QKeychain::Job *finished) {
        CredentialResult result = resultOf(*finished, key);
        if (result.ok())
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                result.password = read->textData();
        pending->report(result);
    });
    QTimer::singleShot(m_timeoutMs, this, [pending, ms = m_timeoutMs] {
        pending->report({CredentialResult::Status::TimedOut, {},
                         QStringLiteral("the keychain did not answer within %1 ms").arg(ms)});
    });
    job->start();
}

CredentialResult CredentialStore::blocking(Operation operation, const QString &key, const QString &password)
{
    QEventLoop loop;
    CredentialResult result;
    bool finished = false;
    start(operation, key, password, &loop, [&](const CredentialResult &r) {
        result = r;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return result;
}

CredentialResult CredentialStore::readPasswordBlocking(const QString &key)
{
    return blocking(Operation::Read, key, {});
}

CredentialResult CredentialStore::writePasswordBlocking(const QString &key, const QString &password)
{
    return blocking(Operation::Write, key, password);
}

CredentialResult CredentialStore::deletePasswordBlocking(const QString &key)
{
    return blocking(Operation::Delete, key, {});
}

} // namespace cwb
