#pragma once

// A stand-in for KDE's wallet daemon (org.kde.KWallet, the D-Bus protocol QtKeychain uses when
// libsecret is absent), for tests on a PRIVATE session bus only. It is not a keychain: it keeps
// entries in memory so that CredentialStore and the target bar can be tested end to end through
// real QtKeychain jobs and real D-Bus messages, without the 51 MB gnome-keyring and without ever
// touching the user's own keyring. A QDBusVirtualObject needs no moc, so it can live in a header.
// It answers from its own thread: QtKeychain probes for KWallet with a blocking D-Bus call, which
// a wallet served by the caller's (then blocked) thread could never answer.

#include "childprocess.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QString>
#include <QThread>

#include <atomic>
#include <mutex>

namespace cwb::test {

// Starts a private dbus-daemon listening in `dir`, with no service directories (nothing can be
// auto-started on it, so no real keyring daemon either) and EXTERNAL auth only (no cookie files
// in $HOME). Returns its address, or an empty one with *error set. The caller owns `bus` and
// kills it; Child's destructor does so too, so a failed test leaves no daemon behind.
inline QByteArray startPrivateBus(Child &bus, const QString &dir, QString *error)
{
    QFile config(QDir(dir).filePath(QStringLiteral("bus.conf")));
    if (!config.open(QIODevice::WriteOnly)) {
        *error = config.errorString();
        return {};
    }
    config.write(QStringLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                                " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                                "<busconfig><type>session</type><listen>unix:path=%1</listen><auth>EXTERNAL</auth>"
                                "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                                "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                     .arg(QDir(dir).filePath(QStringLiteral("bus")))
                     .toUtf8());
    config.close();
    if (!bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--config-file=") + config.fileName(),
                                                   QStringLiteral("--nofork"), QStringLiteral("--print-address=1")})) {
        *error = QStringLiteral("dbus-daemon: ") + bus.errorString();
        return {};
    }
    const QByteArray address = bus.readLine(5000).value_or(QByteArray()).trimmed();
    if (!address.startsWith("unix:")) {
        *error = QStringLiteral("dbus-daemon gave no address: ") + QString::fromLocal8Bit(bus.takeErr());
        return {};
    }
    return address;
}

class FakeKWallet : public QDBusVirtualObject
{
public:
    std::atomic<int> requests = 0;
    std::atomic<bool> denyOpen = false; // open() answers -1: "access denied"

    // Entries by "folder\nkey" (the folder is QtKeychain's service name).
    QMap<QString, QString> entries() const
    {
        std::lock_guard lock(m_mutex);
        // A deep copy: a shared QMap is detached with a relaxed reference-count check, which
        // orders nothing between the wallet's thread and the reader's.
        QMap<QString, QString> copy;
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
            copy.insert(it.key(), it.value());
        return copy;
    }
    void insert(const QString &entry, const QString &password)
    {
        std::lock_guard lock(m_mutex);
        m_entries.insert(entry, password);
    }

    // Serves both the KDE 4 and 5 names on its own connection to `busAddress`.
    bool start(const QString &busAddress)
    {
        m_connection = QDBusConnection::connectToBus(busAddress, QStringLiteral("cwb-fake-kwallet"));
        if (!m_connection.isConnected())
            return false;
        m_thread.start();
        moveToThread(&m_thread);
        bool ok = true;
        for (const auto &[service, path] : {std::pair{QStringLiteral("org.kde.kwalletd"), QStringLiteral("/modules/kwalletd")},
                                            {QStringLiteral("org.kde.kwalletd5"), QStringLiteral("/modules/kwalletd5")}}) {
            ok = ok && m_connection.registerVirtualObject(path, this) && m_connection.registerService(service);
        }
        return ok;
    }

    ~FakeKWallet() override
    {
        if (m_connection.isConnected()) {
            m_connection.unregisterService(QStringLiteral("org.kde.kwalletd"));
            m_connection.unregisterService(QStringLiteral("org.kde.kwalletd5"));
            m_connection.unregisterObject(QStringLiteral("/modules/kwalletd"));
            m_connection.unregisterObject(QStringLiteral("/modules/kwalletd5"));
        }
        QDBusConnection::disconnectFromBus(QStringLiteral("cwb-fake-kwallet"));
        m_thread.quit();
        m_thread.wait();
        // The last message served is ordered before the members go through the mutex: the
        // thread's end (QThread::wait) is not visible to ThreadSanitizer.
        std::lock_guard lock(m_mutex);
        m_entries.clear();
    }

    QString introspect(const QString &) const override { return {}; }

    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        if (message.interface() != QLatin1String("org.kde.KWallet"))
            return false;
        ++requests;
        std::lock_guard lock(m_mutex);
        const QVariantList a = message.arguments();
        const QString member = message.member();
        // Folder and key; append() rather than operator+, which trips a GCC false positive here.
        QString key = a.value(1).toString();
        key.append(QLatin1Char('\n')).append(a.value(2).toString());
        QVariant reply;
        if (member == QLatin1String("networkWallet"))
            reply = QStringLiteral("kdewallet");
        else if (member == QLatin1String("open"))
            reply = denyOpen ? -1 : 7;
        else if (member == QLatin1String("entryType"))
            reply = m_entries.contains(key) ? 1 : 0; // 1: a password entry
        else if (member == QLatin1String("readPassword"))
            reply = m_entries.value(key);
        else if (member == QLatin1String("writePassword")) {
            m_entries.insert(key, a.value(3).toString());
            reply = 0;
        } else if (member == QLatin1String("removeEntry"))
            reply = m_entries.remove(key) > 0 ? 0 : -1;
        else
            return connection.send(message.createErrorReply(QDBusError::UnknownMethod, member));
        return connection.send(message.createReply(reply));
    }

private:
    QDBusConnection m_connection{QString()};
    QThread m_thread;
    // A std::mutex, not a QMutex: the wallet is served on Qt D-Bus's thread and read on the
    // test's, and ThreadSanitizer sees only the std::mutex's ordering (Qt's lock path is not
    // instrumented).
    mutable std::mutex m_mutex;
    QMap<QString, QString> m_entries;
};

} // namespace cwb::test
