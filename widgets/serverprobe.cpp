#include "serverprobe.h"

#include "redis/probejob.h"

namespace cwb {

QString ServerProbe::describeFailure(const RedisError &error, const QString &address, int timeoutMs)
{
    switch (error.kind) {
    case RedisErrorKind::Refused:
        return tr("Nothing is listening at %1. Is the server running?").arg(address);
    case RedisErrorKind::Unresolved:
        return tr("The host name in %1 does not resolve.").arg(address);
    case RedisErrorKind::Timeout:
        return tr("%1 did not answer within %2 s.").arg(address).arg(timeoutMs / 1000.0);
    case RedisErrorKind::AuthFailed:
        // NOAUTH: no password was sent at all; "check the password" would send the user looking
        // for a typo in a field they left empty.
        if (error.message.contains(QLatin1String("NOAUTH")))
            return tr("%1 wants a password: enter it in the Password field.").arg(address);
        return tr("%1 rejected the login: check the user name and password.").arg(address);
    case RedisErrorKind::Tls:
        // OpenSSL's reason, made a sentence by the transport, is what the user acts on: which
        // certificate, which name, which file. A handshake's sentence names the address already.
        if (error.message.contains(address))
            return error.message;
        return tr("TLS with %1 failed: %2").arg(address, error.message);
    default:
        return tr("Could not talk to %1.").arg(address);
    }
}

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
        Q_EMIT failed(describeFailure(result.error, result.address, m_timeoutMs), result.error.message);
}

} // namespace cwb
