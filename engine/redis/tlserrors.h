#pragma once

#include <QString>

struct ssl_st;

// Internal to the transport: OpenSSL's error queue turned into sentences a user can act on.
namespace cwb::tlserrors {

// The reason of the oldest error in this thread's OpenSSL error queue ("certificate verify
// failed"), or "unknown error"; the queue is cleared.
QString lastTlsError();

// Why an SSL_connect / SSL_read / SSL_write on `ssl` failed with SSL_get_error() == sslError:
// "certificate verify failed: unable to get local issuer certificate for host db.example.com
// (is tls-ca the CA that signed the server's certificate?)". `name` is the name verified.
// Clears the error queue.
QString describe(ssl_st *ssl, int sslError, bool inHandshake, const QString &name);

} // namespace cwb::tlserrors

namespace cwb {
using tlserrors::lastTlsError;
}
