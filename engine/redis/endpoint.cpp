#include "endpoint.h"

#include <QByteArray>
#include <QHostAddress>
#include <QUrl>

#include <climits>

namespace cwb {

namespace {

// sun_path in struct sockaddr_un is 108 bytes including the terminating NUL.
constexpr qsizetype kMaxSocketPathBytes = 107;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool isAsciiDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// Strict percent-decoding: QUrl::fromPercentEncoding silently keeps broken escapes, which would
// turn a mistyped password into a different password without telling anyone.
bool percentDecode(QStringView in, QString *out)
{
    const QByteArray utf8 = in.toUtf8();
    QByteArray decoded;
    decoded.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c != '%') {
            decoded.append(c);
            continue;
        }
        if (i + 2 >= utf8.size())
            return false;
        const QByteArray hex = utf8.mid(i + 1, 2);
        bool ok = false;
        const int value = hex.toInt(&ok, 16);
        if (!ok || hex.size() != 2 || hex.startsWith('+') || hex.startsWith('-'))
            return false;
        decoded.append(static_cast<char>(value));
        i += 2;
    }
    *out = QString::fromUtf8(decoded);
    return true;
}

QString percentEncodeUserInfo(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

bool parseDatabase(QStringView text, int *db, QString *error)
{
    if (text.startsWith(u'-') && isAsciiDigits(text.mid(1)))
        return fail(error, QStringLiteral("database '%1' must not be negative").arg(text));
    if (!isAsciiDigits(text))
        return fail(error, QStringLiteral("database '%1' is not a number").arg(text));
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value > INT_MAX)
        return fail(error, QStringLiteral("database '%1' is out of range").arg(text));
    *db = static_cast<int>(value);
    return true;
}

// "db=N" and, on a rediss:// URI, the TLS settings (tlsoptions.h); anything else is a typo the
// user should hear about.
bool parseQuery(QStringView query, std::optional<int> *db, TlsOptions *tls, QString *error)
{
    if (query.isEmpty())
        return true;
    for (QStringView item : query.split(u'&')) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf(u'=');
        const QStringView name = eq < 0 ? item : item.left(eq);
        const QStringView value = eq < 0 ? QStringView() : item.mid(eq + 1);
        if (tls && isTlsQueryItem(name)) {
            QString decoded;
            if (!percentDecode(value, &decoded))
                return fail(error, QStringLiteral("%1 has an invalid percent-escape (write '%' as %25)").arg(name));
            if (!applyTlsQueryItem(*tls, name, decoded, error))
                return false;
            continue;
        }
        if (name != u"db") {
            if (isTlsQueryItem(name))
                return fail(error, QStringLiteral("%1: TLS is not available over a unix socket").arg(name));
            return fail(error, QStringLiteral("unsupported query parameter '%1' (only db=N and the tls-* settings are "
                                              "supported)")
                                   .arg(name));
        }
        if (db->has_value())
            return fail(error, QStringLiteral("database is given more than once"));
        int n = 0;
        if (!parseDatabase(value, &n, error))
            return false;
        *db = n;
    }
    return true;
}

// "user:password", ":password", "user:" (a user whose password comes from elsewhere) or
// "password"; percent-decoded. Without a colon the text is the password, as redis-cli, Lettuce
// and Jedis read redis://secret@host, so a password is never taken for a user name and echoed.
// The error never quotes the text, since it may hold the password.
bool parseUserInfo(QStringView userInfo, Endpoint *ep, QString *error)
{
    const qsizetype colon = userInfo.indexOf(u':');
    const QStringView user = colon < 0 ? QStringView() : userInfo.left(colon);
    const QStringView pass = colon < 0 ? userInfo : userInfo.mid(colon + 1);
    // A '/' ends the host part of a URI, so one in the user name means the text before '@' is
    // not user info at all (redis:///:x@host has no host).
    if (user.contains(u'/'))
        return fail(error, QStringLiteral("user name contains '/' (write it as %2F)"));
    if (!percentDecode(user, &ep->username))
        return fail(error, QStringLiteral("user name has an invalid percent-escape (write '%' as %25)"));
    if (!percentDecode(pass, &ep->password))
        return fail(error, QStringLiteral("password has an invalid percent-escape (write '%' as %25)"));
    return true;
}

bool isValidHostName(QStringView host)
{
    for (QChar c : host) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'-' || c == u'.' || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}

bool parseHostPort(QStringView hostPort, Endpoint *ep, QString *error)
{
    QStringView host;
    QStringView rest; // what follows the host: empty or ":port"
    if (hostPort.startsWith(u'[')) {
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0)
            return fail(error, QStringLiteral("IPv6 address is missing its closing ']'"));
        host = hostPort.mid(1, close - 1);
        rest = hostPort.mid(close + 1);
        if (host.isEmpty())
            return fail(error, QStringLiteral("host is empty"));
        QHostAddress address;
        if (!address.setAddress(host.toString()) || address.protocol() != QAbstractSocket::IPv6Protocol)
            return fail(error, QStringLiteral("host '[%1]' is not a valid IPv6 address").arg(host));
        if (!rest.isEmpty() && !rest.startsWith(u':'))
            return fail(error, QStringLiteral("unexpected text '%1' after the IPv6 address").arg(rest));
    } else {
        const qsizetype colon = hostPort.indexOf(u':');
        if (colon >= 0 && hostPort.indexOf(u':', colon + 1) >= 0)
            return fail(error, QStringLiteral("IPv6 address must be written in brackets, e.g. redis://[::1]:6379"));
        host = colon < 0 ? hostPort : hostPort.left(colon);
        rest = colon < 0 ? QStringView() : hostPort.mid(colon);
        if (host.isEmpty())
            return fail(error, QStringLiteral("host is empty"));
        if (!isValidHostName(host))
            return fail(error, QStringLiteral("host '%1' contains invalid characters").arg(host));
    }
    ep->host = host.toString();

    if (rest.isEmpty())
        return true;
    const QStringView port = rest.mid(1);
    if (port.isEmpty())
        return fail(error, QStringLiteral("port is empty"));
    if (!isAsciiDigits(port))
        return fail(error, QStringLiteral("port '%1' is not a number").arg(port));
    bool ok = false;
    const qlonglong value = port.toLongLong(&ok);
    if (!ok || value < 1 || value > 65535)
        return fail(error, QStringLiteral("port '%1' is out of range 1-65535").arg(port));
    ep->port = static_cast<quint16>(value);
    return true;
}

bool parseTcp(QStringView rest, Endpoint *ep, QString *error)
{
    if (rest.startsWith(u'/'))
        return fail(error, QStringLiteral("host is empty (nothing between redis:// and '/')"));
    // The last '@' ends the user info, so a password may contain an unencoded '@', '/' or '#'.
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at >= 0) {
        if (!parseUserInfo(rest.left(at), ep, error))
            return false;
        rest = rest.mid(at + 1);
    }
    if (const qsizetype hash = rest.indexOf(u'#'); hash >= 0)
        return fail(error, QStringLiteral("unexpected text '%1' at the end").arg(rest.mid(hash)));

    const qsizetype query = rest.indexOf(u'?');
    const QStringView queryText = query < 0 ? QStringView() : rest.mid(query + 1);
    if (query >= 0)
        rest = rest.left(query);

    const qsizetype slash = rest.indexOf(u'/');
    const QStringView hostPort = slash < 0 ? rest : rest.left(slash);
    if (!parseHostPort(hostPort, ep, error))
        return false;

    std::optional<int> db;
    if (slash >= 0) {
        const QStringView path = rest.mid(slash + 1);
        if (path.contains(u'/'))
            return fail(error, QStringLiteral("unexpected text '%1' after the database").arg(path.mid(path.indexOf(u'/'))));
        if (!path.isEmpty()) {
            int n = 0;
            if (!parseDatabase(path, &n, error))
                return false;
            db = n;
        }
    }
    std::optional<int> queryDb;
    if (!parseQuery(queryText, &queryDb, &ep->tls, error))
        return false;
    if (db && queryDb)
        return fail(error, QStringLiteral("database is given both in the path and as ?db="));
    ep->database = db.value_or(queryDb.value_or(0));
    return true;
}

bool parseUnix(QStringView rest, Endpoint *ep, QString *error)
{
    ep->transport = Endpoint::Transport::Unix;
    ep->host.clear();

    // unix://[user:password@]/path: user info only when it comes before the path.
    if (!rest.startsWith(u'/')) {
        const qsizetype at = rest.indexOf(u"@/");
        if (at < 0) {
            if (rest.isEmpty() || rest.startsWith(u'?'))
                return fail(error, QStringLiteral("socket path is empty"));
            return fail(error, QStringLiteral("socket path must be absolute, e.g. unix:///run/redis/redis.sock"));
        }
        if (!parseUserInfo(rest.left(at), ep, error))
            return false;
        rest = rest.mid(at + 1);
    }
    if (const qsizetype hash = rest.indexOf(u'#'); hash >= 0)
        return fail(error, QStringLiteral("unexpected text '%1' at the end").arg(rest.mid(hash)));

    const qsizetype query = rest.indexOf(u'?');
    const QStringView path = query < 0 ? rest : rest.left(query);
    if (path == u"/")
        return fail(error, QStringLiteral("socket path is empty"));
    if (!percentDecode(path, &ep->socketPath))
        return fail(error, QStringLiteral("socket path has an invalid percent-escape"));
    if (ep->socketPath.toLocal8Bit().size() > kMaxSocketPathBytes)
        return fail(error, QStringLiteral("socket path is too long (at most %1 bytes)").arg(kMaxSocketPathBytes));

    std::optional<int> db;
    if (query >= 0 && !parseQuery(rest.mid(query + 1), &db, nullptr, error))
        return false;
    ep->database = db.value_or(0);
    return true;
}

} // namespace

QString Endpoint::serverUri() const
{
    // "user:@": the colon keeps the name a user name when the URI is read again (without it,
    // the text before '@' is a password).
    QString userPart;
    if (!username.isEmpty())
        userPart = percentEncodeUserInfo(username) + QStringLiteral(":@");
    if (transport == Transport::Unix) {
        QString uri = QStringLiteral("unix://") + userPart + socketPath;
        if (database != 0)
            uri += QStringLiteral("?db=") + QString::number(database);
        return uri;
    }
    QString uri = (tls.enabled ? QStringLiteral("rediss://") : QStringLiteral("redis://")) + userPart + address();
    if (database != 0)
        uri += u'/' + QString::number(database);
    return uri;
}

QString Endpoint::displayUri() const
{
    QString uri = serverUri();
    if (transport != Transport::Tcp)
        return uri;
    QChar separator = u'?';
    for (const auto &[name, value] : tlsQueryItems(tls)) {
        // '/' and ':' stay readable in paths; '&', '=', '%' and the like are escaped.
        uri += separator + name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value, "/:"));
        separator = u'&';
    }
    return uri;
}

QString Endpoint::address() const
{
    if (transport == Transport::Unix)
        return socketPath;
    const QString h = host.contains(u':') ? u'[' + host + u']' : host;
    return h + u':' + QString::number(port);
}

std::optional<Endpoint> parseEndpoint(const QString &uri, QString *error)
{
    const QStringView text = QStringView(uri).trimmed();
    if (text.isEmpty()) {
        fail(error, QStringLiteral("URI is empty"));
        return std::nullopt;
    }
    const qsizetype sep = text.indexOf(u"://");
    if (sep <= 0) {
        fail(error, QStringLiteral("URI '%1' has no scheme; expected redis://host[:port][/db], rediss://... (TLS) or "
                                   "unix:///path")
                        .arg(text));
        return std::nullopt;
    }
    const QStringView scheme = text.left(sep);
    const QStringView rest = text.mid(sep + 3);

    Endpoint ep;
    bool ok = false;
    if (scheme.compare(u"redis", Qt::CaseInsensitive) == 0 || scheme.compare(u"rediss", Qt::CaseInsensitive) == 0) {
        ep.tls.enabled = scheme.compare(u"rediss", Qt::CaseInsensitive) == 0;
        ok = parseTcp(rest, &ep, error);
        if (ok) {
            if (const QString problem = tlsOptionsProblem(ep.tls); !problem.isEmpty())
                ok = fail(error, problem);
        }
    } else if (scheme.compare(u"unix", Qt::CaseInsensitive) == 0) {
        ok = parseUnix(rest, &ep, error);
    } else {
        fail(error, QStringLiteral("unsupported scheme '%1' (expected redis://, rediss:// or unix://)").arg(scheme));
    }
    if (!ok)
        return std::nullopt;
    return ep;
}

bool applyPasswordFromEnvironment(Endpoint &endpoint)
{
    if (!endpoint.password.isEmpty())
        return false;
    // Same order as the documentation: our own variable wins over redis-cli's.
    for (const char *name : {"CWB_REDIS_PASSWORD", "REDISCLI_AUTH"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty()) {
            endpoint.password = value;
            return true;
        }
    }
    return false;
}

} // namespace cwb
