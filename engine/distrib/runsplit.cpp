#include "runsplit.h"

#include "load/keyprefix.h"

#include <QRegularExpression>

namespace cwb {

uint64_t shareSeed(uint64_t runSeed, int agent)
{
    // splitmix64 of (seed, agent): neighbouring seeds and agents give unrelated sequences.
    uint64_t z = runSeed + 0x9E3779B97F4A7C15ull * (uint64_t(agent) + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::optional<std::vector<RunShare>> splitRun(const LoadTestConfig &config, int agents, AgentKeys keys,
                                              QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<std::vector<RunShare>> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (agents < 1)
        return fail(QStringLiteral("no agent to run on"));
    if (config.concurrentUsers < agents)
        return fail(QStringLiteral("concurrentUsers (%1) is fewer than the agents (%2): each agent needs at least "
                                   "one user")
                        .arg(config.concurrentUsers)
                        .arg(agents));
    if (keys == AgentKeys::Partitioned && config.keySpace < agents)
        return fail(QStringLiteral("keySpace (%1) is smaller than the agents (%2): partitioned keys need at least "
                                   "one key per agent")
                        .arg(config.keySpace)
                        .arg(agents));

    std::vector<RunShare> shares;
    shares.reserve(size_t(agents));
    const int base = config.concurrentUsers / agents;
    const int extra = config.concurrentUsers % agents;
    for (int i = 0; i < agents; ++i) {
        RunShare share{i, config};
        share.config.concurrentUsers = base + (i < extra ? 1 : 0);
        share.config.requestsPerSecond =
            config.requestsPerSecond * double(share.config.concurrentUsers) / double(config.concurrentUsers);
        share.config.seed = shareSeed(config.seed, i);
        share.config.threads = 0; // each agent sizes its own pool to its own cores
        if (keys == AgentKeys::Partitioned)
            share.config.keySpace = config.keySpace / agents + (i < config.keySpace % agents ? 1 : 0);
        shares.push_back(std::move(share));
    }
    return shares;
}

QString shareKeyPrefix(const QString &runNamespace, int agent, AgentKeys keys)
{
    return keys == AgentKeys::Shared ? runNamespace : runNamespace + QStringLiteral("a%1:").arg(agent);
}

std::optional<QString> runNamespaceOfShare(const QString &keyPrefix, const QString &runId)
{
    static const QRegularExpression partition(QStringLiteral("^(a[0-9]{1,4}:)?$"));
    const QString tag = runTag(runId);
    const qsizetype at = tag.isEmpty() ? -1 : keyPrefix.lastIndexOf(tag + u':');
    if (at < 0)
        return std::nullopt;
    const QString runNs = keyPrefix.left(at + tag.size() + 1);
    if (!keyPrefixProblem(runNs.chopped(tag.size() + 1)).isEmpty()
        || !partition.match(keyPrefix.mid(runNs.size())).hasMatch())
        return std::nullopt;
    return runNs;
}

} // namespace cwb
