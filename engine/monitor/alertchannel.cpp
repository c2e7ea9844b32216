#include "alertchannel.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

namespace cwb {

QByteArray alertChangePayload(const AlertChange &change)
{
    nlohmann::json j = alertChangeToJson(change);
    j["source"] = "cache-workbench";
    j["summary"] = alertChangeSummary(change).toStdString();
    j["time"] = QDateTime::fromMSecsSinceEpoch(change.atMs, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
    return QByteArray::fromStdString(j.dump());
}

QString alertChangeSummary(const AlertChange &change)
{
    const Alert &a = change.alert;
    QString state = alertStateName(change.to).toUpper();
    if (change.reminder)
        state = QStringLiteral("STILL FIRING");
    return QStringLiteral("%1 %2: %3 (%4) on %5 node %6, value %7")
        .arg(state, severityName(a.severity), a.ruleName, a.condition, a.target, a.node,
             QString::number(a.value, 'g', 6));
}

ChannelDispatcher::ChannelDispatcher(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cwb::DeliveryStatus>();
}

ChannelDispatcher::~ChannelDispatcher()
{
    clearChannels();
}

void ChannelDispatcher::addChannel(AlertChannel *channel)
{
    removeChannel(channel->name());
    channel->setParent(this);
    connect(channel, &AlertChannel::delivered, this, &ChannelDispatcher::record);
    m_channels.push_back(channel);
}

void ChannelDispatcher::removeChannel(const QString &name)
{
    for (auto it = m_channels.begin(); it != m_channels.end(); ++it) {
        if ((*it)->name() == name) {
            delete *it;
            m_channels.erase(it);
            return;
        }
    }
}

void ChannelDispatcher::clearChannels()
{
    for (AlertChannel *channel : m_channels)
        delete channel;
    m_channels.clear();
}

QStringList ChannelDispatcher::channelNames() const
{
    QStringList names;
    for (AlertChannel *channel : m_channels)
        names << channel->name();
    return names;
}

AlertChannel *ChannelDispatcher::channel(const QString &name) const
{
    for (AlertChannel *channel : m_channels)
        if (channel->name() == name)
            return channel;
    return nullptr;
}

void ChannelDispatcher::dispatch(const AlertChange &change)
{
    for (AlertChannel *channel : m_channels)
        if (channel->wants(change))
            channel->send(change);
}

void ChannelDispatcher::record(const DeliveryStatus &status)
{
    m_last[status.channel] = status;
    std::vector<DeliveryStatus> &list = m_byAlert[status.alertId];
    // One entry per channel and state: a retry's outcome replaces its "in progress" entry.
    bool replaced = false;
    for (DeliveryStatus &existing : list) {
        if (existing.channel == status.channel && existing.state == status.state) {
            existing = status;
            replaced = true;
        }
    }
    if (!replaced)
        list.push_back(status);
    Q_EMIT deliveryChanged(status);
}

std::optional<DeliveryStatus> ChannelDispatcher::lastDelivery(const QString &channel) const
{
    const auto it = m_last.find(channel);
    if (it == m_last.end())
        return std::nullopt;
    return it->second;
}

std::vector<DeliveryStatus> ChannelDispatcher::deliveries(const QString &alertId) const
{
    const auto it = m_byAlert.find(alertId);
    return it == m_byAlert.end() ? std::vector<DeliveryStatus>{} : it->second;
}

} // namespace cwb
