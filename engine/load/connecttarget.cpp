#include "connecttarget.h"

#include "redis/transport.h"
#include "respbuffer.h"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/un.h>

#include <cstring>

namespace cwb {

std::optional<ConnectTarget> ConnectTarget::resolve(const Endpoint &endpoint, QString *error)
{
    ConnectTarget target;
    if (endpoint.transport == Endpoint::Transport::Unix) {
        sockaddr_un un{};
        un.sun_family = AF_UNIX;
        const QByteArray path = endpoint.socketPath.toLocal8Bit();
        if (size_t(path.size()) >= sizeof un.sun_path) {
            if (error)
                *error = QStringLiteral("socket path is too long: %1").arg(endpoint.socketPath);
            return std::nullopt;
        }
        std::memcpy(un.sun_path, path.constData(), size_t(path.size()));
        std::memcpy(&target.address, &un, sizeof un);
        target.addressLength = socklen_t(sizeof un);
        target.family = AF_UNIX;
    } else {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo *found = nullptr;
        const QByteArray host = endpoint.host.toUtf8();
        const QByteArray port = QByteArray::number(endpoint.port);
        const int rc = getaddrinfo(host.constData(), port.constData(), &hints, &found);
        if (rc != 0 || !found) {
            if (error)
                *error = QStringLiteral("cannot resolve host '%1': %2").arg(endpoint.host, QString::fromLocal8Bit(gai_strerror(rc)));
            return std::nullopt;
        }
        std::memcpy(&target.address, found->ai_addr, found->ai_addrlen);
        target.addressLength = found->ai_addrlen;
        target.family = found->ai_family;
        freeaddrinfo(found);
    }

    target.displayAddress = endpoint.address();
    if (endpoint.transport == Endpoint::Transport::Tcp && endpoint.tls.enabled)
        target.tlsServerName = cwb::tlsServerName(endpoint);

    RespBuffer preamble;
    if (endpoint.authenticates()) {
        const std::string password = endpoint.password.toStdString();
        if (endpoint.username.isEmpty()) {
            preamble.beginCommand(2);
            preamble.arg("AUTH");
            preamble.arg(password);
        } else {
            preamble.beginCommand(3);
            preamble.arg("AUTH");
            preamble.arg(endpoint.username.toStdString());
            preamble.arg(password);
        }
        ++target.preambleReplies;
    }
    if (endpoint.database != 0) {
        preamble.beginCommand(2);
        preamble.arg("SELECT");
        preamble.arg(int64_t(endpoint.database));
        ++target.preambleReplies;
    }
    target.preamble = std::move(preamble.bytes());
    return target;
}

bool ConnectTarget::isLocal() const
{
    if (family == AF_UNIX)
        return true;
    if (family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(&address);
        return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
    }
    if (family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&address);
        if (IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr))
            return true;
        return IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr) && in6->sin6_addr.s6_addr[12] == 127;
    }
    return false;
}

} // namespace cwb
