#include "benchmarkfactories.h"
#include "benchutil.h"

#include "redis/rediserror.h"

#include <atomic>
#include <mutex>
#include <thread>

namespace cwb::bench {

namespace {

// Payloads start with the publisher's steady-clock nanoseconds: publisher and subscriber
// live in this process, so their difference is the end-to-end delivery latency.
QByteArray stampedPayload(int size)
{
    QByteArray payload = QByteArray::number(qulonglong(nowNs())).rightJustified(20, '0');
    if (payload.size() < size)
        payload.append(QByteArray(size - payload.size(), 'x'));
    return payload;
}

uint64_t stampOf(const char *data, size_t length)
{
    return length >= 20 ? QByteArray(data, 20).toULongLong() : 0;
}

// The stream consumer's first error: set on the consumer's thread while the producer polls it.
// A QString is not safe to read while another thread assigns it, hence the lock; the flag lets
// the producer's loop check without taking it.
class ConsumerError
{
public:
    void set(const QString &error)
    {
        const std::lock_guard lock(m_mutex);
        if (m_error.isEmpty())
            m_error = error;
        m_set.store(true);
    }
    bool isSet() const { return m_set.load(); }
    QString text() const
    {
        const std::lock_guard lock(m_mutex);
        return m_error;
    }

private:
    mutable std::mutex m_mutex;
    QString m_error;
    std::atomic<bool> m_set{false};
};

struct Subscriber
{
    LatencyHistogram latency;          // read after the reader thread joined
    std::atomic<uint64_t> received{0}; // also read while it runs, to know when all arrived
    QString error;
};

// A subscriber on its own connection (TLS when the target is), already subscribed to `channel`;
// nullptr with *error set when it cannot connect or subscribe (*refused: because this user or
// server does not allow SUBSCRIBE, *error is then that sentence).
std::unique_ptr<RedisConnection> subscribe(const Endpoint &endpoint, const QByteArray &channel, QString *error,
                                           bool *refused)
{
    RedisConnection::Options options = benchConnectionOptions().connection;
    options.reconnectAttempts = 0; // a subscription does not survive a reconnect
    auto connection = std::make_unique<RedisConnection>(endpoint, options);
    if (!connection->connect()) {
        *error = QStringLiteral("subscriber cannot connect: ") + connection->lastError().message;
        return nullptr;
    }
    const auto reply = connection->command({"SUBSCRIBE", channel});
    if (!reply || reply->type != RedisReply::Type::Array) {
        const QString sentence = reply && reply->isError() ? unavailableCommandSentence(QStringLiteral("SUBSCRIBE"),
                                                                                        QString::fromUtf8(reply->str))
                                                           : QString();
        *refused = !sentence.isEmpty();
        *error = *refused ? sentence : QStringLiteral("SUBSCRIBE failed: ") + connection->lastError().message;
        return nullptr;
    }
    return connection;
}

// Reads pushed messages until `stop`, waiting at most 50 ms at a time so a stop is seen soon.
void subscriberLoop(RedisConnection &connection, const std::atomic<bool> &stop, Subscriber &sub)
{
    while (!stop.load()) {
        const std::optional<RedisReply> message = connection.nextPushed(50);
        if (!message) {
            if (connection.lastError()) {
                sub.error = QStringLiteral("subscriber: ") + connection.lastError().message;
                return;
            }
            continue;
        }
        if (message->type == RedisReply::Type::Array && message->elements.size() == 3
            && message->elements[2].type == RedisReply::Type::String) {
            const QByteArray &payload = message->elements[2].str;
            const uint64_t stamp = stampOf(payload.constData(), size_t(payload.size()));
            const uint64_t now = nowNs();
            if (stamp && now >= stamp)
                sub.latency.record(now - stamp);
            sub.received.fetch_add(1, std::memory_order_relaxed);
        }
    }
}

// Pub/Sub fan-out by subscriber count and Streams with a consumer group: delivery latency from
// publish to receipt, throughput, and lost messages (zero is required for streams).
class RealtimeBenchmark : public Benchmark
{
public:
    QString name() const override { return QStringLiteral("realtime-updates"); }
    QString title() const override { return QStringLiteral("Real-time updates"); }
    QString description() const override
    {
        return QStringLiteral("PUBLISH/SUBSCRIBE and Streams (XADD, XREADGROUP, XACK): delivery latency, lost messages, throughput by subscriber count.");
    }
    std::vector<BenchmarkParameter> parameters() const override
    {
        return {{QStringLiteral("messages"), QStringLiteral("Messages per step"), 2000, 10, 100000000},
                {QStringLiteral("maxSubscribers"), QStringLiteral("Subscribers of the last Pub/Sub step (doubling from 1)"), 4, 1, 1000},
                {QStringLiteral("payloadSize"), QStringLiteral("Message size in bytes"), 100, 20, 1024 * 1024}};
    }

    void run(const BenchmarkContext &context, BenchmarkResult &result) override
    {
        ClusterRouter publisher(context.endpoint, benchConnectionOptions());
        if (!openConnection(publisher, result))
            return;
        if (pubSub(context, publisher, result) && !context.cancelled())
            streams(context, publisher, result);
        // Both parts refused (a user without Pub/Sub and Streams): nothing was measured.
        if (result.operations.empty() && !result.notes.empty() && !context.cancelled())
            fail(result, QStringList(result.notes.begin(), result.notes.end()).join(QStringLiteral("; ")));
    }

private:
    bool pubSub(const BenchmarkContext &context, ClusterRouter &publisher, BenchmarkResult &result)
    {
        const int messages = int(parameter(context, QStringLiteral("messages")));
        const int maxSubscribers = int(parameter(context, QStringLiteral("maxSubscribers")));
        const int payloadSize = int(parameter(context, QStringLiteral("payloadSize")));
        std::vector<int> steps;
        for (int n = 1; n < maxSubscribers; n *= 2)
            steps.push_back(n);
        steps.push_back(maxSubscribers);

        BenchmarkOperation publish;
        publish.name = QStringLiteral("PUBLISH");
        BenchmarkSeries throughput{QStringLiteral("deliveries/s by subscribers"), QStringLiteral("subscribers"),
                                   QStringLiteral("messages/s"), {}};
        BenchmarkSeries p99{QStringLiteral("delivery p99 by subscribers"), QStringLiteral("subscribers"), QStringLiteral("µs"), {}};
        // A user without Pub/Sub (or a service that renamed it) still gets the Streams part.
        const QByteArray probeChannel = context.keyPrefix.toUtf8() + "channel:probe";
        if (const QString refused =
                unavailableSentence(publisher, {"PUBLISH", probeChannel, "cwb"}, QStringLiteral("PUBLISH"));
            !refused.isEmpty()) {
            result.notes.push_back(refused + QStringLiteral(": the Pub/Sub part was skipped"));
            return true;
        }
        uint64_t lostTotal = 0;
        for (size_t s = 0; s < steps.size() && !context.cancelled(); ++s) {
            const int count = steps[s];
            const QByteArray channel = context.keyPrefix.toUtf8() + "channel:" + QByteArray::number(count);
            std::vector<std::unique_ptr<RedisConnection>> connections;
            std::vector<Subscriber> subs(static_cast<size_t>(count));
            for (int i = 0; i < count; ++i) {
                QString error;
                bool refused = false;
                auto connection = subscribe(context.endpoint, channel, &error, &refused);
                if (!connection && refused) {
                    result.notes.push_back(error + QStringLiteral(": the Pub/Sub part was skipped"));
                    return true;
                }
                if (!connection) {
                    fail(result, error);
                    return false;
                }
                connections.push_back(std::move(connection));
            }
            std::atomic<bool> stop{false};
            std::vector<std::thread> readers;
            for (int i = 0; i < count; ++i)
                readers.emplace_back([&, i] { subscriberLoop(*connections[size_t(i)], stop, subs[size_t(i)]); });

            const uint64_t start = nowNs();
            uint64_t published = 0;
            for (int m = 0; m < messages && !context.cancelled(); ++m) {
                if (timedCommand(publisher, {"PUBLISH", channel, stampedPayload(payloadSize)}, publish))
                    ++published;
                if ((m & 255) == 0)
                    context.report(0.6 * (double(s) + double(m) / messages) / double(steps.size()),
                                   QStringLiteral("Pub/Sub, %1 subscribers").arg(count));
            }
            publish.durationSec += double(nowNs() - start) / 1e9;
            // Let the last messages arrive (bounded: Pub/Sub may drop, streams may not).
            const uint64_t deadline = nowNs() + 3'000'000'000ULL;
            while (nowNs() < deadline && !context.cancelled() && !deliveredAll(subs, published))
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            stop.store(true);
            for (auto &t : readers)
                t.join();
            const double seconds = double(nowNs() - start) / 1e9;
            BenchmarkOperation delivery;
            delivery.name = QStringLiteral("Pub/Sub delivery (%1 subscribers)").arg(count);
            uint64_t received = 0;
            for (const auto &sub : subs) {
                if (!sub.error.isEmpty()) {
                    fail(result, sub.error);
                    return false;
                }
                received += sub.received.load();
                delivery.latency.merge(sub.latency);
            }
            delivery.count = received;
            delivery.durationSec = seconds;
            const uint64_t expected = published * uint64_t(count);
            lostTotal += expected > received ? expected - received : 0;
            throughput.points.emplace_back(count, seconds > 0 ? double(received) / seconds : 0);
            p99.points.emplace_back(count, double(delivery.latency.percentileNs(99)) / 1000);
            result.operations.push_back(std::move(delivery));
        }
        result.operations.insert(result.operations.begin(), std::move(publish));
        result.series.push_back(std::move(throughput));
        result.series.push_back(std::move(p99));
        result.metrics.push_back({QStringLiteral("pubsub messages lost"), double(lostTotal), QStringLiteral("messages")});
        return true;
    }

    static bool deliveredAll(const std::vector<Subscriber> &subs, uint64_t published)
    {
        for (const auto &sub : subs) {
            if (sub.received.load(std::memory_order_relaxed) < published)
                return false;
        }
        return true;
    }

    void streams(const BenchmarkContext &context, ClusterRouter &producer, BenchmarkResult &result)
    {
        const int messages = int(parameter(context, QStringLiteral("messages")));
        const int payloadSize = int(parameter(context, QStringLiteral("payloadSize")));
        const QByteArray stream = context.keyPrefix.toUtf8() + "stream";
        const QByteArray group = "cwb-group";
        auto created = producer.command({"XGROUP", "CREATE", stream, group, "$", "MKSTREAM"});
        if (const QString refused =
                created && created->isError()
                    ? unavailableCommandSentence(QStringLiteral("XGROUP CREATE"), QString::fromUtf8(created->str))
                    : QString();
            !refused.isEmpty()) {
            result.notes.push_back(refused + QStringLiteral(": the Streams part was skipped"));
            return;
        }
        if (!created || created->isError()) {
            fail(result, QStringLiteral("XGROUP CREATE failed: ") + producer.lastError().message);
            return;
        }
        BenchmarkOperation xadd, xack, delivery;
        xadd.name = QStringLiteral("XADD");
        xack.name = QStringLiteral("XACK");
        delivery.name = QStringLiteral("stream delivery");
        std::atomic<uint64_t> acked{0};
        std::atomic<bool> producerDone{false};
        std::atomic<uint64_t> published{0};
        ConsumerError consumerError;
        std::thread consumer([&] {
            ClusterRouter connection(context.endpoint, benchConnectionOptions());
            if (!connection.connect()) {
                consumerError.set(QStringLiteral("stream consumer cannot connect: ") + connection.lastError().message);
                return;
            }
            const uint64_t giveUp = uint64_t(5'000'000'000ULL);
            uint64_t idleSince = 0;
            while (!context.cancelled()) {
                if (producerDone.load() && acked.load() >= published.load())
                    return;
                auto reply = connection.command({"XREADGROUP", "GROUP", group, "consumer-1", "COUNT", "200", "BLOCK",
                                                 "100", "STREAMS", stream, ">"});
                if (!reply || reply->isError()) {
                    consumerError.set(QStringLiteral("XREADGROUP failed: ") + connection.lastError().message);
                    return;
                }
                if (reply->type != RedisReply::Type::Array || reply->elements.empty()) {
                    if (producerDone.load()) {
                        if (!idleSince)
                            idleSince = nowNs();
                        else if (nowNs() - idleSince > giveUp)
                            return; // whatever is missing now counts as lost
                    }
                    continue;
                }
                idleSince = 0;
                RedisCommand ack{"XACK", stream, group};
                const uint64_t now = nowNs();
                for (const auto &streamReply : reply->elements) {
                    if (streamReply.elements.size() < 2)
                        continue;
                    for (const auto &entry : streamReply.elements[1].elements) {
                        if (entry.elements.size() < 2)
                            continue;
                        ack.append(entry.elements[0].str);
                        const auto &fields = entry.elements[1].elements;
                        if (fields.size() >= 2) {
                            const uint64_t stamp = stampOf(fields[1].str.constData(), size_t(fields[1].str.size()));
                            ++delivery.count;
                            if (stamp && now >= stamp)
                                delivery.latency.record(now - stamp);
                        }
                    }
                }
                RedisReply ackReply;
                if (ack.size() > 3 && timedCommand(connection, ack, xack, &ackReply))
                    acked.fetch_add(uint64_t(std::max<long long>(0, ackReply.integer)));
            }
        });
        const uint64_t start = nowNs();
        for (int m = 0; m < messages && !context.cancelled() && !consumerError.isSet(); ++m) {
            if (timedCommand(producer, {"XADD", stream, "*", "ts", stampedPayload(payloadSize)}, xadd))
                published.fetch_add(1);
            if ((m & 255) == 0)
                context.report(0.6 + 0.4 * double(m) / messages, QStringLiteral("Streams"));
        }
        xadd.durationSec = double(nowNs() - start) / 1e9;
        producerDone.store(true);
        consumer.join();
        const double seconds = double(nowNs() - start) / 1e9;
        xack.durationSec = seconds;
        delivery.durationSec = seconds;
        if (consumerError.isSet()) {
            fail(result, consumerError.text());
            return;
        }
        const uint64_t lost = published.load() > acked.load() ? published.load() - acked.load() : 0;
        if (auto pending = producer.command({"XPENDING", stream, group}); pending && pending->elements.size() >= 1)
            result.metrics.push_back({QStringLiteral("stream pending after run"), double(pending->elements[0].integer),
                                      QStringLiteral("messages")});
        result.operations.push_back(std::move(xadd));
        result.operations.push_back(std::move(delivery));
        result.operations.push_back(std::move(xack));
        result.metrics.push_back({QStringLiteral("stream messages published"), double(published.load()), QStringLiteral("messages")});
        result.metrics.push_back({QStringLiteral("stream messages acknowledged"), double(acked.load()), QStringLiteral("messages")});
        result.metrics.push_back({QStringLiteral("stream messages lost"), double(lost), QStringLiteral("messages")});
        if (lost > 0 && !context.cancelled())
            fail(result, QStringLiteral("streams lost %1 of %2 messages").arg(lost).arg(published.load()));
    }
};

} // namespace

std::unique_ptr<Benchmark> makeRealtimeBenchmark()
{
    return std::make_unique<RealtimeBenchmark>();
}

} // namespace cwb::bench
