#include "tlscontext.h"

#include "failwith.h"
#include "tlserrors.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>

namespace cwb {

namespace {

// Why a file cannot be used, before OpenSSL gets to it: its errors for a missing file are
// "system lib" noise.
QString unreadable(const QString &path, bool wantDirectoryToo)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QStringLiteral("does not exist");
    if (info.isDir() && !wantDirectoryToo)
        return QStringLiteral("is a directory, not a file");
    if (!info.isReadable())
        return QStringLiteral("cannot be read (permission denied)");
    return {};
}

// What OpenSSL's pass phrase callback saw, so an encrypted key without a pass phrase and a wrong
// pass phrase get different sentences.
struct PassphraseRequest
{
    QByteArray passphrase;
    bool asked = false;
};

int passphraseCallback(char *buffer, int size, int /*rwflag*/, void *userdata)
{
    auto *request = static_cast<PassphraseRequest *>(userdata);
    request->asked = true;
    if (request->passphrase.isEmpty() || request->passphrase.size() > size)
        return -1;
    std::memcpy(buffer, request->passphrase.constData(), size_t(request->passphrase.size()));
    return int(request->passphrase.size());
}

bool loadTrust(SSL_CTX *ctx, const TlsOptions &o, QString *error)
{
    if (o.insecure) {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
        return true;
    }
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    if (o.caPath.isEmpty()) {
        if (SSL_CTX_set_default_verify_paths(ctx) != 1)
            return failWith(error, QStringLiteral("cannot load the system's trusted CA certificates: ") + lastTlsError());
        return true;
    }
    if (const QString why = unreadable(o.caPath, true); !why.isEmpty())
        return failWith(error, QStringLiteral("CA certificate '%1' %2").arg(o.caPath, why));
    const QByteArray path = QFile::encodeName(o.caPath);
    const bool isDir = QFileInfo(o.caPath).isDir();
    if (SSL_CTX_load_verify_locations(ctx, isDir ? nullptr : path.constData(), isDir ? path.constData() : nullptr) != 1)
        return failWith(error, QStringLiteral("CA certificate '%1' holds no PEM certificate (%2)").arg(o.caPath, lastTlsError()));
    return true;
}

bool loadClientCertificate(SSL_CTX *ctx, const TlsOptions &o, QString *error)
{
    if (o.certFile.isEmpty())
        return true;
    if (const QString why = unreadable(o.certFile, false); !why.isEmpty())
        return failWith(error, QStringLiteral("client certificate '%1' %2").arg(o.certFile, why));
    if (SSL_CTX_use_certificate_chain_file(ctx, QFile::encodeName(o.certFile).constData()) != 1)
        return failWith(error, QStringLiteral("client certificate '%1' holds no PEM certificate (%2)").arg(o.certFile, lastTlsError()));

    if (const QString why = unreadable(o.keyFile, false); !why.isEmpty())
        return failWith(error, QStringLiteral("client key '%1' %2").arg(o.keyFile, why));
    BIO *bio = BIO_new_file(QFile::encodeName(o.keyFile).constData(), "r");
    if (!bio)
        return failWith(error, QStringLiteral("client key '%1' cannot be opened: %2").arg(o.keyFile, QString::fromLocal8Bit(std::strerror(errno))));
    PassphraseRequest request{o.keyPassphrase.toUtf8(), false};
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, passphraseCallback, &request);
    BIO_free(bio);
    // The copy of the pass phrase is not needed any more.
    request.passphrase.fill('\0');
    if (!key) {
        ERR_clear_error();
        if (request.asked && o.keyPassphrase.isEmpty())
            return failWith(error, QStringLiteral("client key '%1' is encrypted: give its pass phrase in CWB_TLS_KEY_PASS").arg(o.keyFile));
        if (request.asked)
            return failWith(error, QStringLiteral("client key '%1': the pass phrase is wrong").arg(o.keyFile));
        return failWith(error, QStringLiteral("client key '%1' holds no PEM private key").arg(o.keyFile));
    }
    const bool used = SSL_CTX_use_PrivateKey(ctx, key) == 1;
    EVP_PKEY_free(key);
    if (!used || SSL_CTX_check_private_key(ctx) != 1) {
        ERR_clear_error();
        return failWith(error, QStringLiteral("client key '%1' does not belong to the certificate in '%2'").arg(o.keyFile, o.certFile));
    }
    return true;
}

bool applyProtocol(SSL_CTX *ctx, const TlsOptions &o, QString *error)
{
    SSL_CTX_set_min_proto_version(ctx, o.minVersion == QLatin1String("1.3") ? TLS1_3_VERSION : TLS1_2_VERSION);
    if (!o.ciphers.isEmpty() && SSL_CTX_set_cipher_list(ctx, o.ciphers.toLatin1().constData()) != 1)
        return failWith(error, QStringLiteral("tls-ciphers '%1' names no cipher OpenSSL knows").arg(o.ciphers));
    if (!o.ciphersuites.isEmpty() && SSL_CTX_set_ciphersuites(ctx, o.ciphersuites.toLatin1().constData()) != 1)
        return failWith(error, QStringLiteral("tls-ciphersuites '%1' names no TLS 1.3 cipher suite OpenSSL knows").arg(o.ciphersuites));
    // One write per loop turn hands SSL_write a whole staged buffer that may move between calls;
    // partial writes let a full socket take what fits, like send().
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    // A server that closes without close_notify (most do) is an end of stream, not an error.
    SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
    return true;
}

// The cache key: every setting plus each file's identity, so a regenerated certificate is
// loaded again. Held in memory only, like the pass phrase it contains.
QString cacheKey(const TlsOptions &o)
{
    auto stamp = [](const QString &path) {
        if (path.isEmpty())
            return QString();
        const QFileInfo info(path);
        return QStringLiteral("%1/%2").arg(info.lastModified().toMSecsSinceEpoch()).arg(info.size());
    };
    return QStringList{o.caPath, stamp(o.caPath), o.certFile, stamp(o.certFile), o.keyFile, stamp(o.keyFile),
                       o.keyPassphrase, o.minVersion, o.ciphers, o.ciphersuites, o.insecure ? QStringLiteral("1") : QString()}
        .join(QChar(0));
}

std::mutex cacheMutex;
std::map<QString, std::weak_ptr<const TlsContext>> &cache()
{
    static std::map<QString, std::weak_ptr<const TlsContext>> contexts;
    return contexts;
}

} // namespace

TlsContext::TlsContext(ssl_ctx_st *ctx, TlsOptions options)
    : m_ctx(ctx)
    , m_options(std::move(options))
{
}

TlsContext::~TlsContext()
{
    SSL_CTX_free(m_ctx);
    m_options.keyPassphrase.fill(QChar(0));
}

std::shared_ptr<const TlsContext> TlsContext::obtain(const TlsOptions &options, QString *error)
{
    if (const QString problem = tlsOptionsProblem(options); !problem.isEmpty()) {
        failWith(error, problem);
        return nullptr;
    }
    const QString key = cacheKey(options);
    std::lock_guard lock(cacheMutex);
    auto &contexts = cache();
    if (auto found = contexts.find(key); found != contexts.end()) {
        if (auto shared = found->second.lock())
            return shared;
    }
    std::erase_if(contexts, [](const auto &entry) { return entry.second.expired(); });
    ERR_clear_error();
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx) {
        failWith(error, QStringLiteral("cannot create a TLS context: ") + lastTlsError());
        return nullptr;
    }
    if (!applyProtocol(ctx, options, error) || !loadTrust(ctx, options, error)
        || !loadClientCertificate(ctx, options, error)) {
        SSL_CTX_free(ctx);
        ERR_clear_error();
        return nullptr;
    }
    std::shared_ptr<const TlsContext> made(new TlsContext(ctx, options));
    contexts[key] = made;
    return made;
}

} // namespace cwb
