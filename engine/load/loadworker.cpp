#include "loadworker.h"

#include "cluster/keyslot.h"
#include "redis/hiredisconvert.h"
#include "respreader.h"

#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>

namespace cwb {

namespace {

// Pending replies that belong to no operation.
constexpr uint32_t kControlSlot = UINT32_MAX;       // AUTH / SELECT on a fresh connection
constexpr uint32_t kIgnoreSlot = UINT32_MAX - 1;    // ASKING before a redirected command
constexpr uint32_t kSlotsRefreshSlot = UINT32_MAX - 2; // CLUSTER SLOTS

constexpr int64_t kMs = 1'000'000;
constexpr int64_t kDrainNs = 200 * kMs;
constexpr int64_t kScanIntervalNs = 2 * kMs;
constexpr int64_t kMaxWaitNs = 20 * kMs; // bounds how late a stop request is noticed
constexpr int64_t kFirstBackoffNs = 50 * kMs;
constexpr int64_t kMaxBackoffNs = 1000 * kMs;
constexpr int64_t kRefreshIntervalNs = 300 * kMs;
// Open loop. Every wake-up of an idle core costs more than a request itself, so requests due
// close together go out in one loop turn: those due within this window (shorter at high rates,
// so a turn sends about kBatchRequests) leave with the first. A request sent early is timed
// from when it was sent; one sent late (a stalled server) from when it was due.
constexpr int64_t kMaxBatchWindowNs = kMs;
constexpr int kBatchRequests = 8;
// The loop asks to be woken this much before the first due request: the kernel's timer slack
// (50 us by default) then makes it on time rather than late.
constexpr int64_t kWakeLeadNs = 60'000;
// A steady open loop reads the replies it awaits straight from their sockets after its timed
// sleep; epoll, for everything else a socket may say (a connection that ended while idle, room to
// write again), is asked at least this often.
constexpr int64_t kDeferredPollIntervalNs = 10 * kMs;
constexpr size_t kReadChunk = 64 * 1024;

// Handshaking: TLS only, between the TCP connect and the login; it shares the connect timeout.
enum class State { Disconnected, Connecting, Handshaking, Authenticating, Ready };

struct PendingReply
{
    uint32_t slot = 0;
    int64_t sentNs = 0;
    std::string command; // cluster only: the bytes, to re-send on MOVED / ASK
};

// The command name of the RESP command at `start` ("*N\r\n$len\r\nNAME\r\n..."); empty if
// the bytes are not shaped like that.
std::string_view commandName(const std::string &bytes, size_t start, size_t end)
{
    const size_t header = bytes.find('\n', start);
    if (header == std::string::npos || header + 2 >= end || bytes[header + 1] != '$')
        return {};
    size_t length = 0;
    const char *digits = bytes.data() + header + 2;
    const auto [ptr, ec] = std::from_chars(digits, bytes.data() + end, length);
    if (ec != std::errc() || ptr + 2 + length > bytes.data() + end)
        return {};
    return std::string_view(ptr + 2, length);
}

bool sameCommand(std::string_view name, std::string_view upper)
{
    return name.size() == upper.size()
        && std::equal(name.begin(), name.end(), upper.begin(),
                      [](char a, char b) { return (a >= 'a' && a <= 'z' ? char(a - 32) : a) == b; });
}

RedisErrorKind errorKindOf(const RespReply &error)
{
    return classifyErrorReply(QString::fromUtf8(error.text.data(), qsizetype(error.text.size())));
}

using HiredisReply = std::unique_ptr<redisReply, void (*)(void *)>;

// The hiredis object of one whole reply, for the few whose structure matters (an EXEC result,
// CLUSTER SLOTS); null if hiredis does not take it.
HiredisReply structured(const RespReply &whole)
{
    redisReader *reader = redisReaderCreate();
    void *reply = nullptr;
    if (redisReaderFeed(reader, whole.raw.data(), whole.raw.size()) != REDIS_OK
        || redisReaderGetReply(reader, &reply) != REDIS_OK)
        reply = nullptr;
    redisReaderFree(reader);
    return HiredisReply(static_cast<redisReply *>(reply), freeReplyObject);
}

// Purely reading commands a replica may serve. These are the reads the workload sends (see
// workload.h) plus their close relatives; anything else - writes, EXPIRE, transactions - goes
// to the master.
bool isReadOnlyCommand(std::string_view name)
{
    for (std::string_view read : {"GET", "HGETALL", "GEOSEARCH", "SMEMBERS", "MGET", "HGET", "HMGET", "EXISTS",
                                  "TTL", "PTTL", "STRLEN", "GEORADIUS_RO", "GEORADIUSBYMEMBER_RO", "GEOPOS",
                                  "GEODIST", "ZRANGE", "ZSCORE", "SCARD", "SISMEMBER", "HLEN", "TYPE"}) {
        if (sameCommand(name, read))
            return true;
    }
    return false;
}

// A FIFO of pending replies that reuses its storage: replies arrive in send order.
class PendingQueue
{
public:
    bool empty() const { return m_count == 0; }
    const PendingReply &front() const { return m_items[m_head]; }
    void push(PendingReply item)
    {
        if (m_count == m_items.size())
            grow();
        m_items[(m_head + m_count) & (m_items.size() - 1)] = std::move(item);
        ++m_count;
    }
    PendingReply pop()
    {
        PendingReply item = std::move(m_items[m_head]);
        m_head = (m_head + 1) & (m_items.size() - 1);
        --m_count;
        return item;
    }
    template<typename F>
    void forEach(F f) const
    {
        for (size_t i = 0; i < m_count; ++i)
            f(m_items[(m_head + i) & (m_items.size() - 1)]);
    }
    void clear() { m_head = m_count = 0; }

private:
    void grow()
    {
        std::vector<PendingReply> bigger(std::max<size_t>(16, m_items.size() * 2));
        for (size_t i = 0; i < m_count; ++i)
            bigger[i] = std::move(m_items[(m_head + i) & (m_items.size() - 1)]);
        m_items.swap(bigger);
        m_head = 0;
    }
    std::vector<PendingReply> m_items;
    size_t m_head = 0;
    size_t m_count = 0;
};

} // namespace

struct LoadWorker::InFlightOp
{
    OpType op = OpType::Read;
    int64_t intendedNs = 0;
    int remaining = 0; // replies still to come
    int seen = 0;      // replies received
    int hitReply = -1;
    int node = 0;      // where its first command went (per-node statistics)
    bool hasStep2 = false;
    bool hit = false;
    RedisErrorKind error = RedisErrorKind::None;
};

struct LoadWorker::Link
{
    ~Link() { close(); }

    void close()
    {
        transport.reset(); // before the socket it writes its close_notify to
        if (fd >= 0)
            ::close(fd); // also removes it from the epoll set
        fd = -1;
    }

    uint32_t index = 0; // in m_links, and the epoll data
    User *user = nullptr;
    int node = 0;
    int fd = -1;
    bool stamped = false; // reads carry the kernel's receive timestamp (SO_TIMESTAMPNS)
    std::unique_ptr<Transport> transport; // TLS only; plain links use recv()/send() directly
    bool readWantsWrite = false;  // TLS: SSL_read waits until the socket is writable
    bool writeWantsRead = false;  // TLS: SSL_write waits until the socket is readable
    bool answered = false;        // this connection has received bytes
    State state = State::Disconnected;
    RespReader reader;
    RespBuffer out;
    size_t outSent = 0;
    bool writeInterest = false;
    bool dirty = false;
    bool awaited = false; // in m_awaited (an open loop whose replies can be deferred)
    PendingQueue pending;
    int controlRemaining = 0;
    int64_t reconnectAtNs = 0;
    int64_t backoffNs = 0;
    int64_t connectStartNs = 0;
    bool everConnected = false;
    RedisErrorKind lastError = RedisErrorKind::Refused;
};

struct LoadWorker::User
{
    User(uint32_t index, Workload workload)
        : index(index)
        , workload(std::move(workload))
    {
    }

    uint32_t index;
    Workload workload;
    RespBuffer staging; // cluster: commands before routing
    std::vector<InFlightOp> ops;
    std::vector<uint32_t> freeSlots;
    int inFlight = 0;
    std::vector<Link *> links; // by node; nullptr until first needed
    uint32_t replicaCursor = 0; // round robin over a slot's replicas
    bool needIssue = false;
    int64_t parkedUntilNs = 0; // cluster closed loop: back off after an instant failure
    // Open loop.
    int64_t nextDueNs = 0;
    bool blocked = false; // due work it cannot send now; out of the schedule heap until unblocked
};

// CLOCK_REALTIME - CLOCK_MONOTONIC, to turn the kernel's receive stamps (real time) into loop
// time. The real-time read is bracketed by two monotonic ones: a thread preempted in between
// would misjudge the offset by the preemption and date replies before they were sent. Up to three
// tries, the narrowest bracket wins; if none is narrow, the previous offset stays.
int64_t LoadWorker::realtimeOffsetNs(int64_t previous)
{
    constexpr int64_t kMaxBracketNs = 20'000;
    int64_t best = previous;
    int64_t bestBracket = previous == 0 ? INT64_MAX : kMaxBracketNs;
    for (int attempt = 0; attempt < 3 && bestBracket > kMaxBracketNs / 4; ++attempt) {
        const int64_t before = nowNs();
        timespec real;
        clock_gettime(CLOCK_REALTIME, &real);
        const int64_t after = nowNs();
        if (after - before < bestBracket) {
            bestBracket = after - before;
            best = int64_t(real.tv_sec) * 1'000'000'000 + real.tv_nsec - (before + (after - before) / 2);
        }
    }
    return best;
}

int64_t LoadWorker::nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

LoadWorker::LoadWorker(Settings settings)
    : m_settings(std::move(settings))
{
    const auto &config = m_settings.config;
    m_openLoop = config.isOpenLoop();
    m_clusterMode = m_settings.cluster.has_value();
    m_readFromReplicas = m_clusterMode && config.readFromReplicas;
    m_pipeline = std::max(1, config.pipeline);
    m_timeoutNs = int64_t(config.requestTimeoutMs) * kMs;
    if (m_openLoop) {
        m_userIntervalNs = std::max<int64_t>(1, int64_t(1e9 * double(m_settings.totalUsers) / config.requestsPerSecond));
        // Below half a user's interval, so no user sends two requests early in one turn.
        const int64_t workerSpacingNs = m_userIntervalNs / std::max(1, m_settings.userCount);
        m_batchWindowNs = std::min({kMaxBatchWindowNs, m_userIntervalNs / 2, kBatchRequests * workerSpacingNs});
    }
    if (m_clusterMode) {
        m_slots = *m_settings.cluster;
        m_targets.resize(m_slots.nodes.size());
        noteServingNodes();
    }

    for (int i = 0; i < m_settings.userCount; ++i) {
        const uint64_t user = uint64_t(m_settings.firstUser + i);
        auto u = std::make_unique<User>(uint32_t(i), Workload(config, m_settings.values, config.seed, user));
        u->replicaCursor = uint32_t(user); // users start on different replicas of a slot
        u->workload.setClusterMode(m_clusterMode);
        u->staging.recordMarks(true);
        m_users.push_back(std::move(u));
    }
}

LoadWorker::~LoadWorker()
{
    m_links.clear();
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void LoadWorker::collect(StatsBlock &into)
{
    std::lock_guard lock(m_statsMutex);
    into.merge(m_stats);
    m_stats.reset();
    for (size_t node = 0; node < m_nodeStats.size(); ++node) {
        if (m_nodeStats[node].count) {
            into.nodes[m_slots.nodes[node].address()].merge(m_nodeStats[node]);
            m_nodeStats[node].reset();
        }
    }
}

void LoadWorker::run()
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    std::vector<epoll_event> events(256);
    int64_t nextScan = 0;
    bool draining = false;
    int64_t drainDeadline = 0;

    std::unique_lock lock(m_statsMutex);
    {
        const int64_t now = nowNs();
        std::vector<int> nodes = m_clusterMode ? m_slots.owningNodes() : std::vector<int>{0};
        if (m_readFromReplicas) {
            // Replica links connect up front too: the run starts once they are ready, so the
            // first reads already go where they are meant to.
            const std::vector<int> replicas = m_slots.replicaNodes();
            nodes.insert(nodes.end(), replicas.begin(), replicas.end());
        }
        for (auto &u : m_users) {
            for (int node : nodes)
                linkFor(*u, node, now);
        }
    }

    for (;;) {
        int64_t now = nowNs();
        if (!m_started) {
            const int64_t start = m_settings.startNs->load(std::memory_order_acquire);
            if (start != 0 && now >= start)
                beginSending(start);
        }
        if (!draining && m_stop.load(std::memory_order_relaxed)) {
            draining = true;
            drainDeadline = now + kDrainNs;
        }
        if (draining) {
            bool idle = true;
            for (auto &u : m_users)
                idle = idle && u->inFlight == 0;
            if (idle || now >= drainDeadline)
                break;
        }
        if (now >= nextScan) {
            scan(now);
            nextScan = now + kScanIntervalNs;
        }
        if (!draining && m_started) {
            if (m_openLoop) {
                serviceSchedule(now);
            } else {
                // startOp may complete operations at once (a command for a server that is
                // down), which appends to m_needIssue: iterate by index over a moving list.
                for (size_t i = 0; i < m_needIssue.size(); ++i) {
                    User &u = *m_needIssue[i];
                    u.needIssue = false;
                    while (canIssue(u) && u.inFlight < m_pipeline)
                        startOp(u, now, now);
                }
                m_needIssue.erase(std::remove_if(m_needIssue.begin(), m_needIssue.end(),
                                                 [](User *u) { return !u->needIssue; }),
                                  m_needIssue.end());
            }
        }
        for (size_t i = 0; i < m_dirty.size(); ++i) {
            Link &link = *m_dirty[i];
            flush(link, now);
            if (m_openLoop && m_allRepliesStamped && !link.awaited && !link.pending.empty()) {
                link.awaited = true;
                m_awaited.push_back(&link);
            }
        }
        m_dirty.clear();

        const int64_t wakeNs = draining ? std::min(now + kMs, drainDeadline) : nextWakeNs(now);
        const bool deferReplies = !draining && canDeferReplies(now, wakeNs);
        lock.unlock();
        const int n = waitForEvents(events, now, wakeNs, deferReplies);
        lock.lock();
        now = nowNs();
        if (m_openLoop)
            m_realtimeOffsetNs = realtimeOffsetNs(m_realtimeOffsetNs);
        for (int i = 0; i < n; ++i) {
            Link &link = *m_links[events[size_t(i)].data.u32];
            const uint32_t ev = events[size_t(i)].events;
            if (link.fd < 0)
                continue; // failed earlier in this batch
            if (link.state == State::Connecting) {
                onConnectable(link, now);
                continue;
            }
            if (link.state == State::Handshaking) {
                advanceHandshake(link, now);
                continue;
            }
            if ((ev & (EPOLLIN | EPOLLERR | EPOLLHUP)) || (link.readWantsWrite && (ev & EPOLLOUT)))
                readReplies(link, now);
            if (link.fd >= 0 && ((ev & EPOLLOUT) || (link.writeWantsRead && (ev & EPOLLIN))))
                flush(link, now);
        }
    }

    for (auto &link : m_links)
        link->close();
    m_connected.store(0);
}

void LoadWorker::beginSending(int64_t startNs)
{
    m_started = true;
    if (!m_openLoop)
        return; // ready users are already queued in m_needIssue
    const double rate = m_settings.config.requestsPerSecond;
    for (auto &u : m_users) {
        // Users' schedules interleave evenly: together they send every 1/rate seconds.
        const uint64_t user = uint64_t(m_settings.firstUser) + u->index;
        u->nextDueNs = startNs + int64_t(double(user) * 1e9 / rate);
        m_schedule.push_back({u->nextDueNs, u->index});
    }
    std::make_heap(m_schedule.begin(), m_schedule.end(), std::greater<>());
}

int64_t LoadWorker::nextWakeNs(int64_t now) const
{
    if ((m_started && !m_needIssue.empty()) || !m_dirty.empty())
        return now;
    int64_t wake = now + (m_started ? kMaxWaitNs : kMs); // before the go: poll for it
    if (m_openLoop && !m_schedule.empty())
        wake = std::min(wake, m_schedule.front().due - std::min(kWakeLeadNs, m_batchWindowNs));
    return std::max(now, wake);
}

// A steady open loop sleeps until its next send turn without watching its sockets and reads the
// replies then: one wake-up per turn instead of one per reply too. Each reply is timed by the
// kernel's receive timestamp, so reading it later does not add to its latency. A reply that lets
// something else be sent - to a user waiting for it (blocked), or the first step of a two-step
// operation - is read at once, or the wait would add to the latency of what follows.
bool LoadWorker::canDeferReplies(int64_t now, int64_t wakeNs) const
{
    return m_openLoop && m_started && m_allRepliesStamped && m_blockedUsers == 0 && m_opsBeforeStep2 == 0
        && wakeNs > now;
}

int LoadWorker::waitForEvents(std::vector<epoll_event> &events, int64_t now, int64_t wakeNs, bool deferReplies)
{
    int64_t waitNs = std::max<int64_t>(0, wakeNs - now);
    if (deferReplies) {
        // Off the sockets' wait queues, a reply arriving meanwhile wakes nobody.
        const timespec until{time_t(wakeNs / 1'000'000'000), long(wakeNs % 1'000'000'000)};
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, nullptr) == EINTR) {
        }
        if (wakeNs - m_lastPollNs < kDeferredPollIntervalNs)
            return awaitedReadable(events);
        waitNs = 0;
    }
    m_lastPollNs = wakeNs > now ? wakeNs : now;
    if (m_usePwait2) {
        const timespec timeout{time_t(waitNs / 1'000'000'000), long(waitNs % 1'000'000'000)};
        const int n = epoll_pwait2(m_epoll, events.data(), int(events.size()), &timeout, nullptr);
        if (n >= 0 || errno != ENOSYS)
            return n;
        m_usePwait2 = false; // kernels before 5.11: millisecond waits
    }
    return epoll_wait(m_epoll, events.data(), int(events.size()), int((waitNs + kMs - 1) / kMs));
}

// The links whose replies are awaited, as readable events: an epoll_wait saved per turn, since
// after the sleep their replies are there. One whose reply has not come yet costs a read that
// finds the socket empty, and is read again at the next turn. The edges epoll has queued for them
// meanwhile come back from its next epoll_wait, as reads that find the sockets empty.
int LoadWorker::awaitedReadable(std::vector<epoll_event> &events)
{
    size_t kept = 0;
    for (Link *link : m_awaited) {
        // Connecting (a reconnect): epoll says when it is done, not a read.
        const bool reading = link->state == State::Ready || link->state == State::Authenticating;
        if (link->fd >= 0 && reading && !link->pending.empty())
            m_awaited[kept++] = link;
        else
            link->awaited = false;
    }
    m_awaited.resize(kept);
    if (events.size() < kept)
        events.resize(kept);
    for (size_t i = 0; i < kept; ++i) {
        events[i].events = EPOLLIN;
        events[i].data.u32 = m_awaited[i]->index;
    }
    return int(kept);
}

const ConnectTarget *LoadWorker::targetFor(int node)
{
    if (!m_clusterMode)
        return &m_settings.target;
    if (size_t(node) >= m_targets.size())
        m_targets.resize(m_slots.nodes.size());
    if (!m_targets[size_t(node)]) {
        // Nodes announce IP addresses, so this resolves without a DNS round trip.
        QString error;
        m_targets[size_t(node)] =
            ConnectTarget::resolve(clusterNodeEndpoint(m_settings.endpoint, m_slots.nodes[size_t(node)]), &error);
        if (m_readFromReplicas && m_targets[size_t(node)]) {
            // READONLY after AUTH, on every node's connection: a replica serves reads of its
            // master's slots only with it, and a master ignores it - so a node promoted or
            // demoted by a failover needs no new connection.
            RespBuffer readOnly;
            readOnly.beginCommand(1);
            readOnly.arg("READONLY");
            m_targets[size_t(node)]->preamble.append(readOnly.bytes());
            ++m_targets[size_t(node)]->preambleReplies;
        }
    }
    return m_targets[size_t(node)] ? &*m_targets[size_t(node)] : nullptr;
}

LoadWorker::Link *LoadWorker::linkFor(User &u, int node, int64_t now)
{
    if (size_t(node) >= u.links.size())
        u.links.resize(size_t(node) + 1, nullptr);
    if (!u.links[size_t(node)]) {
        auto link = std::make_unique<Link>();
        link->index = uint32_t(m_links.size());
        link->user = &u;
        link->node = node;
        u.links[size_t(node)] = link.get();
        m_links.push_back(std::move(link));
        startConnect(*u.links[size_t(node)], now);
    }
    return u.links[size_t(node)];
}

void LoadWorker::startConnect(Link &link, int64_t now)
{
    const ConnectTarget *target = targetFor(link.node);
    link.connectStartNs = now;
    if (!target) {
        failLink(link, RedisErrorKind::Unresolved, now);
        return;
    }
    link.fd = ::socket(target->family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (link.fd < 0) {
        failLink(link, classifyErrno(errno), now);
        return;
    }
    link.stamped = false;
    link.answered = false;
    link.readWantsWrite = link.writeWantsRead = false;
    if (m_settings.tls)
        link.transport = makeTransport(link.fd, m_settings.tls, target->tlsServerName);
    if (target->family != AF_UNIX) {
        int one = 1;
        ::setsockopt(link.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        // Not with TLS: a kernel stamp dates the TCP segment, but SSL_read hands over records
        // that may have come in several segments, or wait in OpenSSL's buffer from an earlier
        // read, so the stamp of a reply is not to be had without a BIO of our own that would
        // still have to guess which segment finished which record. A TLS link's replies are read
        // as they come instead (m_allRepliesStamped goes false, so the open loop does not defer
        // them) and timed when decrypted - which is also when a TLS client's application has them.
        if (m_openLoop && !link.transport)
            link.stamped = ::setsockopt(link.fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one) == 0;
    }
    if (m_openLoop && !link.stamped)
        m_allRepliesStamped = false; // its replies must be read as they come
    link.reader.reset();
    // The login goes first in the output, so commands queued while connecting follow it.
    link.out.clear();
    link.outSent = 0;
    link.out.bytes().append(target->preamble);
    for (int i = 0; i < target->preambleReplies; ++i)
        link.pending.push({kControlSlot, now, {}});
    link.controlRemaining = target->preambleReplies;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT | EPOLLET;
    ev.data.u32 = link.index;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, link.fd, &ev);
    link.writeInterest = true;
    link.state = State::Connecting;
    if (::connect(link.fd, reinterpret_cast<const sockaddr *>(&target->address), target->addressLength) == 0)
        onConnectable(link, now);
    else if (errno != EINPROGRESS && errno != EAGAIN)
        failLink(link, classifyErrno(errno), now);
}

void LoadWorker::onConnectable(Link &link, int64_t now)
{
    int err = 0;
    socklen_t len = sizeof err;
    if (::getsockopt(link.fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
        err = errno;
    if (err != 0) {
        failLink(link, classifyErrno(err), now);
        return;
    }
    if (link.transport) {
        link.state = State::Handshaking;
        advanceHandshake(link, now);
        return;
    }
    onConnected(link, now);
}

// One step of the TLS handshake; the socket's readiness for what OpenSSL waits on brings the next.
void LoadWorker::advanceHandshake(Link &link, int64_t now)
{
    switch (link.transport->handshake()) {
    case IoStatus::Ok:
        onConnected(link, now);
        return;
    case IoStatus::WantRead:
        setWriteInterest(link, false);
        return;
    case IoStatus::WantWrite:
        setWriteInterest(link, true);
        return;
    case IoStatus::Closed:
    case IoStatus::Failed:
        break;
    }
    const RedisError &why = link.transport->failure();
    noteConnectFailure(QStringLiteral("TLS handshake with %1 failed: %2").arg(targetFor(link.node)->displayAddress, why.message));
    failLink(link, why.kind, now);
}

void LoadWorker::noteConnectFailure(const QString &why)
{
    if (m_firstConnectFailure.isEmpty())
        m_firstConnectFailure = why; // the caller holds m_statsMutex (the loop runs under it)
}

QString LoadWorker::firstConnectFailure()
{
    std::lock_guard lock(m_statsMutex);
    return m_firstConnectFailure;
}

void LoadWorker::onConnected(Link &link, int64_t now)
{
    setWriteInterest(link, false);
    if (link.everConnected)
        ++m_stats.reconnects;
    link.everConnected = true;
    if (link.controlRemaining > 0)
        link.state = State::Authenticating;
    else
        onReady(link, now);
    if (!link.out.bytes().empty())
        markDirty(link);
}

void LoadWorker::onReady(Link &link, int64_t now)
{
    link.state = State::Ready;
    link.backoffNs = 0;
    User &u = *link.user;
    if (m_openLoop) {
        if (u.blocked)
            serviceOpenLoop(u, now);
    } else {
        wantIssue(u);
    }
}

void LoadWorker::failLink(Link &link, RedisErrorKind kind, int64_t now)
{
    User &u = *link.user;
    if (link.state != State::Ready || link.pending.empty())
        ++m_stats.connectErrors[size_t(kind)];
    // Every operation waiting on this connection fails with its error, once.
    std::vector<std::pair<uint32_t, int>> lost; // op slot, replies lost
    link.pending.forEach([&](const PendingReply &p) {
        if (p.slot == kSlotsRefreshSlot)
            m_refreshInFlight = false;
        if (p.slot >= kSlotsRefreshSlot)
            return;
        if (!lost.empty() && lost.back().first == p.slot)
            ++lost.back().second;
        else
            lost.push_back({p.slot, 1});
    });
    link.pending.clear();
    link.out.clear();
    link.outSent = 0;
    link.controlRemaining = 0;
    link.close();
    link.reader.reset(); // it may hold half a reply
    link.writeInterest = false;
    link.state = State::Disconnected;
    link.lastError = kind;
    link.backoffNs = link.backoffNs == 0 ? kFirstBackoffNs : std::min(kMaxBackoffNs, link.backoffNs * 2);
    link.reconnectAtNs = now + link.backoffNs;
    m_lastPollNs = 0; // when one connection ends, others may have: the next turn asks epoll
    if (m_clusterMode)
        m_refreshWanted = true; // the node may be gone for good: ask who owns its slots now

    for (const auto &[slot, count] : lost) {
        InFlightOp &op = u.ops[slot];
        if (op.remaining <= 0)
            continue;
        if (op.error == RedisErrorKind::None)
            op.error = kind;
        dropStep2(op);
        op.remaining -= count;
        if (op.remaining <= 0)
            completeOp(u, slot, now, now);
    }
    if (m_openLoop && u.blocked)
        serviceOpenLoop(u, now); // its due operations now fail instead of waiting
}

void LoadWorker::countFailedOp(OpType op, RedisErrorKind kind)
{
    OpCounters &counters = m_stats.op(op);
    ++counters.count;
    ++counters.errors;
    ++counters.errorsByKind[size_t(kind)];
}

void LoadWorker::noteServingNodes()
{
    m_nodeServes.assign(m_slots.nodes.size(), 0);
    for (int node : m_slots.owningNodes())
        m_nodeServes[size_t(node)] = 1;
    if (m_readFromReplicas) {
        for (int node : m_slots.replicaNodes())
            m_nodeServes[size_t(node)] = 1;
    }
}

void LoadWorker::scan(int64_t now)
{
    int connected = 0;
    for (auto &up : m_users) {
        User &u = *up;
        bool allReady = true;
        for (Link *link : u.links) {
            if (!link)
                continue;
            // A node that serves us no more would only add refused connects for the rest of the
            // run, and keep its users from counting as connected.
            if (link->state == State::Disconnected && m_clusterMode && !servesUs(link->node))
                continue;
            switch (link->state) {
            case State::Disconnected:
                if (now >= link->reconnectAtNs && !m_stop.load(std::memory_order_relaxed))
                    startConnect(*link, now);
                break;
            case State::Connecting:
                if (now - link->connectStartNs > m_timeoutNs)
                    failLink(*link, RedisErrorKind::Timeout, now);
                break;
            case State::Handshaking:
                if (now - link->connectStartNs > m_timeoutNs) {
                    // A plain-text server reads a ClientHello as the start of a command line
                    // and waits for the rest.
                    noteConnectFailure(QStringLiteral("no answer to the TLS handshake with %1 within %2 ms "
                                                             "(a plain-text port? Use redis:// instead of rediss://)")
                                                  .arg(targetFor(link->node)->displayAddress)
                                                  .arg(m_timeoutNs / kMs));
                    failLink(*link, RedisErrorKind::Timeout, now);
                }
                break;
            case State::Authenticating:
            case State::Ready:
                if (!link->pending.empty() && now - link->pending.front().sentNs > m_timeoutNs)
                    failLink(*link, RedisErrorKind::Timeout, now);
                break;
            }
            if (m_clusterMode && link->state == State::Disconnected)
                m_refreshWanted = true;
            allReady = allReady && link->state == State::Ready;
        }
        connected += allReady ? 1 : 0;
        if (u.parkedUntilNs && now >= u.parkedUntilNs) {
            u.parkedUntilNs = 0;
            wantIssue(u);
        }
    }
    m_connected.store(connected, std::memory_order_relaxed);
    if (m_clusterMode && m_refreshWanted && !m_refreshInFlight && now >= m_nextRefreshNs)
        requestSlotRefresh(now);
}

void LoadWorker::requestSlotRefresh(int64_t now)
{
    for (auto &link : m_links) {
        if (link->state != State::Ready)
            continue;
        link->out.beginCommand(2);
        link->out.arg("CLUSTER");
        link->out.arg("SLOTS");
        link->pending.push({kSlotsRefreshSlot, now, {}});
        markDirty(*link);
        m_refreshInFlight = true;
        m_refreshWanted = false;
        m_nextRefreshNs = now + kRefreshIntervalNs;
        return;
    }
}

bool LoadWorker::canIssue(const User &u) const
{
    if (m_clusterMode)
        return u.parkedUntilNs == 0; // commands for a node that is down fail one by one
    return u.links[0] && u.links[0]->state == State::Ready;
}

void LoadWorker::wantIssue(User &u)
{
    if (!u.needIssue) {
        u.needIssue = true;
        m_needIssue.push_back(&u);
    }
}

void LoadWorker::startOp(User &u, int64_t intendedNs, int64_t now)
{
    uint32_t slot;
    if (!u.freeSlots.empty()) {
        slot = u.freeSlots.back();
        u.freeSlots.pop_back();
    } else {
        slot = uint32_t(u.ops.size());
        u.ops.emplace_back();
    }
    ++u.inFlight;
    if (!m_clusterMode) {
        // The fast path: format straight into the one connection's output buffer.
        Link &link = *u.links[0];
        const OpPlan plan = u.workload.next(link.out);
        InFlightOp &op = u.ops[slot];
        op = InFlightOp{plan.op, intendedNs, plan.replies, 0, plan.hitReply, 0, plan.hasStep2, false,
                        RedisErrorKind::None};
        m_opsBeforeStep2 += plan.hasStep2 ? 1 : 0;
        for (int i = 0; i < plan.replies; ++i)
            link.pending.push({slot, now, {}});
        markDirty(link);
        return;
    }
    u.staging.clear();
    const OpPlan plan = u.workload.next(u.staging);
    u.ops[slot] = InFlightOp{plan.op, intendedNs, plan.replies, 0, plan.hitReply, -1, plan.hasStep2, false,
                             RedisErrorKind::None};
    m_opsBeforeStep2 += plan.hasStep2 ? 1 : 0;
    dispatch(u, slot, u.staging, now);
}

void LoadWorker::dispatch(User &u, uint32_t slot, const RespBuffer &staged, int64_t now)
{
    const auto &marks = staged.marks();
    const std::string &bytes = staged.bytes();
    // Commands without a key (MULTI, EXEC) go where the neighbouring keyed command goes.
    int groupNode = -1;
    bool inTransaction = false; // commands between MULTI and EXEC stay together on the master
    for (size_t i = 0; i < marks.size(); ++i) {
        const auto &mark = marks[i];
        const size_t end = i + 1 < marks.size() ? marks[i + 1].start : bytes.size();
        const RespBuffer::CommandMark *keyed = mark.keyLength ? &mark : nullptr;
        for (size_t j = i + 1; !keyed && j < marks.size(); ++j)
            keyed = marks[j].keyLength ? &marks[j] : nullptr;
        int node = groupNode;
        int keySlotNumber = -1;
        if (keyed && (mark.keyLength || groupNode < 0)) {
            keySlotNumber = keySlot(QByteArrayView(bytes.data() + keyed->keyStart, keyed->keyLength));
            const uint16_t owner = m_slots.owner[size_t(keySlotNumber)];
            node = owner == ClusterSlotMap::kUnassigned ? -1 : int(owner);
        }
        groupNode = node;
        if (m_readFromReplicas) {
            const std::string_view name = commandName(bytes, mark.start, end);
            if (sameCommand(name, "MULTI"))
                inTransaction = true;
            else if (sameCommand(name, "EXEC") || sameCommand(name, "DISCARD"))
                inTransaction = false;
            else if (node >= 0 && mark.keyLength && !inTransaction && isReadOnlyCommand(name)) {
                if (const int replica = pickReplica(u, keySlotNumber, now); replica >= 0)
                    node = replica;
            }
        }
        if (u.ops[slot].node < 0)
            u.ops[slot].node = std::max(0, node);
        if (node < 0) {
            m_refreshWanted = true;
            failCommand(u, slot, RedisErrorKind::ServerError, now); // CLUSTERDOWN: slot not served
            continue;
        }
        sendCommand(u, slot, node, std::string_view(bytes).substr(mark.start, end - mark.start), now);
    }
}

int LoadWorker::pickReplica(User &u, int slot, int64_t now)
{
    const std::vector<int> &replicas = m_slots.replicasOf(slot);
    const size_t n = replicas.size();
    const uint32_t start = u.replicaCursor++;
    for (size_t k = 0; k < n; ++k) {
        const int node = replicas[(start + k) % n];
        // Only a connection that is up: a replica that is down or still connecting leaves
        // its reads to the master rather than failing them (linkFor starts a new one).
        if (linkFor(u, node, now)->state == State::Ready)
            return node;
    }
    return -1;
}

void LoadWorker::sendCommand(User &u, uint32_t slot, int node, std::string_view bytes, int64_t now)
{
    Link *link = linkFor(u, node, now);
    if (link->state == State::Disconnected) {
        // A real client fails at once on a connection it knows is down.
        failCommand(u, slot, link->lastError, now);
        return;
    }
    link->out.bytes().append(bytes);
    link->pending.push({slot, now, std::string(bytes)});
    markDirty(*link);
}

void LoadWorker::failCommand(User &u, uint32_t slot, RedisErrorKind kind, int64_t now)
{
    InFlightOp &op = u.ops[slot];
    if (op.error == RedisErrorKind::None)
        op.error = kind;
    dropStep2(op);
    if (--op.remaining <= 0) {
        completeOp(u, slot, now, now);
        if (!m_openLoop)
            u.parkedUntilNs = now + kScanIntervalNs; // no busy loop of instant failures
    }
}

void LoadWorker::dropStep2(InFlightOp &op)
{
    if (op.hasStep2) {
        op.hasStep2 = false;
        --m_opsBeforeStep2;
    }
}

void LoadWorker::completeOp(User &u, uint32_t slot, int64_t now, int64_t doneNs)
{
    InFlightOp &op = u.ops[slot];
    dropStep2(op); // a failed first step
    OpCounters &counters = m_stats.op(op.op);
    const bool failed = op.error != RedisErrorKind::None;
    ++counters.count;
    const uint64_t latency = uint64_t(std::max<int64_t>(0, doneNs - op.intendedNs));
    if (failed) {
        ++counters.errors;
        ++counters.errorsByKind[size_t(op.error)];
    } else {
        counters.latency.record(latency);
        if (op.op == OpType::Read)
            ++(op.hit ? counters.hits : counters.misses);
    }
    if (m_clusterMode) {
        if (size_t(op.node) >= m_nodeStats.size())
            m_nodeStats.resize(m_slots.nodes.size());
        OpCounters &node = m_nodeStats[size_t(op.node)];
        ++node.count;
        if (failed) {
            ++node.errors;
            ++node.errorsByKind[size_t(op.error)];
        } else {
            node.latency.record(latency);
        }
    }
    op.remaining = 0;
    u.freeSlots.push_back(slot);
    --u.inFlight;
    if (m_openLoop) {
        if (u.blocked)
            serviceOpenLoop(u, now);
    } else {
        wantIssue(u);
    }
}

bool LoadWorker::followRedirect(Link &link, std::string_view text, uint32_t slot, std::string &command, int64_t now)
{
    // "-MOVED 3999 127.0.0.1:6381" or "-ASK 3999 127.0.0.1:6381"
    const bool moved = text.rfind("MOVED ", 0) == 0;
    const bool ask = text.rfind("ASK ", 0) == 0;
    if (!moved && !ask)
        return false;
    const size_t slotStart = text.find(' ') + 1;
    const size_t addrStart = text.find(' ', slotStart);
    const size_t colon = text.rfind(':');
    if (addrStart == std::string_view::npos || colon == std::string_view::npos || colon < addrStart)
        return false;
    const int redirectedSlot = std::atoi(std::string(text.substr(slotStart, addrStart - slotStart)).c_str());
    const QString host = QString::fromUtf8(text.data() + addrStart + 1, int(colon - addrStart - 1));
    const int port = std::atoi(std::string(text.substr(colon + 1)).c_str());
    if (redirectedSlot < 0 || redirectedSlot >= kClusterSlots || port <= 0 || port > 65535)
        return false;
    const int node = m_slots.nodeIndex(host.isEmpty() ? m_slots.nodes[size_t(link.node)].host : host,
                                       quint16(port), true);
    User &u = *link.user;
    if (moved) {
        ++m_stats.movedRedirects;
        m_slots.owner[size_t(redirectedSlot)] = uint16_t(node); // the slot lives there now
        if (size_t(node) < m_nodeServes.size())
            m_nodeServes[size_t(node)] = 1;
        if (m_readFromReplicas) {
            // The slot has a new master (or a replica no longer serves it for us: READONLY
            // lost, no longer a replica): its reads go to that master until CLUSTER SLOTS names
            // the slot's replicas again. Only this slot: the replicas keep serving the others.
            m_slots.replicaSetOf[size_t(redirectedSlot)] = ClusterSlotMap::kNoReplicas;
            m_refreshWanted = true;
        }
    } else {
        ++m_stats.askRedirects;
    }
    Link *target = linkFor(u, node, now);
    if (target->state == State::Disconnected) {
        failCommand(u, slot, target->lastError, now);
        return true;
    }
    if (ask) {
        target->out.beginCommand(1);
        target->out.arg("ASKING"); // valid for the next command only, so it goes right before it
        target->pending.push({kIgnoreSlot, now, {}});
    }
    target->out.bytes().append(command);
    target->pending.push({slot, now, std::move(command)});
    markDirty(*target);
    return true;
}

void LoadWorker::processReply(Link &link, const RespReply &reply, int64_t now, int64_t arrivedNs)
{
    PendingReply pending = link.pending.pop();
    if (pending.slot >= kSlotsRefreshSlot) {
        if (pending.slot == kControlSlot) {
            if (reply.type == '-') {
                failLink(link, errorKindOf(reply), now);
                return;
            }
            if (--link.controlRemaining == 0)
                onReady(link, now);
        } else if (pending.slot == kSlotsRefreshSlot) {
            m_refreshInFlight = false;
            if (reply.type == '*' && !reply.nil) {
                m_slots.applyClusterSlots(toRedisReply(structured(reply).get()));
                noteServingNodes();
            }
        }
        return;
    }
    User &u = *link.user;
    if (m_clusterMode && reply.type == '-' && followRedirect(link, reply.text, pending.slot, pending.command, now))
        return;
    InFlightOp &op = u.ops[pending.slot];
    const int index = op.seen++;
    if (reply.type == '-' && op.error == RedisErrorKind::None)
        op.error = errorKindOf(reply);
    if (index == op.hitReply)
        op.hit = Workload::replyIsHit(reply);
    if (--op.remaining > 0)
        return;
    if (op.hasStep2 && op.error == RedisErrorKind::None) {
        dropStep2(op);
        const auto exec = structured(reply); // the members of the tag the first step read
        if (!m_clusterMode) {
            const int more = u.workload.appendInvalidationStep2(exec.get(), link.out);
            if (more > 0) {
                op.remaining = more;
                for (int i = 0; i < more; ++i)
                    link.pending.push({pending.slot, now, {}});
                markDirty(link);
                return;
            }
        } else {
            u.staging.clear();
            const int more = u.workload.appendInvalidationStep2(exec.get(), u.staging);
            if (more > 0) {
                op.remaining = more;
                dispatch(u, pending.slot, u.staging, now);
                return;
            }
        }
    }
    // A stamp from before the send cannot be true (the clocks' offset was misjudged): the read
    // time is late, but never early.
    completeOp(u, pending.slot, now, arrivedNs >= pending.sentNs ? arrivedNs : now);
}

// The one place bytes come in (as flush() is the one where they go out): through the TLS
// transport, or straight from the socket - with the kernel's receive stamp when it gives one.
// `failure` is the error kind when the result is Failed.
IoResult LoadWorker::receive(Link &link, char *buffer, size_t size, int64_t &arrivedNs, RedisErrorKind &failure)
{
    if (link.transport) {
        const IoResult r = link.transport->read(buffer, size);
        if (r.status == IoStatus::Failed)
            failure = link.transport->failure().kind;
        return r;
    }
    iovec iov{buffer, size};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(timespec))];
    msghdr message{};
    message.msg_iov = &iov;
    message.msg_iovlen = 1;
    message.msg_control = link.stamped ? control : nullptr;
    message.msg_controllen = link.stamped ? sizeof control : 0;
    ssize_t n;
    do
        n = link.stamped ? ::recvmsg(link.fd, &message, 0) : ::recv(link.fd, buffer, size, 0);
    while (n < 0 && errno == EINTR);
    if (n == 0)
        return {IoStatus::Closed, 0};
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return {IoStatus::WantRead, 0};
        failure = classifyErrno(errno);
        return {IoStatus::Failed, 0};
    }
    for (cmsghdr *c = link.stamped ? CMSG_FIRSTHDR(&message) : nullptr; c; c = CMSG_NXTHDR(&message, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
            timespec stamp;
            std::memcpy(&stamp, CMSG_DATA(c), sizeof stamp);
            const int64_t realNs = int64_t(stamp.tv_sec) * 1'000'000'000 + stamp.tv_nsec;
            arrivedNs = std::min(arrivedNs, realNs - m_realtimeOffsetNs);
        }
    }
    return {IoStatus::Ok, size_t(n)};
}

RedisErrorKind LoadWorker::streamFailure(Link &link, RedisErrorKind kind)
{
    if (link.answered)
        return kind;
    if (!link.transport) {
        if (kind == RedisErrorKind::ConnectionLost)
            noteConnectFailure(QStringLiteral("the connection to %1 ended before its first answer (a TLS port? Use "
                                              "rediss:// instead of redis://)")
                                   .arg(targetFor(link.node)->displayAddress));
        return kind;
    }
    if (kind == RedisErrorKind::ConnectionLost) {
        // With TLS 1.3 a server that wants a client certificate completes the handshake and drops
        // the session when it reads the client's first records.
        noteConnectFailure(QStringLiteral("the TLS connection to %1 ended before its first answer (does the server "
                                          "require a client certificate? Give tls-cert and tls-key)")
                               .arg(targetFor(link.node)->displayAddress));
        return RedisErrorKind::Tls;
    }
    noteConnectFailure(QStringLiteral("TLS connection to %1 failed: %2")
                           .arg(targetFor(link.node)->displayAddress, link.transport->failure().message));
    return kind;
}

void LoadWorker::readReplies(Link &link, int64_t now)
{
    char buffer[kReadChunk];
    link.readWantsWrite = false;
    for (;;) {
        // The stamp is that of the last bytes read: replies that came earlier in the same read
        // are timed a little late, never early.
        int64_t arrivedNs = now;
        RedisErrorKind failure = RedisErrorKind::ConnectionLost;
        const IoResult r = receive(link, buffer, sizeof buffer, arrivedNs, failure);
        switch (r.status) {
        case IoStatus::Ok:
            break;
        case IoStatus::WantRead:
            return; // the socket is empty, and so is OpenSSL's buffer (SSL_pending() == 0)
        case IoStatus::WantWrite:
            link.readWantsWrite = true; // TLS wants to send first (a key update): on again when writable
            setWriteInterest(link, true);
            return;
        case IoStatus::Closed:
            failLink(link, streamFailure(link, RedisErrorKind::ConnectionLost), now);
            return;
        case IoStatus::Failed:
            failLink(link, streamFailure(link, failure), now);
            return;
        }
        link.answered = true;
        m_stats.bytesReceived += uint64_t(r.bytes);
        link.reader.feed(buffer, r.bytes);
        RespReply reply;
        for (RespReader::Result result; (result = link.reader.next(reply)) != RespReader::Result::NeedMore;) {
            if (result == RespReader::Result::Error || link.pending.empty()) {
                failLink(link, RedisErrorKind::Protocol, now); // not RESP, or a reply nobody asked for
                return;
            }
            processReply(link, reply, now, arrivedNs);
            if (link.fd < 0)
                return;
        }
        // Sockets are edge-triggered (one poll per event, not two): a read must leave the socket
        // empty. A short recv() did - TCP hands over all it holds - and bytes arriving after it
        // raise a new edge. SSL_read hands over one record at a time and may hold more, decrypted
        // or read ahead, that no edge will announce: with TLS, read on until it wants more.
        if (!link.transport && r.bytes < sizeof buffer)
            return;
    }
}

void LoadWorker::markDirty(Link &link)
{
    if (!link.dirty) {
        link.dirty = true;
        m_dirty.push_back(&link);
    }
}

void LoadWorker::setWriteInterest(Link &link, bool on)
{
    if (link.writeInterest == on || link.fd < 0)
        return;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLET | (on ? EPOLLOUT : 0u);
    ev.data.u32 = link.index;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, link.fd, &ev);
    link.writeInterest = on;
}

void LoadWorker::flush(Link &link, int64_t now)
{
    link.dirty = false;
    if (link.fd < 0 || link.state == State::Connecting || link.state == State::Handshaking)
        return; // sent once the connection is up
    if (link.transport) {
        flushTls(link, now);
        return;
    }
    std::string &bytes = link.out.bytes();
    while (link.outSent < bytes.size()) {
        const ssize_t n = ::send(link.fd, bytes.data() + link.outSent, bytes.size() - link.outSent, MSG_NOSIGNAL);
        if (n > 0) {
            link.outSent += size_t(n);
            m_stats.bytesSent += uint64_t(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            setWriteInterest(link, true); // the kernel buffer is full: wait until it drains
            return;
        }
        failLink(link, classifyErrno(errno), now);
        return;
    }
    link.out.clear();
    link.outSent = 0;
    setWriteInterest(link, false);
}

// The whole staged buffer in one SSL_write (partial writes on: it returns after each record the
// socket took). What the socket does not take stays staged; the retry starts at the same byte,
// with the buffer possibly moved and grown, as SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER allows.
void LoadWorker::flushTls(Link &link, int64_t now)
{
    link.writeWantsRead = false;
    std::string &bytes = link.out.bytes();
    while (link.outSent < bytes.size()) {
        const IoResult r = link.transport->write(bytes.data() + link.outSent, bytes.size() - link.outSent);
        switch (r.status) {
        case IoStatus::Ok:
            link.outSent += r.bytes;
            m_stats.bytesSent += uint64_t(r.bytes); // application bytes, as for plain text
            continue;
        case IoStatus::WantWrite:
            setWriteInterest(link, true);
            return;
        case IoStatus::WantRead:
            link.writeWantsRead = true; // on again at the next readable edge
            return;
        case IoStatus::Closed:
            failLink(link, streamFailure(link, RedisErrorKind::ConnectionLost), now);
            return;
        case IoStatus::Failed:
            failLink(link, streamFailure(link, link.transport->failure().kind), now);
            return;
        }
    }
    link.out.clear();
    link.outSent = 0;
    setWriteInterest(link, link.readWantsWrite);
}

void LoadWorker::setBlocked(User &u, bool blocked)
{
    if (u.blocked != blocked) {
        u.blocked = blocked;
        m_blockedUsers += blocked ? 1 : -1;
    }
}

void LoadWorker::serviceOpenLoop(User &u, int64_t now)
{
    setBlocked(u, false);
    Link *only = m_clusterMode ? nullptr : u.links[0];
    const int64_t horizon = now + m_batchWindowNs;
    while (u.nextDueNs <= horizon) {
        if (m_clusterMode || only->state == State::Ready) {
            if (u.inFlight >= m_pipeline) {
                setBlocked(u, true);
                return;
            }
            startOp(u, std::min(u.nextDueNs, now), now);
        } else if (only->state == State::Disconnected) {
            // A real client with a dead connection fails the request at once.
            countFailedOp(u.workload.nextOpType(), only->lastError);
        } else {
            setBlocked(u, true); // connecting: the work waits and its latency grows
            return;
        }
        u.nextDueNs += m_userIntervalNs;
    }
    m_schedule.push_back({u.nextDueNs, u.index});
    std::push_heap(m_schedule.begin(), m_schedule.end(), std::greater<>());
}

void LoadWorker::serviceSchedule(int64_t now)
{
    while (!m_schedule.empty() && m_schedule.front().due <= now + m_batchWindowNs) {
        std::pop_heap(m_schedule.begin(), m_schedule.end(), std::greater<>());
        const uint32_t index = m_schedule.back().user;
        m_schedule.pop_back();
        serviceOpenLoop(*m_users[index], now);
    }
}

} // namespace cwb
