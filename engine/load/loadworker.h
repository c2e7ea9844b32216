#pragma once

#include "connecttarget.h"
#include "loadconfig.h"
#include "runstats.h"
#include "workload.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace cwb {

// One worker thread's share of the virtual users: each user is one non-blocking connection,
// and all of them are driven by a single epoll loop. hiredis is used only as a RESP reply
// parser (redisReader); sockets, scheduling and writes are ours, so a loop turn makes one
// write per connection with data to send, and one read per readable connection.
//
// Closed loop: each user keeps `pipeline` operations in flight. Open loop: each user has a
// fixed schedule (rate / users); an operation's latency is measured from its *intended*
// start, so a slow server shows up as latency rather than as less load, and a user whose
// connection is busy or down still consumes its schedule (down: the operation fails).
//
// Statistics are recorded into the worker's own StatsBlock under a mutex taken once per
// loop turn; the collector swaps them out with collect() a few times a second.
class LoadWorker
{
public:
    struct Settings
    {
        LoadTestConfig config;
        ConnectTarget target;
        std::shared_ptr<const ValuePool> values;
        int firstUser = 0;      // global index of this worker's first user
        int userCount = 0;      // users on this worker
        int totalUsers = 0;     // users in the whole run (for the open-loop phase offsets)
        // Monotonic time at which users start sending (0 until the run gives the go, once
        // every user had its chance to connect); also the open-loop schedule's origin.
        const std::atomic<int64_t> *startNs = nullptr;
    };

    explicit LoadWorker(Settings settings);
    ~LoadWorker();
    LoadWorker(const LoadWorker &) = delete;
    LoadWorker &operator=(const LoadWorker &) = delete;

    // The thread body: runs until requestStop(), then drains in-flight operations for up to
    // 200 ms and closes every connection.
    void run();
    void requestStop() { m_stop.store(true, std::memory_order_relaxed); }

    // Adds what was recorded since the last call to `into`, and starts a fresh block.
    void collect(StatsBlock &into);
    int connectedUsers() const { return m_connected.load(std::memory_order_relaxed); }

    static int64_t nowNs();

private:
    struct Connection;

    void startConnect(Connection &c, int64_t now);
    void onConnectable(Connection &c, int64_t now);
    void onReady(Connection &c, int64_t now);
    void failConnection(Connection &c, RedisErrorKind kind, int64_t now);
    void readReplies(Connection &c, int64_t now);
    void processReply(Connection &c, void *reply, int64_t now);
    void startOp(Connection &c, int64_t intendedNs, int64_t now);
    void completeOp(Connection &c, uint32_t slot, int64_t now);
    void countFailedOp(OpType op, RedisErrorKind kind);
    void serviceOpenLoop(Connection &c, int64_t now);
    void serviceSchedule(int64_t now);
    void scan(int64_t now);
    void beginSending(int64_t startNs);
    void markDirty(Connection &c);
    void flush(Connection &c, int64_t now);
    void setWriteInterest(Connection &c, bool on);
    int64_t nextWakeNs(int64_t now) const;

    Settings m_settings;
    bool m_openLoop = false;
    bool m_started = false;
    int m_pipeline = 1;
    int64_t m_timeoutNs = 0;
    int64_t m_userIntervalNs = 0;
    int m_epoll = -1;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::vector<Connection *> m_dirty;      // have bytes to write this turn
    std::vector<Connection *> m_needIssue;  // closed loop: have room for more operations
    struct ScheduleEntry
    {
        int64_t due;
        uint32_t connection;
        bool operator>(const ScheduleEntry &o) const { return due > o.due; }
    };
    std::vector<ScheduleEntry> m_schedule; // min-heap on due time (open loop)

    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connected{0};
    std::mutex m_statsMutex;
    StatsBlock m_stats;
};

} // namespace cwb
