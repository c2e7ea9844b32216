#pragma once

#include <QString>

#include <array>

namespace cwb {

// Why a Redis operation failed. The load engine counts errors by these classes, so they are
// stable and few: each is something a user acts on differently.
enum class RedisErrorKind {
    None,
    Refused,        // nothing listens at the address (ECONNREFUSED, no such socket)
    Unresolved,     // host name does not resolve
    Timeout,        // connect or command did not answer within its timeout
    AuthFailed,     // WRONGPASS, NOAUTH, invalid username-password pair
    ServerError,    // the server answered with an error reply (-ERR, -WRONGTYPE, -MOVED, ...)
    OutOfMemory,    // -OOM: maxmemory reached under noeviction
    ConnectionLost, // the connection closed or reset while in use
    Protocol,       // the bytes received are not valid RESP (or a reply passed the size cap)
    NoPermission,   // -NOPERM: the ACL user may not run the command or touch the key
    Tls,            // TLS handshake or record failure: certificate, trust, version, not a TLS port
};
inline constexpr int kRedisErrorKindCount = 11;

struct RedisError
{
    RedisErrorKind kind = RedisErrorKind::None;
    QString message; // one line, human readable, never contains a password

    bool isError() const { return kind != RedisErrorKind::None; }
    explicit operator bool() const { return isError(); }
};

// Stable lower-case identifiers for exports ("refused", "timeout", "auth", ...).
QString errorKindName(RedisErrorKind kind);
// Classifies an error reply's text ("WRONGPASS ...", "OOM ...", "NOAUTH ...", "NOPERM ...").
RedisErrorKind classifyErrorReply(QStringView replyText);
// True for a refusal that says the command is not available to us at all - NOPERM (an ACL user
// without it) or an unknown command (a managed service renamed or disabled it) - as opposed to a
// failure of this one call. Features that can do without the command degrade on these.
bool isUnavailableCommand(QStringView replyText);
// The one sentence a feature gives when it does without `command` ("MEMORY USAGE"):
// "the ACL user may not run MEMORY USAGE" or "MEMORY USAGE is renamed or disabled on this server".
// Empty when `replyText` is not such a refusal (isUnavailableCommand() false). The permission
// check words its verdicts the same way, so what `check` predicts reads like what the feature says.
QString unavailableCommandSentence(const QString &command, QStringView replyText);
QString commandDeniedSentence(const QString &command);
QString commandMissingSentence(const QString &command);
// Classifies an errno from connect/read/write.
RedisErrorKind classifyErrno(int err);

} // namespace cwb
