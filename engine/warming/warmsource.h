#pragma once

#include "warmingplan.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace cwb {

// One key to write. The executor turns it into commands with the TTL:
//   String -> SET key value PX ttl        Hash -> HSET key f v ... + PEXPIRE key ttl
//   Dump   -> RESTORE key ttl payload REPLACE   Geo -> GEOADD key lon lat member + PEXPIRE key ttl
struct WarmItem
{
    enum class Kind { String, Hash, Dump, Geo };
    Kind kind = Kind::String;
    QByteArray key;     // already under the plan's prefix
    QByteArray value;   // String: the value; Dump: the DUMP payload; Geo: the member
    std::vector<std::pair<QByteArray, QByteArray>> fields; // Hash
    double lon = 0, lat = 0; // Geo
    qint64 ttlMs = 0;   // > 0: this TTL (a copy keeping its source's); 0: the plan's ttlSec

    qint64 byteSize() const; // key + value/fields bytes: what "bytes written" counts
};

// A strategy: a stream of items read in batches. open() does the up-front work (opens files,
// connects to a source, counts a trace) and fails with a one-line message naming the part;
// next() then appends up to maxItems items and returns false once the stream is exhausted or
// failed (error() is set on failure).
//
// Bad input rows are not fatal unless the strategy says so: each is counted in skipped() and
// described in rowErrors() ("line 7, column 'id': missing value for the key template").
class WarmSource
{
public:
    virtual ~WarmSource() = default;

    virtual bool open(QString *error) = 0;
    virtual bool next(int maxItems, std::vector<WarmItem> &out) = 0;
    // How many items the stream will produce, when known up front (progress bars); else -1.
    virtual qint64 totalEstimate() const { return -1; }

    QString error() const { return m_error; }
    qint64 skipped() const { return m_skipped; }
    const QStringList &rowErrors() const { return m_rowErrors; }
    // Strategy-specific results for the history ("precisionAtK" -> "0.82").
    const std::map<QString, QString> &report() const { return m_report; }

protected:
    void skipRow(const QString &reason)
    {
        ++m_skipped;
        if (m_rowErrors.size() < 50)
            m_rowErrors << reason;
    }
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    QString m_error;
    qint64 m_skipped = 0;
    QStringList m_rowErrors;
    std::map<QString, QString> m_report;
};

// The source for a validated plan. `sourcePassword` applies to plans that read another Redis
// (copy, sessions, and hot keys / predictive with a source); empty means the URI's or
// CWB_SOURCE_PASSWORD from the environment.
std::unique_ptr<WarmSource> createWarmSource(const WarmingPlan &plan);

// Value generators shared by the file strategies: "random:N" -> N random printable bytes,
// anything else -> the text itself. Deterministic per key, so re-running a plan is idempotent.
QByteArray generateValue(const QByteArray &spec, const QByteArray &key, QString *error = nullptr);

} // namespace cwb
