#include "respstream.h"

#include "hiredisconvert.h"
#include "tlscontext.h"
#include "transport.h"

#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace cwb {

namespace {

using Clock = std::chrono::steady_clock;
using Deadline = std::optional<Clock::time_point>;

Deadline streamDeadline(int timeoutMs)
{
    if (timeoutMs <= 0)
        return std::nullopt;
    return Clock::now() + std::chrono::milliseconds(timeoutMs);
}

int streamMsLeft(const Deadline &deadline)
{
    if (!deadline)
        return -1;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now());
    return int(std::max<qint64>(0, left.count()));
}

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

bool reportStreamError(RedisError *error, RedisErrorKind kind, const QString &message)
{
    if (error)
        *error = {kind, message};
    return false;
}

// Waits until `fd` is ready for `events` or the deadline passes: 1 ready, 0 timed out, -1 failed
// (errno set). A signal only shortens the wait it interrupted.
int waitForSocket(int fd, short events, const Deadline &deadline)
{
    for (;;) {
        pollfd pfd{fd, events, 0};
        const int ready = ::poll(&pfd, 1, streamMsLeft(deadline));
        if (ready > 0)
            return 1;
        if (ready == 0)
            return 0;
        if (errno != EINTR)
            return -1;
    }
}

// A non-blocking connect to one address; the socket on success, -1 with *err set otherwise
// (ETIMEDOUT when the deadline passed).
int connectNonBlocking(const sockaddr *address, socklen_t length, const Deadline &deadline, int *err)
{
    const int fd = ::socket(address->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *err = errno;
        return -1;
    }
    if (::connect(fd, address, length) != 0 && errno != EINPROGRESS && errno != EAGAIN) {
        *err = errno;
        ::close(fd);
        return -1;
    }
    const int ready = waitForSocket(fd, POLLOUT, deadline);
    int soError = 0;
    socklen_t soLength = sizeof soError;
    if (ready <= 0 || ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &soLength) != 0 || soError != 0) {
        *err = ready == 0 ? ETIMEDOUT : ready < 0 ? errno : soError;
        ::close(fd);
        return -1;
    }
    if (address->sa_family != AF_UNIX) {
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    return fd;
}

} // namespace

struct RespStream::Private
{
    int fd = -1;
    std::unique_ptr<Transport> transport;
    redisReader *reader = nullptr;
    QString address;
    bool answeredOnce = false; // a reply arrived on this stream
    // How the stream ended (Closed or Failed) when it did so after bytes that may complete a
    // reply: that reply is still delivered (a server's last words, "-ERR max clients reached").
    std::optional<IoStatus> ended;

    ~Private() { close(); }

    void close()
    {
        transport.reset(); // before the socket: a TLS transport says goodbye on it
        if (fd >= 0)
            ::close(fd);
        fd = -1;
        if (reader)
            redisReaderFree(reader);
        reader = nullptr;
        answeredOnce = false;
        ended.reset();
    }

    bool fail(RedisError *error, RedisErrorKind kind, const QString &message)
    {
        close();
        return reportStreamError(error, kind, message);
    }

    bool connectSocket(const Endpoint &endpoint, const Deadline &deadline, int timeoutMs, RedisError *error)
    {
        int err = 0;
        if (endpoint.transport == Endpoint::Transport::Unix) {
            sockaddr_un un{};
            un.sun_family = AF_UNIX;
            const QByteArray path = endpoint.socketPath.toLocal8Bit();
            std::memcpy(un.sun_path, path.constData(), std::min(size_t(path.size()), sizeof un.sun_path - 1));
            fd = connectNonBlocking(reinterpret_cast<const sockaddr *>(&un), sizeof un, deadline, &err);
        } else {
            addrinfo hints{};
            hints.ai_family = AF_UNSPEC;
            hints.ai_socktype = SOCK_STREAM;
            addrinfo *found = nullptr;
            const int rc = ::getaddrinfo(endpoint.host.toUtf8().constData(), QByteArray::number(endpoint.port).constData(),
                                         &hints, &found);
            if (rc != 0 || !found) {
                return reportStreamError(error, RedisErrorKind::Unresolved,
                                QStringLiteral("cannot resolve host '%1': %2")
                                    .arg(endpoint.host, QString::fromLocal8Bit(gai_strerror(rc))));
            }
            for (addrinfo *a = found; a && fd < 0; a = a->ai_next)
                fd = connectNonBlocking(a->ai_addr, a->ai_addrlen, deadline, &err);
            ::freeaddrinfo(found);
        }
        if (fd >= 0)
            return true;
        if (err == ETIMEDOUT)
            return reportStreamError(error, RedisErrorKind::Timeout,
                            QStringLiteral("cannot connect to %1: no answer within %2 ms").arg(address).arg(timeoutMs));
        RedisErrorKind kind = classifyErrno(err);
        if (kind == RedisErrorKind::ConnectionLost)
            kind = RedisErrorKind::Refused; // we never had a connection to lose
        return reportStreamError(error, kind, QStringLiteral("cannot connect to %1: %2").arg(address, errnoText(err)));
    }

    bool handshake(const Deadline &deadline, int timeoutMs, RedisError *error)
    {
        for (;;) {
            const IoStatus status = transport->handshake();
            if (status == IoStatus::Ok)
                return true;
            if (status == IoStatus::Failed || status == IoStatus::Closed) {
                const RedisError &why = transport->failure();
                return fail(error, why.kind, QStringLiteral("TLS handshake with %1 failed: %2").arg(address, why.message));
            }
            const int ready = waitForSocket(fd, status == IoStatus::WantRead ? POLLIN : POLLOUT, deadline);
            if (ready == 0)
                return fail(error, RedisErrorKind::Timeout,
                            QStringLiteral("cannot connect to %1: no answer to the TLS handshake within %2 ms (a "
                                           "plain-text port? Use redis:// instead of rediss://)")
                                .arg(address)
                                .arg(timeoutMs));
            if (ready < 0)
                return fail(error, classifyErrno(errno),
                            QStringLiteral("TLS handshake with %1 failed: %2").arg(address, errnoText(errno)));
        }
    }

    // Why a stream that ended or failed while `what` was waiting; a plain-text stream the server
    // dropped before it ever answered is most likely talking to a TLS port.
    bool lost(IoStatus status, const QString &what, RedisError *error)
    {
        RedisError why = status == IoStatus::Closed
            ? RedisError{RedisErrorKind::ConnectionLost, QStringLiteral("server closed the connection")}
            : transport->failure();
        QString message = QStringLiteral("connection to %1 lost during %2: %3").arg(address, what, why.message);
        RedisErrorKind kind = why.kind;
        if (!answeredOnce && why.kind == RedisErrorKind::ConnectionLost) {
            if (!transport->isTls()) {
                message += QStringLiteral(" before its first answer (a TLS port? Use rediss:// instead of redis://)");
            } else {
                // With TLS 1.3 a server that wants a client certificate accepts the handshake and
                // refuses the session only when it reads the client's first records.
                kind = RedisErrorKind::Tls;
                message += QStringLiteral(" before its first answer (does it require a client certificate? Give "
                                          "tls-cert and tls-key)");
            }
        }
        return fail(error, kind, message);
    }

    bool timedOut(const QString &what, int timeoutMs, RedisError *error)
    {
        return fail(error, RedisErrorKind::Timeout,
                    QStringLiteral("%1 to %2 timed out after %3 ms").arg(what, address).arg(timeoutMs));
    }

    // Feeds everything the transport has now into the reader. False (with *error) when the
    // reply passed the cap or is not RESP; the stream's end is noted in `ended`.
    bool pump(const QString &what, qint64 *received, qint64 maxBytes, RedisError *error, bool *wantWrite)
    {
        char buffer[16384];
        while (!ended) {
            const IoResult r = transport->read(buffer, sizeof buffer);
            if (r.status == IoStatus::WantRead || r.status == IoStatus::WantWrite) {
                *wantWrite = r.status == IoStatus::WantWrite;
                return true;
            }
            if (r.status != IoStatus::Ok) {
                ended = r.status;
                return true;
            }
            *received += qint64(r.bytes);
            if (*received > maxBytes)
                return fail(error, RedisErrorKind::Protocol,
                            QStringLiteral("the reply from %1 to %2 passed the size cap of %3 bytes")
                                .arg(address, what)
                                .arg(maxBytes));
            if (redisReaderFeed(reader, buffer, r.bytes) != REDIS_OK)
                return invalid(what, error);
            // On until the transport would block: bytes TLS has decrypted and buffered do not make
            // the socket readable, so stopping early could wait for the timeout with a reply in hand.
        }
        return true;
    }

    bool invalid(const QString &what, RedisError *error)
    {
        QString detail = QString::fromLocal8Bit(reader->errstr);
        // A TLS record (alert 0x15 or handshake 0x16, version 3.x) where RESP was expected.
        if (!answeredOnce && (detail.contains(QLatin1String("\\x15")) || detail.contains(QLatin1String("\\x16"))))
            detail += QStringLiteral(" (the server answers in TLS: use rediss:// instead of redis://)");
        return fail(error, RedisErrorKind::Protocol, QStringLiteral("invalid reply from %1 to %2: %3").arg(address, what, detail));
    }

    // A reply the reader holds already, if any; -1 on a protocol error.
    int takeReply(std::optional<RedisReply> *out, const QString &what, RedisError *error)
    {
        void *raw = nullptr;
        if (redisReaderGetReply(reader, &raw) != REDIS_OK) {
            invalid(what, error);
            return -1;
        }
        if (!raw)
            return 0;
        *out = toRedisReply(static_cast<redisReply *>(raw));
        freeReplyObject(raw);
        answeredOnce = true;
        return 1;
    }
};

RespStream::RespStream()
    : d(std::make_unique<Private>())
{
}

RespStream::~RespStream() = default;
RespStream::RespStream(RespStream &&) noexcept = default;
RespStream &RespStream::operator=(RespStream &&) noexcept = default;

bool RespStream::open(const Endpoint &endpoint, const std::shared_ptr<const TlsContext> &tls, int timeoutMs,
                      RedisError *error)
{
    close();
    d->address = endpoint.address();
    const int boundMs = std::max(1, timeoutMs);
    const Deadline deadline = streamDeadline(boundMs);
    if (!d->connectSocket(endpoint, deadline, boundMs, error))
        return false;
    d->transport = makeTransport(d->fd, tls, tlsServerName(endpoint));
    d->reader = redisReaderCreate();
    if (!d->reader)
        return d->fail(error, RedisErrorKind::ConnectionLost, QStringLiteral("cannot connect to %1: out of memory").arg(d->address));
    return d->handshake(deadline, boundMs, error);
}

void RespStream::close()
{
    d->close();
}

bool RespStream::isOpen() const
{
    return d && d->fd >= 0;
}

bool RespStream::send(const QByteArray &bytes, const QString &what, int timeoutMs, RedisError *error)
{
    if (!isOpen())
        return reportStreamError(error, RedisErrorKind::ConnectionLost, QStringLiteral("not connected to %1").arg(d->address));
    if (d->ended)
        return d->lost(*d->ended, what, error);
    const Deadline deadline = streamDeadline(timeoutMs);
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const IoResult r = d->transport->write(bytes.constData() + sent, size_t(bytes.size() - sent));
        if (r.status == IoStatus::Ok) {
            sent += qsizetype(r.bytes);
            continue;
        }
        if (r.status == IoStatus::Closed || r.status == IoStatus::Failed)
            return d->lost(r.status, what, error);
        const int ready = waitForSocket(d->fd, r.status == IoStatus::WantRead ? POLLIN : POLLOUT, deadline);
        if (ready == 0)
            return d->timedOut(what, timeoutMs, error);
        if (ready < 0)
            return d->fail(error, classifyErrno(errno),
                           QStringLiteral("connection to %1 lost during %2: %3").arg(d->address, what, errnoText(errno)));
    }
    return true;
}

std::optional<RedisReply> RespStream::readReply(const QString &what, int timeoutMs, qint64 maxBytes, RedisError *error)
{
    if (!isOpen()) {
        reportStreamError(error, RedisErrorKind::ConnectionLost, QStringLiteral("not connected to %1").arg(d->address));
        return std::nullopt;
    }
    const Deadline deadline = streamDeadline(timeoutMs);
    qint64 received = 0;
    for (;;) {
        std::optional<RedisReply> reply;
        const int taken = d->takeReply(&reply, what, error);
        if (taken < 0)
            return std::nullopt;
        if (taken > 0)
            return reply;
        bool wantWrite = false;
        if (!d->pump(what, &received, maxBytes, error, &wantWrite))
            return std::nullopt;
        if (d->takeReply(&reply, what, error) != 0)
            return reply;
        if (d->ended) {
            d->lost(*d->ended, what, error);
            return std::nullopt;
        }
        const int ready = waitForSocket(d->fd, wantWrite ? POLLOUT : POLLIN, deadline);
        if (ready == 0) {
            d->timedOut(what, timeoutMs, error);
            return std::nullopt;
        }
        if (ready < 0) {
            d->fail(error, classifyErrno(errno),
                    QStringLiteral("connection to %1 lost during %2: %3").arg(d->address, what, errnoText(errno)));
            return std::nullopt;
        }
    }
}

std::optional<RedisReply> RespStream::readPushed(int waitMs, qint64 maxBytes, RedisError *error)
{
    if (error)
        *error = {};
    const QString what = QStringLiteral("a pushed message");
    std::optional<RedisReply> reply;
    if (!isOpen()) {
        reportStreamError(error, RedisErrorKind::ConnectionLost, QStringLiteral("not connected to %1").arg(d->address));
        return std::nullopt;
    }
    if (d->takeReply(&reply, what, error) != 0)
        return reply;
    if (!d->ended) {
        if (waitForSocket(d->fd, POLLIN, streamDeadline(std::max(1, waitMs))) <= 0)
            return std::nullopt;
        qint64 received = 0;
        bool wantWrite = false;
        if (!d->pump(what, &received, maxBytes, error, &wantWrite))
            return std::nullopt;
        if (d->takeReply(&reply, what, error) != 0)
            return reply;
    }
    if (d->ended)
        d->lost(*d->ended, what, error);
    return std::nullopt;
}

bool RespStream::brokenWhileIdle()
{
    if (!isOpen() || d->ended)
        return true;
    pollfd pfd{d->fd, POLLIN, 0};
    if (::poll(&pfd, 1, 0) <= 0)
        return false;
    // Readable with no reply pending: EOF, an error, bytes we never asked for (each leaves the
    // stream unusable) - or, with TLS, records that carry no data (a session ticket).
    char byte = 0;
    const IoResult r = d->transport->read(&byte, 1);
    return r.status != IoStatus::WantRead;
}

QByteArray encodeCommand(const RedisCommand &args)
{
    QByteArray out;
    qsizetype size = 16;
    for (const QByteArray &a : args)
        size += a.size() + 16;
    out.reserve(size);
    out += '*' + QByteArray::number(args.size()) + "\r\n";
    for (const QByteArray &a : args) {
        out += '$' + QByteArray::number(a.size()) + "\r\n";
        out += a;
        out += "\r\n";
    }
    return out;
}

} // namespace cwb
