#pragma once

#include "redis/endpoint.h"

#include <QString>

#include <sys/socket.h>

#include <optional>
#include <string>

namespace cwb {

// An endpoint resolved once, before the run, to a socket address, with the login commands
// (AUTH, SELECT) pre-encoded: workers reconnect without DNS look-ups or formatting.
struct ConnectTarget
{
    sockaddr_storage address{};
    socklen_t addressLength = 0;
    int family = AF_INET;
    std::string preamble;  // RESP bytes of AUTH / SELECT, possibly empty
    int preambleReplies = 0;
    QString displayAddress; // "host:port", for the sentence that says why a connection failed
    QString tlsServerName; // TLS only (see tlsServerName()); empty: plain text

    // Resolves `endpoint`; nullopt with *error set when the host does not resolve.
    static std::optional<ConnectTarget> resolve(const Endpoint &endpoint, QString *error);
    // The server runs on this machine (a Unix socket or a loopback address), on our cores.
    bool isLocal() const;
};

} // namespace cwb
