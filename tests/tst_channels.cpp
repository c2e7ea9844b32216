// The notification channels against real local listeners: an HTTP server for the webhook and
// an SMTP sink for email (both QTcpServer on loopback, inside this test), and a log file.

#include "monitor/emailchannel.h"
#include "monitor/logchannel.h"
#include "monitor/webhookchannel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Qt::Literals::StringLiterals;
using namespace cwb;

namespace {

AlertChange firingChange()
{
    Alert a;
    a.id = u"builtin.memory|127.0.0.1:6379|127.0.0.1:6379@1000"_s;
    a.fingerprint = u"builtin.memory|127.0.0.1:6379|127.0.0.1:6379"_s;
    a.ruleId = u"builtin.memory"_s;
    a.ruleName = u"Memory usage high"_s;
    a.metric = u"used_memory_mb"_s;
    a.condition = u"used_memory_mb > 100 for 5s"_s;
    a.severity = Severity::Critical;
    a.target = u"127.0.0.1:6379"_s;
    a.node = u"127.0.0.1:6379"_s;
    a.state = AlertState::Firing;
    a.value = 123.5;
    a.threshold = 100;
    a.startsAtMs = 1000;
    a.firedAtMs = 6000;
    AlertChange c;
    c.alert = a;
    c.from = AlertState::Pending;
    c.to = AlertState::Firing;
    c.atMs = 6000;
    c.by = u"rule"_s;
    c.notify = true;
    return c;
}

// A minimal HTTP/1.1 server: collects each request body and answers with the next status
// from `statuses` (the last one repeats); status 0 means "never answer".
class HttpSink : public QObject
{
public:
    QList<int> statuses{200};
    QList<QByteArray> bodies;
    QList<QByteArray> heads;

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    HttpSink()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buf").toByteArray() + socket->readAll();
        socket->setProperty("buf", buffer);
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        heads << head;
        bodies << buffer.mid(end + 4, length);
        const int status = statuses.value(bodies.size() - 1, statuses.last());
        if (status == 0)
            return;
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
};

// A minimal SMTP server speaking just enough of RFC 5321 for one client without TLS.
class SmtpSink : public QObject
{
public:
    QByteArray mailFrom;
    QList<QByteArray> rcptTo;
    QByteArray data;
    bool quit = false;

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    SmtpSink()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->write("220 sink.test ESMTP ready\r\n");
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

private:
    void read(QTcpSocket *socket)
    {
        m_buffer += socket->readAll();
        while (true) {
            if (m_inData) {
                const qsizetype end = m_buffer.indexOf("\r\n.\r\n");
                if (end < 0)
                    return;
                data = m_buffer.left(end + 2);
                m_buffer.remove(0, end + 5);
                m_inData = false;
                socket->write("250 OK queued\r\n");
                continue;
            }
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0)
                return;
            const QByteArray line = m_buffer.left(eol);
            m_buffer.remove(0, eol + 2);
            const QByteArray verb = line.left(4).toUpper();
            if (verb == "EHLO" || verb == "HELO") {
                socket->write("250-sink.test\r\n250 8BITMIME\r\n");
            } else if (verb == "MAIL") {
                mailFrom = line.mid(10).trimmed();
                socket->write("250 OK\r\n");
            } else if (verb == "RCPT") {
                rcptTo << line.mid(8).trimmed();
                socket->write("250 OK\r\n");
            } else if (verb == "DATA") {
                m_inData = true;
                socket->write("354 go ahead\r\n");
            } else if (verb == "QUIT") {
                quit = true;
                socket->write("221 bye\r\n");
                socket->disconnectFromHost();
            } else {
                socket->write("250 OK\r\n");
            }
        }
    }

    QTcpServer m_server;
    QByteArray m_buffer;
    bool m_inData = false;
};

} // namespace

class TestChannels : public QObject
{
    Q_OBJECT

private slots:
    void webhookPostsAlertJson()
    {
        HttpSink sink;
        QVERIFY(sink.listen());
        WebhookChannelConfig config;
        config.enabled = true;
        config.url = u"http://127.0.0.1:%1/hooks/alerts"_s.arg(sink.port());
        config.timeoutMs = 3000;
        WebhookChannel channel(config);
        QSignalSpy delivered(&channel, &AlertChannel::delivered);
        channel.send(firingChange());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 5000);
        const auto status = delivered.at(0).at(0).value<DeliveryStatus>();
        QVERIFY2(status.ok, qPrintable(status.detail));
        QCOMPARE(status.detail, u"HTTP 200"_s);
        QCOMPARE(status.attempts, 1);
        QCOMPARE(sink.bodies.size(), 1);
        QVERIFY(sink.heads.at(0).startsWith("POST /hooks/alerts HTTP/1.1"));
        QVERIFY(sink.heads.at(0).toLower().contains("content-type: application/json"));
        const auto json = nlohmann::json::parse(sink.bodies.at(0).toStdString());
        QCOMPARE(json["to"].get<std::string>(), std::string("firing"));
        QCOMPARE(json["from"].get<std::string>(), std::string("pending"));
        QCOMPARE(json["alert"]["id"].get<std::string>(), firingChange().alert.id.toStdString());
        QCOMPARE(json["alert"]["severity"].get<std::string>(), std::string("critical"));
        QCOMPARE(json["alert"]["labels"]["node"].get<std::string>(), std::string("127.0.0.1:6379"));
        QCOMPARE(json["alert"]["value"].get<double>(), 123.5);
        QCOMPARE(json["source"].get<std::string>(), std::string("cache-workbench"));
    }

    void webhookRetriesWithBackoff()
    {
        HttpSink sink;
        sink.statuses = {503, 500, 204};
        QVERIFY(sink.listen());
        WebhookChannelConfig config;
        config.enabled = true;
        config.url = u"http://127.0.0.1:%1/"_s.arg(sink.port());
        config.retries = 3;
        config.backoffMs = 50;
        WebhookChannel channel(config);
        QSignalSpy delivered(&channel, &AlertChannel::delivered);
        channel.send(firingChange());
        // Two "retrying" reports, then success on the third attempt.
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 3, 5000);
        QVERIFY(delivered.at(0).at(0).value<DeliveryStatus>().inProgress);
        QCOMPARE(delivered.at(0).at(0).value<DeliveryStatus>().detail, u"HTTP 503"_s);
        const auto last = delivered.at(2).at(0).value<DeliveryStatus>();
        QVERIFY(last.ok);
        QCOMPARE(last.attempts, 3);
        QCOMPARE(sink.bodies.size(), 3);
        QCOMPARE(channel.inFlight(), 0);
    }

    void webhookTimesOutAndGivesUp()
    {
        HttpSink sink;
        sink.statuses = {0};
        QVERIFY(sink.listen());
        WebhookChannelConfig config;
        config.enabled = true;
        config.url = u"http://127.0.0.1:%1/"_s.arg(sink.port());
        config.timeoutMs = 300;
        config.retries = 1;
        config.backoffMs = 20;
        WebhookChannel channel(config);
        QSignalSpy delivered(&channel, &AlertChannel::delivered);
        QElapsedTimer clock;
        clock.start();
        channel.send(firingChange());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 2, 5000);
        const auto last = delivered.at(1).at(0).value<DeliveryStatus>();
        QVERIFY(!last.ok);
        QVERIFY(!last.inProgress);
        QCOMPARE(last.attempts, 2);
        QVERIFY2(last.detail.contains(u"timed out"_s), qPrintable(last.detail));
        QVERIFY(clock.elapsed() >= 600);
    }

    void webhookUnreachable()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        WebhookChannelConfig config;
        config.enabled = true;
        config.url = u"http://127.0.0.1:%1/"_s.arg(port);
        config.retries = 0;
        WebhookChannel channel(config);
        QSignalSpy delivered(&channel, &AlertChannel::delivered);
        channel.send(firingChange());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 5000);
        QVERIFY(!delivered.at(0).at(0).value<DeliveryStatus>().ok);
    }

    void emailReachesSmtpSink()
    {
        SmtpSink sink;
        QVERIFY(sink.listen());
        EmailChannelConfig config;
        config.enabled = true;
        config.server = u"127.0.0.1"_s;
        config.port = sink.port();
        config.from = u"workbench@example.test"_s;
        config.to = {u"ops@example.test"_s, u"oncall@example.test"_s};
        config.timeoutMs = 5000;
        EmailChannel channel(config);
        QSignalSpy delivered(&channel, &AlertChannel::delivered);
        channel.send(firingChange());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 10000);
        const auto status = delivered.at(0).at(0).value<DeliveryStatus>();
        QVERIFY2(status.ok, qPrintable(status.detail));
        QCOMPARE(sink.mailFrom, QByteArray("<workbench@example.test>"));
        QCOMPARE(sink.rcptTo, (QList<QByteArray>{"<ops@example.test>", "<oncall@example.test>"}));
        QVERIFY(sink.data.contains("Subject: [Cache Workbench] FIRING critical: Memory usage high"));
        QVERIFY(sink.data.contains(QByteArray("X-Cache-Workbench-Alert: " + firingChange().alert.id.toUtf8())));
        QVERIFY(sink.data.contains("Value:     123.5 (threshold 100)"));
        QVERIFY(sink.data.contains("To: ops@example.test, oncall@example.test"));
    }

    void emailRequiringStartTlsFailsOnPlainServer()
    {
        SmtpSink sink; // offers no STARTTLS
        QVERIFY(sink.listen());
        EmailChannelConfig config;
        config.enabled = true;
        config.server = u"127.0.0.1"_s;
        config.port = sink.port();
        config.startTls = true;
        config.from = u"a@example.test"_s;
        config.to = {u"b@example.test"_s};
        config.timeoutMs = 3000;
        EmailChannel channel(config);
        QSignalSpy delivered(&channel, &AlertChannel::delivered);
        channel.send(firingChange());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 10000);
        const auto status = delivered.at(0).at(0).value<DeliveryStatus>();
        QVERIFY(!status.ok);
        QVERIFY(sink.data.isEmpty()); // nothing was sent in clear text
    }

    void logWritesJsonLinesAndRotates()
    {
        QTemporaryDir dir;
        LogChannelConfig config;
        config.path = dir.filePath(u"logs/alerts.log"_s);
        config.maxBytes = 2048;
        config.keepFiles = 2;
        LogChannel channel(config);
        QSignalSpy delivered(&channel, &AlertChannel::delivered);
        AlertChange pending = firingChange();
        pending.created = true;
        pending.to = AlertState::Pending;
        pending.notify = false;
        QVERIFY(channel.wants(pending)); // the log records every transition
        channel.send(pending);
        QCOMPARE(delivered.size(), 1);
        QVERIFY(delivered.at(0).at(0).value<DeliveryStatus>().ok);
        QFile file(config.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        QCOMPARE(lines.size(), 2); // one line + the final empty piece
        const auto json = nlohmann::json::parse(lines.at(0).toStdString());
        QCOMPARE(json["to"].get<std::string>(), std::string("pending"));
        QVERIFY(json["from"].is_null());

        for (int i = 0; i < 30; ++i)
            channel.send(firingChange());
        QVERIFY(QFile::exists(config.path + u".1"_s));
        QVERIFY(QFile::exists(config.path + u".2"_s));
        QVERIFY(!QFile::exists(config.path + u".3"_s));
        for (const QString &name : QStringList{config.path, config.path + u".1"_s, config.path + u".2"_s})
            QVERIFY2(QFileInfo(name).size() <= config.maxBytes, qPrintable(name));
    }

    void dispatcherTracksDeliveries()
    {
        QTemporaryDir dir;
        HttpSink sink;
        QVERIFY(sink.listen());
        ChannelDispatcher dispatcher;
        LogChannelConfig log;
        log.path = dir.filePath(u"alerts.log"_s);
        dispatcher.addChannel(new LogChannel(log));
        WebhookChannelConfig hook;
        hook.enabled = true;
        hook.url = u"http://127.0.0.1:%1/"_s.arg(sink.port());
        dispatcher.addChannel(new WebhookChannel(hook));
        QCOMPARE(dispatcher.channelNames(), (QStringList{u"log"_s, u"webhook"_s}));

        AlertChange quiet = firingChange();
        quiet.notify = false; // only the log wants it
        dispatcher.dispatch(quiet);
        QVERIFY(dispatcher.lastDelivery(u"log"_s));
        QVERIFY(!dispatcher.lastDelivery(u"webhook"_s));
        dispatcher.dispatch(firingChange());
        QTRY_VERIFY_WITH_TIMEOUT(dispatcher.lastDelivery(u"webhook"_s).has_value(), 5000);
        QVERIFY(dispatcher.lastDelivery(u"webhook"_s)->ok);
        QCOMPARE(dispatcher.deliveries(firingChange().alert.id).size(), size_t(2)); // log + webhook, state firing
    }
};

QTEST_GUILESS_MAIN(TestChannels)
#include "tst_channels.moc"
