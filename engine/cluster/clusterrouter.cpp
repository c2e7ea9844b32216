#include "clusterrouter.h"

#include "clusterslots.h"
#include "commandkeys.h"
#include "keyslot.h"

#include "redis/infoparser.h"

#include <chrono>
#include <thread>

namespace cwb {

namespace {

constexpr int kSeed = -1; // the node index used for the seed connection

// One command as sent: a caller's command, or one slot's share of a split multi-key command.
struct Part
{
    size_t origin = 0;
    RedisCommand command;
    int slot = -1;    // -1: no key, goes to the seed
    int askNode = -1; // set by ASK for the next send only
    int redirects = 0;
    std::vector<int> keyOrdinals; // a split part: which of the origin's keys it carries
    RedisReply reply;
};

struct Redirect
{
    bool ask = false;
    int slot = -1;
    QString host;
    quint16 port = 0;
};

// "MOVED 3999 127.0.0.1:6381" / "ASK 3999 127.0.0.1:6381"; the host may be an IPv6 literal.
std::optional<Redirect> parseRedirect(const QByteArray &error)
{
    const QList<QByteArray> words = error.split(' ');
    if (words.size() != 3 || (words[0] != "MOVED" && words[0] != "ASK"))
        return std::nullopt;
    Redirect r;
    r.ask = words[0] == "ASK";
    bool slotOk = false, portOk = false;
    r.slot = words[1].toInt(&slotOk);
    const qsizetype colon = words[2].lastIndexOf(':');
    if (colon <= 0)
        return std::nullopt;
    r.host = QString::fromUtf8(words[2].left(colon));
    const int port = words[2].mid(colon + 1).toInt(&portOk);
    if (!slotOk || !portOk || r.slot < 0 || r.slot >= kClusterSlots || port <= 0 || port > 65535)
        return std::nullopt;
    r.port = quint16(port);
    return r;
}

} // namespace

struct ClusterRouter::Private
{
    Endpoint seedEndpoint;
    Options options;
    std::unique_ptr<RedisConnection> seed;
    bool cluster = false;
    ClusterSlotMap map;
    std::vector<std::unique_ptr<RedisConnection>> links; // by node index, opened on first use
    bool refreshWanted = false;
    RedisError lastError;
    RoutingCounters counters;

    void fail(RedisErrorKind kind, const QString &message) { lastError = {kind, message}; }

    RedisConnection &link(int node)
    {
        if (node == kSeed)
            return *seed;
        if (links.size() < map.nodes.size())
            links.resize(map.nodes.size());
        auto &slot = links[size_t(node)];
        if (!slot)
            slot = std::make_unique<RedisConnection>(clusterNodeEndpoint(seedEndpoint, map.nodes[size_t(node)]),
                                                     options.connection);
        return *slot;
    }

    // Reloads the slot map from the seed, or from a master when the seed does not answer.
    bool refresh()
    {
        ++counters.refreshes;
        std::vector<int> sources{kSeed};
        for (int node : map.owningNodes())
            sources.push_back(node);
        QString why;
        for (int source : sources) {
            RedisConnection &connection = link(source);
            const auto reply = connection.command({"CLUSTER", "SLOTS"});
            if (!reply || reply->isError()) {
                why = connection.lastError().message;
                continue;
            }
            if (map.applyClusterSlots(*reply, &why) && map.assignedSlots() > 0)
                return true;
            if (why.isEmpty())
                why = QStringLiteral("no slot is assigned to a reachable master");
        }
        fail(RedisErrorKind::ServerError,
             QStringLiteral("%1 is a Redis Cluster node, but its slot map could not be read: %2")
                 .arg(seedEndpoint.displayUri(), why));
        return false;
    }

    int nodeFor(const Part &part) const
    {
        if (part.askNode >= 0)
            return part.askNode;
        if (part.slot < 0)
            return kSeed;
        const uint16_t owner = map.owner[size_t(part.slot)];
        // A slot nobody serves: the seed answers for it truthfully (CLUSTERDOWN or MOVED).
        return owner == ClusterSlotMap::kUnassigned ? kSeed : int(owner);
    }

    std::vector<Part> split(const std::vector<RedisCommand> &commands)
    {
        std::vector<Part> parts;
        parts.reserve(commands.size());
        for (size_t i = 0; i < commands.size(); ++i) {
            const RedisCommand &command = commands[i];
            if (splittableKind(command) != SplittableKind::None && splitBySlot(i, command, parts))
                continue;
            Part part;
            part.origin = i;
            part.command = command;
            const int keyIndex = routingKeyIndex(command);
            part.slot = keyIndex >= 0 ? keySlot(command[keyIndex]) : -1;
            parts.push_back(std::move(part));
        }
        return parts;
    }

    // Splits a multi-key command whose keys span slots; false (nothing added) when they do not.
    bool splitBySlot(size_t origin, const RedisCommand &command, std::vector<Part> &parts)
    {
        const int stride = splittableStride(command);
        std::vector<std::pair<int, Part>> bySlot; // in order of first appearance
        for (qsizetype arg = 1, ordinal = 0; arg + stride - 1 < command.size(); arg += stride, ++ordinal) {
            const int slot = keySlot(command[arg]);
            auto it = std::find_if(bySlot.begin(), bySlot.end(), [slot](const auto &e) { return e.first == slot; });
            if (it == bySlot.end()) {
                Part part;
                part.origin = origin;
                part.slot = slot;
                part.command = RedisCommand{command.first()};
                bySlot.emplace_back(slot, std::move(part));
                it = bySlot.end() - 1;
            }
            for (int k = 0; k < stride; ++k)
                it->second.command.append(command[arg + k]);
            it->second.keyOrdinals.push_back(int(ordinal));
        }
        if (bySlot.size() < 2)
            return false;
        ++counters.splits;
        for (auto &[slot, part] : bySlot)
            parts.push_back(std::move(part));
        return true;
    }

    // Sends every part still without a reply; the ones redirected are returned for the next round.
    std::optional<std::vector<size_t>> sendRound(std::vector<Part> &parts, const std::vector<size_t> &pending)
    {
        std::vector<std::pair<int, std::vector<size_t>>> byNode;
        for (size_t p : pending) {
            const int node = nodeFor(parts[p]);
            auto it = std::find_if(byNode.begin(), byNode.end(), [node](const auto &e) { return e.first == node; });
            if (it == byNode.end()) {
                byNode.emplace_back(node, std::vector<size_t>{});
                it = byNode.end() - 1;
            }
            it->second.push_back(p);
        }
        std::vector<size_t> again;
        for (const auto &[node, members] : byNode) {
            std::vector<RedisCommand> batch;
            for (size_t p : members) {
                if (parts[p].askNode >= 0)
                    batch.push_back({"ASKING"});
                batch.push_back(parts[p].command);
            }
            RedisConnection &connection = link(node);
            const auto replies = connection.pipeline(batch);
            if (!replies || replies->size() != batch.size()) {
                lastError = connection.lastError();
                // A master that went away: its replica may be promoted by now.
                refreshWanted = cluster;
                return std::nullopt;
            }
            size_t r = 0;
            for (size_t p : members) {
                Part &part = parts[p];
                if (part.askNode >= 0)
                    ++r; // ASKING's +OK
                part.askNode = -1;
                part.reply = (*replies)[r++];
                if (cluster && part.reply.isError() && followRedirect(part))
                    again.push_back(p);
            }
        }
        return again;
    }

    // True when the part is to be sent again (MOVED, ASK, TRYAGAIN within the redirect limit).
    bool followRedirect(Part &part)
    {
        if (part.redirects >= options.maxRedirects)
            return false;
        if (part.reply.str.startsWith("TRYAGAIN")) {
            // A multi-key command during a slot migration: the keys are moving, wait a little.
            ++part.redirects;
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * part.redirects));
            return true;
        }
        const auto redirect = parseRedirect(part.reply.str);
        if (!redirect)
            return false;
        ++part.redirects;
        const int node = map.nodeIndex(redirect->host, redirect->port, true);
        if (redirect->ask) {
            ++counters.asked;
            part.askNode = node;
        } else {
            ++counters.moved;
            map.owner[size_t(redirect->slot)] = uint16_t(node);
            refreshWanted = true;
        }
        return true;
    }

    static RedisReply combine(const RedisCommand &command, std::vector<const Part *> pieces)
    {
        if (pieces.size() == 1 && pieces.front()->keyOrdinals.empty())
            return pieces.front()->reply;
        for (const Part *piece : pieces) {
            if (piece->reply.isError())
                return piece->reply;
        }
        RedisReply out;
        switch (splittableKind(command)) {
        case SplittableKind::SumOfIntegers:
            out.type = RedisReply::Type::Integer;
            for (const Part *piece : pieces)
                out.integer += piece->reply.integer;
            break;
        case SplittableKind::ArrayInKeyOrder: {
            out.type = RedisReply::Type::Array;
            size_t keys = 0;
            for (const Part *piece : pieces)
                keys += piece->keyOrdinals.size();
            out.elements.resize(keys);
            for (const Part *piece : pieces) {
                for (size_t k = 0; k < piece->keyOrdinals.size() && k < piece->reply.elements.size(); ++k)
                    out.elements[size_t(piece->keyOrdinals[k])] = piece->reply.elements[k];
            }
            break;
        }
        case SplittableKind::AllOk:
        case SplittableKind::None:
            out = pieces.front()->reply;
            break;
        }
        return out;
    }

    void noteFirstErrorReply(const std::vector<RedisCommand> &commands, const std::vector<RedisReply> &replies)
    {
        for (size_t i = 0; i < replies.size(); ++i) {
            if (replies[i].isError()) {
                const QString text = QString::fromUtf8(replies[i].str).simplified();
                lastError = {classifyErrorReply(text),
                             QString::fromUtf8(commands[i].value(0).left(32)).toUpper() + QStringLiteral(": ") + text};
                return;
            }
        }
    }

    std::optional<std::vector<RedisReply>> routedPipeline(const std::vector<RedisCommand> &commands)
    {
        lastError = {};
        if (refreshWanted) {
            refreshWanted = false;
            if (!refresh())
                return std::nullopt;
        }
        std::vector<Part> parts = split(commands);
        std::vector<size_t> pending(parts.size());
        for (size_t i = 0; i < parts.size(); ++i)
            pending[i] = i;
        bool refreshed = false;
        while (!pending.empty()) {
            auto again = sendRound(parts, pending);
            if (!again)
                return std::nullopt;
            pending = std::move(*again);
            // One map reload per call: a MOVED usually means more slots moved (failover, reshard).
            if (!pending.empty() && refreshWanted && !refreshed) {
                refreshWanted = false;
                refreshed = true;
                if (!refresh())
                    return std::nullopt;
            }
        }
        std::vector<std::vector<const Part *>> byOrigin(commands.size());
        for (const Part &part : parts)
            byOrigin[part.origin].push_back(&part);
        std::vector<RedisReply> replies;
        replies.reserve(commands.size());
        for (size_t i = 0; i < commands.size(); ++i)
            replies.push_back(combine(commands[i], byOrigin[i]));
        noteFirstErrorReply(commands, replies);
        return replies;
    }
};

ClusterRouter::ClusterRouter(Endpoint seed, Options options) : d(std::make_unique<Private>())
{
    d->seedEndpoint = std::move(seed);
    d->options = std::move(options);
    d->seed = std::make_unique<RedisConnection>(d->seedEndpoint, d->options.connection);
}

ClusterRouter::ClusterRouter(Endpoint seed) : ClusterRouter(std::move(seed), Options{}) {}

ClusterRouter::~ClusterRouter() = default;
ClusterRouter::ClusterRouter(ClusterRouter &&) noexcept = default;
ClusterRouter &ClusterRouter::operator=(ClusterRouter &&) noexcept = default;

bool ClusterRouter::connect()
{
    d->lastError = {};
    d->cluster = false;
    d->links.clear();
    d->map = {};
    const QString onlyDbZero =
        QStringLiteral("a Redis Cluster has only database 0; remove /%1 from the target").arg(d->seedEndpoint.database);
    if (!d->seed->connect()) {
        d->lastError = d->seed->lastError();
        // A cluster node refuses SELECT ("not allowed in cluster mode"): say what to change.
        if (d->seedEndpoint.database != 0 && d->lastError.message.contains(QLatin1String("cluster mode")))
            d->lastError.message = onlyDbZero;
        return false;
    }
    const auto text = d->seed->info("cluster");
    if (!text) {
        d->lastError = d->seed->lastError();
        return false;
    }
    if (!parseInfo(*text).cluster.clusterEnabled)
        return true;
    if (d->seedEndpoint.database != 0) {
        d->fail(RedisErrorKind::ServerError, onlyDbZero);
        return false;
    }
    d->cluster = true;
    return d->refresh();
}

bool ClusterRouter::isCluster() const
{
    return d->cluster;
}

int ClusterRouter::masterCount() const
{
    return d->cluster ? int(d->map.owningNodes().size()) : 1;
}

std::optional<RedisReply> ClusterRouter::command(const RedisCommand &args)
{
    if (!d->cluster) {
        auto reply = d->seed->command(args);
        d->lastError = d->seed->lastError();
        return reply;
    }
    auto replies = d->routedPipeline({args});
    if (!replies)
        return std::nullopt;
    return std::move(replies->front());
}

std::optional<std::vector<RedisReply>> ClusterRouter::pipeline(const std::vector<RedisCommand> &commands)
{
    if (!d->cluster) {
        auto replies = d->seed->pipeline(commands);
        d->lastError = d->seed->lastError();
        return replies;
    }
    return d->routedPipeline(commands);
}

std::optional<QByteArray> ClusterRouter::info(const QByteArray &section)
{
    auto text = d->seed->info(section);
    d->lastError = d->seed->lastError();
    return text;
}

std::optional<std::vector<QByteArray>> ClusterRouter::infoOfMasters(const QByteArray &section)
{
    std::vector<QByteArray> texts;
    const bool ok = forEachMaster([&](RedisConnection &connection) {
        auto text = connection.info(section);
        if (!text) {
            d->lastError = connection.lastError();
            return false;
        }
        texts.push_back(std::move(*text));
        return true;
    });
    if (!ok)
        return std::nullopt;
    return texts;
}

bool ClusterRouter::forEachMaster(const std::function<bool(RedisConnection &)> &fn)
{
    d->lastError = {};
    if (!d->cluster)
        return fn(*d->seed);
    if (d->refreshWanted) {
        d->refreshWanted = false;
        if (!d->refresh())
            return false;
    }
    for (int node : d->map.owningNodes()) {
        RedisConnection &connection = d->link(node);
        if (!connection.isConnected() && !connection.connect()) {
            d->lastError = connection.lastError();
            d->refreshWanted = true;
            return false;
        }
        if (!fn(connection))
            return false;
    }
    return true;
}

Endpoint ClusterRouter::endpointFor(const QByteArray &key) const
{
    if (!d->cluster)
        return d->seedEndpoint;
    const uint16_t owner = d->map.owner[size_t(keySlot(key))];
    if (owner == ClusterSlotMap::kUnassigned)
        return d->seedEndpoint;
    return clusterNodeEndpoint(d->seedEndpoint, d->map.nodes[owner]);
}

const RedisError &ClusterRouter::lastError() const
{
    return d->lastError;
}

const Endpoint &ClusterRouter::endpoint() const
{
    return d->seedEndpoint;
}

RoutingCounters ClusterRouter::counters() const
{
    return d->counters;
}

} // namespace cwb
