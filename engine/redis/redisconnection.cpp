#include "redisconnection.h"

#include "respstream.h"
#include "tlscontext.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>

namespace cwb {

namespace {

constexpr int kMaxBackoffMs = 2000;

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
    RespStream stream;
    std::shared_ptr<const TlsContext> tls; // loaded at the first connect, kept for reconnects
    QByteArray output;                     // commands appended and not yet sent
    State state = State::Idle;
    RedisError lastError;

    void drop()
    {
        stream.close();
        output.clear();
    }

    void setError(RedisErrorKind kind, const QString &message) { lastError = {kind, message}; }

    // After a failed read or write the reply stream can no longer be trusted (a late reply would
    // be taken as the answer to the next command), so the stream is always thrown away (the
    // stream has closed itself already).
    void noteLoss()
    {
        drop();
        state = State::Lost;
    }

    // Sends what the appended commands left in the output buffer.
    bool flushOutput(const QString &what)
    {
        const QByteArray bytes = std::exchange(output, {});
        if (stream.send(bytes, what, options.commandTimeoutMs, &lastError))
            return true;
        noteLoss();
        return false;
    }

    // Reads one whole reply: the only place bytes come in from the server, so the command
    // timeout and the size cap hold for every command, pipeline and handshake step alike. The
    // timeout bounds the whole reply, so a server that keeps streaming never holds us longer.
    std::optional<RedisReply> readReply(const QString &what)
    {
        std::optional<RedisReply> reply = stream.readReply(what, options.commandTimeoutMs, options.maxReplyBytes, &lastError);
        if (!reply)
            noteLoss();
        return reply;
    }

    void append(const RedisCommand &args) { output += encodeCommand(args); }

    // One raw round trip on the current stream, no reconnect logic.
    std::optional<RedisReply> roundTrip(const RedisCommand &args)
    {
        append(args);
        if (!flushOutput(commandName(args)))
            return std::nullopt;
        return readReply(commandName(args));
    }

    // The TLS settings loaded once; a file that cannot be used fails every connect the same way.
    bool ensureTls()
    {
        if (!endpoint.tls.enabled || tls)
            return true;
        TlsOptions options = endpoint.tls;
        applyTlsPassphraseFromEnvironment(options);
        QString error;
        tls = TlsContext::obtain(options, &error);
        if (!tls)
            setError(RedisErrorKind::Tls, QStringLiteral("cannot connect to %1 with TLS: %2").arg(endpoint.address(), error));
        return tls != nullptr;
    }

    // A single connect + handshake attempt. On failure lastError is set and no stream is kept.
    bool open()
    {
        drop();
        if (!ensureTls())
            return false;
        if (!stream.open(endpoint, tls, std::max(1, options.connectTimeoutMs), &lastError))
            return false;
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

        if (endpoint.authenticates()) {
            RedisCommand auth{QByteArrayLiteral("AUTH")};
            if (!endpoint.username.isEmpty())
                auth << endpoint.username.toUtf8();
            auth << endpoint.password.toUtf8();
            const bool ok = step(auth, [&](const QString &text) {
                // Any refusal at this step is an authentication problem, whatever its prefix.
                const QString who = endpoint.username.isEmpty()
                    ? QString()
                    : QStringLiteral(" as user '%1'").arg(endpoint.username);
                const QString noPassword = endpoint.password.isEmpty()
                    ? QStringLiteral(" (no password was given: put it in the URI, CWB_REDIS_PASSWORD or the keychain)")
                    : QString();
                setError(RedisErrorKind::AuthFailed,
                         QStringLiteral("authentication%1 at %2 failed: %3%4").arg(who, addr, text, noPassword));
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
            // A name only labels us in CLIENT LIST: a user without CLIENT rights (a managed
            // service's restricted user) or a server that renamed CLIENT still gets the work done.
            const RedisCommand setName{QByteArrayLiteral("CLIENT"), QByteArrayLiteral("SETNAME"), options.clientName};
            sentAny = true;
            const std::optional<RedisReply> reply = roundTrip(setName);
            if (!reply) {
                state = State::Idle;
                return false;
            }
            if (reply->isError() && !isUnavailableCommand(oneLine(reply->str))) {
                noAuthAware(RedisErrorKind::ServerError, QStringLiteral("CLIENT SETNAME"))(oneLine(reply->str));
                drop();
                state = State::Idle;
                return false;
            }
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
    bool peerClosedWhileIdle() { return stream.brokenWhileIdle(); }

    bool ensureReady()
    {
        if (state == State::Connected && stream.isOpen()) {
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
            // Retrying cannot fix a wrong password, a bad database or a certificate. (A name that
            // resolved before may fail transiently while DNS hiccups, so Unresolved is retried.)
            if (lastError.kind == RedisErrorKind::AuthFailed || lastError.kind == RedisErrorKind::ServerError
                || lastError.kind == RedisErrorKind::Tls) {
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
    return d && d->stream.isOpen() && d->state == Private::State::Connected;
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

    for (const RedisCommand &args : commands)
        d->append(args);
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

std::optional<RedisReply> RedisConnection::nextPushed(int waitMs)
{
    d->lastError = {};
    if (!isConnected()) {
        d->setError(RedisErrorKind::ConnectionLost, QStringLiteral("not connected to %1").arg(d->endpoint.address()));
        return std::nullopt;
    }
    std::optional<RedisReply> reply = d->stream.readPushed(waitMs, d->options.maxReplyBytes, &d->lastError);
    if (!reply && d->lastError)
        d->noteLoss();
    return reply;
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
