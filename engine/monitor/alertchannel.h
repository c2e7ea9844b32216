#pragma once

#include "alertengine.h"

#include <QObject>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace cwb {

// The outcome of sending one alert change through one channel.
struct DeliveryStatus
{
    QString channel;    // "log", "webhook", "email", "desktop"
    QString alertId;
    QString state;      // the alert's state the message was about
    bool ok = false;
    bool inProgress = false; // a retry is scheduled
    int attempts = 0;
    qint64 atMs = 0;
    QString detail;     // "HTTP 200", "timed out after 5000 ms", ...
};

// The JSON every machine-facing channel sends for one change: the alert, from/to, who, when.
QByteArray alertChangePayload(const AlertChange &change);
// One line for people: "FIRING warning: Memory usage high (used_memory_mb > 100) on 127.0.0.1:6379 value 120".
QString alertChangeSummary(const AlertChange &change);

// Where alert changes go. send() never blocks the caller for long (network channels work
// asynchronously) and reports the outcome through delivered(), on the channel's thread.
class AlertChannel : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QString name() const = 0;
    // Whether this change is for this channel: by default the ones meant to notify people.
    virtual bool wants(const AlertChange &change) const { return change.notify; }
    virtual void send(const AlertChange &change) = 0;

Q_SIGNALS:
    void delivered(const cwb::DeliveryStatus &status);
};

// Fans alert changes out to the channels and remembers each channel's last delivery and
// every delivery per alert (for the status panel and the alert details).
class ChannelDispatcher : public QObject
{
    Q_OBJECT
public:
    explicit ChannelDispatcher(QObject *parent = nullptr);
    ~ChannelDispatcher() override;

    // Takes ownership. A channel with the same name replaces the old one.
    void addChannel(AlertChannel *channel);
    void removeChannel(const QString &name);
    void clearChannels();
    QStringList channelNames() const;
    AlertChannel *channel(const QString &name) const;

    void dispatch(const AlertChange &change);

    std::optional<DeliveryStatus> lastDelivery(const QString &channel) const;
    std::vector<DeliveryStatus> deliveries(const QString &alertId) const;

Q_SIGNALS:
    void deliveryChanged(const cwb::DeliveryStatus &status);

private:
    void record(const DeliveryStatus &status);

    std::vector<AlertChannel *> m_channels;
    std::map<QString, DeliveryStatus> m_last;
    std::map<QString, std::vector<DeliveryStatus>> m_byAlert;
};

} // namespace cwb

Q_DECLARE_METATYPE(cwb::DeliveryStatus)
