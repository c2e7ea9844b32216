#pragma once

#include "endpoint.h"
#include "rediserror.h"
#include "redisreply.h"

#include <QString>

#include <memory>
#include <optional>

namespace cwb {

class TlsContext;

// One synchronous RESP conversation over a socket, plain or TLS (transport.h), with every step
// bounded: the connect and TLS handshake by the connect timeout, each write and each whole reply
// by the command timeout, each reply's size by a cap. hiredis only parses replies. Shared by
// RedisConnection and SandboxClient; move-only; one thread at a time.
class RespStream
{
public:
    RespStream();
    ~RespStream();
    RespStream(RespStream &&) noexcept;
    RespStream &operator=(RespStream &&) noexcept;

    // Connects to `endpoint` (TCP or unix socket) and, when `tls` is set, completes the TLS
    // handshake, all within timeoutMs. False with *error set ("cannot connect to ...", "TLS
    // handshake with ... failed: certificate verify failed: ...") on failure.
    bool open(const Endpoint &endpoint, const std::shared_ptr<const TlsContext> &tls, int timeoutMs, RedisError *error);
    void close();
    bool isOpen() const;

    // Writes all of `bytes` within timeoutMs (<= 0: no bound). `what` names the step in errors
    // ("GET", "pipeline"); the stream is closed after a failure.
    bool send(const QByteArray &bytes, const QString &what, int timeoutMs, RedisError *error);
    // Reads one whole reply: the timeout bounds it from now to its last byte, `maxBytes` its size.
    std::optional<RedisReply> readReply(const QString &what, int timeoutMs, qint64 maxBytes, RedisError *error);
    // A reply the server pushes on its own (Pub/Sub), if one arrives within waitMs. nullopt without
    // *error set when none came; with *error set when the stream failed.
    std::optional<RedisReply> readPushed(int waitMs, qint64 maxBytes, RedisError *error);
    // True when, with no reply pending, the server closed the stream or sent bytes nobody asked
    // for; TLS session tickets the server sends after the handshake are consumed, not counted.
    bool brokenWhileIdle();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// RESP bytes of one command ("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n").
QByteArray encodeCommand(const RedisCommand &args);

} // namespace cwb
