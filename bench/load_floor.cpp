// The least a load generator can cost on this machine: a client that does nothing but the system
// calls every TCP generator needs - one send() per connection turn, the recv() of the replies, and
// epoll_wait (closed loop) or one timed sleep per millisecond turn (open loop) - with requests
// made by rewriting a key's digits in a prebuilt batch, no latency statistics, no scheduling beyond
// that, and replies only counted. bench/load_floor.sh runs it beside redis-benchmark and the
// workbench: what it costs per operation is the floor under the goals of issue 16.
//
//   load_floor PORT closed CONNECTIONS PIPELINE SECONDS
//   load_floor PORT open USERS RATE SECONDS
//
// Workload as in the other load benchmarks: SET and GET alternating, 32-byte values, keys drawn
// uniformly from 100,000. It prints the replies it counted; its CPU per command is measured from
// outside (/proc, INFO), as for the other tools. Loopback only; every wait is bounded by SECONDS.

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace {

int64_t nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// One batch of `pipeline` commands, SET and GET alternating, whose keys are rewritten in place before
// each send: uniform over 100,000 keys like the other generators' (a fixed pool of requests would
// cycle through a few keys and spare the server its cache misses).
class Batch
{
public:
    explicit Batch(int pipeline)
    {
        const std::string value(32, 'x');
        for (int i = 0; i < pipeline; ++i) {
            m_bytes += i % 2 == 0 ? "*3\r\n$3\r\nSET\r\n$16\r\nkey:" : "*2\r\n$3\r\nGET\r\n$16\r\nkey:";
            m_digits.push_back(m_bytes.size());
            m_bytes += "000000000000\r\n";
            if (i % 2 == 0)
                m_bytes += "$32\r\n" + value + "\r\n";
        }
    }

    const std::string &next()
    {
        for (size_t at : m_digits) {
            m_seed ^= m_seed << 13;
            m_seed ^= m_seed >> 7;
            m_seed ^= m_seed << 17;
            uint64_t key = m_seed % 100000;
            for (size_t d = 12; d-- > 0; key /= 10)
                m_bytes[at + d] = char('0' + key % 10);
        }
        return m_bytes;
    }

private:
    std::string m_bytes;
    std::vector<size_t> m_digits; // where each key's 12 digits start
    uint64_t m_seed = 0x9e3779b97f4a7c15ULL;
};

struct Connection
{
    int fd = -1;
    int outstanding = 0;  // replies still to come
    std::string partial;  // the start of a reply that has not fully arrived
};

// Counts the whole replies in `bytes` (simple strings, errors, integers, bulk strings: all a SET or a
// GET answers) and keeps an unfinished one for the next read.
int countReplies(Connection &c, const char *bytes, size_t size)
{
    c.partial.append(bytes, size);
    const char *p = c.partial.data();
    const char *end = p + c.partial.size();
    int replies = 0;
    for (;;) {
        const char *line = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!line)
            break;
        const char *after = line + 1;
        if (*p == '$') {
            const long length = std::strtol(p + 1, nullptr, 10);
            if (length >= 0) {
                if (end - after < length + 2)
                    break;
                after += length + 2;
            }
        }
        p = after;
        ++replies;
    }
    c.partial.erase(0, size_t(p - c.partial.data()));
    return replies;
}

bool sendAll(int fd, std::string_view bytes)
{
    size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n > 0)
            sent += size_t(n);
        else if (n < 0 && errno != EINTR && errno != EAGAIN)
            return false;
    }
    return true;
}

// Reads what has arrived, without waiting; -1 when the connection failed.
int readReplies(Connection &c)
{
    char buffer[64 * 1024];
    int replies = 0;
    for (;;) {
        const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            replies += countReplies(c, buffer, size_t(n));
            if (size_t(n) < sizeof buffer)
                return replies;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && errno == EAGAIN) {
            return replies;
        } else {
            return -1;
        }
    }
}

std::vector<Connection> connectAll(int port, int count)
{
    std::vector<Connection> connections{size_t(count)};
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (Connection &c : connections) {
        c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (c.fd < 0 || ::connect(c.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            std::perror("connect");
            std::exit(1);
        }
        int one = 1;
        ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        timeval timeout{5, 0}; // blocking until here: bounds the connect's first exchange
        ::setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(c.fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    }
    for (Connection &c : connections) {
        if (::fcntl(c.fd, F_SETFL, ::fcntl(c.fd, F_GETFL) | O_NONBLOCK) != 0) {
            std::perror("fcntl");
            std::exit(1);
        }
    }
    return connections;
}

// Each connection keeps one batch of `pipeline` commands in flight: the next goes out when the
// last reply of the previous one is in, as redis-benchmark -P and the workbench do.
uint64_t closedLoop(int port, int count, int pipeline, int64_t untilNs)
{
    Batch batch(pipeline);
    std::vector<Connection> connections = connectAll(port, count);
    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    for (size_t i = 0; i < connections.size(); ++i) {
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLET;
        ev.data.u32 = uint32_t(i);
        epoll_ctl(epoll, EPOLL_CTL_ADD, connections[i].fd, &ev);
        Connection &c = connections[i];
        if (!sendAll(c.fd, batch.next()))
            return 0;
        c.outstanding = pipeline;
    }
    uint64_t replies = 0;
    std::vector<epoll_event> events(256);
    while (nowNs() < untilNs) {
        const int n = epoll_wait(epoll, events.data(), int(events.size()), 100);
        for (int i = 0; i < n; ++i) {
            Connection &c = connections[events[size_t(i)].data.u32];
            const int got = readReplies(c);
            if (got < 0)
                return replies;
            replies += uint64_t(got);
            c.outstanding -= got;
            if (c.outstanding == 0) {
                if (!sendAll(c.fd, batch.next()))
                    return replies;
                c.outstanding = pipeline;
            }
        }
    }
    close(epoll);
    return replies;
}

// Users' requests are spread evenly at `rate` in all; every millisecond turn the client sleeps until
// the turn, reads the replies that came meanwhile and sends the requests due in it: one timed
// wake-up per turn, as the workbench's open loop does.
uint64_t openLoop(int port, int users, double rate, int64_t untilNs)
{
    constexpr int64_t kTurnNs = 1'000'000;
    Batch batch(2); // a SET and a GET: each request sends one of them
    std::vector<Connection> connections = connectAll(port, users);
    const int64_t spacingNs = int64_t(1e9 / rate);
    int64_t nextDueNs = nowNs() + kTurnNs;
    size_t nextUser = 0;
    uint64_t sent = 0;
    int64_t turnNs = nextDueNs;
    uint64_t replies = 0;
    while (turnNs < untilNs) {
        const timespec until{time_t(turnNs / 1'000'000'000), long(turnNs % 1'000'000'000)};
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, nullptr) == EINTR) {
        }
        for (Connection &c : connections) {
            if (c.outstanding == 0)
                continue;
            const int got = readReplies(c);
            if (got < 0)
                return replies;
            replies += uint64_t(got);
            c.outstanding -= got;
        }
        for (; nextDueNs <= turnNs + kTurnNs; nextDueNs += spacingNs) {
            Connection &c = connections[nextUser];
            nextUser = (nextUser + 1) % connections.size();
            const std::string &pair = batch.next();
            const size_t get = pair.find("*2\r\n");
            const std::string_view request = sent % 2 == 0 ? std::string_view(pair).substr(0, get)
                                                            : std::string_view(pair).substr(get);
            ++sent;
            if (!sendAll(c.fd, request))
                return replies;
            ++c.outstanding;
        }
        turnNs += kTurnNs;
    }
    return replies;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 6) {
        std::fprintf(stderr, "usage: load_floor PORT closed CONNECTIONS PIPELINE SECONDS\n"
                             "       load_floor PORT open USERS RATE SECONDS\n");
        return 2;
    }
    const int port = std::atoi(argv[1]);
    const std::string mode = argv[2];
    const int count = std::atoi(argv[3]);
    const double third = std::atof(argv[4]);
    const double seconds = std::atof(argv[5]);
    if (port <= 0 || port > 65535 || count <= 0 || count > 10000 || !(third > 0) || !(seconds > 0 && seconds < 3600)) {
        std::fprintf(stderr, "load_floor: out-of-range argument\n");
        return 2;
    }
    const int64_t untilNs = nowNs() + int64_t(seconds * 1e9);
    uint64_t replies = 0;
    if (mode == "closed")
        replies = closedLoop(port, count, int(third), untilNs);
    else if (mode == "open")
        replies = openLoop(port, count, third, untilNs);
    else
        return 2;
    std::printf("%llu\n", (unsigned long long)replies);
    return replies > 0 ? 0 : 1;
}
