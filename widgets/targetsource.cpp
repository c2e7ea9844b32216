#include "targetsource.h"

namespace cwb {

void TargetSource::setEndpoint(const std::optional<Endpoint> &endpoint, const QString &validationError)
{
    m_endpoint = endpoint;
    m_validationError = endpoint ? QString() : validationError;
    m_summary.reset();
    Q_EMIT endpointChanged();
}

void TargetSource::setConnected(const ServerSummary &summary)
{
    m_summary = summary;
    Q_EMIT connected(summary);
}

} // namespace cwb
