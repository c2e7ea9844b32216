// The alert lifecycle as a pure state machine: time is passed in, so every case is exact.

#include "monitor/alertengine.h"
#include "monitor/monitorconfig.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace Qt::Literals::StringLiterals;

using namespace cwb;

namespace {

AlertRule rule(double threshold, qint64 forMs = 0, qint64 keepMs = 0, double hysteresis = 0)
{
    AlertRule r;
    r.id = u"mem"_s;
    r.name = u"Memory high"_s;
    r.metric = QLatin1String(metric::UsedMemoryMb);
    r.comparator = Comparator::Greater;
    r.threshold = threshold;
    r.forMs = forMs;
    r.keepFiringForMs = keepMs;
    r.hysteresis = hysteresis;
    return r;
}

MonitorSample sample(double value, const QString &node = u"127.0.0.1:6379"_s)
{
    MonitorSample s;
    s.target = u"127.0.0.1:6379"_s;
    s.node = node;
    s.values[QLatin1String(metric::UsedMemoryMb)] = value;
    return s;
}

int count(const std::vector<AlertChange> &changes, AlertState to, bool notifyOnly = false)
{
    int n = 0;
    for (const AlertChange &c : changes)
        if (c.to == to && !c.created && (!notifyOnly || c.notify))
            ++n;
    return n;
}

} // namespace

class TestAlertRules : public QObject
{
    Q_OBJECT

private slots:
    void firesOnlyAfterForDuration()
    {
        AlertEngine engine;
        engine.setRules({rule(100, 1000)}, 0);
        auto changes = engine.evaluate(sample(150), 10000);
        QCOMPARE(changes.size(), size_t(1));
        QVERIFY(changes[0].created);
        QCOMPARE(changes[0].to, AlertState::Pending);
        QVERIFY(!changes[0].notify);
        QVERIFY(engine.evaluate(sample(150), 10999).empty());
        QCOMPARE(engine.activeAlerts().front().state, AlertState::Pending);
        changes = engine.evaluate(sample(151), 11000);
        QCOMPARE(changes.size(), size_t(1));
        QCOMPARE(changes[0].from, AlertState::Pending);
        QCOMPARE(changes[0].to, AlertState::Firing);
        QVERIFY(changes[0].notify);
        QCOMPARE(changes[0].alert.firedAtMs, 11000);
        QCOMPARE(changes[0].alert.startsAtMs, 10000);
        QCOMPARE(changes[0].alert.value, 151.0);
        QCOMPARE(engine.count(AlertState::Firing), 1);
    }

    void zeroForFiresAtOnce()
    {
        AlertEngine engine;
        engine.setRules({rule(100)}, 0);
        const auto changes = engine.evaluate(sample(101), 5);
        QCOMPARE(changes.size(), size_t(2));
        QCOMPARE(changes[1].to, AlertState::Firing);
        QVERIFY(engine.evaluate(sample(99), 6).size() == 1); // resolves at once: keepFiringFor 0
        QCOMPARE(engine.activeAlerts().size(), size_t(0));
        QCOMPARE(engine.resolvedAlerts().back().resolvedBy, u"auto"_s);
    }

    void pendingThatClearsIsDroppedQuietly()
    {
        AlertEngine engine;
        engine.setRules({rule(100, 5000)}, 0);
        engine.evaluate(sample(150), 0);
        const auto changes = engine.evaluate(sample(50), 1000);
        QCOMPARE(changes.size(), size_t(1));
        QCOMPARE(changes[0].to, AlertState::Resolved);
        QVERIFY(!changes[0].notify); // nobody was told it fired, so nobody hears it resolved
        QVERIFY(engine.activeAlerts().empty());
    }

    void hysteresisAndKeepFiringFor()
    {
        AlertEngine engine;
        engine.setRules({rule(100, 0, 2000, 10)}, 0);
        engine.evaluate(sample(120), 0);
        QCOMPARE(engine.count(AlertState::Firing), 1);
        // Below the threshold but inside the hysteresis band: not clear.
        QVERIFY(engine.evaluate(sample(95), 1000).empty());
        QVERIFY(engine.evaluate(sample(95), 10000).empty());
        QCOMPARE(engine.count(AlertState::Firing), 1);
        // Clear (below 90) starts the keep-firing timer...
        QVERIFY(engine.evaluate(sample(80), 11000).empty());
        QCOMPARE(engine.activeAlerts().front().clearSinceMs, 11000);
        // Still firing while clear: the value that fired it stays beside the latest one.
        QCOMPARE(engine.activeAlerts().front().firedValue, 120.0);
        QCOMPARE(engine.activeAlerts().front().value, 80.0);
        const auto roundTrip = alertFromJson(alertToJson(engine.activeAlerts().front()));
        QVERIFY(roundTrip && roundTrip->firedValue == 120.0);
        // ... a breach in between restarts it ...
        QVERIFY(engine.evaluate(sample(130), 12000).empty());
        QCOMPARE(engine.activeAlerts().front().clearSinceMs, 0);
        QVERIFY(engine.evaluate(sample(80), 12500).empty());
        QVERIFY(engine.evaluate(sample(80), 14499).empty());
        // ... and it resolves once clear for the full 2 s.
        const auto changes = engine.evaluate(sample(80), 14500);
        QCOMPARE(changes.size(), size_t(1));
        QCOMPARE(changes[0].to, AlertState::Resolved);
        QCOMPARE(changes[0].by, u"auto"_s);
        QVERIFY(changes[0].notify);
        QCOMPARE(changes[0].alert.resolvedAtMs, 14500);
    }

    void lessThanRuleUsesHysteresisUpwards()
    {
        AlertRule r = rule(80, 0, 0, 5);
        r.comparator = Comparator::Less;
        r.metric = QLatin1String(metric::HitRatePercent);
        QVERIFY(r.breached(79));
        QVERIFY(!r.breached(80));
        QVERIFY(!r.cleared(84));
        QVERIFY(r.cleared(85.5));
    }

    void acknowledgementSilencesRepeatsUntilExpiry()
    {
        AlertEngine engine;
        engine.setRepeatIntervalMs(1000);
        engine.setRules({rule(100)}, 0);
        engine.evaluate(sample(150), 0);
        const QString id = engine.activeAlerts().front().id;
        // A repeat reminder after the interval.
        auto changes = engine.evaluate(sample(150), 1000);
        QCOMPARE(changes.size(), size_t(1));
        QVERIFY(changes[0].reminder);
        QVERIFY(changes[0].notify);

        QString error;
        const auto ack = engine.acknowledge(id, u"user:ann"_s, 5000, 1500, &error);
        QVERIFY2(ack, qPrintable(error));
        QCOMPARE(ack->to, AlertState::Acknowledged);
        QCOMPARE(ack->alert.acknowledgedBy, u"user:ann"_s);
        QCOMPARE(ack->alert.acknowledgedAtMs, 1500);
        // No reminders while acknowledged.
        QVERIFY(engine.evaluate(sample(150), 3000).empty());
        QVERIFY(engine.tick(4999).empty());
        // Expiry puts it back to firing and notifies.
        changes = engine.tick(5000);
        QCOMPARE(changes.size(), size_t(1));
        QCOMPARE(changes[0].from, AlertState::Acknowledged);
        QCOMPARE(changes[0].to, AlertState::Firing);
        QCOMPARE(changes[0].by, u"acknowledgement expired"_s);
        QVERIFY(changes[0].notify);
    }

    void acknowledgeUntilResolvedAndErrors()
    {
        AlertEngine engine;
        engine.setRepeatIntervalMs(1000);
        engine.setRules({rule(100, 10000)}, 0);
        engine.evaluate(sample(150), 0);
        const QString id = engine.activeAlerts().front().id;
        QString error;
        QVERIFY(!engine.acknowledge(id, u"user:ann"_s, 0, 10, &error));
        QVERIFY2(error.contains(u"pending"_s), qPrintable(error));
        QVERIFY(!engine.acknowledge(u"nope"_s, u"user:ann"_s, 0, 10, &error));
        engine.evaluate(sample(150), 10000);
        QVERIFY(engine.acknowledge(id, u"user:ann"_s, 0, 10001, &error));
        QVERIFY(!engine.acknowledge(id, u"user:ann"_s, 9000, 10002, &error)); // expiry in the past
        // Acknowledged "until resolved": no reminder, no expiry, however long.
        QVERIFY(engine.evaluate(sample(150), 1000000).empty());
        // Auto-resolve works from acknowledged too.
        const auto changes = engine.evaluate(sample(10), 1000001);
        QCOMPARE(changes.size(), size_t(1));
        QCOMPARE(changes[0].from, AlertState::Acknowledged);
        QCOMPARE(changes[0].to, AlertState::Resolved);
    }

    void manualResolve()
    {
        AlertEngine engine;
        engine.setRules({rule(100)}, 0);
        engine.evaluate(sample(150), 0);
        const QString first = engine.activeAlerts().front().id;
        const auto resolved = engine.resolve(first, u"user:bob"_s, 500);
        QVERIFY(resolved);
        QCOMPARE(resolved->to, AlertState::Resolved);
        QCOMPARE(resolved->alert.resolvedBy, u"user:bob"_s);
        QVERIFY(resolved->notify);
        QVERIFY(!engine.resolve(first, u"user:bob"_s, 600));
        // Still breached: a new alert with a new id, which says why it is back.
        const auto again = engine.evaluate(sample(150), 1000);
        QCOMPARE(engine.activeAlerts().size(), size_t(1));
        QVERIFY(engine.activeAlerts().front().id != first);
        QVERIFY(!again.empty() && again.front().created);
        QVERIFY2(again.front().note.contains(u"still holds"_s) && again.front().note.contains(u"user:bob"_s),
                 qPrintable(again.front().note));
        QCOMPARE(engine.activeAlerts().front().note, again.front().note);
        // A breach after the condition cleared in between is a new story: no such note.
        engine.resolve(engine.activeAlerts().front().id, u"user:bob"_s, 1100);
        engine.evaluate(sample(50), 1200);
        const auto fresh = engine.evaluate(sample(150), 1300);
        QVERIFY(!fresh.empty() && fresh.front().created);
        QVERIFY(fresh.front().note.isEmpty());
        QCOMPARE(engine.alert(first)->state, AlertState::Resolved);
    }

    void dedupByRuleAndLabels()
    {
        AlertEngine engine;
        AlertRule other = rule(10);
        other.id = u"mem-low"_s;
        engine.setRules({rule(100), other}, 0);
        for (int i = 0; i < 5; ++i)
            engine.evaluate(sample(150), i * 100);
        QCOMPARE(engine.activeAlerts().size(), size_t(2)); // one per rule
        engine.evaluate(sample(150, u"127.0.0.1:6380"_s), 600);
        QCOMPARE(engine.activeAlerts().size(), size_t(4)); // and per node
        // The "all" sum is not matched unless a rule asks for it.
        engine.evaluate(sample(150, QLatin1String(node::All)), 700);
        QCOMPARE(engine.activeAlerts().size(), size_t(4));
    }

    void flappingMetricGivesOneAlert()
    {
        AlertEngine engine;
        engine.setRepeatIntervalMs(0);
        engine.setRules({rule(100, 0, 5000)}, 0);
        std::vector<AlertChange> all;
        for (int i = 0; i < 40; ++i)
            for (AlertChange &c : engine.evaluate(sample(i % 2 ? 50 : 150), i * 1000))
                all.push_back(c);
        int created = 0;
        for (const AlertChange &c : all)
            created += c.created ? 1 : 0;
        QCOMPARE(created, 1);
        QCOMPARE(count(all, AlertState::Firing, true), 1);
        QCOMPARE(count(all, AlertState::Resolved), 0);
        // Once it stops flapping it resolves exactly once.
        for (int i = 40; i < 50; ++i)
            for (AlertChange &c : engine.evaluate(sample(50), i * 1000))
                all.push_back(c);
        QCOMPARE(count(all, AlertState::Resolved), 1);
    }

    void flappingDuringForStillFiresOnce()
    {
        AlertEngine engine;
        engine.setRules({rule(100, 3000, 2000)}, 0);
        std::vector<AlertChange> all;
        for (int i = 0; i < 10; ++i)
            for (AlertChange &c : engine.evaluate(sample(i % 2 ? 50 : 150), i * 1000))
                all.push_back(c);
        int created = 0;
        for (const AlertChange &c : all)
            created += c.created ? 1 : 0;
        QCOMPARE(created, 1);
        QCOMPARE(count(all, AlertState::Firing), 1);
        QCOMPARE(engine.activeAlerts().front().firedAtMs, 4000); // first breach at 0, for 3 s, next breach at 4 s
    }

    void staleAlertsResolveWithoutData()
    {
        AlertEngine engine;
        engine.setRules({rule(100)}, 0);
        engine.evaluate(sample(150), 0);
        engine.evaluate(sample(150, u"127.0.0.1:7001"_s), 0);
        engine.evaluate(sample(150), 50000); // only the first node keeps reporting
        const auto changes = engine.resolveStale(60000, 30000);
        QCOMPARE(changes.size(), size_t(1));
        QCOMPARE(changes[0].alert.node, u"127.0.0.1:7001"_s);
        QCOMPARE(changes[0].by, u"no data"_s);
        QVERIFY(changes[0].notify);
        QCOMPARE(engine.activeAlerts().size(), size_t(1));
    }

    void removedRuleResolvesItsAlerts()
    {
        AlertEngine engine;
        engine.setRules({rule(100)}, 0);
        engine.evaluate(sample(150), 0);
        const auto changes = engine.setRules({}, 100);
        QCOMPARE(changes.size(), size_t(1));
        QCOMPARE(changes[0].to, AlertState::Resolved);
        QCOMPARE(changes[0].by, u"rule removed"_s);
    }

    void restoreContinuesAlerts()
    {
        AlertEngine before;
        before.setRules({rule(100, 0, 1000)}, 0);
        before.evaluate(sample(150), 0);
        const Alert saved = *alertFromJson(alertToJson(before.activeAlerts().front()));
        QCOMPARE(saved, before.activeAlerts().front());

        AlertEngine after;
        after.setRules({rule(100, 0, 1000)}, 0);
        after.restore({saved});
        QVERIFY(after.evaluate(sample(150), 100).empty()); // same alert, no new one
        after.evaluate(sample(10), 200);
        const auto changes = after.evaluate(sample(10), 1200);
        QCOMPARE(changes.size(), size_t(1));
        QCOMPARE(changes[0].alert.id, saved.id);
    }

    void ruleJsonErrorsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing id") << QByteArray("[{\"metric\":\"used_memory_mb\",\"threshold\":1}]") << u"rules[0].id"_s;
        QTest::newRow("bad metric") << QByteArray("[{\"id\":\"a\",\"metric\":\"nope\",\"threshold\":1}]") << u"rules[0].metric"_s;
        QTest::newRow("bad comparator") << QByteArray("[{\"id\":\"a\",\"metric\":\"keys\",\"threshold\":1,\"comparator\":\"=~\"}]") << u"rules[0].comparator"_s;
        QTest::newRow("bad severity") << QByteArray("[{\"id\":\"a\",\"metric\":\"keys\",\"threshold\":1,\"severity\":\"fatal\"}]") << u"rules[0].severity"_s;
        QTest::newRow("negative for") << QByteArray("[{\"id\":\"a\",\"metric\":\"keys\",\"threshold\":1,\"forMs\":-5}]") << u"rules[0].forMs"_s;
        QTest::newRow("unknown field") << QByteArray("[{\"id\":\"a\",\"metric\":\"keys\",\"threshold\":1,\"fro\":5}]") << u"rules[0].fro"_s;
        QTest::newRow("bad label") << QByteArray("[{\"id\":\"a\",\"metric\":\"keys\",\"threshold\":1,\"labels\":{\"host\":\"x\"}}]") << u"rules[0].labels.host"_s;
        QTest::newRow("duplicate id") << QByteArray("[{\"id\":\"a\",\"metric\":\"keys\",\"threshold\":1},{\"id\":\"a\",\"metric\":\"keys\",\"threshold\":2}]") << u"rules[1].id"_s;
    }

    void ruleJsonErrorsNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QString error;
        QVERIFY(!parseAlertRules(json, &error));
        QVERIFY2(error.startsWith(field + u": "_s), qPrintable(error));
    }

    void rulesRoundTrip()
    {
        AlertRule r = rule(42.5, 1500, 2500, 1.5);
        r.severity = Severity::Critical;
        r.comparator = Comparator::LessOrEqual;
        r.nodeLabel = u"127.0.0.1:7000"_s;
        QString error;
        const auto parsed = parseAlertRules(alertRulesToJson({r}), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->size(), size_t(1));
        QCOMPARE(parsed->front(), r);
    }

    void configInSeedShape()
    {
        const QByteArray seed = "{\"monitoring\": {\"enabled\": true, \"collectionInterval\": 5000, \"retentionPeriod\": 24,"
            "            \"alerting\": {\"enabled\": true, \"thresholds\": {\"memoryUsage\": 1024, \"cpuUsage\": 80, \"cacheHitRate\": 80,"
            "            \"latency\": 10, \"errorRate\": 1}}}}";
        QString error;
        const auto config = parseMonitoringConfig(seed, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->collectionIntervalMs, 5000);
        QCOMPARE(config->retentionHours, 24);
        QCOMPARE(config->alerting.thresholds.memoryUsageMb, 1024.0);
        QCOMPARE(config->alerting.thresholds.cacheHitRateMin, 80.0);
        const auto rules = effectiveRules(*config);
        QCOMPARE(rules.size(), size_t(6));
        QCOMPARE(rules[0].id, u"builtin.memory"_s);
        QCOMPARE(rules[2].comparator, Comparator::Less); // hit rate is a minimum
        // Round trip through our own JSON.
        const auto again = parseMonitoringConfig(monitoringConfigToJsonText(*config), &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(*again, *config);
    }

    void configErrorsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("interval type") << QByteArray("{\"collectionInterval\": \"5s\"}") << u"collectionInterval"_s;
        QTest::newRow("interval small") << QByteArray("{\"collectionInterval\": 5}") << u"collectionInterval"_s;
        QTest::newRow("retention") << QByteArray("{\"retentionPeriod\": 0}") << u"retentionPeriod"_s;
        QTest::newRow("cpu") << QByteArray("{\"alerting\": {\"thresholds\": {\"cpuUsage\": -1}}}") << u"alerting.thresholds.cpuUsage"_s;
        QTest::newRow("hit rate") << QByteArray("{\"alerting\": {\"thresholds\": {\"cacheHitRate\": 120}}}") << u"alerting.thresholds.cacheHitRate"_s;
        QTest::newRow("typo") << QByteArray("{\"alerting\": {\"treshold\": {}}}") << u"alerting.treshold"_s;
        QTest::newRow("webhook url") << QByteArray("{\"channels\": {\"webhook\": {\"enabled\": true, \"url\": \"ftp://x\"}}}") << u"channels.webhook.url"_s;
        QTest::newRow("email to") << QByteArray("{\"channels\": {\"email\": {\"enabled\": true, \"server\": \"s\", \"from\": \"a@b\", \"to\": []}}}") << u"channels.email.to"_s;
        QTest::newRow("remote bind") << QByteArray("{\"metricsEndpoint\": {\"enabled\": true, \"bindAddress\": \"0.0.0.0\"}}") << u"metricsEndpoint.bindAddress"_s;
        QTest::newRow("not json") << QByteArray("{") << u"monitoring"_s;
    }

    void configErrorsNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QString error;
        QVERIFY(!parseMonitoringConfig(json, &error));
        QVERIFY2(error.startsWith(field + u": "_s), qPrintable(error));
    }

    void thresholdZeroDisablesBuiltInRule()
    {
        MonitoringConfig config;
        config.alerting.thresholds.latencyMaxMs = 0;
        const auto rules = effectiveRules(config);
        QVERIFY(std::none_of(rules.begin(), rules.end(), [](const AlertRule &r) { return r.id == u"builtin.latency"_s; }));
        config.alerting.enabled = false;
        QVERIFY(effectiveRules(config).empty());
    }
};

QTEST_GUILESS_MAIN(TestAlertRules)
#include "tst_alertrules.moc"
