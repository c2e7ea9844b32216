#include "serverprobe.h"

#include "redis/infoparser.h"
#include "redis/redisconnection.h"

#include <QThread>

namespace cwb {

namespace {

struct ProbeResult
{
    std::optional<ServerSummary> summary;
    RedisError error;
};

// Runs on the worker thread.
ProbeResult runProbe(const Endpoint &endpoint, int timeoutMs)
{
    RedisConnection::Options options;
    options.connectTimeoutMs = timeoutMs;
    options.commandTimeoutMs = timeoutMs;
    options.reconnectAttempts = 0; // a probe reports the first failure; retrying only delays it
    options.clientName = QByteArrayLiteral("cache-workbench-probe");
    RedisConnection connection(endpoint, options);

    ProbeResult result;
    if (!connection.connect()) {
        result.error = connection.lastError();
        return result;
    }
    const std::optional<QByteArray> info = connection.info();
    if (!info) {
        result.error = connection.lastError();
        return result;
    }
    result.summary = summarize(parseInfo(*info));
    return result;
}

} // namespace

ServerProbe::ServerProbe(QObject *parent) : QObject(parent) {}

ServerProbe::~ServerProbe()
{
    // Results still queued for us are discarded with this object; the threads must not
    // outlive it because they post to it.
    for (QThread *thread : m_threads) {
        thread->wait();
        delete thread;
    }
}

void ServerProbe::probe(const Endpoint &endpoint)
{
    reapFinishedThreads();
    const quint64 generation = ++m_generation;
    m_busy = true;
    const int timeoutMs = m_timeoutMs;

    QThread *thread = QThread::create([this, endpoint, generation, timeoutMs] {
        ProbeResult result = runProbe(endpoint, timeoutMs);
        // Queued onto our thread: only there are m_generation and the signals touched.
        QMetaObject::invokeMethod(
            this,
            [this, generation, address = endpoint.address(), result = std::move(result)] {
                if (generation != m_generation)
                    return; // superseded or cancelled
                m_busy = false;
                if (result.summary) {
                    Q_EMIT succeeded(*result.summary);
                    return;
                }
                QString reason;
                switch (result.error.kind) {
                case RedisErrorKind::Refused:
                    reason = tr("Nothing is listening at %1. Is the server running?").arg(address);
                    break;
                case RedisErrorKind::Unresolved:
                    reason = tr("The host name in %1 does not resolve.").arg(address);
                    break;
                case RedisErrorKind::Timeout:
                    reason = tr("%1 did not answer within %2 s.").arg(address).arg(m_timeoutMs / 1000.0);
                    break;
                case RedisErrorKind::AuthFailed:
                    reason = tr("%1 rejected the login: check the user name and password.").arg(address);
                    break;
                default:
                    reason = tr("Could not talk to %1.").arg(address);
                    break;
                }
                Q_EMIT failed(reason, result.error.message);
            },
            Qt::QueuedConnection);
    });
    m_threads.push_back(thread);
    thread->start();
}

void ServerProbe::cancel()
{
    ++m_generation;
    m_busy = false;
}

void ServerProbe::reapFinishedThreads()
{
    std::erase_if(m_threads, [](QThread *thread) {
        if (!thread->isFinished())
            return false;
        delete thread;
        return true;
    });
}

} // namespace cwb
