#pragma once

#include "redis/endpoint.h"
#include "redis/serversummary.h"

#include <QObject>

#include <optional>

namespace cwb {

// The one way a page learns which server everything works against. The main window feeds it
// from the target bar; a test sets the endpoint and the connected summary itself. Values only:
// a page keeps no pointer to the target bar.
class TargetSource : public QObject
{
    Q_OBJECT
public:
    explicit TargetSource(QObject *parent = nullptr) : QObject(parent) {}

    // The target typed in (with its password); nullopt while the text is not a valid URI.
    const std::optional<Endpoint> &endpoint() const { return m_endpoint; }
    // Why there is no endpoint; empty while there is one.
    const QString &validationError() const { return m_validationError; }
    // What the server said when it was last connected to; nullopt until then and after a change.
    const std::optional<ServerSummary> &summary() const { return m_summary; }

    // A new target (or a newly invalid text): forgets the summary, emits endpointChanged().
    void setEndpoint(const std::optional<Endpoint> &endpoint, const QString &validationError = {});
    // The target answered (again): emits connected().
    void setConnected(const ServerSummary &summary);

Q_SIGNALS:
    void endpointChanged();
    void connected(const cwb::ServerSummary &summary);

private:
    std::optional<Endpoint> m_endpoint;
    QString m_validationError;
    std::optional<ServerSummary> m_summary;
};

} // namespace cwb
