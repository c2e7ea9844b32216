#pragma once

#include "redis/redisconnection.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace cwb {

// How often routing had to correct itself; callers show these next to their own counts.
struct RoutingCounters
{
    qint64 moved = 0;     // MOVED replies followed to the slot's new master
    qint64 asked = 0;     // ASK replies followed (ASKING, then the command again)
    qint64 refreshes = 0; // CLUSTER SLOTS reloads after a MOVED or a lost master
    qint64 splits = 0;    // multi-key commands split by slot (DEL, UNLINK, EXISTS, TOUCH, MGET, MSET)
};

// The synchronous command path for engines that write keys outside the load engine (warming,
// benchmarks, optimisation experiments). Against a single server it is a thin pass-through to
// one RedisConnection. Against a Redis Cluster node it learns the slot map from CLUSTER SLOTS
// (the seed may be a replica: its map names the masters), keeps one RedisConnection per master
// and sends each command to the master of its key's slot:
//   - MOVED updates the slot's owner, reloads the map once per call and sends the command again;
//   - ASK sends ASKING and the command to the named node once (the slot is migrating);
//   - a command is redirected at most Options::maxRedirects times, then its reply is the last
//     redirect error, which the caller counts like any other error reply;
//   - DEL, UNLINK, EXISTS, TOUCH, MGET and MSET whose keys span several slots are split per
//     slot and their replies put together (sum, array in key order, OK);
//   - commands without a key (INFO, PUBLISH, CONFIG ...) go to the seed.
// Every node link is a RedisConnection with the seed's credentials and options, so timeouts,
// AUTH and whatever RedisConnection learns later (TLS) apply to every node.
// Not thread-safe: one thread uses an instance at a time.
class ClusterRouter
{
public:
    struct Options
    {
        RedisConnection::Options connection;
        int maxRedirects = 5;
    };

    ClusterRouter(Endpoint seed, Options options);
    explicit ClusterRouter(Endpoint seed);
    ~ClusterRouter();
    ClusterRouter(ClusterRouter &&) noexcept;
    ClusterRouter &operator=(ClusterRouter &&) noexcept;

    // Connects to the seed and, on a cluster node, reads the slot map. False with lastError()
    // set when the seed is unreachable, the map cannot be read or no slot is served, or a
    // database other than 0 is asked of a cluster.
    bool connect();
    bool isCluster() const;
    // The masters that serve slots (1 for a single server).
    int masterCount() const;

    // The same contract as RedisConnection's: nullopt on a transport failure (lastError() names
    // the node), error replies as replies. A lost master makes the next call reload the map.
    std::optional<RedisReply> command(const RedisCommand &args);
    // Commands are grouped per master and sent as one pipeline to each; replies come back in
    // the order of `commands`. Commands of one slot keep their order.
    std::optional<std::vector<RedisReply>> pipeline(const std::vector<RedisCommand> &commands);

    // INFO of the seed (a single server's, or the cluster node given as the target).
    std::optional<QByteArray> info(const QByteArray &section = {});
    // INFO of every master, in slot order; nullopt when one does not answer.
    std::optional<std::vector<QByteArray>> infoOfMasters(const QByteArray &section = {});
    // Runs `fn` on each master's connection (the server's when single) until it returns false;
    // false then, or when a master cannot be reached (lastError() says which).
    bool forEachMaster(const std::function<bool(RedisConnection &)> &fn);

    // The endpoint of the master that serves `key` (the seed's when single or unknown), for
    // measurements that need a plain connection to the right node.
    Endpoint endpointFor(const QByteArray &key) const;

    const RedisError &lastError() const;
    const Endpoint &endpoint() const; // the seed
    RoutingCounters counters() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cwb
