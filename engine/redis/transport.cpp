#include "transport.h"

#include "endpoint.h"
#include "tlscontext.h"
#include "tlserrors.h"

#include <QHostAddress>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>

#include <sys/socket.h>

namespace cwb {

namespace {

class PlainTransport final : public Transport
{
public:
    explicit PlainTransport(int fd)
        : m_fd(fd)
    {
    }

    bool isTls() const override { return false; }
    IoStatus handshake() override { return IoStatus::Ok; }

    IoResult read(char *buffer, size_t size) override
    {
        for (;;) {
            const ssize_t n = ::recv(m_fd, buffer, size, MSG_DONTWAIT);
            if (n > 0)
                return {IoStatus::Ok, size_t(n)};
            if (n == 0)
                return {IoStatus::Closed, 0};
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return {IoStatus::WantRead, 0};
            return failed();
        }
    }

    IoResult write(const char *data, size_t size) override
    {
        for (;;) {
            const ssize_t n = ::send(m_fd, data, size, MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n >= 0)
                return {IoStatus::Ok, size_t(n)};
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return {IoStatus::WantWrite, 0};
            return failed();
        }
    }

private:
    IoResult failed()
    {
        const int err = errno;
        m_failure = {classifyErrno(err), QString::fromLocal8Bit(std::strerror(err))};
        return {IoStatus::Failed, 0};
    }

    int m_fd;
};

class TlsTransport final : public Transport
{
public:
    TlsTransport(int fd, std::shared_ptr<const TlsContext> context, const QString &host)
        : m_context(std::move(context))
        , m_name(host)
    {
        ERR_clear_error();
        m_ssl = SSL_new(m_context->native());
        if (!m_ssl || SSL_set_fd(m_ssl, fd) != 1) {
            m_broken = true;
            m_failure = {RedisErrorKind::Tls, QStringLiteral("cannot set up TLS: ") + lastTlsError()};
            return;
        }
        const QByteArray name = m_name.toUtf8();
        const bool isAddress = !QHostAddress(m_name).isNull();
        // SNI carries host names only (RFC 6066); an address is checked against the certificate's
        // IP entries instead.
        if (!isAddress)
            SSL_set_tlsext_host_name(m_ssl, name.constData());
        if (!m_context->options().insecure) {
            X509_VERIFY_PARAM *param = SSL_get0_param(m_ssl);
            X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
            if (isAddress)
                X509_VERIFY_PARAM_set1_ip_asc(param, name.constData());
            else
                X509_VERIFY_PARAM_set1_host(param, name.constData(), size_t(name.size()));
        }
    }

    ~TlsTransport() override
    {
        if (!m_ssl)
            return;
        // close_notify, best effort and without waiting: the socket is about to be closed.
        if (m_established && !m_broken) {
            ERR_clear_error();
            SSL_shutdown(m_ssl);
        }
        SSL_free(m_ssl);
        ERR_clear_error();
    }

    bool isTls() const override { return true; }

    IoStatus handshake() override
    {
        if (m_broken)
            return IoStatus::Failed;
        if (m_established)
            return IoStatus::Ok;
        ERR_clear_error();
        errno = 0; // SSL_ERROR_SYSCALL is explained by errno, so no stale value may linger
        const int rc = SSL_connect(m_ssl);
        if (rc == 1) {
            m_established = true;
            return IoStatus::Ok;
        }
        return stall(SSL_get_error(m_ssl, rc), true).status;
    }

    IoResult read(char *buffer, size_t size) override
    {
        if (m_broken)
            return {IoStatus::Failed, 0};
        ERR_clear_error();
        errno = 0;
        size_t done = 0;
        if (SSL_read_ex(m_ssl, buffer, size, &done) == 1)
            return {IoStatus::Ok, done};
        return stall(SSL_get_error(m_ssl, 0), !m_established);
    }

    IoResult write(const char *data, size_t size) override
    {
        if (m_broken)
            return {IoStatus::Failed, 0};
        if (size == 0)
            return {IoStatus::Ok, 0};
        ERR_clear_error();
        errno = 0;
        size_t done = 0;
        if (SSL_write_ex(m_ssl, data, size, &done) == 1)
            return {IoStatus::Ok, done};
        return stall(SSL_get_error(m_ssl, 0), !m_established);
    }

private:
    IoResult stall(int error, bool inHandshake)
    {
        switch (error) {
        case SSL_ERROR_WANT_READ:
            return {IoStatus::WantRead, 0};
        case SSL_ERROR_WANT_WRITE:
            return {IoStatus::WantWrite, 0};
        case SSL_ERROR_ZERO_RETURN:
            if (!inHandshake) {
                ERR_clear_error();
                return {IoStatus::Closed, 0};
            }
            break;
        default:
            break;
        }
        const int savedErrno = errno;
        m_broken = true;
        m_failure.message = tlserrors::describe(m_ssl, error, inHandshake, m_name);
        // A reset or a timeout is what it is with TLS too; everything else is about TLS itself.
        m_failure.kind = error == SSL_ERROR_SYSCALL && savedErrno != 0 ? classifyErrno(savedErrno) : RedisErrorKind::Tls;
        if (error == SSL_ERROR_SYSCALL && savedErrno == 0 && !inHandshake)
            return {IoStatus::Closed, 0};
        return {IoStatus::Failed, 0};
    }

    std::shared_ptr<const TlsContext> m_context;
    QString m_name;
    SSL *m_ssl = nullptr;
    bool m_established = false;
    bool m_broken = false;
};

} // namespace

QString tlsServerName(const Endpoint &endpoint)
{
    return endpoint.tls.serverName.isEmpty() ? endpoint.host : endpoint.tls.serverName;
}

std::unique_ptr<Transport> makeTransport(int fd, const std::shared_ptr<const TlsContext> &tls, const QString &host)
{
    if (!tls)
        return std::make_unique<PlainTransport>(fd);
    ignoreSigpipeOnce();
    return std::make_unique<TlsTransport>(fd, tls, host);
}

void ignoreSigpipeOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction current {};
        if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
            std::signal(SIGPIPE, SIG_IGN);
    });
}

} // namespace cwb
