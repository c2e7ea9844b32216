#include "sandboxclient.h"

#include "respstream.h"
#include "tlscontext.h"

namespace cwb {

struct SandboxClient::Private
{
    RespStream stream;
    int timeoutMs = 2000;
};

SandboxClient::SandboxClient()
    : d(std::make_unique<Private>())
{
}

SandboxClient::~SandboxClient() = default;

bool SandboxClient::connect(quint16 port, const QString &password, int timeoutMs, QString *error,
                            const QString &username)
{
    Endpoint endpoint;
    endpoint.port = port;
    endpoint.username = username;
    endpoint.password = password;
    return connect(endpoint, timeoutMs, error);
}

bool SandboxClient::connect(const Endpoint &endpoint, int timeoutMs, QString *error)
{
    d->stream.close();
    d->timeoutMs = timeoutMs;
    std::shared_ptr<const TlsContext> tls;
    if (endpoint.tls.enabled) {
        QString why;
        tls = TlsContext::obtain(endpoint.tls, &why);
        if (!tls) {
            if (error)
                *error = why;
            return false;
        }
    }
    RedisError failure;
    if (!d->stream.open(endpoint, tls, timeoutMs, &failure)) {
        if (error)
            *error = failure.message;
        return false;
    }
    if (endpoint.authenticates()) {
        RedisCommand auth{QByteArrayLiteral("AUTH")};
        if (!endpoint.username.isEmpty())
            auth << endpoint.username.toUtf8();
        auth << endpoint.password.toUtf8();
        const auto reply = command(auth, error);
        if (!reply)
            return false;
        if (reply->isError()) {
            // The server's text (WRONGPASS ...) never contains the password.
            if (error)
                *error = QStringLiteral("AUTH failed: ") + QString::fromUtf8(reply->str);
            d->stream.close();
            return false;
        }
    }
    return true;
}

bool SandboxClient::isConnected() const
{
    return d->stream.isOpen();
}

void SandboxClient::disconnect()
{
    d->stream.close();
}

std::optional<RedisReply> SandboxClient::command(const RedisCommand &args, QString *error)
{
    if (!d->stream.isOpen()) {
        if (error)
            *error = QStringLiteral("not connected");
        return std::nullopt;
    }
    const QString what = QString::fromUtf8(args.value(0)).toUpper();
    RedisError failure;
    std::optional<RedisReply> reply;
    // A stream is closed after any failure, as a hiredis context was unusable after one.
    if (d->stream.send(encodeCommand(args), what, d->timeoutMs, &failure))
        reply = d->stream.readReply(what, d->timeoutMs, 512LL * 1024 * 1024, &failure);
    if (!reply && error)
        *error = what + QStringLiteral(" failed: ") + failure.message;
    return reply;
}

std::optional<QByteArray> SandboxClient::text(const RedisCommand &args, QString *error)
{
    auto reply = command(args, error);
    if (!reply)
        return std::nullopt;
    if (reply->type != RedisReply::Type::Status && reply->type != RedisReply::Type::String) {
        if (error) {
            *error = QString::fromUtf8(args.value(0)) + QStringLiteral(": ")
                + (reply->isError() ? QString::fromUtf8(reply->str) : QStringLiteral("unexpected reply type"));
        }
        return std::nullopt;
    }
    return reply->str;
}

QByteArray infoField(const QByteArray &infoText, const QByteArray &field)
{
    const QByteArray prefix = field + ':';
    for (QByteArray line : infoText.split('\n')) {
        line = line.trimmed();
        if (line.startsWith(prefix))
            return line.mid(prefix.size());
    }
    return {};
}

} // namespace cwb
