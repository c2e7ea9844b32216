#include "loadworker.h"

#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <functional>

namespace cwb {

namespace {

constexpr uint32_t kControlSlot = UINT32_MAX; // a pending reply of AUTH / SELECT
constexpr int64_t kMs = 1'000'000;
constexpr int64_t kDrainNs = 200 * kMs;
constexpr int64_t kScanIntervalNs = 2 * kMs;
constexpr int64_t kMaxWaitNs = 20 * kMs; // bounds how late a stop request is noticed
constexpr int64_t kFirstBackoffNs = 50 * kMs;
constexpr int64_t kMaxBackoffNs = 1000 * kMs;
constexpr size_t kReadChunk = 64 * 1024;

enum class State { Disconnected, Connecting, Authenticating, Ready };

struct PendingReply
{
    uint32_t slot;
    int64_t sentNs;
};

// A FIFO of pending replies that reuses its storage: replies arrive in send order.
class PendingQueue
{
public:
    bool empty() const { return m_count == 0; }
    size_t size() const { return m_count; }
    const PendingReply &front() const { return m_items[m_head]; }
    void push(PendingReply item)
    {
        if (m_count == m_items.size())
            grow();
        m_items[(m_head + m_count) & (m_items.size() - 1)] = item;
        ++m_count;
    }
    PendingReply pop()
    {
        PendingReply item = m_items[m_head];
        m_head = (m_head + 1) & (m_items.size() - 1);
        --m_count;
        return item;
    }
    void clear() { m_head = m_count = 0; }

private:
    void grow()
    {
        std::vector<PendingReply> bigger(std::max<size_t>(16, m_items.size() * 2));
        for (size_t i = 0; i < m_count; ++i)
            bigger[i] = m_items[(m_head + i) & (m_items.size() - 1)];
        m_items.swap(bigger);
        m_head = 0;
    }
    std::vector<PendingReply> m_items;
    size_t m_head = 0;
    size_t m_count = 0;
};

struct InFlightOp
{
    OpType op = OpType::Read;
    int64_t intendedNs = 0;
    int remaining = 0;   // replies still to come
    int seen = 0;        // replies received
    int hitReply = -1;
    bool hasStep2 = false;
    bool hit = false;
    RedisErrorKind error = RedisErrorKind::None;
};

} // namespace

struct LoadWorker::Connection
{
    Connection(uint32_t index, Workload workload)
        : index(index)
        , workload(std::move(workload))
    {
    }
    ~Connection()
    {
        if (reader)
            redisReaderFree(reader);
        if (fd >= 0)
            ::close(fd);
    }

    uint32_t index;
    int fd = -1;
    State state = State::Disconnected;
    redisReader *reader = nullptr;
    RespBuffer out;
    size_t outSent = 0;
    bool writeInterest = false;
    bool dirty = false;
    bool needIssue = false;
    PendingQueue pending;
    std::vector<InFlightOp> ops;
    std::vector<uint32_t> freeSlots;
    int inFlight = 0;
    int controlRemaining = 0;
    Workload workload;
    // Open loop.
    int64_t nextDueNs = 0;
    bool blocked = false; // due work it cannot send now; out of the schedule heap until unblocked
    // Reconnection.
    int64_t reconnectAtNs = 0;
    int64_t backoffNs = 0;
    int64_t connectStartNs = 0;
    bool everConnected = false;
    RedisErrorKind lastError = RedisErrorKind::Refused;
};

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
    m_pipeline = std::max(1, config.pipeline);
    m_timeoutNs = int64_t(config.requestTimeoutMs) * kMs;
    if (m_openLoop)
        m_userIntervalNs = std::max<int64_t>(1, int64_t(1e9 * double(m_settings.totalUsers) / config.requestsPerSecond));

    for (int i = 0; i < m_settings.userCount; ++i) {
        const uint64_t user = uint64_t(m_settings.firstUser + i);
        m_connections.push_back(
            std::make_unique<Connection>(uint32_t(i), Workload(config, m_settings.values, config.seed, user)));
    }
}

LoadWorker::~LoadWorker()
{
    m_connections.clear();
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void LoadWorker::collect(StatsBlock &into)
{
    std::lock_guard lock(m_statsMutex);
    into.merge(m_stats);
    m_stats.reset();
}

void LoadWorker::run()
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    std::vector<epoll_event> events(256);
    int64_t nextScan = 0;
    bool draining = false;
    int64_t drainDeadline = 0;
    bool usePwait2 = true;

    std::unique_lock lock(m_statsMutex);
    for (auto &c : m_connections)
        startConnect(*c, nowNs());

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
            for (auto &c : m_connections)
                idle = idle && c->inFlight == 0;
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
                for (size_t i = 0; i < m_needIssue.size(); ++i) {
                    Connection &c = *m_needIssue[i];
                    c.needIssue = false;
                    while (c.state == State::Ready && c.inFlight < m_pipeline)
                        startOp(c, now, now);
                }
                m_needIssue.clear();
            }
        }
        for (size_t i = 0; i < m_dirty.size(); ++i)
            flush(*m_dirty[i], now);
        m_dirty.clear();

        const int64_t waitNs = draining ? std::min<int64_t>(kMs, drainDeadline - now) : nextWakeNs(now) - now;
        lock.unlock();
        int n;
        timespec ts{time_t(std::max<int64_t>(0, waitNs) / 1'000'000'000), long(std::max<int64_t>(0, waitNs) % 1'000'000'000)};
        if (usePwait2) {
            n = epoll_pwait2(m_epoll, events.data(), int(events.size()), &ts, nullptr);
            if (n < 0 && errno == ENOSYS) {
                usePwait2 = false; // kernels before 5.11: millisecond waits
                continue;
            }
        } else {
            n = epoll_wait(m_epoll, events.data(), int(events.size()), int((std::max<int64_t>(0, waitNs) + kMs - 1) / kMs));
        }
        lock.lock();
        now = nowNs();
        for (int i = 0; i < n; ++i) {
            Connection &c = *m_connections[events[size_t(i)].data.u32];
            const uint32_t ev = events[size_t(i)].events;
            if (c.fd < 0)
                continue; // failed earlier in this batch
            if (c.state == State::Connecting) {
                onConnectable(c, now);
                continue;
            }
            if (ev & (EPOLLIN | EPOLLERR | EPOLLHUP))
                readReplies(c, now);
            if (c.fd >= 0 && (ev & EPOLLOUT))
                flush(c, now);
        }
    }

    for (auto &c : m_connections) {
        if (c->fd >= 0) {
            ::close(c->fd);
            c->fd = -1;
        }
    }
    m_connected.store(0);
}

void LoadWorker::beginSending(int64_t startNs)
{
    m_started = true;
    if (!m_openLoop)
        return; // ready users are already queued in m_needIssue
    const double rate = m_settings.config.requestsPerSecond;
    for (auto &c : m_connections) {
        // Users' schedules interleave evenly: together they send every 1/rate seconds.
        const uint64_t user = uint64_t(m_settings.firstUser) + c->index;
        c->nextDueNs = startNs + int64_t(double(user) * 1e9 / rate);
        m_schedule.push_back({c->nextDueNs, c->index});
    }
    std::make_heap(m_schedule.begin(), m_schedule.end(), std::greater<>());
}

int64_t LoadWorker::nextWakeNs(int64_t now) const
{
    if ((m_started && !m_needIssue.empty()) || !m_dirty.empty())
        return now;
    int64_t wake = now + kMaxWaitNs;
    if (!m_started)
        wake = now + kMs; // poll for the go signal
    if (m_openLoop && !m_schedule.empty())
        wake = std::min(wake, m_schedule.front().due);
    return std::max(now, wake);
}

void LoadWorker::startConnect(Connection &c, int64_t now)
{
    const auto &target = m_settings.target;
    c.connectStartNs = now;
    c.fd = ::socket(target.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        failConnection(c, classifyErrno(errno), now);
        return;
    }
    if (target.family != AF_UNIX) {
        int one = 1;
        ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    if (!c.reader)
        c.reader = redisReaderCreate();
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u32 = c.index;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev);
    c.writeInterest = true;
    c.state = State::Connecting;
    if (::connect(c.fd, reinterpret_cast<const sockaddr *>(&target.address), target.addressLength) == 0) {
        onConnectable(c, now);
    } else if (errno != EINPROGRESS && errno != EAGAIN) {
        failConnection(c, classifyErrno(errno), now);
    }
}

void LoadWorker::onConnectable(Connection &c, int64_t now)
{
    int err = 0;
    socklen_t len = sizeof err;
    if (::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
        err = errno;
    if (err != 0) {
        failConnection(c, classifyErrno(err), now);
        return;
    }
    setWriteInterest(c, false);
    if (c.everConnected)
        ++m_stats.reconnects;
    c.everConnected = true;
    const auto &target = m_settings.target;
    if (target.preambleReplies > 0) {
        c.out.bytes().append(target.preamble);
        for (int i = 0; i < target.preambleReplies; ++i)
            c.pending.push({kControlSlot, now});
        c.controlRemaining = target.preambleReplies;
        c.state = State::Authenticating;
        markDirty(c);
    } else {
        onReady(c, now);
    }
}

void LoadWorker::onReady(Connection &c, int64_t now)
{
    c.state = State::Ready;
    c.backoffNs = 0;
    m_connected.fetch_add(1, std::memory_order_relaxed);
    if (m_openLoop) {
        if (c.blocked)
            serviceOpenLoop(c, now);
    } else if (!c.needIssue) {
        c.needIssue = true;
        m_needIssue.push_back(&c);
    }
}

void LoadWorker::failConnection(Connection &c, RedisErrorKind kind, int64_t now)
{
    if (c.state == State::Ready)
        m_connected.fetch_sub(1, std::memory_order_relaxed);
    if (c.state == State::Connecting || c.state == State::Authenticating || c.inFlight == 0)
        ++m_stats.connectErrors[size_t(kind)];
    // Every operation in flight on the connection fails with the connection's error.
    for (size_t slot = 0; slot < c.ops.size(); ++slot) {
        InFlightOp &op = c.ops[slot];
        if (op.remaining > 0) {
            countFailedOp(op.op, kind);
            op.remaining = 0;
        }
    }
    c.ops.clear();
    c.freeSlots.clear();
    c.inFlight = 0;
    c.pending.clear();
    c.out.clear();
    c.outSent = 0;
    c.controlRemaining = 0;
    if (c.fd >= 0) {
        ::close(c.fd); // also removes it from the epoll set
        c.fd = -1;
    }
    if (c.reader) {
        redisReaderFree(c.reader); // its buffer may hold half a reply
        c.reader = nullptr;
    }
    c.writeInterest = false;
    c.state = State::Disconnected;
    c.lastError = kind;
    c.backoffNs = c.backoffNs == 0 ? kFirstBackoffNs : std::min(kMaxBackoffNs, c.backoffNs * 2);
    c.reconnectAtNs = now + c.backoffNs;
    if (m_openLoop && c.blocked)
        serviceOpenLoop(c, now); // its due operations now fail instead of waiting
}

void LoadWorker::countFailedOp(OpType op, RedisErrorKind kind)
{
    OpCounters &counters = m_stats.op(op);
    ++counters.count;
    ++counters.errors;
    ++counters.errorsByKind[size_t(kind)];
}

void LoadWorker::scan(int64_t now)
{
    for (auto &cp : m_connections) {
        Connection &c = *cp;
        switch (c.state) {
        case State::Disconnected:
            if (now >= c.reconnectAtNs && !m_stop.load(std::memory_order_relaxed))
                startConnect(c, now);
            break;
        case State::Connecting:
            if (now - c.connectStartNs > m_timeoutNs)
                failConnection(c, RedisErrorKind::Timeout, now);
            break;
        case State::Authenticating:
        case State::Ready:
            if (!c.pending.empty() && now - c.pending.front().sentNs > m_timeoutNs)
                failConnection(c, RedisErrorKind::Timeout, now);
            break;
        }
    }
}

void LoadWorker::startOp(Connection &c, int64_t intendedNs, int64_t now)
{
    uint32_t slot;
    if (!c.freeSlots.empty()) {
        slot = c.freeSlots.back();
        c.freeSlots.pop_back();
    } else {
        slot = uint32_t(c.ops.size());
        c.ops.emplace_back();
    }
    const OpPlan plan = c.workload.next(c.out);
    InFlightOp &op = c.ops[slot];
    op.op = plan.op;
    op.intendedNs = intendedNs;
    op.remaining = plan.replies;
    op.seen = 0;
    op.hitReply = plan.hitReply;
    op.hasStep2 = plan.hasStep2;
    op.hit = false;
    op.error = RedisErrorKind::None;
    for (int i = 0; i < plan.replies; ++i)
        c.pending.push({slot, now});
    ++c.inFlight;
    markDirty(c);
}

void LoadWorker::completeOp(Connection &c, uint32_t slot, int64_t now)
{
    InFlightOp &op = c.ops[slot];
    OpCounters &counters = m_stats.op(op.op);
    ++counters.count;
    if (op.error != RedisErrorKind::None) {
        ++counters.errors;
        ++counters.errorsByKind[size_t(op.error)];
    } else {
        counters.latency.record(uint64_t(std::max<int64_t>(0, now - op.intendedNs)));
        if (op.op == OpType::Read)
            ++(op.hit ? counters.hits : counters.misses);
    }
    c.freeSlots.push_back(slot);
    --c.inFlight;
    if (m_openLoop) {
        if (c.blocked)
            serviceOpenLoop(c, now);
    } else if (!c.needIssue) {
        c.needIssue = true;
        m_needIssue.push_back(&c);
    }
}

void LoadWorker::processReply(Connection &c, void *replyPtr, int64_t now)
{
    const auto *reply = static_cast<const redisReply *>(replyPtr);
    const PendingReply pending = c.pending.pop();
    if (pending.slot == kControlSlot) {
        if (reply->type == REDIS_REPLY_ERROR) {
            failConnection(c, classifyErrorReply(QString::fromUtf8(reply->str, int(reply->len))), now);
            return;
        }
        if (--c.controlRemaining == 0)
            onReady(c, now);
        return;
    }
    InFlightOp &op = c.ops[pending.slot];
    const int index = op.seen++;
    if (reply->type == REDIS_REPLY_ERROR && op.error == RedisErrorKind::None)
        op.error = classifyErrorReply(QString::fromUtf8(reply->str, int(reply->len)));
    if (index == op.hitReply)
        op.hit = Workload::replyIsHit(reply);
    if (--op.remaining > 0)
        return;
    if (op.hasStep2 && op.error == RedisErrorKind::None) {
        op.hasStep2 = false;
        const int more = c.workload.appendInvalidationStep2(reply, c.out);
        if (more > 0) {
            op.remaining = more;
            for (int i = 0; i < more; ++i)
                c.pending.push({pending.slot, now});
            markDirty(c);
            return;
        }
    }
    completeOp(c, pending.slot, now);
}

void LoadWorker::readReplies(Connection &c, int64_t now)
{
    char buffer[kReadChunk];
    for (;;) {
        const ssize_t n = ::read(c.fd, buffer, sizeof buffer);
        if (n > 0) {
            m_stats.bytesReceived += uint64_t(n);
            if (redisReaderFeed(c.reader, buffer, size_t(n)) != REDIS_OK) {
                failConnection(c, RedisErrorKind::Protocol, now);
                return;
            }
            for (;;) {
                void *reply = nullptr;
                if (redisReaderGetReply(c.reader, &reply) != REDIS_OK) {
                    failConnection(c, RedisErrorKind::Protocol, now);
                    return;
                }
                if (!reply)
                    break;
                if (c.pending.empty()) {
                    freeReplyObject(reply);
                    failConnection(c, RedisErrorKind::Protocol, now); // a reply nobody asked for
                    return;
                }
                processReply(c, reply, now);
                freeReplyObject(reply);
                if (c.fd < 0)
                    return;
            }
            if (size_t(n) < sizeof buffer)
                return; // drained: level-triggered epoll reports the rest, if any
        } else if (n == 0) {
            failConnection(c, RedisErrorKind::ConnectionLost, now);
            return;
        } else {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            if (errno == EINTR)
                continue;
            failConnection(c, classifyErrno(errno), now);
            return;
        }
    }
}

void LoadWorker::markDirty(Connection &c)
{
    if (!c.dirty) {
        c.dirty = true;
        m_dirty.push_back(&c);
    }
}

void LoadWorker::setWriteInterest(Connection &c, bool on)
{
    if (c.writeInterest == on || c.fd < 0)
        return;
    epoll_event ev{};
    ev.events = EPOLLIN | (on ? EPOLLOUT : 0u);
    ev.data.u32 = c.index;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
    c.writeInterest = on;
}

void LoadWorker::flush(Connection &c, int64_t now)
{
    c.dirty = false;
    if (c.fd < 0 || c.state == State::Connecting)
        return;
    std::string &bytes = c.out.bytes();
    while (c.outSent < bytes.size()) {
        const ssize_t n = ::send(c.fd, bytes.data() + c.outSent, bytes.size() - c.outSent, MSG_NOSIGNAL);
        if (n > 0) {
            c.outSent += size_t(n);
            m_stats.bytesSent += uint64_t(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            setWriteInterest(c, true); // the kernel buffer is full: wait until it drains
            return;
        }
        failConnection(c, classifyErrno(errno), now);
        return;
    }
    bytes.clear();
    c.outSent = 0;
    setWriteInterest(c, false);
}

void LoadWorker::serviceOpenLoop(Connection &c, int64_t now)
{
    c.blocked = false;
    while (c.nextDueNs <= now) {
        if (c.state == State::Ready) {
            if (c.inFlight >= m_pipeline) {
                c.blocked = true;
                return;
            }
            startOp(c, c.nextDueNs, now);
        } else if (c.state == State::Disconnected) {
            // A real client with a dead connection fails the request at once.
            countFailedOp(c.workload.nextOpType(), c.lastError);
        } else {
            c.blocked = true; // connecting: the work waits and its latency grows
            return;
        }
        c.nextDueNs += m_userIntervalNs;
    }
    m_schedule.push_back({c.nextDueNs, c.index});
    std::push_heap(m_schedule.begin(), m_schedule.end(), std::greater<>());
}

void LoadWorker::serviceSchedule(int64_t now)
{
    while (!m_schedule.empty() && m_schedule.front().due <= now) {
        std::pop_heap(m_schedule.begin(), m_schedule.end(), std::greater<>());
        const uint32_t index = m_schedule.back().connection;
        m_schedule.pop_back();
        serviceOpenLoop(*m_connections[index], now);
    }
}

} // namespace cwb
