#pragma once

#include "redis/endpoint.h"

#include <QObject>
#include <QString>

#include <functional>

namespace cwb {

// The outcome of one keychain operation. `error` is a one-line, user-facing reason and never
// contains the password.
struct CredentialResult
{
    enum class Status { Ok, NotFound, NoKeychain, Denied, TimedOut, Failed };

    Status status = Status::Failed;
    QString password; // read only, and only when status == Ok
    QString error;    // empty when status == Ok

    bool ok() const { return status == Status::Ok; }
};

// Passwords in the operating system's keychain (Secret Service / KWallet through QtKeychain),
// under the service "cache-workbench" and the endpoint's display URI as the key.
//
// Lives in the engine because QtKeychain needs only QtCore and QtDBus: the CLI can use it
// without pulling in QtGui/QtWidgets. Every job runs with QtKeychain's insecure fallback
// switched off, so a missing or locked keychain is an error and a password is never written
// to a plaintext settings file instead.
//
// All operations are asynchronous (the GUI must never wait on D-Bus); each one reports
// exactly once, at the latest after timeoutMs, through `done`, called on the caller's thread
// while `context` is alive. The blocking variants spin a local event loop, for the CLI.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CredentialResult &)>;

    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    static QString serviceName();
    // "redis://user:@host:port/db" (rediss:// for TLS): the server and login, without the
    // password or the TLS settings (Endpoint::serverUri()).
    static QString keyFor(const Endpoint &endpoint);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    void readPassword(const QString &key, QObject *context, Callback done);
    void writePassword(const QString &key, const QString &password, QObject *context, Callback done);
    void deletePassword(const QString &key, QObject *context, Callback done);

    CredentialResult readPasswordBlocking(const QString &key);
    CredentialResult writePasswordBlocking(const QString &key, const QString &password);
    CredentialResult deletePasswordBlocking(const QString &key);

private:
    enum class Operation { Read, Write, Delete };
    void start(Operation operation, const QString &key, const QString &password, QObject *context, Callback done);
    CredentialResult blocking(Operation operation, const QString &key, const QString &password);

    int m_timeoutMs = 10000;
};

} // namespace cwb
