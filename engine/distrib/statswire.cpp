#include "statswire.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace cwb {

namespace {

using json = nlohmann::json;

json countsToWire(const std::array<uint64_t, kRedisErrorKindCount> &counts)
{
    return json(std::vector<uint64_t>(counts.begin(), counts.end()));
}

bool countsFromWire(const json &in, std::array<uint64_t, kRedisErrorKindCount> &counts)
{
    if (!in.is_array() || in.size() != counts.size())
        return false;
    for (size_t i = 0; i < counts.size(); ++i) {
        if (!in[i].is_number_unsigned())
            return false;
        counts[i] = in[i].get<uint64_t>();
    }
    return true;
}

json opToWire(const OpCounters &c)
{
    const QByteArray histogram = c.latency.toBytes().toBase64();
    return json{{"count", c.count}, {"errors", c.errors}, {"errorsByKind", countsToWire(c.errorsByKind)},
                {"hits", c.hits},   {"misses", c.misses}, {"latency", histogram.toStdString()}};
}

bool unsignedField(const json &in, const char *key, uint64_t &out)
{
    const auto it = in.find(key);
    if (it == in.end() || !it->is_number_unsigned())
        return false;
    out = it->get<uint64_t>();
    return true;
}

std::optional<OpCounters> opFromWire(const json &in)
{
    OpCounters c;
    if (!in.is_object() || in.size() != 6 || !unsignedField(in, "count", c.count) ||
        !unsignedField(in, "errors", c.errors) || !unsignedField(in, "hits", c.hits) ||
        !unsignedField(in, "misses", c.misses) || !in.contains("errorsByKind") ||
        !countsFromWire(in["errorsByKind"], c.errorsByKind) || !in.contains("latency") || !in["latency"].is_string())
        return std::nullopt;
    const auto bytes = QByteArray::fromBase64Encoding(QByteArray::fromStdString(in["latency"].get<std::string>()),
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes)
        return std::nullopt;
    auto latency = LatencyHistogram::fromBytes(*bytes);
    // The histogram holds successful operations only (runstats.h): never more than were counted.
    if (!latency || c.errors > c.count || latency->count() > c.count)
        return std::nullopt;
    c.latency = std::move(*latency);
    return c;
}

} // namespace

json statsBlockToWire(const StatsBlock &block)
{
    json ops = json::array();
    for (const OpCounters &op : block.ops)
        ops.push_back(opToWire(op));
    json nodes = json::object();
    for (const auto &[address, counters] : block.nodes)
        nodes[address.toStdString()] = opToWire(counters);
    return json{{"ops", ops},
                {"connectErrors", countsToWire(block.connectErrors)},
                {"reconnects", block.reconnects},
                {"bytesSent", block.bytesSent},
                {"bytesReceived", block.bytesReceived},
                {"movedRedirects", block.movedRedirects},
                {"askRedirects", block.askRedirects},
                {"nodes", nodes}};
}

std::optional<StatsBlock> statsBlockFromWire(const json &wire, QString *error)
{
    const auto fail = [error](const char *what) -> std::optional<StatsBlock> {
        if (error)
            *error = QStringLiteral("bad statistics from an agent: %1").arg(QString::fromLatin1(what));
        return std::nullopt;
    };
    if (!wire.is_object() || wire.size() != 8)
        return fail("not an object of the expected fields");
    StatsBlock block;
    const auto ops = wire.find("ops");
    if (ops == wire.end() || !ops->is_array() || ops->size() != block.ops.size())
        return fail("ops");
    for (size_t i = 0; i < block.ops.size(); ++i) {
        auto op = opFromWire((*ops)[i]);
        if (!op)
            return fail("an operation's counters");
        block.ops[i] = std::move(*op);
    }
    if (!wire.contains("connectErrors") || !countsFromWire(wire["connectErrors"], block.connectErrors))
        return fail("connectErrors");
    if (!unsignedField(wire, "reconnects", block.reconnects) || !unsignedField(wire, "bytesSent", block.bytesSent) ||
        !unsignedField(wire, "bytesReceived", block.bytesReceived) ||
        !unsignedField(wire, "movedRedirects", block.movedRedirects) ||
        !unsignedField(wire, "askRedirects", block.askRedirects))
        return fail("a counter");
    const auto nodes = wire.find("nodes");
    if (nodes == wire.end() || !nodes->is_object())
        return fail("nodes");
    for (const auto &[address, counters] : nodes->items()) {
        auto node = opFromWire(counters);
        if (!node)
            return fail("a node's counters");
        block.nodes[QString::fromStdString(address)] = std::move(*node);
    }
    return block;
}

json secondToWire(const SecondSample &s)
{
    return {{"t", s.t},
            {"duration", s.durationSec},
            {"clientCpuPercent", s.clientCpuPercent},
            {"clientRssBytes", s.clientRssBytes},
            {"serverUsedMemory", s.serverUsedMemory},
            {"serverCpuPercent", s.serverCpuPercent},
            {"connectedUsers", s.connectedUsers}};
}

std::optional<SecondSample> secondFromWire(const json &wire, const StatsBlock &stats, QString *error)
{
    const auto number = [&wire](const char *key, double low, double high) -> std::optional<double> {
        const auto it = wire.find(key);
        if (it == wire.end() || !it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < low ||
            it->get<double>() > high)
            return std::nullopt;
        return it->get<double>();
    };
    const auto t = number("t", 0, 1e7);
    const auto duration = number("duration", 0, 1);
    const auto clientCpu = number("clientCpuPercent", -1, 1e5);
    const auto clientRss = number("clientRssBytes", -1, 1e15);
    const auto serverMemory = number("serverUsedMemory", -1, 1e15);
    const auto serverCpu = number("serverCpuPercent", -1, 1e5);
    const auto users = number("connectedUsers", 0, 1e7);
    if (!wire.is_object() || wire.size() != 7 || !t || !duration || !clientCpu || !clientRss || !serverMemory ||
        !serverCpu || !users) {
        if (error)
            *error = QStringLiteral("bad second from an agent: a field is missing or out of range");
        return std::nullopt;
    }
    SecondSample s;
    s.t = *t;
    s.durationSec = *duration;
    s.clientCpuPercent = *clientCpu;
    s.clientRssBytes = qint64(*clientRss);
    s.serverUsedMemory = qint64(*serverMemory);
    s.serverCpuPercent = *serverCpu;
    s.connectedUsers = int(*users);
    const OpCounters all = stats.total();
    s.ops = all.count;
    s.errors = all.errors;
    s.connectErrors = stats.connectErrorCount();
    for (size_t i = 0; i < stats.ops.size(); ++i)
        s.opsByType[i] = stats.ops[i].count;
    s.hits = all.hits;
    s.misses = all.misses;
    s.p50Us = double(all.latency.percentileNs(50)) / 1000.0;
    s.p95Us = double(all.latency.percentileNs(95)) / 1000.0;
    s.p99Us = double(all.latency.percentileNs(99)) / 1000.0;
    s.maxUs = double(all.latency.maxNs()) / 1000.0;
    return s;
}

} // namespace cwb
