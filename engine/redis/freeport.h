#pragma once

#include <QtGlobal>

// Internal to SandboxRedis: choosing loopback ports for sandbox servers.
namespace cwb::freeport {

// A port on 127.0.0.1 that is free right now and not handed out to another sandbox of this
// process. With withClusterBus, port + 10000 (Redis' cluster bus) is free too and <= 65535.
// 0 when none was found. Another process may still take it before the server binds it,
// so callers retry on "Address already in use".
quint16 pick(bool withClusterBus);
// Gives a port (and its bus port) back for pick() to hand out again.
void release(quint16 port);
// True when a TCP socket can bind 127.0.0.1:port right now.
bool isFree(quint16 port);

} // namespace cwb::freeport
