#pragma once

#include "endpoint.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <stop_token>

namespace cwb {

// A throw-away redis-server on a free loopback port, with no persistence, owned by this
// process. It is stopped (by its own pid) when the object is destroyed, when the process
// exits normally, and - through PR_SET_PDEATHSIG - when the process that started it dies.
// Used by tests for every integration test, by the CLI's --sandbox and the GUI's
// "Start local sandbox".
class SandboxRedis
{
public:
    // TLS: the server listens with --tls-port only (no plain-text port), with certificates from
    // pki::createPki() - made at start in the work folder, or shared from certificatesDir (a
    // cluster's nodes share one CA). endpoint() then is a rediss:// endpoint that trusts that CA.
    struct Tls
    {
        bool enabled = false;
        bool requireClientCertificates = false; // tls-auth-clients yes; endpoint() carries client.crt/.key
        QString certificatesDir;                // holds ca.crt, server.*, client.*; empty: made per sandbox
    };

    struct Options
    {
        QString password;              // requirepass, when not empty
        QString aclUser;               // an extra ACL user with all permissions ...
        QString aclPassword;           // ... and this password
        qint64 maxmemoryBytes = 0;     // 0 = unlimited
        QString maxmemoryPolicy;       // e.g. "allkeys-lru", "noeviction"
        bool clusterEnabled = false;   // cluster-enabled yes (SandboxCluster sets this)
        QStringList extraArgs;         // further "--name value" arguments
        int startTimeoutMs = 10000;    // how long to wait for PING to answer
        QString serverBinary;          // empty: "redis-server" from PATH
        std::stop_token stopToken;     // a job's stop: start() gives up waiting ("stopped")
        Tls tls;                       // with clusterEnabled also tls-cluster and tls-replication
    };

    SandboxRedis();
    ~SandboxRedis();
    SandboxRedis(const SandboxRedis &) = delete;
    SandboxRedis &operator=(const SandboxRedis &) = delete;

    // Starts the server and waits until PING answers. False with *error set on failure
    // ("redis-server not found in PATH", "redis-server exited: <its last log line>").
    bool start(const Options &options, QString *error = nullptr);
    // (An overload rather than "options = {}": GCC rejects a default argument of a nested
    // struct with member initializers inside the enclosing class.)
    bool start(QString *error = nullptr) { return start(Options{}, error); }
    // Stops the server (SIGTERM, then SIGKILL after 2 s) and removes its working folder.
    void stop();
    bool isRunning() const;

    quint16 port() const;
    qint64 pid() const;
    // Loopback endpoint with the sandbox's password (if any) and, for a TLS sandbox, its CA (and
    // client certificate when it requires one).
    Endpoint endpoint() const;
    // The sandbox's own access, for its readiness checks, SandboxCluster's bootstrap and tests
    // that inspect it: like endpoint(), but a TLS one skips verification (tests start servers with
    // deliberately bad certificates) and presents the server's certificate, whose key is never
    // encrypted, as its client certificate.
    Endpoint controlEndpoint() const;
    // The folder with ca.crt, server.crt/.key and client.crt/.key of a TLS sandbox; empty otherwise.
    QString certificatesDir() const;
    QString workDir() const;

    // Fault injection for tests.
    bool pause();   // SIGSTOP
    bool resume();  // SIGCONT
    bool kill();    // SIGKILL, without cleanup; restart() may follow
    // Starts the server again on the same port with the same options (after kill() or stop()).
    bool restart(QString *error = nullptr);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cwb
