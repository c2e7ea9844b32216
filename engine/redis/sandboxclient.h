#pragma once

#include "endpoint.h"
#include "redisreply.h"

#include <QString>

#include <memory>
#include <optional>

namespace cwb {

// A minimal blocking client to a loopback port, for setting up sandboxes (readiness checks,
// cluster bootstrap) and for tests that inspect a sandbox; TLS when the sandbox speaks it. It
// deliberately does not depend on RedisConnection (only on the RespStream beneath it), so the
// sandbox stays usable while that class is being tested. No reconnects, no retries: every
// failure is reported once, with a one-line reason.
class SandboxClient
{
public:
    SandboxClient();
    ~SandboxClient();
    SandboxClient(const SandboxClient &) = delete;
    SandboxClient &operator=(const SandboxClient &) = delete;

    // Connects to 127.0.0.1:port and, when password is not empty, runs AUTH [username] password.
    // timeoutMs bounds the connect and, later, every command.
    bool connect(quint16 port, const QString &password = {}, int timeoutMs = 2000, QString *error = nullptr,
                 const QString &username = {});
    // Connects to `endpoint` as it says: TLS settings, user and password included.
    bool connect(const Endpoint &endpoint, int timeoutMs = 2000, QString *error = nullptr);
    bool isConnected() const;
    void disconnect();

    // One command. nullopt with *error on a transport failure; an error reply is returned as
    // a reply of Type::Error.
    std::optional<RedisReply> command(const RedisCommand &args, QString *error = nullptr);
    // The text of a Status/String reply, or nullopt (with *error) for anything else.
    std::optional<QByteArray> text(const RedisCommand &args, QString *error = nullptr);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Looks up "field:value" in the text of INFO or CLUSTER INFO; empty when absent.
QByteArray infoField(const QByteArray &infoText, const QByteArray &field);

} // namespace cwb
