#include "rediserror.h"

#include <cerrno>

namespace cwb {

QString errorKindName(RedisErrorKind kind)
{
    // These strings end up in exported result files: never rename one.
    switch (kind) {
    case RedisErrorKind::None: return QStringLiteral("none");
    case RedisErrorKind::Refused: return QStringLiteral("refused");
    case RedisErrorKind::Unresolved: return QStringLiteral("unresolved");
    case RedisErrorKind::Timeout: return QStringLiteral("timeout");
    case RedisErrorKind::AuthFailed: return QStringLiteral("auth");
    case RedisErrorKind::ServerError: return QStringLiteral("server_error");
    case RedisErrorKind::OutOfMemory: return QStringLiteral("oom");
    case RedisErrorKind::ConnectionLost: return QStringLiteral("connection_lost");
    case RedisErrorKind::Protocol: return QStringLiteral("protocol");
    case RedisErrorKind::NoPermission: return QStringLiteral("permission");
    case RedisErrorKind::Tls: return QStringLiteral("tls");
    }
    return QStringLiteral("unknown");
}

RedisErrorKind classifyErrorReply(QStringView replyText)
{
    QStringView text = replyText.trimmed();
    // Raw RESP error lines start with '-'; hiredis strips it, but callers may not.
    if (text.startsWith(u'-'))
        text = text.mid(1).trimmed();

    const qsizetype space = text.indexOf(u' ');
    const QStringView code = space < 0 ? text : text.left(space);
    if (code.compare(u"WRONGPASS", Qt::CaseInsensitive) == 0
        || code.compare(u"NOAUTH", Qt::CaseInsensitive) == 0)
        return RedisErrorKind::AuthFailed;
    // Redis < 6 answered a bad AUTH with a plain "-ERR invalid password".
    if (text.contains(u"invalid password", Qt::CaseInsensitive)
        || text.contains(u"invalid username-password pair", Qt::CaseInsensitive))
        return RedisErrorKind::AuthFailed;
    if (code.compare(u"OOM", Qt::CaseInsensitive) == 0)
        return RedisErrorKind::OutOfMemory;
    // An ACL refusal is about the user's rights, not the server or the connection.
    if (code.compare(u"NOPERM", Qt::CaseInsensitive) == 0)
        return RedisErrorKind::NoPermission;
    return RedisErrorKind::ServerError;
}

bool isUnavailableCommand(QStringView replyText)
{
    QStringView text = replyText.trimmed();
    if (text.startsWith(u'-'))
        text = text.mid(1).trimmed();
    return classifyErrorReply(text) == RedisErrorKind::NoPermission
        || text.startsWith(u"ERR unknown command", Qt::CaseInsensitive)
        || text.startsWith(u"ERR unknown subcommand", Qt::CaseInsensitive);
}

QString commandDeniedSentence(const QString &command)
{
    return QStringLiteral("the ACL user may not run %1").arg(command);
}

QString commandMissingSentence(const QString &command)
{
    return QStringLiteral("%1 is renamed or disabled on this server").arg(command);
}

QString unavailableCommandSentence(const QString &command, QStringView replyText)
{
    if (!isUnavailableCommand(replyText))
        return {};
    QStringView text = replyText.trimmed();
    if (text.startsWith(u'-'))
        text = text.mid(1).trimmed();
    return classifyErrorReply(text) == RedisErrorKind::NoPermission ? commandDeniedSentence(command)
                                                                    : commandMissingSentence(command);
}

RedisErrorKind classifyErrno(int err)
{
    switch (err) {
    case 0:
        return RedisErrorKind::None;
    case ECONNREFUSED:
    case ENOENT:        // unix socket file missing: nobody listens there
    case EACCES:        // unix socket not accessible to us
    case ENETUNREACH:
    case EHOSTUNREACH:
    case EADDRNOTAVAIL:
        return RedisErrorKind::Refused;
    case ETIMEDOUT:
    case EAGAIN:        // SO_RCVTIMEO/SO_SNDTIMEO expired on a blocking socket
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EINPROGRESS:
        return RedisErrorKind::Timeout;
    case ECONNRESET:
    case EPIPE:
    case ENOTCONN:
    case ECONNABORTED:
    case ESHUTDOWN:
        return RedisErrorKind::ConnectionLost;
    default:
        // Any other I/O failure leaves the socket unusable, which the caller experiences as a loss.
        return RedisErrorKind::ConnectionLost;
    }
}

} // namespace cwb
