#pragma once

#include "tlsoptions.h"

#include <QString>

#include <optional>

namespace cwb {

// Where a Redis server is and how to log in to it. A plain value, parsed from a URI:
//   redis://[[user]:password@]host[:port][/db]    (host may be a bracketed IPv6 literal)
//   redis://password@host, redis://user:@host     (no colon: the text is a password, as in redis-cli)
//   rediss://... the same, then [?tls-ca=FILE&tls-cert=FILE&tls-key=FILE&tls-sni=NAME
//            &tls-min-version=1.2|1.3&tls-ciphers=LIST&tls-ciphersuites=LIST&insecure=yes]   (TLS)
//   unix:///path/to/redis.sock[?db=N]
// The password and the TLS key's pass phrase are held only in memory: displayUri() and every
// log line omit them.
struct Endpoint
{
    enum class Transport { Tcp, Unix };

    Transport transport = Transport::Tcp;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 6379;
    QString socketPath; // Transport::Unix only
    int database = 0;
    QString username; // ACL user; empty means password-only AUTH (or none)
    QString password; // never printed, exported or saved
    TlsOptions tls;   // Transport::Tcp only

    // A named user always authenticates, with an empty password if none was given: connecting
    // without AUTH would silently run as the default user instead (a passwordless "nopass" user
    // logs in with any password; one that has a password is refused with WRONGPASS).
    bool authenticates() const { return !password.isEmpty() || !username.isEmpty(); }

    // The URI with the password left out (user kept, as "user:@", and the TLS settings): safe
    // for logs, exports and saved configs, and read back as the same endpoint.
    QString displayUri() const;
    // Scheme, user, address and database only: names the server and the login (the keychain's
    // key), whatever the TLS settings used to reach it.
    QString serverUri() const;
    // "host:port" or the socket path: for compact labels.
    QString address() const;
    bool operator==(const Endpoint &) const = default;
};

// Parses a URI into an Endpoint. On failure returns nullopt and sets *error to a one-line
// reason naming the bad part ("port '70000' is out of range 1-65535").
std::optional<Endpoint> parseEndpoint(const QString &uri, QString *error = nullptr);

// Fills endpoint.password from the environment (CWB_REDIS_PASSWORD, then REDISCLI_AUTH)
// when the URI carried none. Returns true when it set one.
bool applyPasswordFromEnvironment(Endpoint &endpoint);

} // namespace cwb
