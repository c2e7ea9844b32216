#include "sandboxredis.h"

#include "freeport.h"
#include "sandboxclient.h"
#include "sandboxprocess.h"
#include "throwawaypki.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <csignal>
#include <cstdlib>
#include <sys/types.h>

namespace cwb {

namespace {

constexpr int kStopGraceMs = 2000;
constexpr int kPollMs = 20;
constexpr int kPortAttempts = 5;

// A config-file token in double quotes: redis-server splits config lines like a shell.
QByteArray quoted(const QByteArray &value)
{
    QByteArray out = "\"";
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u >= 0x7f) {
            out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    return out + '"';
}

QByteArray quoted(const QString &value)
{
    return quoted(value.toUtf8());
}

// The last meaningful line of the server's log, without the "pid:M date time # " prefix.
// For a rejected configuration, the offending line (">>> 'name value'") is kept in front of
// the reason, so the message names the bad option.
QString lastLogLine(const QString &logPath)
{
    QFile file(logPath);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(no log)");
    const QList<QByteArray> lines = file.readAll().split('\n');
    QByteArray last;
    QByteArray offending;
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(">>> "))
            offending = line.mid(4);
        last = line;
    }
    // "1234:M 28 Nov 2026 20:30:02.314 # message": the message follows the level marker.
    static const QByteArray markers[] = {" # ", " * ", " - ", " . "};
    for (const QByteArray &marker : markers) {
        const qsizetype at = last.indexOf(marker);
        if (at > 0 && at < 40) {
            last = last.mid(at + marker.size());
            break;
        }
    }
    if (last.isEmpty())
        return QStringLiteral("(empty log)");
    if (!offending.isEmpty() && !last.contains(offending))
        return QString::fromUtf8(offending) + QStringLiteral(": ") + QString::fromUtf8(last);
    return QString::fromUtf8(last);
}

bool logSaysAddressInUse(const QString &logPath)
{
    QFile file(logPath);
    return file.open(QIODevice::ReadOnly) && file.readAll().contains("Address already in use");
}

} // namespace

struct SandboxRedis::Private
{
    Options options;
    bool hasOptions = false;
    QByteArray binary;
    quint16 port = 0;
    bool portReserved = false;
    pid_t pid = 0;
    QString workDir;

    enum class Launch { Ok, AddressInUse, Failed };

    QString logPath() const { return workDir + QStringLiteral("/redis.log"); }
    QString pkiDir() const
    {
        return options.tls.certificatesDir.isEmpty() ? workDir + QStringLiteral("/tls") : options.tls.certificatesDir;
    }

    // A TLS sandbox's certificates, made on first use in the work folder.
    bool ensureCertificates(QString *error)
    {
        if (!options.tls.enabled || QFileInfo::exists(pkiDir() + QStringLiteral("/ca.crt")))
            return true;
        if (!options.tls.certificatesDir.isEmpty()) {
            *error = QStringLiteral("no ca.crt in the certificates folder ") + options.tls.certificatesDir;
            return false;
        }
        if (!QDir().mkpath(pkiDir())) {
            *error = QStringLiteral("cannot create ") + pkiDir();
            return false;
        }
        return pki::createPki(pkiDir(), error).has_value();
    }

    Endpoint endpoint() const
    {
        Endpoint e;
        e.host = QStringLiteral("127.0.0.1");
        e.port = port;
        e.password = options.password;
        if (options.tls.enabled) {
            e.tls.enabled = true;
            e.tls.caPath = pkiDir() + QStringLiteral("/ca.crt");
            if (options.tls.requireClientCertificates) {
                e.tls.certFile = pkiDir() + QStringLiteral("/client.crt");
                e.tls.keyFile = pkiDir() + QStringLiteral("/client.key");
            }
        }
        return e;
    }

    Endpoint controlEndpoint() const
    {
        Endpoint e = endpoint();
        if (!e.tls.enabled)
            return e;
        e.tls.caPath.clear();
        e.tls.insecure = true;
        if (options.tls.requireClientCertificates) {
            e.tls.certFile = pkiDir() + QStringLiteral("/server.crt");
            e.tls.keyFile = pkiDir() + QStringLiteral("/server.key");
        }
        return e;
    }

    void tlsConfig(QByteArray &c) const
    {
        const QString dir = pkiDir();
        c += "port 0\n";
        c += "tls-port " + QByteArray::number(port) + '\n';
        c += "tls-cert-file " + quoted(QFile::encodeName(dir + QStringLiteral("/server.crt"))) + '\n';
        c += "tls-key-file " + quoted(QFile::encodeName(dir + QStringLiteral("/server.key"))) + '\n';
        c += "tls-ca-cert-file " + quoted(QFile::encodeName(dir + QStringLiteral("/ca.crt"))) + '\n';
        c += QByteArray("tls-auth-clients ") + (options.tls.requireClientCertificates ? "yes" : "no") + '\n';
        // Replicas and cluster peers speak TLS to each other too; the server certificate is also
        // their client certificate.
        c += "tls-replication yes\n";
        if (options.clusterEnabled)
            c += "tls-cluster yes\n";
    }

    // Everything but extraArgs goes to the server on stdin, so passwords never appear in argv
    // (visible to every user through ps) nor in a file.
    QByteArray config() const
    {
        QByteArray c;
        auto line = [&c](const char *name, const QByteArray &value) { c += QByteArray(name) + ' ' + value + '\n'; };
        if (options.tls.enabled)
            tlsConfig(c);
        else
            line("port", QByteArray::number(port));
        line("bind", "127.0.0.1");
        // Bound to loopback only, so protected mode adds nothing but refusals.
        line("protected-mode", "no");
        line("daemonize", "no");
        line("save", "\"\"");
        line("appendonly", "no");
        line("dir", quoted(QFile::encodeName(workDir)));
        line("logfile", "\"\"");
        // A master with replicas would otherwise wait up to 10 s for them on SIGTERM.
        line("shutdown-timeout", "0");
        // Full syncs start at once instead of waiting 5 s for more replicas to join.
        line("repl-diskless-sync-delay", "0");
        // Tests use DEBUG SLEEP / DEBUG OBJECT; loopback only.
        line("enable-debug-command", "local");
        if (!options.password.isEmpty()) {
            line("requirepass", quoted(options.password));
            line("masterauth", quoted(options.password));
        }
        if (!options.aclUser.isEmpty()) {
            c += "user " + quoted(options.aclUser) + " on " + quoted(QByteArray(">") + options.aclPassword.toUtf8())
                + " ~* &* +@all\n";
        }
        if (options.maxmemoryBytes > 0)
            line("maxmemory", QByteArray::number(options.maxmemoryBytes));
        if (!options.maxmemoryPolicy.isEmpty())
            line("maxmemory-policy", quoted(options.maxmemoryPolicy));
        if (options.clusterEnabled) {
            line("cluster-enabled", "yes");
            line("cluster-config-file", quoted(QFile::encodeName(workDir + QStringLiteral("/nodes.conf"))));
            // Quick failure detection for failover tests.
            line("cluster-node-timeout", "2000");
            // CLUSTER SLOTS lists a replica only once its replication offset is non-zero, and on an
            // idle master that first happens with the master's ping to its replicas (every 10 s by
            // default): ping every second so a fresh cluster is complete within a second or two.
            line("repl-ping-replica-period", "1");
        }
        return c;
    }

    QList<QByteArray> arguments() const
    {
        // "-" as the first argument: read the configuration from stdin; options follow.
        QList<QByteArray> args{QByteArrayLiteral("-")};
        for (const QString &arg : options.extraArgs)
            args << arg.toUtf8();
        return args;
    }

    // True when the server on `port` is ours: another process's server could answer on a
    // port we lost the race for, before ours gives up with "Address already in use".
    bool answersAsOurs(int timeoutMs)
    {
        // Whether the certificate verifies does not matter here, only that the process answering is ours.
        SandboxClient client;
        if (!client.connect(controlEndpoint(), timeoutMs))
            return false;
        const auto pong = client.text({QByteArrayLiteral("PING")});
        if (!pong || *pong != "PONG")
            return false;
        const auto info = client.text({QByteArrayLiteral("INFO"), QByteArrayLiteral("server")});
        return info && infoField(*info, "process_id").toLongLong() == pid;
    }

    Launch launch(const void *owner, QString *error)
    {
        if (!ensureCertificates(error))
            return Launch::Failed;
        QFile::remove(logPath());
        QString spawnError;
        pid = sandboxprocess::spawn(binary, arguments(), config(), QFile::encodeName(logPath()), &spawnError);
        if (pid <= 0) {
            pid = 0;
            *error = spawnError;
            return Launch::Failed;
        }
        sandboxprocess::track(owner, pid, workDir);

        const int timeoutMs = options.startTimeoutMs > 0 ? options.startTimeoutMs : 10000;
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            int status = 0;
            if (sandboxprocess::reapIfExited(pid, &status)) {
                pid = 0;
                sandboxprocess::track(owner, 0, workDir);
                if (logSaysAddressInUse(logPath())) {
                    *error = QStringLiteral("redis-server exited: ") + lastLogLine(logPath());
                    return Launch::AddressInUse;
                }
                *error = QStringLiteral("redis-server exited: ") + lastLogLine(logPath());
                return Launch::Failed;
            }
            if (answersAsOurs(200))
                return Launch::Ok;
            if (deadline.hasExpired() || options.stopToken.stop_requested())
                break;
            QThread::msleep(kPollMs);
        }
        sandboxprocess::terminate(pid, 0);
        pid = 0;
        sandboxprocess::track(owner, 0, workDir);
        if (options.stopToken.stop_requested()) {
            *error = QStringLiteral("stopped before redis-server answered");
            return Launch::Failed;
        }
        *error = QStringLiteral("redis-server on port ") + QString::number(port)
            + QStringLiteral(" did not answer PING within ") + QString::number(timeoutMs)
            + QStringLiteral(" ms; last log line: ") + lastLogLine(logPath());
        return Launch::Failed;
    }

    bool makeWorkDir(QString *error)
    {
        if (!workDir.isEmpty() && QFileInfo::exists(workDir))
            return true;
        QByteArray pattern = QFile::encodeName(QDir::tempPath() + QStringLiteral("/cwb-redis-XXXXXX"));
        if (!::mkdtemp(pattern.data())) {
            *error = QStringLiteral("cannot create a temporary folder in ") + QDir::tempPath();
            return false;
        }
        workDir = QFile::decodeName(pattern);
        return true;
    }

    void releasePort()
    {
        if (portReserved)
            freeport::release(port);
        portReserved = false;
    }
};

SandboxRedis::SandboxRedis()
    : d(std::make_unique<Private>())
{
}

SandboxRedis::~SandboxRedis()
{
    stop();
    d->releasePort();
}

bool SandboxRedis::start(const Options &options, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    if (isRunning()) {
        err = QStringLiteral("sandbox already running on port ") + QString::number(d->port);
        return false;
    }
    stop(); // a killed server's folder and port are not reused by a fresh start

    QString binary = options.serverBinary;
    if (binary.isEmpty()) {
        binary = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
        if (binary.isEmpty()) {
            err = QStringLiteral("redis-server not found in PATH");
            return false;
        }
    } else {
        const QFileInfo info(binary);
        if (!info.isFile() || !info.isExecutable()) {
            err = QStringLiteral("redis-server binary '") + binary + QStringLiteral("' not found or not executable");
            return false;
        }
        binary = info.absoluteFilePath();
    }
    d->options = options;
    d->hasOptions = true;
    d->binary = QFile::encodeName(binary);
    d->releasePort();

    for (int attempt = 1; attempt <= kPortAttempts; ++attempt) {
        d->port = freeport::pick(options.clusterEnabled);
        if (d->port == 0) {
            err = QStringLiteral("no free loopback port found");
            return false;
        }
        d->portReserved = true;
        if (!d->makeWorkDir(&err))
            return false;
        switch (d->launch(d.get(), &err)) {
        case Private::Launch::Ok:
            return true;
        case Private::Launch::AddressInUse:
            d->releasePort();
            continue;
        case Private::Launch::Failed:
            stop();
            return false;
        }
    }
    stop();
    return false;
}

void SandboxRedis::stop()
{
    const bool tracked = sandboxprocess::untrack(d.get());
    // Untracked: the exit handler has already killed the server, and its pid may be reused.
    if (tracked && d->pid > 0)
        sandboxprocess::terminate(d->pid, kStopGraceMs);
    d->pid = 0;
    if (!d->workDir.isEmpty()) {
        QDir(d->workDir).removeRecursively();
        d->workDir.clear();
    }
}

bool SandboxRedis::isRunning() const
{
    if (d->pid <= 0)
        return false;
    if (sandboxprocess::reapIfExited(d->pid)) {
        d->pid = 0;
        if (sandboxprocess::isTracked(d.get()))
            sandboxprocess::track(d.get(), 0, d->workDir);
        return false;
    }
    return true;
}

quint16 SandboxRedis::port() const
{
    return d->port;
}

qint64 SandboxRedis::pid() const
{
    return d->pid;
}

Endpoint SandboxRedis::endpoint() const
{
    return d->endpoint();
}

Endpoint SandboxRedis::controlEndpoint() const
{
    return d->controlEndpoint();
}

QString SandboxRedis::certificatesDir() const
{
    return d->options.tls.enabled ? d->pkiDir() : QString();
}

QString SandboxRedis::workDir() const
{
    return d->workDir;
}

bool SandboxRedis::pause()
{
    return isRunning() && ::kill(d->pid, SIGSTOP) == 0;
}

bool SandboxRedis::resume()
{
    return isRunning() && ::kill(d->pid, SIGCONT) == 0;
}

bool SandboxRedis::kill()
{
    if (!isRunning())
        return false;
    sandboxprocess::terminate(d->pid, 0);
    d->pid = 0;
    // Keep the folder registered: restart() reuses it (a cluster node keeps its nodes.conf).
    sandboxprocess::track(d.get(), 0, d->workDir);
    return true;
}

bool SandboxRedis::restart(QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    if (!d->hasOptions || d->port == 0) {
        err = QStringLiteral("sandbox was never started");
        return false;
    }
    if (isRunning()) {
        err = QStringLiteral("sandbox already running on port ") + QString::number(d->port);
        return false;
    }
    if (!d->makeWorkDir(&err))
        return false;
    // The old server's sockets may linger briefly; keep the port rather than move to another,
    // since clients and cluster peers know this one.
    QDeadlineTimer deadline(3000);
    for (;;) {
        switch (d->launch(d.get(), &err)) {
        case Private::Launch::Ok:
            return true;
        case Private::Launch::Failed:
            return false;
        case Private::Launch::AddressInUse:
            if (deadline.hasExpired())
                return false;
            QThread::msleep(100);
            break;
        }
    }
}

} // namespace cwb
