#pragma once

#include "endpoint.h"
#include "rediserror.h"
#include "redisreply.h"

#include <memory>
#include <optional>
#include <vector>

namespace cwb {

// A synchronous connection for control work: INFO, CONFIG GET, CLUSTER ..., cleanup.
// Not for the load path (see load/ for the event-driven workers). One thread uses an
// instance at a time; it is movable, not copyable. Its bytes go through a RespStream, so a
// rediss:// endpoint is spoken to over TLS (the endpoint's TlsOptions; the key's pass phrase
// from CWB_TLS_KEY_PASS when the endpoint holds none).
//
// Every call is bounded by the timeouts in Options, so an unreachable or stopped server
// yields an error, never a hang: the command timeout bounds each whole reply (not only the
// silence between two reads), so a server that streams a reply without ever ending it times
// out too, and a reply larger than Options::maxReplyBytes fails as soon as it passes the cap
// instead of growing memory. After a connection loss, the next call reconnects with
// exponential backoff (up to Options::reconnectAttempts tries), re-running AUTH and SELECT.
class RedisConnection
{
public:
    struct Options
    {
        int connectTimeoutMs = 2000;
        int commandTimeoutMs = 2000; // per reply, from the send (or the previous reply) to its last byte
        int reconnectAttempts = 3;   // 0 disables automatic reconnect
        int reconnectBackoffMs = 100; // first delay; doubles each try, capped at 2 s
        QByteArray clientName;        // CLIENT SETNAME after connecting, when not empty
        // The largest reply accepted, in bytes (Redis' own proto-max-bulk-len default).
        qint64 maxReplyBytes = 512LL * 1024 * 1024;
    };

    explicit RedisConnection(Endpoint endpoint, Options options);
    explicit RedisConnection(Endpoint endpoint);
    ~RedisConnection();
    RedisConnection(RedisConnection &&) noexcept;
    RedisConnection &operator=(RedisConnection &&) noexcept;

    // Connects, authenticates and selects the database. False with lastError() set on failure.
    bool connect();
    void disconnect();
    bool isConnected() const;

    // Runs one command. A transport failure returns nullopt (lastError() says why); an error
    // reply from the server is returned as a reply of Type::Error and also sets lastError().
    std::optional<RedisReply> command(const RedisCommand &args);
    // Sends all commands in one write and reads all replies; nullopt on a transport failure.
    std::optional<std::vector<RedisReply>> pipeline(const std::vector<RedisCommand> &commands);

    // On a subscriber connection (after SUBSCRIBE): the next message the server pushes, if one
    // arrives within waitMs. nullopt with lastError() empty when none came; with lastError() set
    // when the connection failed (no reconnect: a subscription does not survive one).
    std::optional<RedisReply> nextPushed(int waitMs);

    // INFO [section] as raw text; nullopt on failure.
    std::optional<QByteArray> info(const QByteArray &section = {});

    const RedisError &lastError() const;
    const Endpoint &endpoint() const;
    const Options &options() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cwb
