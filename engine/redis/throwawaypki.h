#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// Certificates for TLS sandboxes and the tests, made at run time with OpenSSL's API: a CA that
// lives only in a temporary folder, server and client certificates it signs, and the odd ones the
// tests need (expired, for another name, an encrypted key). No key is ever committed or reused
// between runs; key files are written readable by their owner only.
namespace cwb::pki {

struct CertificateSpec
{
    QString commonName = QStringLiteral("cwb-sandbox");
    QStringList hostNames{QStringLiteral("localhost")};                        // DNS subject names
    QStringList addresses{QStringLiteral("127.0.0.1"), QStringLiteral("::1")}; // IP subject names
    qint64 validFromSecs = -3600;      // relative to now
    qint64 validUntilSecs = 2 * 86400; // relative to now; negative: already expired
};

// A certificate authority held in memory.
class Authority
{
public:
    // A fresh CA with an EC P-256 key. nullopt with *error when OpenSSL fails.
    static std::optional<Authority> create(const QString &commonName, QString *error);

    Authority(Authority &&) noexcept;
    Authority &operator=(Authority &&) noexcept;
    ~Authority();

    // The CA certificate as PEM, for a trust store.
    bool writeCertificate(const QString &path, QString *error) const;
    // Issues a certificate for `spec` with a new key, both written as PEM; the key encrypted
    // (AES-256) when `passphrase` is not empty.
    bool issue(const CertificateSpec &spec, const QString &certPath, const QString &keyPath, QString *error,
               const QByteArray &passphrase = {}) const;

private:
    Authority();
    struct Private;
    std::unique_ptr<Private> d;
};

// What createPki() makes besides the CA: the server certificate (by default for localhost,
// 127.0.0.1 and ::1, usable as a client certificate too, as Redis' replication and cluster bus
// need) and the client key's encryption.
struct PkiOptions
{
    CertificateSpec server;
    QByteArray clientKeyPassphrase; // not empty: client.key is encrypted with it
};

// The set in `dir`: ca.crt, server.crt + server.key and client.crt + client.key.
struct PkiFiles
{
    QString caCert;
    QString serverCert;
    QString serverKey;
    QString clientCert;
    QString clientKey;
};
std::optional<PkiFiles> createPki(const QString &dir, QString *error, const PkiOptions &options = {});

// A new private key alone (one that matches no certificate), as PEM.
bool writeUnrelatedKey(const QString &path, QString *error);

} // namespace cwb::pki
