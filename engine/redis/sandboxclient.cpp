#include "sandboxclient.h"

#include "hiredisconvert.h"

#include <hiredis/hiredis.h>

#include <vector>

namespace cwb {

struct SandboxClient::Private
{
    redisContext *context = nullptr;

    void close()
    {
        if (context)
            redisFree(context);
        context = nullptr;
    }
};

SandboxClient::SandboxClient()
    : d(std::make_unique<Private>())
{
}

SandboxClient::~SandboxClient()
{
    d->close();
}

bool SandboxClient::connect(quint16 port, const QString &password, int timeoutMs, QString *error,
                            const QString &username)
{
    d->close();
    d->context = redisConnectWithTimeout("127.0.0.1", port, toTimeval(timeoutMs));
    if (!d->context || d->context->err) {
        if (error) {
            *error = QStringLiteral("cannot connect to 127.0.0.1:") + QString::number(port) + QStringLiteral(": ")
                + (d->context ? QString::fromLocal8Bit(d->context->errstr) : QStringLiteral("out of memory"));
        }
        d->close();
        return false;
    }
    redisSetTimeout(d->context, toTimeval(timeoutMs));
    if (!password.isEmpty()) {
        RedisCommand auth{QByteArrayLiteral("AUTH")};
        if (!username.isEmpty())
            auth << username.toUtf8();
        auth << password.toUtf8();
        const auto reply = command(auth, error);
        if (!reply)
            return false;
        if (reply->isError()) {
            // The server's text (WRONGPASS ...) never contains the password.
            if (error)
                *error = QStringLiteral("AUTH failed: ") + QString::fromUtf8(reply->str);
            d->close();
            return false;
        }
    }
    return true;
}

bool SandboxClient::isConnected() const
{
    return d->context != nullptr;
}

void SandboxClient::disconnect()
{
    d->close();
}

std::optional<RedisReply> SandboxClient::command(const RedisCommand &args, QString *error)
{
    if (!d->context) {
        if (error)
            *error = QStringLiteral("not connected");
        return std::nullopt;
    }
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &arg : args) {
        argv.push_back(arg.constData());
        lengths.push_back(size_t(arg.size()));
    }
    auto *reply = static_cast<redisReply *>(redisCommandArgv(d->context, int(argv.size()), argv.data(), lengths.data()));
    if (!reply) {
        if (error) {
            *error = QString::fromUtf8(args.value(0)) + QStringLiteral(" failed: ")
                + QString::fromLocal8Bit(d->context->errstr);
        }
        // A hiredis context is unusable after an I/O error.
        d->close();
        return std::nullopt;
    }
    RedisReply out = toRedisReply(reply);
    freeReplyObject(reply);
    return out;
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
