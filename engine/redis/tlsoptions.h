#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace cwb {

// How to speak TLS to a server (a rediss:// URI). A plain value that travels with the Endpoint,
// so every connection the workbench opens to the target - and to the nodes of its cluster - uses
// the same settings. Everything but the key's pass phrase is part of the URI's query
// (rediss://host:6380?tls-ca=/etc/ca.pem), so saved configurations keep it; the pass phrase is
// held in memory only (from CWB_TLS_KEY_PASS or the GUI's field), like the password.
struct TlsOptions
{
    bool enabled = false;
    QString caPath;         // CA certificate file or hashed directory; empty: the system trust store
    QString certFile;       // client certificate (mutual TLS), PEM
    QString keyFile;        // its private key, PEM
    QString keyPassphrase;  // never printed, exported or saved
    QString serverName;     // sent as SNI and checked against the certificate; empty: the host
    QString minVersion;     // "1.2" or "1.3"; empty: 1.2
    QString ciphers;        // TLS 1.2 cipher list, OpenSSL syntax; empty: OpenSSL's default
    QString ciphersuites;   // TLS 1.3 cipher suites; empty: OpenSSL's default
    bool insecure = false;  // no certificate or host name verification (said loudly everywhere)

    bool operator==(const TlsOptions &) const = default;
};

// The URI query items for `options` (pass phrase never included), in a fixed order.
QList<QPair<QString, QString>> tlsQueryItems(const TlsOptions &options);
// True when `name` is one of the query items above.
bool isTlsQueryItem(QStringView name);
// Sets one query item on `options`; false with *error naming the item when its value is bad.
bool applyTlsQueryItem(TlsOptions &options, QStringView name, const QString &value, QString *error);
// A reason the settings cannot work together ("tls-cert needs tls-key"), or empty.
QString tlsOptionsProblem(const TlsOptions &options);
// Fills the pass phrase from CWB_TLS_KEY_PASS when none is set. True when it set one.
bool applyTlsPassphraseFromEnvironment(TlsOptions &options);

} // namespace cwb
