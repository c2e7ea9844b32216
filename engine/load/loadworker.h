#pragma once

#include "cluster/clusterslots.h"
#include "connecttarget.h"
#include "loadconfig.h"
#include "redis/transport.h"
#include "runstats.h"
#include "workload.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include <QString>

#include <sys/types.h>

struct epoll_event;

namespace cwb {

struct RespReply;
class TlsContext;

// One worker thread's share of the virtual users, all driven by a single epoll loop over
// non-blocking sockets. hiredis is used only as a RESP reply parser (redisReader); sockets,
// scheduling and writes are ours, so a loop turn makes one send() per socket with data to
// send and one read() per readable socket. Against a rediss:// target every link speaks TLS
// through a Transport (redis/transport.h): the handshake runs inside the same loop, between
// connecting and logging in, and a turn's one write is one SSL_write of the staged bytes.
//
// A virtual user has one connection (a "link") per server: one against a standalone server,
// one per master against a Redis Cluster, where each command goes to the master owning its
// key's slot; MOVED updates the slot map and re-sends, ASK re-sends once after ASKING, and a
// lost master triggers CLUSTER SLOTS refreshes until its replica has taken over.
//
// Closed loop: each user keeps `pipeline` operations in flight. Open loop: each user has a
// fixed schedule (rate / users); an operation's latency is measured from its *intended*
// start, so a slow server shows up as latency rather than as less load, and a user whose
// connection is busy or down still consumes its schedule (down: the operation fails). To wake
// once per batch rather than twice per request, the open loop sends the requests due within
// a millisecond together (one sent early is timed from its send) and, in steady state, reads
// the replies at the next send turn - from the sockets that await one, without asking epoll -
// timing each by the kernel's receive timestamp.
//
// Statistics are recorded into the worker's own StatsBlock under a mutex taken once per
// loop turn; the collector swaps them out with collect() a few times a second.
class LoadWorker
{
public:
    struct Settings
    {
        LoadTestConfig config;
        Endpoint endpoint;             // the seed's credentials, for cluster nodes learned later
        ConnectTarget target;          // standalone: the server
        std::optional<ClusterSlotMap> cluster; // set against a Redis Cluster
        std::shared_ptr<const ValuePool> values;
        int firstUser = 0;  // global index of this worker's first user
        int userCount = 0;  // users on this worker
        int totalUsers = 0; // users in the whole run (for the open-loop phase offsets)
        // Monotonic time at which users start sending (0 until the run gives the go, once
        // every user had its chance to connect); also the open-loop schedule's origin.
        const std::atomic<int64_t> *startNs = nullptr;
        // TLS: the run's one context, shared by every worker and link. An SSL_CTX is safe to
        // share once built: SSL_new only takes a reference, and the client keeps no session
        // cache in it. Null: plain text.
        std::shared_ptr<const TlsContext> tls;
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
    // Users whose every needed connection is up.
    int connectedUsers() const { return m_connected.load(std::memory_order_relaxed); }
    // Why the first connection that failed to come up failed, in one sentence with the address
    // ("TLS handshake with 127.0.0.1:6380 failed: certificate verify failed: ..."); empty if none
    // said more than its error kind.
    QString firstConnectFailure();

    static int64_t nowNs();
    static int64_t realtimeOffsetNs(int64_t previous);

private:
    struct Link;
    struct User;
    struct InFlightOp;

    Link *linkFor(User &user, int node, int64_t now);
    const ConnectTarget *targetFor(int node);
    void startConnect(Link &link, int64_t now);
    void onConnectable(Link &link, int64_t now);
    void advanceHandshake(Link &link, int64_t now);
    void onConnected(Link &link, int64_t now);
    void noteConnectFailure(const QString &why);
    void onReady(Link &link, int64_t now);
    void failLink(Link &link, RedisErrorKind kind, int64_t now);
    IoResult receive(Link &link, char *buffer, size_t size, int64_t &arrivedNs, RedisErrorKind &failure);
    // Why a stream that ended or failed (`kind`: as the socket or TLS said), as the error kind a
    // user can act on; a TLS link that never answered also keeps the sentence.
    RedisErrorKind streamFailure(Link &link, RedisErrorKind kind);
    void readReplies(Link &link, int64_t now);
    // `arrivedNs`: when the reply reached the socket (the read time unless the kernel stamped it).
    void processReply(Link &link, const RespReply &reply, int64_t now, int64_t arrivedNs);
    bool followRedirect(Link &link, std::string_view error, uint32_t slot, std::string &command, int64_t now);
    bool canIssue(const User &user) const;
    void startOp(User &user, int64_t intendedNs, int64_t now);
    void dispatch(User &user, uint32_t slot, const RespBuffer &staged, int64_t now);
    void sendCommand(User &user, uint32_t slot, int node, std::string_view bytes, int64_t now);
    // A replica of `slot` whose connection is up, round robin per user; -1: read from the master.
    int pickReplica(User &user, int slot, int64_t now);
    void failCommand(User &user, uint32_t slot, RedisErrorKind kind, int64_t now);
    // `doneNs` ends the operation's latency; `now` is the loop's time.
    void completeOp(User &user, uint32_t slot, int64_t now, int64_t doneNs);
    void dropStep2(InFlightOp &op); // the operation will not send its second step
    void countFailedOp(OpType op, RedisErrorKind kind);
    void wantIssue(User &user);
    void setBlocked(User &user, bool blocked);
    void serviceOpenLoop(User &user, int64_t now);
    void serviceSchedule(int64_t now);
    void scan(int64_t now);
    void requestSlotRefresh(int64_t now);
    // Which nodes serve us (own a slot, or replicas we read from), after the slot map changed.
    void noteServingNodes();
    bool servesUs(int node) const { return size_t(node) >= m_nodeServes.size() || m_nodeServes[size_t(node)]; }
    void beginSending(int64_t startNs);
    void markDirty(Link &link);
    void flush(Link &link, int64_t now);
    void flushTls(Link &link, int64_t now);
    void setWriteInterest(Link &link, bool on);
    int64_t nextWakeNs(int64_t now) const;
    bool canDeferReplies(int64_t now, int64_t wakeNs) const;
    int waitForEvents(std::vector<epoll_event> &events, int64_t now, int64_t wakeNs, bool deferReplies);
    int awaitedReadable(std::vector<epoll_event> &events);

    Settings m_settings;
    bool m_openLoop = false;
    bool m_clusterMode = false;
    bool m_readFromReplicas = false; // against a cluster with config.readFromReplicas
    bool m_started = false;
    int m_pipeline = 1;
    int64_t m_timeoutNs = 0;
    int64_t m_userIntervalNs = 0;
    int64_t m_batchWindowNs = 0;     // open loop: requests due this close together share a turn
    bool m_allRepliesStamped = true; // open loop: every link reports when its replies arrived
    int m_blockedUsers = 0;          // open loop: users with due work they cannot send yet
    int m_opsBeforeStep2 = 0;        // operations whose second step waits for a reply
    int64_t m_realtimeOffsetNs = 0;  // CLOCK_REALTIME - CLOCK_MONOTONIC, for receive stamps
    int m_epoll = -1;
    bool m_usePwait2 = true;
    std::vector<std::unique_ptr<User>> m_users;
    std::vector<std::unique_ptr<Link>> m_links;
    std::vector<std::optional<ConnectTarget>> m_targets; // cluster: per node, resolved on demand
    ClusterSlotMap m_slots;
    // By node index: false for a node that no longer serves us (a failed master whose replica took
    // over), whose link is then not reconnected. Nodes learned since (MOVED) count as serving.
    std::vector<char> m_nodeServes;
    bool m_refreshInFlight = false;
    bool m_refreshWanted = false;
    int64_t m_nextRefreshNs = 0;
    std::vector<Link *> m_dirty;     // have bytes to write this turn
    std::vector<Link *> m_awaited;   // open loop: have replies to come (see awaitedReadable)
    int64_t m_lastPollNs = 0;        // the last epoll_wait
    std::vector<User *> m_needIssue; // closed loop: have room for more operations
    struct ScheduleEntry
    {
        int64_t due;
        uint32_t user;
        bool operator>(const ScheduleEntry &o) const { return due > o.due; }
    };
    std::vector<ScheduleEntry> m_schedule; // min-heap on due time (open loop)

    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connected{0};
    std::mutex m_statsMutex;
    StatsBlock m_stats;
    std::vector<OpCounters> m_nodeStats; // cluster: by node index, folded into m_stats.nodes on collect
    QString m_firstConnectFailure;       // under m_statsMutex
};

} // namespace cwb
