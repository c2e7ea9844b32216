#pragma once

#include "monitorconfig.h"

#include <QObject>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace cwb {

// A tiny HTTP/1.1 responder for Prometheus: GET /metrics answers with the text the provider
// returns. Loopback only unless the config allows remote binding, which then also needs a
// bearer token (compared in constant time). One request per connection (Connection: close);
// requests larger than 16 KiB or slower than 5 s are dropped.
class MetricsServer : public QObject
{
    Q_OBJECT
public:
    using Provider = std::function<QByteArray()>;

    explicit MetricsServer(Provider provider, QObject *parent = nullptr);
    ~MetricsServer() override;

    // Listens per the config (token: the config's, else CWB_METRICS_TOKEN). False with *error
    // naming the field when the config does not allow it or the port is taken.
    bool start(const MetricsEndpointConfig &config, QString *error = nullptr);
    void stop();
    bool isListening() const;
    quint16 port() const;     // the bound port (useful with port 0)
    QString address() const;  // "http://127.0.0.1:9121/metrics"
    int requestsServed() const { return m_served; }

    static bool isLoopbackAddress(const QString &address);
    // Equal-length-independent comparison whose time does not depend on where they differ.
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

private:
    void onNewConnection();
    void handle(QTcpSocket *socket);

    Provider m_provider;
    QTcpServer *m_server;
    QByteArray m_token;
    int m_served = 0;
};

} // namespace cwb
