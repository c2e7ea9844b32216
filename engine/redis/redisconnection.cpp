#include "redisconnection.h"

#include "hiredisconvert.h"

#include <QHostAddress>

#include <hiredis/hiredis.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <mutex>
#include <thread>

#include <poll.h>
#include <sys/socket.h>

namespace cwb {

namespace {

constexpr int kMaxBackoffMs = 2000;

// hiredis writes with plain write(): a peer that vanished would kill the whole process with
// SIGPIPE. Ignore it once, unless the application installed its own handler.
void ignoreSigpipeOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction current {};
        if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
            std::signal(SIGPIPE, SIG_IGN);
    });
}

QString oneLine(const QByteArray &text)
{
    QString s = QString::fromUtf8(text);
    s.replace(u'\r', u' ');
    s.replace(u'\n', u' ');
    return s.trimmed();
}

// Only the command name is ever shown: arguments may be passwords (AUTH) or user data.
QString commandName(const RedisCommand &args)
{
    if (args.isEmpty())
        return QStringLiteral("(empty)");
    return QString::fromUtf8(args.first().left(32)).toUpper();
}

} // namespace

struct RedisConnection::Private
{
    enum class State { Idle, Connected, Lost };

    Endpoint endpoint;
    Options options;
    redisContext *ctx = nullptr;
    State state = State::Idle;
    RedisError lastError;

    ~Private() { drop(); }

    void drop()
    {
        if (ctx)
            redisFree(ctx);
        ctx = nullptr;
    }

    void setError(RedisErrorKind kind, const QString &message) { lastError = {kind, message}; }

    // After a failed read or write the reply stream can no longer be trusted (a late reply would
    // be taken as the answer to the next command), so the context is always thrown away.
    void failTransport(const QString &what, int savedErrno)
    {
        const QString addr = endpoint.address();
        const QString detail = ctx ? QString::fromLocal8Bit(ctx->errstr) : QString();
        const int err = ctx ? ctx->err : REDIS_ERR_OTHER;
        RedisErrorKind kind = RedisErrorKind::ConnectionLost;
        QString message;
        if (err == REDIS_ERR_IO) {
            kind = classifyErrno(savedErrno);
            if (kind == RedisErrorKind::Timeout)
                message = QStringLiteral("%1 to %2 timed out after %3 ms").arg(what, addr).arg(options.commandTimeoutMs);
            else
                message = QStringLiteral("connection to %1 lost during %2: %3").arg(addr, what, detail);
        } else if (err == REDIS_ERR_EOF) {
            message = QStringLiteral("connection to %1 lost during %2: server closed the connection").arg(addr, what);
        } else if (err == REDIS_ERR_PROTOCOL) {
            kind = RedisErrorKind::Protocol;
            message = QStringLiteral("invalid reply from %1 to %2: %3").arg(addr, what, detail);
        } else {
            message = QStringLiteral("connection to %1 failed during %2: %3").arg(addr, what, detail);
        }
        setError(kind, message);
        drop();
        state = State::Lost;
    }

    void failRead(RedisErrorKind kind, const QString &message)
    {
        setError(kind, message);
        drop();
        state = State::Lost;
    }

    // When the reply now awaited must be complete; nullopt without a command timeout.
    std::optional<std::chrono::steady_clock::time_point> replyDeadline() const
    {
        if (options.commandTimeoutMs <= 0)
            return std::nullopt;
        return std::chrono::steady_clock::now() + std::chrono::milliseconds(options.commandTimeoutMs);
    }

    // Waits until the socket is ready for `events` or the deadline passes (then fails the
    // connection with a timeout). A signal only shortens the wait it interrupted.
    bool waitFor(short events, const std::optional<std::chrono::steady_clock::time_point> &deadline,
                 const QString &what)
    {
        for (;;) {
            int waitMs = -1;
            if (deadline) {
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    *deadline - std::chrono::steady_clock::now());
                waitMs = int(std::max<qint64>(0, left.count()));
            }
            pollfd pfd{};
            pfd.fd = ctx->fd;
            pfd.events = events;
            const int ready = ::poll(&pfd, 1, waitMs);
            if (ready > 0)
                return true;
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready < 0) {
                failRead(classifyErrno(errno),
                         QStringLiteral("connection to %1 lost during %2: %3")
                             .arg(endpoint.address(), what, QString::fromLocal8Bit(std::strerror(errno))));
                return false;
            }
            failRead(RedisErrorKind::Timeout, QStringLiteral("%1 to %2 timed out after %3 ms")
                                                  .arg(what, endpoint.address())
                                                  .arg(options.commandTimeoutMs));
            return false;
        }
    }

    // Sends what the appended commands left in hiredis' output buffer.
    bool flushOutput(const QString &what)
    {
        const auto deadline = replyDeadline();
        int done = 0;
        while (!done) {
            if (!waitFor(POLLOUT, deadline, what))
                return false;
            errno = 0;
            if (redisBufferWrite(ctx, &done) != REDIS_OK) {
                failTransport(what, errno);
                return false;
            }
        }
        return true;
    }

    // Reads one whole reply: the only place bytes come in from the server, so the command
    // timeout and the size cap hold for every command, pipeline and handshake step alike. The
    // timeout bounds the whole reply, so a server that keeps streaming never holds us longer.
    std::optional<RedisReply> readReply(const QString &what)
    {
        const auto deadline = replyDeadline();
        qint64 received = 0;
        for (;;) {
            void *raw = nullptr;
            if (redisGetReplyFromReader(ctx, &raw) != REDIS_OK) {
                failTransport(what, 0);
                return std::nullopt;
            }
            if (raw) {
                RedisReply reply = toRedisReply(static_cast<redisReply *>(raw));
                freeReplyObject(raw);
                return reply;
            }
            if (!waitFor(POLLIN, deadline, what))
                return std::nullopt;
            char buffer[16384];
            const ssize_t n = ::recv(ctx->fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                continue;
            if (n <= 0) {
                const QString why = n == 0 ? QStringLiteral("server closed the connection")
                                           : QString::fromLocal8Bit(std::strerror(errno));
                failRead(n == 0 ? RedisErrorKind::ConnectionLost : classifyErrno(errno),
                         QStringLiteral("connection to %1 lost during %2: %3").arg(endpoint.address(), what, why));
                return std::nullopt;
            }
            received += n;
            if (received > options.maxReplyBytes) {
                failRead(RedisErrorKind::Protocol,
                         QStringLiteral("the reply from %1 to %2 passed the size cap of %3 bytes")
                             .arg(endpoint.address(), what)
                             .arg(options.maxReplyBytes));
                return std::nullopt;
            }
            if (redisReaderFeed(ctx->reader, buffer, size_t(n)) != REDIS_OK) {
                failRead(RedisErrorKind::Protocol, QStringLiteral("invalid reply from %1 to %2: %3")
                                                       .arg(endpoint.address(), what,
                                                            QString::fromLocal8Bit(ctx->reader->errstr)));
                return std::nullopt;
            }
        }
    }

    bool append(const RedisCommand &args)
    {
        std::vector<const char *> argv;
        std::vector<size_t> lengths;
        argv.reserve(size_t(args.size()));
        lengths.reserve(size_t(args.size()));
        for (const QByteArray &a : args) {
            argv.push_back(a.constData());
            lengths.push_back(size_t(a.size()));
        }
        errno = 0;
        if (redisAppendCommandArgv(ctx, int(argv.size()), argv.data(), lengths.data()) != REDIS_OK) {
            failTransport(commandName(args), errno);
            return false;
        }
        return true;
    }

    // One raw round trip on the current context, no reconnect logic.
    std::optional<RedisReply> roundTrip(const RedisCommand &args)
    {
        if (!append(args) || !flushOutput(commandName(args)))
            return std::nullopt;
        return readReply(commandName(args));
    }

    // A single connect + handshake attempt. On failure lastError is set and no context is kept.
    bool open()
    {
        ignoreSigpipeOnce();
        drop();
        const QString addr = endpoint.address();
        const timeval connectTv = toTimeval(std::max(1, options.connectTimeoutMs));
        errno = 0;
        if (endpoint.transport == Endpoint::Transport::Unix)
            ctx = redisConnectUnixWithTimeout(endpoint.socketPath.toLocal8Bit().constData(), connectTv);
        else
            ctx = redisConnectWithTimeout(endpoint.host.toUtf8().constData(), endpoint.port, connectTv);
        const int savedErrno = errno;
        if (!ctx) {
            setError(RedisErrorKind::ConnectionLost, QStringLiteral("cannot connect to %1: out of memory").arg(addr));
            return false;
        }
        if (ctx->err) {
            const QString detail = QString::fromLocal8Bit(ctx->errstr);
            if (ctx->err == REDIS_ERR_OTHER && endpoint.transport == Endpoint::Transport::Tcp
                && QHostAddress(endpoint.host).isNull()) {
                // hiredis reports getaddrinfo() failures as REDIS_ERR_OTHER with gai_strerror().
                setError(RedisErrorKind::Unresolved,
                         QStringLiteral("cannot resolve host '%1': %2").arg(endpoint.host, detail));
            } else {
                RedisErrorKind kind = ctx->err == REDIS_ERR_IO ? classifyErrno(savedErrno) : RedisErrorKind::Refused;
                if (kind == RedisErrorKind::ConnectionLost)
                    kind = RedisErrorKind::Refused; // we never had a connection to lose
                if (kind == RedisErrorKind::Timeout)
                    setError(kind, QStringLiteral("cannot connect to %1: no answer within %2 ms")
                                       .arg(addr).arg(options.connectTimeoutMs));
                else
                    setError(kind, QStringLiteral("cannot connect to %1: %2").arg(addr, detail));
            }
            drop();
            return false;
        }
        // commandTimeoutMs <= 0 means no command timeout (blocking reads), for callers that run
        // deliberately long commands; the default always bounds every call.
        if (options.commandTimeoutMs > 0 && redisSetTimeout(ctx, toTimeval(options.commandTimeoutMs)) != REDIS_OK) {
            setError(RedisErrorKind::ConnectionLost,
                     QStringLiteral("cannot set the command timeout on %1: %2").arg(addr, QString::fromLocal8Bit(ctx->errstr)));
            drop();
            return false;
        }
        return handshake();
    }

    bool handshake()
    {
        const QString addr = endpoint.address();
        bool sentAny = false;
        auto step = [&](const RedisCommand &args, auto onErrorReply) {
            sentAny = true;
            const std::optional<RedisReply> reply = roundTrip(args);
            if (!reply) {
                state = State::Idle; // a handshake failure is a failed connect, not a loss
                return false;
            }
            if (reply->isError()) {
                onErrorReply(oneLine(reply->str));
                drop();
                state = State::Idle;
                return false;
            }
            return true;
        };
        auto noAuthAware = [&](RedisErrorKind fallback, const QString &what) {
            return [this, fallback, what, addr](const QString &text) {
                const RedisErrorKind kind = classifyErrorReply(text);
                if (kind == RedisErrorKind::AuthFailed)
                    setError(kind, QStringLiteral("%1 requires authentication (%2)").arg(addr, text));
                else
                    setError(kind == RedisErrorKind::ServerError ? fallback : kind,
                             QStringLiteral("%1 on %2 failed: %3").arg(what, addr, text));
            };
        };

        if (!endpoint.password.isEmpty()) {
            RedisCommand auth{QByteArrayLiteral("AUTH")};
            if (!endpoint.username.isEmpty())
                auth << endpoint.username.toUtf8();
            auth << endpoint.password.toUtf8();
            const bool ok = step(auth, [&](const QString &text) {
                // Any refusal at this step is an authentication problem, whatever its prefix.
                const QString who = endpoint.username.isEmpty()
                    ? QString()
                    : QStringLiteral(" as user '%1'").arg(endpoint.username);
                setError(RedisErrorKind::AuthFailed,
                         QStringLiteral("authentication%1 at %2 failed: %3").arg(who, addr, text));
            });
            if (!ok)
                return false;
        }
        if (endpoint.database != 0) {
            const RedisCommand select{QByteArrayLiteral("SELECT"), QByteArray::number(endpoint.database)};
            if (!step(select, noAuthAware(RedisErrorKind::ServerError,
                                          QStringLiteral("SELECT %1").arg(endpoint.database))))
                return false;
        }
        if (!options.clientName.isEmpty()) {
            const RedisCommand setName{QByteArrayLiteral("CLIENT"), QByteArrayLiteral("SETNAME"), options.clientName};
            if (!step(setName, noAuthAware(RedisErrorKind::ServerError, QStringLiteral("CLIENT SETNAME"))))
                return false;
        }
        // Without any handshake command, a connect() would succeed against a server that then
        // refuses every command (NOAUTH) or never answers (stopped): one PING finds both out.
        if (!sentAny) {
            if (!step({QByteArrayLiteral("PING")}, noAuthAware(RedisErrorKind::ServerError, QStringLiteral("PING"))))
                return false;
        }
        state = State::Connected;
        return true;
    }

    // The server closing an idle connection (restart, timeout, CLIENT KILL) shows up as a
    // readable socket. Noticing it before sending lets us reconnect without any risk of running
    // a command twice, because nothing has been sent yet.
    bool peerClosedWhileIdle() const
    {
        if (!ctx || ctx->fd < 0)
            return true;
        pollfd pfd{};
        pfd.fd = ctx->fd;
        pfd.events = POLLIN;
        if (::poll(&pfd, 1, 0) <= 0)
            return false;
        // Readable while no reply is pending: EOF, an error, or bytes we never asked for.
        // Each leaves the stream unusable.
        return true;
    }

    bool ensureReady()
    {
        if (state == State::Connected && ctx) {
            if (!peerClosedWhileIdle())
                return true;
            drop();
            state = State::Lost;
        }
        if (state == State::Idle)
            return open();

        // State::Lost: reconnect with exponential backoff.
        const int attempts = options.reconnectAttempts;
        if (attempts <= 0) {
            setError(RedisErrorKind::ConnectionLost,
                     QStringLiteral("connection to %1 was lost and automatic reconnect is disabled").arg(endpoint.address()));
            return false;
        }
        int delay = std::max(1, options.reconnectBackoffMs);
        for (int i = 0; i < attempts; ++i) {
            if (i > 0) {
                std::this_thread::sleep_for(std::chrono::milliseconds(delay));
                delay = std::min(delay * 2, kMaxBackoffMs);
            }
            if (open())
                return true;
            state = State::Lost; // open() leaves Idle on handshake failure; we are still reconnecting
            // Retrying cannot fix a wrong password or a bad database. (A name that resolved
            // before may fail transiently while DNS hiccups, so Unresolved is retried.)
            if (lastError.kind == RedisErrorKind::AuthFailed || lastError.kind == RedisErrorKind::ServerError) {
                lastError.message = QStringLiteral("reconnect failed: ") + lastError.message;
                return false;
            }
        }
        lastError.message = QStringLiteral("reconnect failed after %1 attempt(s): ").arg(attempts) + lastError.message;
        return false;
    }

    void noteErrorReply(const RedisCommand &args, const RedisReply &reply)
    {
        const QString text = oneLine(reply.str);
        setError(classifyErrorReply(text), commandName(args) + QStringLiteral(": ") + text);
    }
};

RedisConnection::RedisConnection(Endpoint endpoint, Options options)
    : d(std::make_unique<Private>())
{
    d->endpoint = std::move(endpoint);
    d->options = std::move(options);
}

RedisConnection::RedisConnection(Endpoint endpoint)
    : RedisConnection(std::move(endpoint), Options{})
{
}

RedisConnection::~RedisConnection() = default;
RedisConnection::RedisConnection(RedisConnection &&) noexcept = default;
RedisConnection &RedisConnection::operator=(RedisConnection &&) noexcept = default;

bool RedisConnection::connect()
{
    d->lastError = {};
    d->state = Private::State::Idle;
    return d->open();
}

void RedisConnection::disconnect()
{
    d->drop();
    d->state = Private::State::Idle;
}

bool RedisConnection::isConnected() const
{
    return d && d->ctx && d->state == Private::State::Connected;
}

std::optional<RedisReply> RedisConnection::command(const RedisCommand &args)
{
    d->lastError = {};
    if (args.isEmpty()) {
        d->setError(RedisErrorKind::ServerError, QStringLiteral("command is empty"));
        return std::nullopt;
    }
    if (!d->ensureReady())
        return std::nullopt;
    std::optional<RedisReply> reply = d->roundTrip(args);
    if (reply && reply->isError())
        d->noteErrorReply(args, *reply);
    return reply;
}

std::optional<std::vector<RedisReply>> RedisConnection::pipeline(const std::vector<RedisCommand> &commands)
{
    d->lastError = {};
    if (commands.empty())
        return std::vector<RedisReply>{};
    for (size_t i = 0; i < commands.size(); ++i) {
        // An empty multi-bulk gets no reply at all, so we would wait for it until the timeout.
        if (commands[i].isEmpty()) {
            d->setError(RedisErrorKind::ServerError, QStringLiteral("pipeline command %1 is empty").arg(i + 1));
            return std::nullopt;
        }
    }
    if (!d->ensureReady())
        return std::nullopt;

    for (const RedisCommand &args : commands) {
        if (!d->append(args))
            return std::nullopt;
    }
    if (!d->flushOutput(QStringLiteral("pipeline")))
        return std::nullopt;

    std::vector<RedisReply> replies;
    replies.reserve(commands.size());
    bool sawError = false;
    for (size_t i = 0; i < commands.size(); ++i) {
        std::optional<RedisReply> reply =
            d->readReply(QStringLiteral("pipeline (reply %1 of %2)").arg(i + 1).arg(commands.size()));
        if (!reply)
            return std::nullopt;
        replies.push_back(std::move(*reply));
        // lastError reports the first error reply, so a caller can tell at a glance.
        if (!sawError && replies.back().isError()) {
            sawError = true;
            d->noteErrorReply(commands[i], replies.back());
        }
    }
    return replies;
}

std::optional<QByteArray> RedisConnection::info(const QByteArray &section)
{
    RedisCommand args{QByteArrayLiteral("INFO")};
    if (!section.isEmpty())
        args << section;
    std::optional<RedisReply> reply = command(args);
    if (!reply || reply->isError())
        return std::nullopt;
    if (reply->type != RedisReply::Type::String) {
        d->setError(RedisErrorKind::Protocol, QStringLiteral("INFO on %1 returned no text").arg(d->endpoint.address()));
        return std::nullopt;
    }
    return reply->str;
}

const RedisError &RedisConnection::lastError() const
{
    return d->lastError;
}

const Endpoint &RedisConnection::endpoint() const
{
    return d->endpoint;
}

const RedisConnection::Options &RedisConnection::options() const
{
    return d->options;
}

} // namespace cwb
