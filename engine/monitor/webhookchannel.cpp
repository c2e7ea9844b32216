#include "webhookchannel.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace cwb {

WebhookChannel::WebhookChannel(WebhookChannelConfig config, QObject *parent)
    : AlertChannel(parent), m_config(std::move(config)), m_network(new QNetworkAccessManager(this))
{
}

void WebhookChannel::send(const AlertChange &change)
{
    DeliveryStatus status;
    status.channel = name();
    status.alertId = change.alert.id;
    status.state = alertStateName(change.to);
    ++m_inFlight;
    attempt(alertChangePayload(change), status);
}

void WebhookChannel::attempt(const QByteArray &body, DeliveryStatus status)
{
    QNetworkRequest request{QUrl(m_config.url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("cache-workbench/" CWB_VERSION));
    request.setTransferTimeout(m_config.timeoutMs);
    ++status.attempts;
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, body, status]() mutable {
        reply->deleteLater();
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        status.atMs = QDateTime::currentMSecsSinceEpoch();
        if (reply->error() == QNetworkReply::NoError && code >= 200 && code < 300) {
            status.ok = true;
            status.inProgress = false;
            status.detail = QStringLiteral("HTTP %1").arg(code);
            --m_inFlight;
            Q_EMIT delivered(status);
            return;
        }
        status.ok = false;
        if (reply->error() == QNetworkReply::OperationCanceledError)
            status.detail = QStringLiteral("timed out after %1 ms").arg(m_config.timeoutMs);
        else if (code > 0)
            status.detail = QStringLiteral("HTTP %1").arg(code);
        else
            status.detail = reply->errorString();
        if (status.attempts <= m_config.retries) {
            status.inProgress = true;
            Q_EMIT delivered(status);
            const int delay = m_config.backoffMs * (1 << std::min(status.attempts - 1, 10));
            QTimer::singleShot(delay, this, [this, body, status] { attempt(body, status); });
            return;
        }
        status.inProgress = false;
        --m_inFlight;
        Q_EMIT delivered(status);
    });
}

} // namespace cwb
