#pragma once

#include "alertchannel.h"
#include "jobs/inbox.h"
#include "monitorconfig.h"

#include <QThreadPool>

namespace cwb {

// Sends alert changes as plain-text mail over SMTP (libcurl), on a thread of its own so a slow
// mail server never blocks collection or the GUI. STARTTLS is required when the config says
// so; the password comes from CWB_SMTP_PASSWORD and is never logged.
class EmailChannel : public AlertChannel
{
    Q_OBJECT
public:
    explicit EmailChannel(EmailChannelConfig config, QObject *parent = nullptr);
    // Waits for mails in flight (each bounded by the timeout).
    ~EmailChannel() override;

    QString name() const override { return QStringLiteral("email"); }
    void send(const AlertChange &change) override;

    // The RFC 5322 message for one change (headers + body, CRLF line ends).
    static QByteArray composeMessage(const EmailChannelConfig &config, const AlertChange &change);
    // Sends one message synchronously; empty on success, else a one-line reason.
    static QString sendMessage(const EmailChannelConfig &config, const QByteArray &message, const QString &password);

private:
    EmailChannelConfig m_config;
    jobs::Inbox m_inbox{this}; // the pool's results come back through it (before m_pool: outlives it)
    QThreadPool m_pool;
};

} // namespace cwb
