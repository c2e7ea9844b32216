#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace cwb {

// A recorded access trace, as the hot-key and predictive strategies read it.
//
// Format: UTF-8 text, one access per line: "<timestamp> <key>", where timestamp is seconds
// since the Unix epoch (fractions allowed, e.g. 1732812345.120) and the key is the rest of the
// line after the first run of spaces or tabs (trimmed; it may contain spaces). Blank lines and
// lines starting with '#' are ignored. Lines need not be sorted.
struct TraceAccess
{
    double timestamp = 0;
    QByteArray key;
};

struct AccessTrace
{
    std::vector<TraceAccess> accesses; // sorted by timestamp
};

// Reads a trace file. A malformed line fails the whole read with "line N: reason".
std::optional<AccessTrace> readAccessTrace(const QString &path, QString *error);
std::optional<AccessTrace> parseAccessTrace(const QByteArray &text, QString *error);

// Exponentially weighted frequency forecast: the trace is cut into intervals of intervalSec
// from its first access; a key's score is sum over intervals i of count(i) * (1 - alpha)^(L - i),
// L the last interval used. The top-K scores (ties by key) are the forecast for interval L + 1.
std::vector<QByteArray> forecastTopKeys(const AccessTrace &trace, double intervalSec, double alpha, int topK,
                                        int lastInterval = -1 /* -1: every interval */);

struct ForecastEvaluation
{
    bool available = false;  // false when the trace spans fewer than two intervals
    int heldOutInterval = -1;
    int k = 0;               // min(topK, distinct keys in the held-out interval)
    int hits = 0;            // forecast keys among the held-out interval's actual top-K
    double precision = 0;    // hits / k
};
// Forecast from every interval but the last, compared with the last (held-out) interval's
// actual top-K.
ForecastEvaluation evaluateForecast(const AccessTrace &trace, double intervalSec, double alpha, int topK);

} // namespace cwb
