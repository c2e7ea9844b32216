#pragma once

#include "tlsoptions.h"

#include <QString>

#include <memory>

// OpenSSL's type, forward-declared so that its headers stay inside the transport's sources.
struct ssl_ctx_st;

namespace cwb {

// The client side of TLS for one set of TlsOptions: trust store, client certificate and key,
// protocol versions and ciphers, loaded once and shared (read-only, thread-safe) by every
// connection that uses these options. Problems with the files are found here, before any
// connection, each with a sentence that names the file and what is wrong with it.
class TlsContext
{
public:
    ~TlsContext();
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;

    // The context for `options`: reused while another user holds it and the files are unchanged,
    // built otherwise. nullptr with *error set when a file is missing, unreadable or does not fit.
    static std::shared_ptr<const TlsContext> obtain(const TlsOptions &options, QString *error);

    ssl_ctx_st *native() const { return m_ctx; }
    const TlsOptions &options() const { return m_options; }

private:
    TlsContext(ssl_ctx_st *ctx, TlsOptions options);

    ssl_ctx_st *m_ctx = nullptr;
    TlsOptions m_options;
};

} // namespace cwb
