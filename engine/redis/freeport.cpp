#include "freeport.h"

#include <QRandomGenerator>

#include <mutex>
#include <set>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cwb::freeport {

namespace {

struct HandedOut
{
    std::mutex mutex;
    std::set<quint16> ports;   // ports (and bus ports) between pick() and release(): the kernel cannot know them yet
    std::set<quint16> withBus; // the handed-out ports whose port + 10000 is handed out too
};

// Function-local and leaked, so a sandbox may be started from a static initialiser or
// stopped from a static destructor in another translation unit.
HandedOut &handedOut()
{
    static auto *instance = new HandedOut;
    return *instance;
}

// Binds 127.0.0.1:port (0 = any) and returns the bound port, 0 on failure. SO_REUSEADDR
// matches what redis-server does, so a port in TIME_WAIT counts as free.
quint16 bindProbe(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    quint16 bound = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0) {
        socklen_t len = sizeof addr;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            bound = ntohs(addr.sin_port);
    }
    ::close(fd);
    return bound;
}

} // namespace

bool isFree(quint16 port)
{
    return port != 0 && bindProbe(port) == port;
}

quint16 pick(bool withClusterBus)
{
    HandedOut &h = handedOut();
    std::lock_guard lock(h.mutex);
    for (int attempt = 0; attempt < 200; ++attempt) {
        quint16 port = 0;
        if (!withClusterBus) {
            port = bindProbe(0);
        } else {
            // The kernel's ephemeral range (32768-60999 by default) mostly lacks room for port + 10000,
            // and ports below it are not taken by outgoing connections: pick both from below it.
            port = quint16(QRandomGenerator::global()->bounded(15000, 22700));
            if (!isFree(port) || !isFree(quint16(port + 10000)))
                continue;
        }
        if (port == 0 || h.ports.count(port) || (withClusterBus && h.ports.count(quint16(port + 10000))))
            continue;
        h.ports.insert(port);
        if (withClusterBus) {
            h.ports.insert(quint16(port + 10000));
            h.withBus.insert(port);
        }
        return port;
    }
    return 0;
}

void release(quint16 port)
{
    HandedOut &h = handedOut();
    std::lock_guard lock(h.mutex);
    h.ports.erase(port);
    if (h.withBus.erase(port))
        h.ports.erase(quint16(port + 10000));
}

} // namespace cwb::freeport
