#include "serversampler.h"

#include "loadworker.h"
#include "redis/redisconnection.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace cwb {

struct ServerSampler::State
{
    std::mutex mutex;
    std::condition_variable wake;
    bool stop = false;
    std::optional<ServerSample> latest;
    qint64 peak = -1;
};

ServerSample ServerSample::from(const InfoSnapshot &info, int64_t monotonicNs)
{
    ServerSample s;
    s.monotonicNs = monotonicNs;
    s.usedMemory = info.memory.usedMemory;
    s.cpuSeconds = info.cpu.usedCpuSys + info.cpu.usedCpuUser;
    s.keyspaceHits = info.stats.keyspaceHits;
    s.keyspaceMisses = info.stats.keyspaceMisses;
    s.expiredKeys = info.stats.expiredKeys;
    s.evictedKeys = info.stats.evictedKeys;
    return s;
}

ServerSampler::ServerSampler(Endpoint endpoint, int timeoutMs)
    : m_state(std::make_shared<State>())
    , m_endpoint(std::move(endpoint))
    , m_timeoutMs(timeoutMs)
{
}

ServerSampler::~ServerSampler()
{
    stop();
}

void ServerSampler::start()
{
    if (m_started)
        return;
    m_started = true;
    RedisConnection::Options options;
    options.connectTimeoutMs = m_timeoutMs;
    options.commandTimeoutMs = m_timeoutMs;
    options.reconnectAttempts = 1;
    options.clientName = "cwb-sampler";
    std::thread([state = m_state, endpoint = m_endpoint, options] {
        RedisConnection connection(endpoint, options);
        std::unique_lock lock(state->mutex);
        while (!state->stop) {
            lock.unlock();
            std::optional<ServerSample> sample;
            if (connection.isConnected() || connection.connect()) {
                if (const auto text = connection.info())
                    sample = ServerSample::from(parseInfo(*text), LoadWorker::nowNs());
            }
            lock.lock();
            if (sample) {
                state->latest = sample;
                state->peak = std::max(state->peak, sample->usedMemory);
            }
            state->wake.wait_for(lock, std::chrono::seconds(1), [&] { return state->stop; });
        }
    }).detach();
}

void ServerSampler::stop()
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stop = true;
    }
    m_state->wake.notify_all();
}

std::optional<ServerSample> ServerSampler::latest() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->latest;
}

qint64 ServerSampler::peakUsedMemory() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->peak;
}

} // namespace cwb
