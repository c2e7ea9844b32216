#include "emailchannel.h"

#include <QDateTime>
#include <QLocale>
#include <QUuid>

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace cwb {

namespace {

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload
{
    const QByteArray *data;
    qsizetype offset = 0;
};

size_t readMessage(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const size_t room = size * count;
    const size_t left = size_t(upload->data->size() - upload->offset);
    const size_t n = std::min(room, left);
    std::memcpy(buffer, upload->data->constData() + upload->offset, n);
    upload->offset += qsizetype(n);
    return n;
}

// A header value with non-ASCII text as an RFC 2047 encoded word.
QByteArray headerText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    for (char c : utf8)
        if (static_cast<unsigned char>(c) >= 0x80)
            return "=?UTF-8?B?" + utf8.toBase64() + "?=";
    return utf8;
}

} // namespace

EmailChannel::EmailChannel(EmailChannelConfig config, QObject *parent) : AlertChannel(parent), m_config(std::move(config))
{
    m_pool.setMaxThreadCount(1); // mails go out in order
    globalInit();
}

EmailChannel::~EmailChannel()
{
    m_pool.waitForDone();
}

QByteArray EmailChannel::composeMessage(const EmailChannelConfig &config, const AlertChange &change)
{
    const Alert &a = change.alert;
    const auto time = [](qint64 ms) {
        return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QStringLiteral("-");
    };
    QString body;
    body += alertChangeSummary(change) + QStringLiteral("\n\n");
    body += QStringLiteral("Rule:      %1 (%2)\n").arg(a.ruleName, a.ruleId);
    body += QStringLiteral("Condition: %1\n").arg(a.condition);
    body += QStringLiteral("Severity:  %1\n").arg(severityName(a.severity));
    body += QStringLiteral("Target:    %1\nNode:      %2\n").arg(a.target, a.node);
    body += QStringLiteral("Value:     %1 (threshold %2)\n").arg(a.value).arg(a.threshold);
    body += QStringLiteral("State:     %1 (changed by %2)\n").arg(alertStateName(change.to), change.by);
    body += QStringLiteral("Started:   %1\nFired:     %2\nResolved:  %3\n")
                .arg(time(a.startsAtMs), time(a.firedAtMs), time(a.resolvedAtMs));
    body += QStringLiteral("Alert id:  %1\n\n-- \nCache Workbench\n").arg(a.id);

    const QString subject = QStringLiteral("[Cache Workbench] ") + alertChangeSummary(change);
    QByteArray message;
    message += "Date: " + QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1()
        + " +0000\r\n";
    message += "From: " + config.from.toUtf8() + "\r\n";
    message += "To: " + config.to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    message += "Subject: " + headerText(subject) + "\r\n";
    message += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "@cache-workbench>\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=utf-8\r\n";
    message += "Content-Transfer-Encoding: 8bit\r\n";
    message += "X-Cache-Workbench-Alert: " + a.id.toUtf8() + "\r\n";
    message += "\r\n";
    QByteArray text = body.toUtf8();
    text.replace("\n", "\r\n");
    message += text;
    return message;
}

QString EmailChannel::sendMessage(const EmailChannelConfig &config, const QByteArray &message, const QString &password)
{
    globalInit();
    CURL *curl = curl_easy_init();
    if (!curl)
        return QStringLiteral("cannot initialise libcurl");
    const QByteArray url = "smtp://" + config.server.toUtf8() + ':' + QByteArray::number(config.port);
    const QByteArray from = config.from.toUtf8();
    const QByteArray user = config.user.toUtf8();
    const QByteArray pass = password.toUtf8();
    curl_slist *recipients = nullptr;
    for (const QString &to : config.to)
        recipients = curl_slist_append(recipients, to.toUtf8().constData());
    Upload upload{&message};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readMessage);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(config.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(config.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_USE_SSL, long(config.startTls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    if (!config.user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, pass.constData());
    }
    const CURLcode code = curl_easy_perform(curl);
    QString error;
    if (code != CURLE_OK)
        error = QStringLiteral("SMTP %1:%2: %3").arg(config.server).arg(config.port)
                    .arg(QString::fromUtf8(curl_easy_strerror(code)));
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    return error;
}

void EmailChannel::send(const AlertChange &change)
{
    DeliveryStatus status;
    status.channel = name();
    status.alertId = change.alert.id;
    status.state = alertStateName(change.to);
    status.attempts = 1;
    const QByteArray message = composeMessage(m_config, change);
    const EmailChannelConfig config = m_config;
    const QString password = qEnvironmentVariable("CWB_SMTP_PASSWORD");
    // The pool is waited for in the destructor, so `this` outlives the job; the inbox drops the
    // delivery if the object is deleted before it runs.
    m_pool.start([this, config, message, password, status]() mutable {
        const QString error = sendMessage(config, message, password);
        status.ok = error.isEmpty();
        status.detail = error.isEmpty() ? QStringLiteral("sent to %1").arg(config.to.join(QStringLiteral(", "))) : error;
        status.atMs = QDateTime::currentMSecsSinceEpoch();
        m_inbox.post([this, status] { Q_EMIT delivered(status); });
    });
}

} // namespace cwb
