#include "accesstrace.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace cwb {

namespace {

struct KeyHash
{
    size_t operator()(const QByteArray &key) const { return qHash(key); }
};

std::vector<QByteArray> topByScore(const std::unordered_map<QByteArray, double, KeyHash> &scores, int k)
{
    std::vector<std::pair<double, QByteArray>> ranked;
    ranked.reserve(scores.size());
    for (const auto &[key, score] : scores)
        ranked.emplace_back(score, key);
    const auto better = [](const auto &a, const auto &b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
    const size_t n = std::min(ranked.size(), size_t(std::max(0, k)));
    std::partial_sort(ranked.begin(), ranked.begin() + qsizetype(n), ranked.end(), better);
    std::vector<QByteArray> keys;
    for (size_t i = 0; i < n; ++i)
        keys.push_back(ranked[i].second);
    return keys;
}

int intervalOf(const AccessTrace &trace, const TraceAccess &a, double intervalSec)
{
    return int(std::floor((a.timestamp - trace.accesses.front().timestamp) / intervalSec));
}

} // namespace

std::optional<AccessTrace> parseAccessTrace(const QByteArray &text, QString *error)
{
    AccessTrace trace;
    qint64 lineNumber = 0;
    for (QByteArray line : text.split('\n')) {
        ++lineNumber;
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        qsizetype split = 0;
        while (split < line.size() && line[split] != ' ' && line[split] != '\t')
            ++split;
        bool ok = false;
        const double timestamp = line.left(split).toDouble(&ok);
        if (!ok || !std::isfinite(timestamp)) {
            *error = QStringLiteral("line %1: timestamp '%2' is not a number of seconds")
                         .arg(lineNumber).arg(QString::fromUtf8(line.left(split)));
            return std::nullopt;
        }
        const QByteArray key = line.mid(split).trimmed();
        if (key.isEmpty()) {
            *error = QStringLiteral("line %1: missing key after the timestamp").arg(lineNumber);
            return std::nullopt;
        }
        trace.accesses.push_back({timestamp, key});
    }
    std::stable_sort(trace.accesses.begin(), trace.accesses.end(),
                     [](const TraceAccess &a, const TraceAccess &b) { return a.timestamp < b.timestamp; });
    return trace;
}

std::optional<AccessTrace> readAccessTrace(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("params.trace: cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QString problem;
    auto trace = parseAccessTrace(file.readAll(), &problem);
    if (!trace)
        *error = QStringLiteral("params.trace: %1: %2").arg(path, problem);
    return trace;
}

std::vector<QByteArray> forecastTopKeys(const AccessTrace &trace, double intervalSec, double alpha, int topK,
                                        int lastInterval)
{
    if (trace.accesses.empty() || intervalSec <= 0)
        return {};
    const int last = lastInterval >= 0 ? lastInterval : intervalOf(trace, trace.accesses.back(), intervalSec);
    std::unordered_map<QByteArray, double, KeyHash> scores;
    for (const TraceAccess &a : trace.accesses) {
        const int i = intervalOf(trace, a, intervalSec);
        if (i > last)
            break;
        scores[a.key] += std::pow(1.0 - alpha, double(last - i));
    }
    return topByScore(scores, topK);
}

ForecastEvaluation evaluateForecast(const AccessTrace &trace, double intervalSec, double alpha, int topK)
{
    ForecastEvaluation eval;
    if (trace.accesses.empty() || intervalSec <= 0)
        return eval;
    const int last = intervalOf(trace, trace.accesses.back(), intervalSec);
    if (last < 1)
        return eval;
    std::unordered_map<QByteArray, double, KeyHash> actual;
    for (const TraceAccess &a : trace.accesses) {
        if (intervalOf(trace, a, intervalSec) == last)
            actual[a.key] += 1;
    }
    eval.available = true;
    eval.heldOutInterval = last;
    eval.k = int(std::min<size_t>(size_t(topK), actual.size()));
    const auto truth = topByScore(actual, eval.k);
    const std::unordered_set<QByteArray, KeyHash> truthSet(truth.begin(), truth.end());
    for (const QByteArray &key : forecastTopKeys(trace, intervalSec, alpha, eval.k, last - 1))
        eval.hits += truthSet.count(key) ? 1 : 0;
    eval.precision = eval.k > 0 ? double(eval.hits) / double(eval.k) : 0;
    return eval;
}

} // namespace cwb
