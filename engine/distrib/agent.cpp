#include "agent.h"

#include "coordbus.h"
#include "runsplit.h"
#include "statswire.h"

#include "load/loadrun.h"
#include "load/ownedkeys.h"

#include <QThread>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace cwb {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kInboxWait = std::chrono::milliseconds(500);
constexpr qint64 kLatestStartMs = 60'000; // a start further ahead than this is refused

qint64 wallClockMs()
{
    return wallClockNs() / 1'000'000;
}

bool isUriSeparator(QChar c)
{
    return c == u'.' || c == u':' || c == u'/' || c == u'@' || c == u'?' || c == u'&' || c == u'=';
}

// '*' matches any run of characters within one part of the URI (not across '.', ':', '/', '@' or
// the query's '?', '&', '='), so "redis://10.0.0.*:6379" cannot match "redis://10.0.0.5.evil.example:6379";
// '**' matches any run of characters at all, '?' one character within a part (or a literal '?'); everything else
// itself, case-insensitively. Dynamic programming over both strings: no backtracking, so a
// hostile URI costs at most pattern x text steps.
bool wildcardMatch(QStringView pattern, QStringView text)
{
    const qsizetype n = text.size();
    // row[j]: the pattern read so far matches text[0, j).
    std::vector<char> row(size_t(n) + 1, 0);
    row[0] = 1;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar p = pattern[i];
        std::vector<char> next(size_t(n) + 1, 0);
        if (p == u'*') {
            const bool any = i + 1 < pattern.size() && pattern[i + 1] == u'*';
            if (any)
                ++i;
            for (qsizetype j = 0; j <= n; ++j)
                next[size_t(j)] = row[size_t(j)] || (j > 0 && next[size_t(j - 1)] && (any || !isUriSeparator(text[j - 1])));
        } else {
            for (qsizetype j = 1; j <= n; ++j) {
                const QChar t = text[j - 1];
                const bool same = p == u'?' ? !isUriSeparator(t) || t == u'?' : p.toLower() == t.toLower();
                next[size_t(j)] = row[size_t(j - 1)] && same;
            }
        }
        row.swap(next);
    }
    return row[size_t(n)];
}

// Seconds the load run closed, handed from its collector thread to the agent's loop.
class SecondQueue
{
public:
    void push(const SecondSample &s, const StatsBlock &stats)
    {
        const std::lock_guard lock(m_mutex);
        m_items.push_back({secondToWire(s), statsBlockToWire(stats)});
        m_wake.notify_one();
    }
    std::deque<std::pair<nlohmann::json, nlohmann::json>> take(std::chrono::milliseconds wait)
    {
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, wait, [this] { return !m_items.empty(); });
        return std::exchange(m_items, {});
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::pair<nlohmann::json, nlohmann::json>> m_items;
};

} // namespace

struct Agent::Start
{
    QString run;
    QString runNamespace; // "<prefix><tag>:": the run's keys, which a dead-man cleanup removes
    LoadTestConfig config;
    Endpoint target;
    qint64 startAtServerMs = 0;
};

Agent::Agent(AgentOptions options) : m_options(std::move(options))
{
    m_info.name = m_options.name;
    m_info.version = QStringLiteral(CWB_VERSION);
    m_info.protocol = kCoordProtocol;
    m_info.cores = QThread::idealThreadCount();
    m_info.host = m_options.host;
    m_info.allowTargets = m_options.allowTargets;
    m_info.state = QStringLiteral("idle");
}

bool Agent::targetAllowed(const QStringList &patterns, const Endpoint &target)
{
    const QString uri = target.displayUri();
    for (const QString &pattern : patterns) {
        if (wildcardMatch(pattern, uri))
            return true;
    }
    return false;
}

std::optional<Agent::Start> Agent::acceptStart(const CoordMessage &message, QString *reason) const
{
    const nlohmann::json &data = message.data;
    const auto field = [&](const char *key) { return data.contains(key) ? data[key] : nlohmann::json(); };
    if (field("protocol") != kCoordProtocol) {
        *reason = QStringLiteral("this agent speaks protocol %1 and the coordinator %2: run the same version on both")
                      .arg(kCoordProtocol)
                      .arg(QString::fromStdString(field("protocol").dump()));
        return std::nullopt;
    }
    if (!field("target").is_string() || !field("spec").is_object() || !field("startAt").is_number_integer()) {
        *reason = QStringLiteral("a start needs target, spec and startAt");
        return std::nullopt;
    }
    Start start;
    start.run = message.run;
    start.startAtServerMs = field("startAt").get<qint64>();
    auto target = parseEndpoint(QString::fromStdString(field("target").get<std::string>()), reason);
    if (!target)
        return std::nullopt;
    if (!targetAllowed(m_options.allowTargets, *target)) {
        *reason = QStringLiteral("target %1 is not allowed on this agent (its --allow-target: %2)")
                      .arg(target->displayUri(), m_options.allowTargets.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const LoadConfigParseResult parsed = parseLoadTestConfig(field("spec"));
    if (!parsed.config) {
        *reason = QStringLiteral("spec: ") + parsed.errors.front().toString();
        return std::nullopt;
    }
    // The agent writes, and may have to clean up, only the namespace the coordinator claimed for
    // this run: "<prefix><tag>:", the tag from the run's id (never a bare prefix of other keys).
    const auto runNamespace = runNamespaceOfShare(parsed.config->keyPrefix, message.run);
    if (!runNamespace) {
        *reason = QStringLiteral("spec: keyPrefix '%1' is not the namespace of run %2")
                      .arg(parsed.config->keyPrefix, message.run);
        return std::nullopt;
    }
    start.runNamespace = *runNamespace;
    const qint64 aheadMs = start.startAtServerMs - (wallClockMs() + m_info.clockOffsetNs / 1'000'000);
    if (aheadMs > kLatestStartMs) {
        *reason =
            QStringLiteral("startAt is %1 s ahead: more than %2 s").arg(aheadMs / 1000).arg(kLatestStartMs / 1000);
        return std::nullopt;
    }
    if (m_options.targetPassword)
        target->password = m_options.targetPassword(*target);
    start.config = *parsed.config;
    start.target = std::move(*target);
    return start;
}

// Removes the run's namespace from the target, when the coordinator that would have is gone:
// the keys must not outlive a run no one finishes. Several agents may do it at once; deleting
// is idempotent. What it did goes into the agent's final message (and its log).
nlohmann::json Agent::cleanUpAlone(const Start &start) const
{
    RedisConnection::Options options;
    options.connectTimeoutMs = options.commandTimeoutMs = 2000;
    options.reconnectAttempts = 0;
    RedisConnection control(start.target, options);
    QString error;
    std::optional<ClusterSlotMap> cluster;
    if (control.connect())
        cluster = discoverClusterSlots(control, &error);
    else
        error = control.lastError().message;
    NamespaceCleanup cleaned;
    if (error.isEmpty())
        cleaned = removeNamespace(start.target, options, start.runNamespace, cluster);
    else
        cleaned = {0, -1, error};
    if (!cleaned.ok())
        say(QStringLiteral("could not remove run %1's keys (%2) from %3: %4")
                       .arg(start.run, start.runNamespace, start.target.displayUri(),
                            cleaned.error.isEmpty() ? QStringLiteral("%1 left").arg(cleaned.left) : cleaned.error));
    else
        say(QStringLiteral("removed run %1's %2 keys after its coordinator was gone").arg(start.run).arg(cleaned.deleted));
    return {{"deleted", cleaned.deleted}, {"left", cleaned.left}, {"error", cleaned.error.toStdString()}};
}

void Agent::say(const QString &line) const
{
    if (m_options.log)
        m_options.log(line);
}

// New messages while a share runs: a stop for it ends it (the sentence is returned); a start for
// another run is refused, since one agent runs one share at a time.
QString Agent::readOrders(RedisConnection &bus, const QString &run, QByteArray &lastId) const
{
    const auto entries = readStream(bus, inboxKey(m_info.name), lastId, 0);
    QString order;
    for (const CoordEntry &entry : entries ? *entries : std::vector<CoordEntry>{}) {
        lastId = entry.id;
        if (!entry.message)
            continue;
        if (entry.message->kind == QLatin1String("stop") && entry.message->run == run)
            order = QStringLiteral("stopped by the coordinator");
        else if (entry.message->kind == QLatin1String("start"))
            postRunEvent(bus, {QStringLiteral("refused"),
                               entry.message->run,
                               m_info.name,
                               0,
                               {{"reason", QStringLiteral("busy with run %1").arg(run).toStdString()}}});
    }
    return order;
}

bool Agent::serve(const std::atomic<bool> &stop, QString *error)
{
    RedisConnection bus(m_options.coordinator);
    if (!bus.connect()) {
        if (error)
            *error = QStringLiteral("coordination server: ") + bus.lastError().message;
        return false;
    }
    if (const auto offset = measureClockOffsetNs(bus, error))
        m_info.clockOffsetNs = *offset;
    else
        return false;
    if (!registerAgent(bus, m_info, error))
        return false;
    // Only messages from now on: what an earlier agent of this name left is not for this one.
    QByteArray lastId = "0-0";
    if (const auto last = bus.command({"XREVRANGE", inboxKey(m_info.name), "+", "-", "COUNT", "1"});
        last && last->elements.size() == 1 && !last->elements[0].elements.empty())
        lastId = last->elements[0].elements[0].str;

    auto nextBeat = Clock::now();
    while (!stop.load()) {
        if (Clock::now() >= nextBeat) {
            heartbeatAgent(bus, m_info);
            nextBeat = Clock::now() + std::chrono::milliseconds(kAgentHeartbeatEveryMs);
        }
        const auto entries = readStream(bus, inboxKey(m_info.name), lastId, int(kInboxWait.count()));
        if (!entries) {
            std::this_thread::sleep_for(kInboxWait); // the server is away: the connection reconnects
            continue;
        }
        for (const CoordEntry &entry : *entries) {
            lastId = entry.id;
            if (!entry.message || entry.message->kind != QLatin1String("start"))
                continue; // not a message, or a stop for a run that is not running
            QString reason;
            const auto start = acceptStart(*entry.message, &reason);
            postRunEvent(bus, {start ? QStringLiteral("accepted") : QStringLiteral("refused"),
                               entry.message->run,
                               m_info.name,
                               0,
                               {{"reason", reason.toStdString()}}});
            say(start ? QStringLiteral("run %1: accepted, %2 users on %3")
                            .arg(entry.message->run)
                            .arg(start->config.concurrentUsers)
                            .arg(start->target.displayUri())
                      : QStringLiteral("run %1: refused: %2").arg(entry.message->run, reason));
            if (start)
                runShare(bus, *start, lastId, stop);
        }
    }
    unregisterAgent(bus, m_info.name);
    return true;
}

// Until the common instant (in this machine's clock), staying listed and listening: a stop that
// comes first cancels the share before it sends anything. Returns why it was cancelled, or an
// empty string at the start instant.
QString Agent::waitForStart(RedisConnection &bus, const Start &start, QByteArray &lastId,
                            const std::atomic<bool> &stop) const
{
    const qint64 startAtLocalMs = start.startAtServerMs - m_info.clockOffsetNs / 1'000'000;
    for (auto nextBeat = Clock::now(); wallClockMs() < startAtLocalMs;) {
        if (stop.load())
            return QStringLiteral("the agent was stopped");
        if (Clock::now() >= nextBeat) { // the start may be up to a minute ahead: stay listed
            heartbeatAgent(bus, m_info);
            nextBeat = Clock::now() + std::chrono::milliseconds(kAgentHeartbeatEveryMs);
        }
        if (const QString order = readOrders(bus, start.run, lastId); !order.isEmpty())
            return order;
        std::this_thread::sleep_for(std::chrono::milliseconds(
            std::clamp<qint64>(startAtLocalMs - wallClockMs(), 0, kAgentChecksEveryMs)));
    }
    return {};
}

void Agent::runShare(RedisConnection &bus, const Start &start, QByteArray &lastId, const std::atomic<bool> &stop)
{
    m_info.state = QStringLiteral("running ") + start.run;
    heartbeatAgent(bus, m_info);
    if (const QString cancelled = waitForStart(bus, start, lastId, stop); !cancelled.isEmpty()) {
        RunResult nothing; // stopped before a single request: nothing measured, nothing written
        nothing.runId = start.run;
        nothing.config = start.config;
        nothing.target = start.target.displayUri();
        nothing.status = RunStatus::Stopped;
        nothing.startedAt = nothing.finishedAt = QDateTime::currentDateTimeUtc();
        postRunEvent(bus, {QStringLiteral("final"), start.run, m_info.name, 1,
                           {{"result", runResultToJson(nothing)}, {"stopReason", cancelled.toStdString()}}});
        say(QStringLiteral("run %1: stopped before it started (%2)").arg(start.run, cancelled));
        m_info.state = QStringLiteral("idle");
        heartbeatAgent(bus, m_info);
        return;
    }

    SecondQueue seconds;
    LoadRun::Options options;
    options.insideCallerNamespace = true; // the coordinator claimed the namespace and cleans it up
    options.onSecond = [&seconds](const SecondSample &s, const StatsBlock &stats) { seconds.push(s, stats); };
    LoadTestConfig config = start.config;
    config.cleanup = false;
    LoadRun run(config, start.target, options);
    std::atomic<bool> done{false};
    RunResult result;
    std::thread worker([&] {
        result = run.execute();
        done.store(true);
    });

    qint64 seq = 0;
    QString stopReason;
    bool coordinatorGone = false;
    auto nextCheck = Clock::now();
    auto nextBeat = Clock::now();
    auto lastAlive = Clock::now(); // the last time the coordinator's heartbeat was seen
    const auto postSeconds = [&](std::chrono::milliseconds wait) {
        for (auto &[second, stats] : seconds.take(wait))
            postRunEvent(bus, {QStringLiteral("second"),
                               start.run,
                               m_info.name,
                               ++seq,
                               {{"second", std::move(second)}, {"stats", std::move(stats)}}});
    };
    while (!done.load()) {
        postSeconds(std::chrono::milliseconds(200));
        if (Clock::now() < nextCheck)
            continue;
        nextCheck = Clock::now() + std::chrono::milliseconds(kAgentChecksEveryMs);
        if (Clock::now() >= nextBeat) {
            heartbeatAgent(bus, m_info);
            nextBeat = Clock::now() + std::chrono::milliseconds(kAgentHeartbeatEveryMs);
        }
        if (stopReason.isEmpty() && stop.load())
            stopReason = QStringLiteral("the agent was stopped");
        const std::optional<bool> alive = stopReason.isEmpty() ? coordinatorAlive(bus, start.run) : std::nullopt;
        if (alive == std::optional<bool>(true)) {
            lastAlive = Clock::now();
        } else if (alive == std::optional<bool>(false)) {
            stopReason = QStringLiteral("the coordinator's heartbeat stopped: it is gone");
            coordinatorGone = true;
        } else if (stopReason.isEmpty() && Clock::now() - lastAlive > std::chrono::milliseconds(kCoordinatorAliveTtlMs)) {
            // The coordination server itself is away: no one can stop or collect this share.
            stopReason =
                QStringLiteral("the coordination server stopped answering: no coordinator can reach this agent");
            coordinatorGone = true;
        }
        const QString order = readOrders(bus, start.run, lastId);
        if (stopReason.isEmpty())
            stopReason = order;
        if (!stopReason.isEmpty() && !run.stopRequested()) {
            say(QStringLiteral("run %1: stopping: %2").arg(start.run, stopReason));
            run.requestStop();
        }
    }
    worker.join();
    if (stopReason.isEmpty() && coordinatorAlive(bus, start.run) == std::optional<bool>(false)) {
        // The share ended by itself, and its coordinator is gone: this agent was frozen past the
        // run's end, say, and its last writes may have come after the coordinator's cleanup.
        stopReason = QStringLiteral("the coordinator's heartbeat stopped: it is gone");
        coordinatorGone = true;
    }
    postSeconds(std::chrono::milliseconds(0));
    nlohmann::json final{{"result", runResultToJson(result)}, {"stopReason", stopReason.toStdString()}};
    if (coordinatorGone) // no one else will remove what this share wrote
        final["cleanup"] = cleanUpAlone(start);
    postRunEvent(bus, {QStringLiteral("final"), start.run, m_info.name, ++seq, std::move(final)});
    say(QStringLiteral("run %1: %2, %3 operations%4")
            .arg(start.run, runStatusName(result.status))
            .arg(result.total().count)
            .arg(stopReason.isEmpty() ? QString() : QStringLiteral(" (") + stopReason + u')'));
    m_info.state = QStringLiteral("idle");
    heartbeatAgent(bus, m_info);
}

} // namespace cwb
