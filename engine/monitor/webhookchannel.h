#pragma once

#include "alertchannel.h"
#include "monitorconfig.h"

class QNetworkAccessManager;

namespace cwb {

// HTTP POST of alertChangePayload() to a URL, asynchronously (Qt Network on the owner's event
// loop): a per-attempt timeout, then retries with doubling backoff. Never blocks.
class WebhookChannel : public AlertChannel
{
    Q_OBJECT
public:
    explicit WebhookChannel(WebhookChannelConfig config, QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("webhook"); }
    void send(const AlertChange &change) override;
    int inFlight() const { return m_inFlight; }

private:
    void attempt(const QByteArray &body, DeliveryStatus status);

    WebhookChannelConfig m_config;
    QNetworkAccessManager *m_network;
    int m_inFlight = 0;
};

} // namespace cwb
