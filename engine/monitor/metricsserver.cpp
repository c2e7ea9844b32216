#include "metricsserver.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace cwb {

namespace {

constexpr qsizetype kMaxRequest = 16 * 1024;

QByteArray response(int code, const QByteArray &reason, const QByteArray &body, const QByteArray &extraHeaders = {},
                    const QByteArray &contentType = "text/plain; charset=utf-8", bool headOnly = false)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(code) + ' ' + reason + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Connection: close\r\n";
    out += extraHeaders;
    out += "\r\n";
    if (!headOnly)
        out += body;
    return out;
}

} // namespace

MetricsServer::MetricsServer(Provider provider, QObject *parent)
    : QObject(parent), m_provider(std::move(provider)), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &MetricsServer::onNewConnection);
}

MetricsServer::~MetricsServer() = default;

bool MetricsServer::isLoopbackAddress(const QString &address)
{
    if (address == QLatin1String("localhost"))
        return true;
    const QHostAddress host(address);
    return !host.isNull() && host.isLoopback();
}

bool MetricsServer::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Compares over the longer length so neither the first difference nor the length of the
    // expected token shows in the timing beyond "lengths differ".
    const qsizetype n = std::max(a.size(), b.size());
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        diff |= x ^ y;
    }
    return diff == 0;
}

bool MetricsServer::start(const MetricsEndpointConfig &config, QString *error)
{
    stop();
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!config.enabled)
        return fail(QStringLiteral("metricsEndpoint.enabled: the endpoint is off"));
    const QString bind = config.bindAddress.trimmed().isEmpty() ? QStringLiteral("127.0.0.1") : config.bindAddress.trimmed();
    m_token = (config.bearerToken.isEmpty() ? qEnvironmentVariable("CWB_METRICS_TOKEN") : config.bearerToken).toUtf8();
    const bool loopback = isLoopbackAddress(bind);
    if (!loopback && !config.allowRemote)
        return fail(QStringLiteral("metricsEndpoint.bindAddress: '%1' is not loopback; set allowRemote to bind it").arg(bind));
    if (!loopback && m_token.size() < 16)
        return fail(QStringLiteral("metricsEndpoint.bearerToken: binding '%1' needs a bearer token of at least 16 "
                                   "characters (or CWB_METRICS_TOKEN)").arg(bind));
    QHostAddress address;
    if (bind == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(bind))
        return fail(QStringLiteral("metricsEndpoint.bindAddress: '%1' is not an IP address").arg(bind));
    if (!m_server->listen(address, quint16(config.port)))
        return fail(QStringLiteral("metricsEndpoint.port: cannot listen on %1:%2: %3")
                        .arg(bind).arg(config.port).arg(m_server->errorString()));
    return true;
}

void MetricsServer::stop()
{
    if (m_server->isListening())
        m_server->close();
}

bool MetricsServer::isListening() const
{
    return m_server->isListening();
}

quint16 MetricsServer::port() const
{
    return m_server->serverPort();
}

QString MetricsServer::address() const
{
    QString host = m_server->serverAddress().toString();
    if (m_server->serverAddress().protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("http://%1:%2/metrics").arg(host).arg(port());
}

void MetricsServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // A client that never finishes its request must not hold the socket open.
        QTimer::singleShot(5000, socket, [socket] { socket->abort(); socket->deleteLater(); });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handle(socket); });
    }
}

void MetricsServer::handle(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("cwbRequest").toByteArray() + socket->readAll();
    if (buffer.size() > kMaxRequest) {
        socket->write(response(431, "Request Header Fields Too Large", "request too large\n"));
        socket->disconnectFromHost();
        return;
    }
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        socket->setProperty("cwbRequest", buffer);
        return;
    }
    socket->setProperty("cwbRequest", QByteArray());
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QByteArray reply;
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        reply = response(400, "Bad Request", "bad request\n");
    } else {
        const QByteArray method = requestLine.at(0);
        QByteArray path = requestLine.at(1);
        path = path.left(path.indexOf('?') < 0 ? path.size() : path.indexOf('?'));
        QByteArray authorization;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "authorization")
                authorization = line.mid(colon + 1).trimmed();
        }
        const bool head = method == "HEAD";
        if (method != "GET" && !head) {
            reply = response(405, "Method Not Allowed", "only GET and HEAD\n", "Allow: GET, HEAD\r\n");
        } else if (path != "/metrics") {
            reply = response(404, "Not Found", "try /metrics\n", {}, "text/plain; charset=utf-8", head);
        } else if (!m_token.isEmpty()
                   && !(authorization.startsWith("Bearer ") && constantTimeEquals(authorization.mid(7).trimmed(), m_token))) {
            reply = response(401, "Unauthorized", "bearer token required\n", "WWW-Authenticate: Bearer\r\n",
                             "text/plain; charset=utf-8", head);
        } else {
            ++m_served;
            reply = response(200, "OK", m_provider ? m_provider() : QByteArray(), {},
                             "text/plain; version=0.0.4; charset=utf-8", head);
        }
    }
    socket->write(reply);
    socket->disconnectFromHost();
}

} // namespace cwb
