#include "serverprobe.h"

#include "redis/probejob.h"

namespace cwb {

namespace {

QString reasonFor(const ProbeResult &result, int timeoutMs)
{
    const QString &address = result.address;
    switch (result.error.kind) {
    case RedisErrorKind::Refused:
        return ServerProbe::tr("Nothing is listening at %1. Is the server running?").arg(address);
    case RedisErrorKind::Unresolved:
        return ServerProbe::tr("The host name in %1 does not resolve.").arg(address);
    case RedisErrorKind::Timeout:
        return ServerProbe::tr("%1 did not answer within %2 s.").arg(address).arg(timeoutMs / 1000.0);
    case RedisErrorKind::AuthFailed:
        // NOAUTH: no password was sent at all; "check the password" would send the user looking
        // for a typo in a field they left empty.
        if (result.error.message.contains(QLatin1String("NOAUTH")))
            return ServerProbe::tr("%1 wants a password: enter it in the Password field.").arg(address);
        return ServerProbe::tr("%1 rejected the login: check the user name and password.").arg(address);
    case RedisErrorKind::Tls:
        return ServerProbe::tr("The TLS connection to %1 failed: check the TLS settings.").arg(address);
    default:
        return ServerProbe::tr("Could not talk to %1.").arg(address);
    }
}

} // namespace

ServerProbe::ServerProbe(QObject *parent) : QObject(parent) {}

ServerProbe::~ServerProbe() = default;

void ServerProbe::probe(const Endpoint &endpoint)
{
    cancel();
    ProbeJob *job = makeProbeJob(endpoint, m_timeoutMs, this);
    connect(job, &jobs::JobBase::finished, this, &ServerProbe::onFinished);
    m_current = job;
    job->start();
}

void ServerProbe::cancel()
{
    if (jobs::JobBase *job = std::exchange(m_current, nullptr))
        job->discard();
}

void ServerProbe::onFinished()
{
    auto *job = static_cast<ProbeJob *>(std::exchange(m_current, nullptr));
    job->deleteLater();
    if (!job->result()) { // the body threw: no classified error, only a reason
        Q_EMIT failed(tr("Could not talk to the server."), job->failureReason());
        return;
    }
    const ProbeResult &result = *job->result();
    if (result.summary)
        Q_EMIT succeeded(*result.summary);
    else
        Q_EMIT failed(reasonFor(result, m_timeoutMs), result.error.message);
}

} // namespace cwb
