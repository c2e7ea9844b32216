#pragma once

// A server on loopback that speaks just enough RESP to misbehave, for the tests of the bounds on
// every read: it accepts connections and answers the first request on each with one bulk
// string, either one that never ends (its length promises two gigabytes, sent at a trickle) or
// a complete one of a given size. Header-only; stopped and joined in the destructor.

#include <QByteArray>
#include <QtGlobal>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace cwb::test {

class FakeRedis
{
public:
    enum class Mode {
        EndlessBulk, // "$2000000000\r\n" then 64 KiB every 10 ms until the client goes away
        SizedBulk,   // "$N\r\n" + N bytes + "\r\n", then nothing
    };

    explicit FakeRedis(Mode mode, qint64 size = 0) : m_mode(mode), m_size(size)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0; // a free port
        socklen_t length = sizeof address;
        if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
            ::listen(m_listen, 64) != 0 ||
            ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }

    ~FakeRedis()
    {
        m_stop.store(true);
        if (m_acceptor.joinable())
            m_acceptor.join();
        std::lock_guard lock(m_mutex);
        for (std::thread &t : m_clients)
            t.join();
        if (m_listen >= 0)
            ::close(m_listen);
    }

    FakeRedis(const FakeRedis &) = delete;
    FakeRedis &operator=(const FakeRedis &) = delete;

    quint16 port() const { return m_port; }
    int connections() const { return m_connections.load(); }
    qint64 bytesSent() const { return m_bytesSent.load(); }

private:
    void acceptLoop()
    {
        while (!m_stop.load()) {
            pollfd pfd{m_listen, POLLIN, 0};
            if (::poll(&pfd, 1, 50) <= 0)
                continue;
            const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0)
                continue;
            ++m_connections;
            std::lock_guard lock(m_mutex);
            m_clients.emplace_back([this, client] { serve(client); });
        }
    }

    // Sends all of `bytes` unless the client went away or the server stops; false then.
    bool sendAll(int client, const QByteArray &bytes)
    {
        qsizetype sent = 0;
        while (sent < bytes.size() && !m_stop.load()) {
            pollfd pfd{client, POLLOUT, 0};
            if (::poll(&pfd, 1, 50) <= 0)
                continue;
            const ssize_t n = ::send(client, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            sent += n;
            m_bytesSent += n;
        }
        return sent == bytes.size();
    }

    void serve(int client)
    {
        // Wait for a request (any bytes), as a server would.
        char buffer[4096];
        for (;;) {
            if (m_stop.load()) {
                ::close(client);
                return;
            }
            pollfd pfd{client, POLLIN, 0};
            if (::poll(&pfd, 1, 50) > 0)
                break;
        }
        if (::recv(client, buffer, sizeof buffer, 0) <= 0) {
            ::close(client);
            return;
        }
        if (m_mode == Mode::SizedBulk) {
            sendAll(client, "$" + QByteArray::number(m_size) + "\r\n" + QByteArray(m_size, 'x') + "\r\n");
        } else {
            const QByteArray chunk(64 * 1024, 'x');
            bool open = sendAll(client, "$2000000000\r\n");
            while (open && !m_stop.load()) {
                open = sendAll(client, chunk);
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
        // Keep the connection until the client closes it or the server stops.
        while (!m_stop.load()) {
            pollfd pfd{client, POLLIN, 0};
            if (::poll(&pfd, 1, 50) > 0 && ::recv(client, buffer, sizeof buffer, 0) <= 0)
                break;
        }
        ::close(client);
    }

    Mode m_mode;
    qint64 m_size;
    int m_listen = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    std::atomic<qint64> m_bytesSent{0};
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::vector<std::thread> m_clients;
};

} // namespace cwb::test
