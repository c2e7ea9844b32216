#include "throwawaypki.h"

#include "tlserrors.h"

#include <QFile>

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fcntl.h>
#include <unistd.h>

namespace cwb::pki {

namespace {

struct KeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct CertDeleter
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using CertPtr = std::unique_ptr<X509, CertDeleter>;

bool failOpenSsl(QString *error, const QString &what)
{
    if (error)
        *error = what + QStringLiteral(": ") + lastTlsError();
    return false;
}

KeyPtr newKey()
{
    return KeyPtr(EVP_EC_gen("P-256"));
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

// A certificate for `key`, named `commonName`, valid over the given window, not yet signed.
CertPtr newCertificate(EVP_PKEY *key, const QString &commonName, qint64 fromSecs, qint64 untilSecs)
{
    CertPtr cert(X509_new());
    if (!cert)
        return nullptr;
    unsigned char serial[8];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return nullptr;
    serial[0] &= 0x7f; // a positive serial number
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool ok = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get())) && X509_set_version(cert.get(), 2) == 1
        && X509_gmtime_adj(X509_getm_notBefore(cert.get()), long(fromSecs))
        && X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(untilSecs)) && X509_set_pubkey(cert.get(), key) == 1;
    BN_free(bn);
    if (!ok)
        return nullptr;
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()),
                                   int(cn.size()), -1, 0)
        != 1)
        return nullptr;
    return cert;
}

// Writes `data` to a new file readable by its owner only (keys); an existing file is never
// replaced.
bool writePrivateFile(const QString &path, const QByteArray &data, QString *error)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 || ::write(fd, data.constData(), size_t(data.size())) != data.size()) {
        if (fd >= 0)
            ::close(fd);
        if (error)
            *error = QStringLiteral("cannot write '%1'").arg(path);
        return false;
    }
    return ::close(fd) == 0;
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

bool writeKey(EVP_PKEY *key, const QString &path, const QByteArray &passphrase, QString *error)
{
    BIO *bio = BIO_new(BIO_s_mem());
    const bool encrypted = !passphrase.isEmpty();
    const bool ok = bio
        && PEM_write_bio_PrivateKey(bio, key, encrypted ? EVP_aes_256_cbc() : nullptr,
                                    reinterpret_cast<const unsigned char *>(passphrase.constData()),
                                    int(passphrase.size()), nullptr, nullptr)
            == 1;
    const QByteArray pem = ok ? bioBytes(bio) : QByteArray();
    BIO_free(bio);
    if (!ok)
        return failOpenSsl(error, QStringLiteral("cannot encode a key"));
    return writePrivateFile(path, pem, error);
}

bool writeCert(X509 *cert, const QString &path, QString *error)
{
    BIO *bio = BIO_new(BIO_s_mem());
    const bool ok = bio && PEM_write_bio_X509(bio, cert) == 1;
    const QByteArray pem = ok ? bioBytes(bio) : QByteArray();
    BIO_free(bio);
    if (!ok)
        return failOpenSsl(error, QStringLiteral("cannot encode a certificate"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(pem) != pem.size()) {
        if (error)
            *error = QStringLiteral("cannot write '%1'").arg(path);
        return false;
    }
    return true;
}

} // namespace

struct Authority::Private
{
    KeyPtr key;
    CertPtr cert;
};

Authority::Authority()
    : d(std::make_unique<Private>())
{
}

Authority::Authority(Authority &&) noexcept = default;
Authority &Authority::operator=(Authority &&) noexcept = default;
Authority::~Authority() = default;

std::optional<Authority> Authority::create(const QString &commonName, QString *error)
{
    Authority ca;
    ca.d->key = newKey();
    if (!ca.d->key) {
        failOpenSsl(error, QStringLiteral("cannot generate the CA key"));
        return std::nullopt;
    }
    ca.d->cert = newCertificate(ca.d->key.get(), commonName, -3600, 7 * 86400);
    X509 *cert = ca.d->cert.get();
    const bool ok = cert && X509_set_issuer_name(cert, X509_get_subject_name(cert)) == 1
        && addExtension(cert, cert, NID_basic_constraints, "critical,CA:TRUE")
        && addExtension(cert, cert, NID_key_usage, "critical,keyCertSign,cRLSign")
        && addExtension(cert, cert, NID_subject_key_identifier, "hash")
        && X509_sign(cert, ca.d->key.get(), EVP_sha256()) > 0;
    if (!ok) {
        failOpenSsl(error, QStringLiteral("cannot make the CA certificate"));
        return std::nullopt;
    }
    return ca;
}

bool Authority::writeCertificate(const QString &path, QString *error) const
{
    return writeCert(d->cert.get(), path, error);
}

bool Authority::issue(const CertificateSpec &spec, const QString &certPath, const QString &keyPath, QString *error,
                      const QByteArray &passphrase) const
{
    KeyPtr key = newKey();
    if (!key)
        return failOpenSsl(error, QStringLiteral("cannot generate a key"));
    CertPtr cert = newCertificate(key.get(), spec.commonName, spec.validFromSecs, spec.validUntilSecs);
    if (!cert)
        return failOpenSsl(error, QStringLiteral("cannot make a certificate"));
    QStringList names;
    for (const QString &host : spec.hostNames)
        names << QStringLiteral("DNS:") + host;
    for (const QString &address : spec.addresses)
        names << QStringLiteral("IP:") + address;
    X509 *c = cert.get();
    bool ok = X509_set_issuer_name(c, X509_get_subject_name(d->cert.get())) == 1
        && addExtension(c, d->cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        && addExtension(c, d->cert.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment")
        && addExtension(c, d->cert.get(), NID_ext_key_usage, "serverAuth,clientAuth")
        && addExtension(c, d->cert.get(), NID_authority_key_identifier, "keyid");
    if (ok && !names.isEmpty())
        ok = addExtension(c, d->cert.get(), NID_subject_alt_name, names.join(u',').toLatin1());
    if (!ok || X509_sign(c, d->key.get(), EVP_sha256()) <= 0)
        return failOpenSsl(error, QStringLiteral("cannot sign the certificate for %1").arg(spec.commonName));
    return writeCert(c, certPath, error) && writeKey(key.get(), keyPath, passphrase, error);
}

std::optional<PkiFiles> createPki(const QString &dir, QString *error, const PkiOptions &options)
{
    const auto ca = Authority::create(QStringLiteral("cwb throw-away CA"), error);
    if (!ca)
        return std::nullopt;
    PkiFiles files{dir + QStringLiteral("/ca.crt"), dir + QStringLiteral("/server.crt"), dir + QStringLiteral("/server.key"),
                   dir + QStringLiteral("/client.crt"), dir + QStringLiteral("/client.key")};
    CertificateSpec client;
    client.commonName = QStringLiteral("cwb-client");
    client.hostNames.clear();
    client.addresses.clear();
    if (!ca->writeCertificate(files.caCert, error) || !ca->issue(options.server, files.serverCert, files.serverKey, error)
        || !ca->issue(client, files.clientCert, files.clientKey, error, options.clientKeyPassphrase))
        return std::nullopt;
    return files;
}

bool writeUnrelatedKey(const QString &path, QString *error)
{
    KeyPtr key = newKey();
    if (!key)
        return failOpenSsl(error, QStringLiteral("cannot generate a key"));
    return writeKey(key.get(), path, {}, error);
}

} // namespace cwb::pki
