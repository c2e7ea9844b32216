#pragma once

#include "rediserror.h"

#include <QString>

#include <cstddef>
#include <memory>

namespace cwb {

class TlsContext;
struct Endpoint;

// How a non-blocking read, write or handshake step ended.
enum class IoStatus {
    Ok,        // done (read/write: `bytes` moved)
    WantRead,  // try again once the socket is readable
    WantWrite, // try again once the socket is writable
    Closed,    // the peer ended the stream
    Failed,    // failure() says why; the stream is unusable
};

struct IoResult
{
    IoStatus status = IoStatus::Ok;
    size_t bytes = 0;
};

// The byte stream over one connected, non-blocking socket: plain text, or TLS over OpenSSL.
// Both the load workers' event loops and the synchronous connections (RedisConnection,
// SandboxClient) move their bytes through it, so a connection is TLS or not in one place.
// hiredis stays a reply parser only. The socket is the caller's: a transport never closes it.
class Transport
{
public:
    virtual ~Transport() = default;

    virtual bool isTls() const = 0;
    // Advances the handshake; Ok once it is complete (at once for plain text). A failure is
    // described by failure(); the caller adds the address.
    virtual IoStatus handshake() = 0;
    // Reads up to `size` bytes. With TLS, call again until WantRead: bytes already decrypted
    // and buffered do not make the socket readable.
    virtual IoResult read(char *buffer, size_t size) = 0;
    // Writes what the socket takes now, up to `size` bytes. After WantWrite (or WantRead, which
    // TLS may ask for mid-stream), retry with the same bytes first.
    virtual IoResult write(const char *data, size_t size) = 0;

    // Why the last step Failed (or Closed during the handshake): kind and one sentence.
    const RedisError &failure() const { return m_failure; }

protected:
    RedisError m_failure;
};

// A transport over `fd`: plain text when `tls` is null, TLS otherwise. `host` is the name the
// server's certificate must carry (a host name or an IP literal) and, for a name, the SNI: the
// endpoint's tls-sni when set, else its host . It is per connection, not part of
// the shared context, because one context serves connections to several names.
// The name a TLS server's certificate must carry, sent as SNI when it is a host name: tls-sni
// when set, else the endpoint's host (so a cluster node reached by its announced address is
// verified under that address unless a fixed name was given).
QString tlsServerName(const Endpoint &endpoint);

std::unique_ptr<Transport> makeTransport(int fd, const std::shared_ptr<const TlsContext> &tls, const QString &host);

// SIGPIPE would kill the process when a peer vanishes under a write() (OpenSSL's socket BIO
// writes with plain write()): ignored once, unless the application installed its own handler.
void ignoreSigpipeOnce();

} // namespace cwb
