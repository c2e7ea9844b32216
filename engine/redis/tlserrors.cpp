#include "tlserrors.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cerrno>
#include <cstring>

namespace cwb::tlserrors {

namespace {

struct QueuedError
{
    unsigned long code = 0;
    QString reason;
};

QueuedError takeOldest()
{
    QueuedError out;
    out.code = ERR_peek_error();
    if (out.code) {
        const char *reason = ERR_reason_error_string(out.code);
        out.reason = reason ? QString::fromLatin1(reason) : QStringLiteral("error %1").arg(out.code, 0, 16);
    }
    ERR_clear_error();
    return out;
}

QString verifyHint(long result)
{
    switch (result) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        return QStringLiteral(" (is tls-ca the CA that signed the server's certificate?)");
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
        return QStringLiteral(" (the certificate does not carry that name: connect by a name it carries, or set "
                              "tls-sni to one)");
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return QStringLiteral(" (the server's certificate must be renewed)");
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return QStringLiteral(" (is this machine's clock right?)");
    default:
        return {};
    }
}

// Reasons that mean the bytes that came back were not TLS records at all.
bool isNotTls(int reason)
{
    return reason == SSL_R_WRONG_VERSION_NUMBER || reason == SSL_R_PACKET_LENGTH_TOO_LONG
        || reason == SSL_R_RECORD_LENGTH_MISMATCH || reason == SSL_R_UNKNOWN_PROTOCOL
        || reason == SSL_R_HTTP_REQUEST || reason == SSL_R_HTTPS_PROXY_REQUEST
        || reason == SSL_R_UNEXPECTED_MESSAGE || reason == SSL_R_LENGTH_MISMATCH
        || reason == SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC;
}

QString alertHint(const QString &reason)
{
    if (reason.contains(QLatin1String("certificate required")))
        return QStringLiteral(" (the server requires a client certificate: tls-cert and tls-key)");
    if (reason.contains(QLatin1String("unknown ca")) || reason.contains(QLatin1String("bad certificate"))
        || reason.contains(QLatin1String("certificate unknown")))
        return QStringLiteral(" (the server does not accept the client certificate)");
    if (reason.contains(QLatin1String("protocol version")))
        return QStringLiteral(" (no TLS version in common: see tls-min-version)");
    if (reason.contains(QLatin1String("handshake failure")) || reason.contains(QLatin1String("insufficient security")))
        return QStringLiteral(" (no cipher in common: see tls-ciphers / tls-ciphersuites)");
    return {};
}

} // namespace

QString lastTlsError()
{
    const QueuedError error = takeOldest();
    return error.code ? error.reason : QStringLiteral("unknown error");
}

QString describe(ssl_st *ssl, int sslError, bool inHandshake, const QString &name)
{
    const int savedErrno = errno;
    const QueuedError error = takeOldest();
    if (sslError == SSL_ERROR_ZERO_RETURN || (sslError == SSL_ERROR_SYSCALL && !error.code && savedErrno == 0)) {
        return inHandshake ? QStringLiteral("the server closed the connection during the TLS handshake (is this a TLS "
                                            "port? does it want a client certificate?)")
                           : QStringLiteral("the server closed the connection");
    }
    if (sslError == SSL_ERROR_SYSCALL && !error.code)
        return QString::fromLocal8Bit(std::strerror(savedErrno));
    const int reason = ERR_GET_REASON(error.code);
    if (reason == SSL_R_CERTIFICATE_VERIFY_FAILED) {
        const long result = SSL_get_verify_result(ssl);
        return QStringLiteral("certificate verify failed: %1 for host %2%3")
            .arg(QString::fromLatin1(X509_verify_cert_error_string(result)), name, verifyHint(result));
    }
    if (inHandshake && isNotTls(reason))
        return QStringLiteral("the server did not answer in TLS (%1): is this a plain-text port? Use redis:// "
                              "instead of rediss://")
            .arg(error.reason);
    if (error.reason.contains(QLatin1String("alert")))
        return QStringLiteral("the server refused the TLS connection: %1%2").arg(error.reason, alertHint(error.reason));
    return QStringLiteral("TLS error: %1").arg(error.code ? error.reason : QStringLiteral("unknown"));
}

} // namespace cwb::tlserrors
