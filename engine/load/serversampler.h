#pragma once

#include "redis/endpoint.h"
#include "redis/infoparser.h"

#include <cstdint>
#include <memory>
#include <optional>

namespace cwb {

// What one INFO told us, stamped with when it arrived.
struct ServerSample
{
    int64_t monotonicNs = 0;
    qint64 usedMemory = 0;
    double cpuSeconds = 0; // used_cpu_sys + used_cpu_user since the server started
    qint64 keyspaceHits = 0;
    qint64 keyspaceMisses = 0;
    qint64 expiredKeys = 0;
    qint64 evictedKeys = 0;

    static ServerSample from(const InfoSnapshot &info, int64_t monotonicNs);
};

// Polls INFO on a thread of its own once a second, so a slow or stopped server delays only
// this thread, never the collector or the GUI. Keeps the latest sample and the peak memory.
//
// stop() does not wait for an INFO in progress (against a paused server that takes a full
// timeout): the thread finishes it on its own and exits, holding the shared state alive.
class ServerSampler
{
public:
    ServerSampler(Endpoint endpoint, int timeoutMs);
    ~ServerSampler();

    void start();
    void stop();
    std::optional<ServerSample> latest() const;
    qint64 peakUsedMemory() const; // -1 before the first sample

private:
    struct State;
    std::shared_ptr<State> m_state;
    Endpoint m_endpoint;
    int m_timeoutMs;
    bool m_started = false;
};

} // namespace cwb
