// Monitoring end to end against real redis-server sandboxes: rates from counter deltas, a
// memory rule that fires after its `for` and resolves after cleanup, storage of alerts and
// samples, the /metrics endpoint and the headless CLI.

#include "testsupport.h"
#include "jobtestsupport.h"
#include "promcheck.h"

#include "monitor/alertengine.h"
#include "monitor/collectionjob.h"
#include "monitor/infopoller.h"
#include "monitor/metricsserver.h"
#include "monitor/monitorexport.h"
#include "monitor/monitorservice.h"
#include "redis/prefixcleanup.h"
#include "redis/redisconnection.h"
#include "store/asyncresultstore.h"
#include "stats/processstats.h"
#include "store/resultstore.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

using namespace Qt::Literals::StringLiterals;
using namespace cwb;

namespace {

// Writes `count` keys of `valueBytes` under "cwb:" in pipelined batches.
bool fill(const Endpoint &endpoint, int count, int valueBytes)
{
    RedisConnection connection(endpoint);
    if (!connection.connect())
        return false;
    const QByteArray value(valueBytes, 'x');
    for (int start = 0; start < count; start += 500) {
        std::vector<RedisCommand> batch;
        for (int i = start; i < std::min(count, start + 500); ++i)
            batch.push_back({"SET", "cwb:mon:" + QByteArray::number(i), value});
        if (!connection.pipeline(batch))
            return false;
    }
    return true;
}

double usedMemoryMb(const SandboxRedis &sandbox)
{
    return test::sandboxInfoField(sandbox, "memory", "used_memory").toDouble() / (1024.0 * 1024.0);
}

// GET /metrics (with an optional bearer token): status code and body.
std::pair<int, QByteArray> httpGet(quint16 port, const QByteArray &path, const QByteArray &token = {})
{
    // The server runs on this thread: wait with the event loop running, never with waitFor*.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    socket.write(request + "\r\n");
    QByteArray response;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 5000) {
        QTest::qWait(10);
        response += socket.readAll();
        if (socket.state() == QAbstractSocket::UnconnectedState)
            break;
    }
    response += socket.readAll();
    const qsizetype end = response.indexOf("\r\n\r\n");
    return {response.mid(9, 3).toInt(), end < 0 ? QByteArray() : response.mid(end + 4)};
}

} // namespace

namespace {

// Only one rule, "keys > 10", and no log file: for the alert lifecycle across restarts.
MonitoringConfig keysAbove10()
{
    MonitoringConfig config;
    config.alerting.thresholds = {0, 0, 0, 0, 0};
    config.channels.log.enabled = false;
    AlertRule rule;
    rule.id = QStringLiteral("keys");
    rule.metric = QLatin1String(metric::Keys);
    rule.threshold = 10;
    config.rules = {rule};
    return config;
}

} // namespace

class TestMonitoring : public QObject
{
    Q_OBJECT

private slots:
    // The store gives one instant's samples in any node order; none may be added twice.
    void mergeKnowsSamplesWhateverTheirNodeOrder()
    {
        const auto sample = [](qint64 t, const char *node) {
            return MonitorSample{t, u"127.0.0.1:6379"_s, QString::fromLatin1(node), {{u"up"_s, 1}}};
        };
        MonitorHistory history;
        history.append(sample(1000, "a"));
        history.append(sample(1000, "b"));
        history.append(sample(2000, "a"));
        QCOMPARE(history.merge({sample(1000, "b"), sample(1000, "a"), sample(2000, "a"), sample(3000, "b")}), size_t(1));
        QCOMPARE(history.range(u"a"_s, 0, 5000).size(), size_t(2));
        QCOMPARE(history.range(u"b"_s, 0, 5000).size(), size_t(2));

        // ... and the history keeps an instant's samples in the order they arrived, which need
        // not be the nodes' order (a restored service collects while the store answers).
        MonitorHistory arrived;
        arrived.append(sample(1000, "workbench"));
        arrived.append(sample(1000, "all"));
        arrived.append(sample(1000, "a"));
        QCOMPARE(arrived.merge({sample(1000, "a"), sample(1000, "all"), sample(1000, "workbench"), sample(1000, "b")}),
                 size_t(1));
        QCOMPARE(arrived.size(), size_t(4));
        QCOMPARE(arrived.range(u"a"_s, 0, 5000).size(), size_t(1));
        QCOMPARE(arrived.merge({sample(1000, "b"), sample(1000, "b")}), size_t(0)); // nor twice from one answer
        arrived.append(sample(1000, "b")); // the live delivery of a sample the store gave back first
        QCOMPARE(arrived.size(), size_t(4));
        arrived.append(sample(2000, "b"));
        QCOMPARE(arrived.size(), size_t(5));
    }

    void ratesComeFromCounterDeltas()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        InfoPoller poller(redis.endpoint());
        auto first = poller.poll(1000);
        QCOMPARE(first.size(), size_t(1));
        QCOMPARE(first[0].value(u"up"_s), std::optional<double>(1));
        QVERIFY(!first[0].value(QLatin1String(metric::OpsPerSec))); // no rate without a previous sample
        QVERIFY(first[0].value(QLatin1String(metric::UsedMemoryMb)).value_or(0) > 0);

        // 300 hits and 200 misses from one connection in one pipeline.
        RedisConnection connection(redis.endpoint());
        QVERIFY(connection.connect());
        std::vector<RedisCommand> commands;
        for (int i = 0; i < 10; ++i)
            commands.push_back({"SET", "cwb:rate:" + QByteArray::number(i), "v"});
        for (int i = 0; i < 300; ++i)
            commands.push_back({"GET", "cwb:rate:" + QByteArray::number(i % 10)});
        for (int i = 0; i < 200; ++i)
            commands.push_back({"GET", "cwb:missing:" + QByteArray::number(i)});
        QVERIFY(connection.pipeline(commands));
        QTest::qWait(300);

        const auto second = poller.poll(2000);
        const MonitorSample &s = second.at(0);
        QCOMPARE(s.value(QLatin1String(metric::HitRatePercent)), std::optional<double>(60.0));
        const double ops = s.value(QLatin1String(metric::OpsPerSec)).value_or(-1);
        QVERIFY(ops > 0);
        // ops/s × the poller's own interval (≥ 300 ms) must account for our 510 commands plus its
        // INFO: it comes from total_commands_processed, not instantaneous_ops_per_sec.
        QVERIFY2(ops * 0.3 <= 515, qPrintable(QString::number(ops)));
        QCOMPARE(s.value(QLatin1String(metric::ErrorRatePercent)), std::optional<double>(0));
        QVERIFY(s.value(QLatin1String(metric::CpuPercent)).has_value());
        QCOMPARE(s.value(QLatin1String(metric::Keys)), std::optional<double>(10));
        QVERIFY(s.value(QLatin1String(metric::AvgLatencyMs)).has_value());
        QVERIFY(s.value(QLatin1String(metric::P99LatencyMs)).has_value()); // Redis 7 latencystats
    }

    void errorRateFromErrorReplies()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        InfoPoller poller(redis.endpoint());
        poller.poll(0);
        RedisConnection connection(redis.endpoint());
        QVERIFY(connection.connect());
        std::vector<RedisCommand> commands;
        for (int i = 0; i < 50; ++i)
            commands.push_back({"SET", "cwb:err", "1"});
        for (int i = 0; i < 50; ++i)
            commands.push_back({"LPUSH", "cwb:err", "x"}); // WRONGTYPE
        QVERIFY(connection.pipeline(commands));
        const auto s = poller.poll(1000).at(0);
        const double rate = s.value(QLatin1String(metric::ErrorRatePercent)).value_or(-1);
        // 50 errors in 100 commands plus the INFO in between: just under 50%.
        QVERIFY2(rate > 45 && rate <= 50, qPrintable(QString::number(rate)));
    }

    void ownStartUpCpuDoesNotFireTheCpuRule()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        auto interval = std::make_shared<std::atomic<int>>(200);
        std::unique_ptr<CollectionJob> job(makeCollectionJob(redis.endpoint(), interval));
        std::vector<MonitorSample> firstPoll; // every node of the first poll
        std::vector<MonitorSample> workbench; // this process's samples, oldest first
        connect(job.get(), &jobs::JobBase::progressAvailable, this, [&] {
            for (const MonitorSample &s : job->progress().samples) {
                if (firstPoll.empty() || s.timestampMs == firstPoll.front().timestampMs)
                    firstPoll.push_back(s);
                if (s.node == QLatin1String(node::Workbench))
                    workbench.push_back(s);
            }
        });
        job->start();
        // The monitor's own start-up, as a busy GUI thread or a CLI parsing its options would
        // show it: this process is on the CPU while the collector starts and polls for the first time.
        const ProcessSample before = sampleProcess();
        for (ProcessSample now = before; now.cpuUserSec + now.cpuSystemSec - before.cpuUserSec - before.cpuSystemSec < 0.2;)
            now = sampleProcess();
        QVERIFY(test::waitForProgress(*job, [](const CollectedSamples &c) { return c.polls >= 2; }));
        QVERIFY(test::stopAndWait(*job));
        QVERIFY(workbench.size() >= 2);
        const MonitorSample &self = workbench.front();
        QVERIFY(!self.target.isEmpty()); // reported under the monitored target
        QVERIFY2(!self.value(QLatin1String(metric::CpuPercent)).has_value(),
                 qPrintable(QString::number(self.value(QLatin1String(metric::CpuPercent)).value_or(-1))));
        QVERIFY(self.value(QLatin1String(metric::RssMb)).has_value()); // the rest of the sample is there

        // The built-in CPU rule, with no `for`, has nothing to fire on.
        MonitoringConfig config;
        config.alerting.forMs = 0;
        config.alerting.thresholds.cpuUsagePercent = 50;
        AlertEngine engine;
        engine.setRules(effectiveRules(config), self.timestampMs);
        for (const MonitorSample &s : firstPoll)
            engine.evaluate(s, s.timestampMs);
        for (const Alert &alert : engine.activeAlerts())
            QVERIFY2(alert.ruleId != u"builtin.cpu"_s, qPrintable(alert.node));

        // From the second poll on, the workbench's CPU is measured over the interval.
        QVERIFY(workbench[1].value(QLatin1String(metric::CpuPercent)).has_value());
    }

    void configAndRulesMustBeStrictJson()
    {
        QString error;
        QVERIFY(!parseMonitoringConfig(QByteArray(R"({"collectionInterval": 1000, "collectionInterval": 50})"), &error));
        QVERIFY2(error.startsWith(u"monitoring: duplicate key 'collectionInterval'"_s), qPrintable(error));
        QVERIFY(!parseAlertRules(QByteArray(R"({"rules": [{"id": "a", "metric": "keys", "id": "b"}]})"), &error));
        QVERIFY2(error.startsWith(u"rules: duplicate key 'rules[0].id'"_s), qPrintable(error));
        QByteArray withNul = "[]";
        withNul.append('\0').append("[{}]");
        QVERIFY(!parseAlertRules(withNul, &error));
        QVERIFY2(error.contains(u"NUL byte at offset 2"_s), qPrintable(error));
    }

    void unreachableNodeIsDownNotHang()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        const Endpoint endpoint = redis.endpoint();
        redis.stop();
        InfoPoller poller(endpoint, InfoPoller::Options{.timeoutMs = 300});
        const auto samples = poller.poll(0);
        QCOMPARE(samples.at(0).value(u"up"_s), std::optional<double>(0));
        QVERIFY(!poller.lastPollReachable());
        QVERIFY(!poller.lastError().isEmpty());
    }

    void clusterNodesArePolled()
    {
        SandboxCluster cluster;
        CWB_START_SANDBOX(cluster, .masters = 3, .replicasPerMaster = 0);
        const int nodeCount = int(cluster.nodes().size());
        InfoPoller poller(cluster.seed());
        poller.poll(0); // finds the cluster and reads CLUSTER NODES
        const auto samples = poller.poll(1000);
        QCOMPARE(poller.nodes().size(), qsizetype(nodeCount));
        QCOMPARE(samples.size(), size_t(nodeCount + 1));
        QCOMPARE(samples.back().node, QLatin1String(node::All));
        QCOMPARE(samples.back().value(u"up"_s), std::optional<double>(1));
    }

    void memoryRuleFiresAfterForAndResolvesAfterCleanup()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        QTemporaryDir dir;
        AsyncResultStore store(dir.filePath(u"store.sqlite"_s));

        const double baseline = usedMemoryMb(redis);
        MonitoringConfig config;
        config.collectionIntervalMs = 150;
        config.alerting.thresholds = {0, 0, 0, 0, 0}; // only the custom rule below
        config.channels.log.path = dir.filePath(u"alerts.log"_s);
        AlertRule rule;
        rule.id = u"mem-test"_s;
        rule.name = u"Sandbox memory"_s;
        rule.metric = QLatin1String(metric::UsedMemoryMb);
        rule.threshold = baseline + 3;
        rule.forMs = 600;
        rule.keepFiringForMs = 300;
        rule.severity = Severity::Critical;
        config.rules = {rule};

        MonitorService service;
        QString error;
        QVERIFY2(service.setConfig(config, &error), qPrintable(error));
        service.setStore(&store);
        QSignalSpy changes(&service, &MonitorService::alertChanged);
        service.start(redis.endpoint());
        QTRY_VERIFY_WITH_TIMEOUT(service.status().reachable, 3000);

        QVERIFY(fill(redis.endpoint(), 6000, 1024)); // about 7 MB
        QVERIFY(usedMemoryMb(redis) > rule.threshold);
        QTRY_COMPARE_WITH_TIMEOUT(service.firingCount(), 1, 5000);
        const Alert firing = service.alerts().activeAlerts().front();
        QCOMPARE(firing.ruleId, u"mem-test"_s);
        QCOMPARE(firing.node, redis.endpoint().address());
        QVERIFY2(firing.firedAtMs - firing.startsAtMs >= rule.forMs,
                 qPrintable(u"fired %1 ms after the breach"_s.arg(firing.firedAtMs - firing.startsAtMs)));
        QCOMPARE(changes.at(0).at(0).value<AlertChange>().to, AlertState::Pending);

        RedisConnection connection(redis.endpoint());
        QVERIFY(connection.connect());
        const CleanupResult cleanup = unlinkKeysWithPrefix(connection, u"cwb:"_s);
        QVERIFY2(cleanup.ok, qPrintable(cleanup.error));
        QCOMPARE(cleanup.deleted, qint64(6000));
        QTRY_COMPARE_WITH_TIMEOUT(service.alerts().activeAlerts().size(), size_t(0), 5000);
        const auto resolved = service.alerts().alert(firing.id);
        QCOMPARE(resolved->state, AlertState::Resolved);
        QCOMPARE(resolved->resolvedBy, u"auto"_s);
        QCOMPARE(service.firingCount(), 0);
        service.stop();

        // Everything reached the store: pending -> firing -> resolved, and the samples.
        store.waitForIdle();
        ResultStore check;
        QVERIFY(check.open(dir.filePath(u"store.sqlite"_s)));
        const auto history = check.loadAlertHistory(firing.id);
        QCOMPARE(history.size(), size_t(3));
        QCOMPARE(history[0].transition.toState, u"resolved"_s);
        QCOMPARE(history[1].transition.toState, u"firing"_s);
        QCOMPARE(history[2].transition.toState, u"pending"_s);
        QCOMPARE(history[0].transition.changedBy, u"auto"_s);
        const auto samples = check.loadMonitoringSamples(redis.endpoint().address());
        QVERIFY(samples.size() >= 5);
        const auto serverRows = std::count_if(samples.begin(), samples.end(), [&](const MonitoringSample &m) {
            return m.metrics.value("node", std::string()) == redis.endpoint().address().toStdString()
                && m.metrics.contains("used_memory_mb");
        });
        QVERIFY(serverRows >= 5);

        // A new service on the same store restores the alert history.
        MonitorService again;
        QSignalSpy restored(&again, &MonitorService::alertsRestored);
        again.setStore(&store);
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 3000);
        QCOMPARE(again.alerts().alert(firing.id)->state, AlertState::Resolved);

        // The log channel wrote one line per transition.
        QFile log(config.channels.log.path);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QCOMPARE(log.readAll().count('\n'), 3);
    }

    void acknowledgementSurvivesRestart()
    {
        QTemporaryDir dir;
        AsyncResultStore store(dir.filePath(u"store.sqlite"_s));
        const MonitoringConfig config = keysAbove10();
        QString error;
        QString alertId;
        {
            MonitorService service;
            QVERIFY(service.setConfig(config, &error));
            service.setStore(&store);
            MonitorSample s{service.now(), u"t"_s, u"n"_s, {{u"keys"_s, 20}}};
            service.ingestSamples({s}, service.now());
            QCOMPARE(service.firingCount(), 1);
            alertId = service.alerts().activeAlerts().front().id;
            const qint64 until = service.now() + 3600 * 1000;
            QVERIFY2(service.acknowledge(alertId, until, &error), qPrintable(error));
        }
        MonitorService service;
        QVERIFY(service.setConfig(config, &error));
        QSignalSpy restored(&service, &MonitorService::alertsRestored);
        service.setStore(&store);
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 3000);
        const auto alert = service.alerts().alert(alertId);
        QVERIFY(alert);
        QCOMPARE(alert->state, AlertState::Acknowledged);
        QVERIFY(alert->acknowledgedBy.startsWith(u"user:"_s));
        // Still breached after the restart: the same alert, not a new one.
        service.ingestSamples({MonitorSample{2000, u"t"_s, u"n"_s, {{u"keys"_s, 20}}}}, service.now());
        QCOMPARE(service.alerts().activeAlerts().size(), size_t(1));
        QVERIFY(service.resolve(alertId, &error));
        store.waitForIdle();
        ResultStore check;
        QVERIFY(check.open(dir.filePath(u"store.sqlite"_s)));
        const auto records = check.loadAlerts();
        QCOMPARE(records.size(), size_t(1));
        QCOMPARE(records[0].state, u"resolved"_s);
    }

    void restoredAlertWithoutDataResolvesAsStale()
    {
        QTemporaryDir dir;
        AsyncResultStore store(dir.filePath(u"store.sqlite"_s));
        const MonitoringConfig config = keysAbove10();
        QString error;
        QString staleId, freshId;
        {
            MonitorService service;
            QVERIFY(service.setConfig(config, &error));
            service.setStore(&store);
            // One node last seen an hour ago (a sandbox of an earlier session), one just now.
            const qint64 hourAgo = service.now() - 3600 * 1000;
            service.ingestSamples({MonitorSample{hourAgo, u"gone"_s, u"gone:1"_s, {{u"keys"_s, 20}}}}, hourAgo);
            service.ingestSamples({MonitorSample{service.now(), u"here"_s, u"here:1"_s, {{u"keys"_s, 20}}}},
                                  service.now());
            for (const Alert &a : service.alerts().activeAlerts())
                (a.target == u"gone"_s ? staleId : freshId) = a.id;
            QVERIFY(!staleId.isEmpty() && !freshId.isEmpty());
        }
        MonitorService service;
        QVERIFY(service.setConfig(config, &error));
        QSignalSpy restored(&service, &MonitorService::alertsRestored);
        service.setStore(&store);
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 3000);
        // No collector will ever update the gone node's alert: it is resolved at once, and says why.
        QCOMPARE(service.alerts().alert(staleId)->state, AlertState::Resolved);
        QCOMPARE(service.alerts().alert(staleId)->resolvedBy, u"no data"_s);
        QCOMPARE(service.alerts().alert(freshId)->state, AlertState::Firing);
        QCOMPARE(service.firingCount(), 1);
    }

    void prometheusTextPassesTheChecker()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        InfoPoller poller(redis.endpoint());
        poller.poll(0);
        test::sandboxCommand(redis, {"SET", "cwb:p", "1"});
        test::sandboxCommand(redis, {"GET", "cwb:p"});
        QTest::qWait(50);
        std::vector<MonitorSample> samples = poller.poll(1000);
        MonitorSample odd{1000, u"tar\"get\\x"_s, u"line\nbreak"_s, {{u"keys"_s, 1}}};
        samples.push_back(odd);
        const QByteArray text = monitorSamplesToPrometheus(samples, false);
        QString error = test::checkPrometheusText(text);
        QVERIFY2(error.isEmpty(), qPrintable(error + u"\n"_s + QString::fromUtf8(text)));
        QVERIFY(text.contains("# TYPE cwb_hit_ratio gauge"));
        QVERIFY(text.contains(QByteArray("cwb_hit_ratio{target=\"" + redis.endpoint().address().toUtf8() + "\"")));
        QVERIFY(text.contains("node=\"line\\nbreak\""));
        QVERIFY(text.contains("target=\"tar\\\"get\\\\x\""));
        // A history export with timestamps is valid too.
        samples.push_back(poller.poll(2000).at(0));
        error = test::checkPrometheusTextStrict(monitorSamplesToPrometheus(samples, true));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // And the checker is strict: a broken exposition fails.
        QVERIFY(!test::checkPrometheusTextStrict("cwb_x 1\n").isEmpty()); // no HELP
        QVERIFY(!test::checkPrometheusTextStrict("# HELP a b\n# TYPE a gauge\na{x=\"1} 1\n").isEmpty());
        QVERIFY(!test::checkPrometheusTextStrict("# HELP a b\n# TYPE a gauge\na 1\na 2\n").isEmpty());
    }

    void exportsJsonAndCsv()
    {
        std::vector<MonitorSample> samples{{1000, u"t"_s, u"n1"_s, {{u"keys"_s, 3}, {u"ops_per_sec"_s, 2.5}}},
                                           {2000, u"t"_s, u"n2"_s, {{u"keys"_s, 4}}}};
        const auto json = nlohmann::json::parse(monitorSamplesToJson(samples).toStdString());
        QCOMPARE(json["schema"].get<std::string>(), std::string("cache-workbench/monitoring"));
        QCOMPARE(json["samples"].size(), size_t(2));
        QCOMPARE(json["samples"][0]["values"]["ops_per_sec"].get<double>(), 2.5);
        const QList<QByteArray> rows = monitorSamplesToCsv(samples).split('\n');
        QCOMPARE(rows.at(0).trimmed(), QByteArray("time,timestamp_ms,target,node,ops_per_sec,keys"));
        QVERIFY(rows.at(1).contains(",1000,t,n1,2.5,3"));
        QVERIFY(rows.at(2).contains(",2000,t,n2,,4"));
    }

    void metricsEndpointServesPrometheusText()
    {
        MonitorService service;
        MonitoringConfig config;
        config.channels.log.enabled = false;
        config.metricsEndpoint.enabled = true;
        config.metricsEndpoint.port = 0;
        QString error;
        QVERIFY2(service.setConfig(config, &error), qPrintable(error));
        QVERIFY(service.metricsServer()->isListening());
        service.ingestSamples({MonitorSample{1000, u"t"_s, u"n"_s, {{u"keys"_s, 42}, {u"hit_rate_percent"_s, 75}}}}, 1000);
        const quint16 port = service.metricsServer()->port();
        auto [code, body] = httpGet(port, "/metrics");
        QCOMPARE(code, 200);
        error = test::checkPrometheusText(body);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(body.contains("cwb_keys{target=\"t\",node=\"n\"} 42\n"));
        QVERIFY(body.contains("cwb_hit_ratio{target=\"t\",node=\"n\"} 0.75\n"));
        QCOMPARE(httpGet(port, "/other").first, 404);
    }

    void metricsEndpointTokenAndBinding()
    {
        MetricsServer server([] { return QByteArray("# HELP x y\n# TYPE x gauge\nx 1\n"); });
        MetricsEndpointConfig config;
        config.enabled = true;
        config.port = 0;
        config.bearerToken = u"0123456789abcdef-secret"_s;
        QString error;
        QVERIFY2(server.start(config, &error), qPrintable(error));
        QCOMPARE(httpGet(server.port(), "/metrics").first, 401);
        QCOMPARE(httpGet(server.port(), "/metrics", "wrong-token-wrong-token").first, 401);
        QCOMPARE(httpGet(server.port(), "/metrics", "0123456789abcdef-secret").first, 200);
        QCOMPARE(server.requestsServed(), 1);

        MetricsEndpointConfig remote;
        remote.enabled = true;
        remote.port = 0;
        remote.bindAddress = u"0.0.0.0"_s;
        QVERIFY(!server.start(remote, &error));
        QVERIFY2(error.startsWith(u"metricsEndpoint.bindAddress: "_s), qPrintable(error));
        remote.allowRemote = true;
        qputenv("CWB_METRICS_TOKEN", "");
        QVERIFY(!server.start(remote, &error));
        QVERIFY2(error.startsWith(u"metricsEndpoint.bearerToken: "_s), qPrintable(error));
        QVERIFY(MetricsServer::constantTimeEquals("abc", "abc"));
        QVERIFY(!MetricsServer::constantTimeEquals("abc", "abd"));
        QVERIFY(!MetricsServer::constantTimeEquals("abc", "abcd"));
        QVERIFY(!MetricsServer::constantTimeEquals("", "a"));
    }

    void cliMonitorPrintsRows()
    {
        const auto json = test::runCli({u"monitor"_s, u"--sandbox"_s, u"--interval"_s, u"200"_s, u"--samples"_s, u"3"_s,
                                        u"--format"_s, u"json"_s}, 30000);
        QVERIFY2(json.finished && json.exitCode == 0, json.err.constData());
        const auto doc = nlohmann::json::parse(json.out.toStdString());
        const auto &samples = doc["samples"];
        QVERIFY(samples.size() >= 3 * 2); // a server node and the workbench per poll
        int server = 0;
        for (const auto &s : samples)
            if (s["node"].get<std::string>() != "workbench")
                ++server;
        QCOMPARE(server, 3);

        QTemporaryDir dir;
        const QString out = dir.filePath(u"m.prom"_s);
        const auto prom = test::runCli({u"monitor"_s, u"--sandbox"_s, u"--interval"_s, u"200"_s, u"--samples"_s, u"2"_s,
                                        u"--format"_s, u"prom"_s, u"--out"_s, out}, 30000);
        QVERIFY2(prom.finished && prom.exitCode == 0, prom.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString error = test::checkPrometheusText(file.readAll());
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const auto table = test::runCli({u"monitor"_s, u"--sandbox"_s, u"--interval"_s, u"200"_s, u"--samples"_s, u"2"_s}, 30000);
        QVERIFY2(table.finished && table.exitCode == 0, table.err.constData());
        QVERIFY(table.out.contains("ops/s"));
        QCOMPARE(table.out.trimmed().split('\n').size(), 3); // header + 2 rows

        const auto bad = test::runCli({u"monitor"_s, u"--sandbox"_s, u"--interval"_s, u"fast"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("--interval"));
        const auto rules = test::runCli({u"monitor"_s, u"--sandbox"_s, u"--rules"_s, u"/nonexistent/rules.json"_s});
        QCOMPARE(rules.exitCode, 2);
        const auto down = test::runCli({u"monitor"_s, u"--target"_s, u"redis://127.0.0.1:1"_s, u"--samples"_s, u"1"_s});
        QCOMPARE(down.exitCode, 3);
    }

    void cliMonitorFiresRulesToWebhookFreeChannels()
    {
        QTemporaryDir dir;
        QFile rules(dir.filePath(u"rules.json"_s));
        QVERIFY(rules.open(QIODevice::WriteOnly));
        rules.write("{\"rules\": [{\"id\": \"up\", \"metric\": \"up\", \"comparator\": \">=\", \"threshold\": 1, "
                    "\"severity\": \"info\"}]}");
        rules.close();
        QFile config(dir.filePath(u"monitoring.json"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"monitoring\": {\"channels\": {\"log\": {\"path\": \"" + dir.filePath(u"a.log"_s).toUtf8()
                     + "\"}}}}");
        config.close();
        const auto result = test::runCli({u"monitor"_s, u"--sandbox"_s, u"--interval"_s, u"200"_s, u"--samples"_s, u"2"_s,
                                          u"--rules"_s, rules.fileName(), u"--config"_s, config.fileName()}, 30000);
        QVERIFY2(result.finished && result.exitCode == 0, result.err.constData());
        QVERIFY2(result.err.contains("FIRING info"), result.err.constData());
        QFile log(dir.filePath(u"a.log"_s));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("\"to\":\"firing\""));
    }
};

QTEST_GUILESS_MAIN(TestMonitoring)
#include "tst_monitoring.moc"
