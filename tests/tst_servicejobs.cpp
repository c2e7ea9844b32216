// The jobs around the engines' services, against real sandboxes: warming runs, sandbox starts,
// server probes, cluster watch and failover, monitoring collection. Each is stopped mid-way and
// ends with a partial, honest result.

#include "jobtestsupport.h"
#include "testsupport.h"

#include "cluster/clusterjobs.h"
#include "monitor/collectionjob.h"
#include "monitor/monitorservice.h"
#include "redis/prefixcleanup.h"
#include "redis/probejob.h"
#include "redis/sandboxjob.h"
#include "warming/warmjob.h"

#include <QDir>
#include <QPointer>
#include <QTest>

using namespace cwb;

namespace {

// redis-server processes this test process started and that still exist.
int ownRedisServers()
{
    int n = 0;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (ok && ClusterDiscovery::isOwnedSandboxProcess(pid))
            ++n;
    }
    return n;
}

bool hasTopology(const ClusterUpdate &u)
{
    return u.poll >= 2 && u.topology.has_value();
}

} // namespace

class ServiceJobsTest : public QObject
{
    Q_OBJECT

private:
    SandboxRedis m_redis;
    SandboxCluster m_cluster;

private Q_SLOTS:
    void initTestCase()
    {
        CWB_START_SANDBOX(m_redis);
        CWB_START_SANDBOX(m_cluster, .masters = 3, .replicasPerMaster = 1);
    }

    void warmingStoppedSaysHowFarItGot()
    {
        WarmingPlan plan;
        plan.name = QStringLiteral("slow");
        plan.strategy = WarmStrategy::Synthetic;
        plan.params = {{"load", {{"keyPrefix", "cwb:jobs:warm:"}, {"keySpace", 100000}}}};
        plan.keyPrefix = QStringLiteral("cwb:jobs:warm:");
        plan.rateLimit = 200;
        std::unique_ptr<WarmJob> job(makeWarmJob(plan, m_redis.endpoint()));
        job->start();
        QVERIFY(test::waitForProgress(*job, [](const WarmProgress &p) { return p.keysWritten > 0; }));
        QVERIFY(test::stopAndWait(*job));
        QCOMPARE(job->state(), jobs::JobState::Stopped);
        const WarmRunRecord &record = *job->result();
        QCOMPARE(record.status, WarmRunStatus::Cancelled);
        QCOMPARE(record.trigger, QStringLiteral("manual"));
        QVERIFY(record.keysWritten > 0 && record.keysWritten < 100000);
        QVERIFY(record.stopReason.contains(QString::number(record.keysWritten)));
        // Everything it wrote is under the prefix, and nothing else is on the server.
        const qint64 under = test::keysMatching(m_redis.endpoint(), "cwb:jobs:warm:*");
        QVERIFY(under > 0);
        QCOMPARE(test::keysMatching(m_redis.endpoint(), "*"), under);
        RedisConnection cleanup(m_redis.endpoint());
        QVERIFY(cleanup.connect());
        QVERIFY(unlinkKeysWithPrefix(cleanup, QStringLiteral("cwb:jobs:")).ok);

        Endpoint nowhere = m_redis.endpoint();
        nowhere.port = 1;
        std::unique_ptr<WarmJob> failing(makeWarmJob(plan, nowhere, QStringLiteral("schedule")));
        QSignalSpy failed(failing.get(), &jobs::JobBase::failed);
        failing->start();
        QVERIFY(test::waitForEnd(*failing));
        QCOMPARE(failing->state(), jobs::JobState::Failed);
        QCOMPARE(failing->result()->status, WarmRunStatus::Failed);
        QCOMPARE(failing->result()->trigger, QStringLiteral("schedule"));
        QCOMPARE(failed.at(0).at(0).toString(), failing->result()->stopReason);
    }

    void sandboxStartHandsOverTheServer()
    {
        std::unique_ptr<SandboxJob> job(makeSandboxJob({}));
        job->start();
        QVERIFY(test::waitForEnd(*job));
        QCOMPARE(job->state(), jobs::JobState::Succeeded);
        std::optional<StartedSandbox> sandbox = job->releaseResult();
        QVERIFY(sandbox && sandbox->isRunning() && sandbox->single);
        job.reset(); // the job is gone; the server is ours now
        RedisConnection connection(sandbox->endpoint);
        QVERIFY2(connection.connect(), qPrintable(connection.lastError().message));
        const qint64 pid = sandbox->single->pid();
        QVERIFY(ClusterDiscovery::isOwnedSandboxProcess(pid));
        sandbox.reset();
        QVERIFY(!ClusterDiscovery::isOwnedSandboxProcess(pid));
    }

    void sandboxClusterStoppedLeavesNothingBehind()
    {
        const int before = ownRedisServers();
        SandboxRequest request;
        request.kind = SandboxRequest::Kind::Cluster;
        request.cluster.masters = 3;
        request.cluster.replicasPerMaster = 1;
        std::unique_ptr<SandboxJob> job(makeSandboxJob(request));
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(ownRedisServers() > before, 60000); // a node is up: mid-way
        QVERIFY(test::stopAndWait(*job));
        QCOMPARE(job->state(), jobs::JobState::Stopped);
        QVERIFY(job->result().has_value());
        QVERIFY(!job->result()->isRunning());
        QCOMPARE(ownRedisServers(), before);
    }

    void probeAnswersAndFails()
    {
        std::unique_ptr<ProbeJob> ok(makeProbeJob(m_redis.endpoint(), 3000));
        ok->start();
        QVERIFY(test::waitForEnd(*ok));
        QCOMPARE(ok->state(), jobs::JobState::Succeeded);
        QVERIFY(ok->result()->summary.has_value());
        QVERIFY(!ok->result()->summary->version.isEmpty());

        Endpoint nowhere = m_redis.endpoint();
        nowhere.port = 1;
        std::unique_ptr<ProbeJob> refused(makeProbeJob(nowhere, 3000));
        refused->start();
        QVERIFY(test::waitForEnd(*refused));
        QCOMPARE(refused->state(), jobs::JobState::Failed);
        QCOMPARE(refused->result()->error.kind, RedisErrorKind::Refused);
    }

    // A probe stuck on a paused server is discarded without waiting and without a word.
    void probeOfAPausedServerIsDiscarded()
    {
        SandboxRedis paused;
        CWB_START_SANDBOX(paused);
        QVERIFY(paused.pause());
        auto *job = makeProbeJob(paused.endpoint(), 4000);
        int heard = 0;
        connect(job, &jobs::JobBase::resultAvailable, this, [&] { ++heard; });
        connect(job, &jobs::JobBase::failed, this, [&] { ++heard; });
        connect(job, &jobs::JobBase::finished, this, [&] { ++heard; });
        job->start();
        QVERIFY(test::waitForProgress(*job, [](const jobs::StepProgress &p) { return !p.message.isEmpty(); }));
        const QPointer<jobs::JobBase> alive(job);
        job->discard();
        QVERIFY(alive); // still blocked in its read: discard() did not wait for it
        QTRY_VERIFY_WITH_TIMEOUT(!alive, 30000);
        QCOMPARE(heard, 0);
        QVERIFY(paused.resume());
    }

    void clusterWatchStopped()
    {
        ClusterWatchOptions options;
        options.intervalMs = 200;
        std::unique_ptr<ClusterWatchJob> job(makeClusterWatchJob(m_cluster.seed(), options));
        job->start();
        QVERIFY(test::waitForProgress(*job, hasTopology));
        QVERIFY(test::stopAndWait(*job));
        QCOMPARE(job->state(), jobs::JobState::Stopped);
        const ClusterWatchResult &result = *job->result();
        QVERIFY(result.polls >= 2);
        QVERIFY(result.last.has_value());
        QCOMPARE(result.last->countRole(NodeRole::Master), 3);
        QCOMPARE(result.last->countRole(NodeRole::Replica), 3);
        QVERIFY(result.last->uncoveredSlots().empty());
    }

    void boundedWatchOfANonClusterFails()
    {
        ClusterWatchOptions options;
        options.polls = 1;
        std::unique_ptr<ClusterWatchJob> job(makeClusterWatchJob(m_redis.endpoint(), options));
        QSignalSpy failed(job.get(), &jobs::JobBase::failed);
        job->start();
        QVERIFY(test::waitForEnd(*job));
        QCOMPARE(job->state(), jobs::JobState::Failed);
        QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("not running in cluster mode")),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(job->result()->polls, 1);
        QVERIFY(!job->result()->last.has_value());
    }

    // Stopped while discovery waits on a paused master: no CLUSTER FAILOVER is sent, and the
    // result says it was not promoted and why.
    void failoverStoppedBeforeItIsSent()
    {
        ClusterDiscovery discovery(m_cluster.seed());
        const auto topology = discovery.discover();
        QVERIFY(topology);
        SandboxRedis *master = m_cluster.nodes().at(1);
        const TopologyNode *masterNode = nullptr;
        for (const TopologyNode &n : topology->nodes)
            if (n.port == master->port())
                masterNode = &n;
        QVERIFY(masterNode && masterNode->isMaster());
        QString replicaId;
        for (const TopologyNode &n : topology->nodes)
            if (n.masterId == masterNode->id)
                replicaId = n.id;
        QVERIFY(!replicaId.isEmpty());

        QVERIFY(master->pause());
        std::unique_ptr<ClusterFailoverJob> job(makeClusterFailoverJob(m_cluster.seed(), replicaId));
        job->start();
        QVERIFY(test::waitForProgress(*job, [](const jobs::StepProgress &p) { return !p.message.isEmpty(); }));
        QVERIFY(test::stopAndWait(*job));
        QVERIFY(master->resume());
        QCOMPARE(job->state(), jobs::JobState::Stopped);
        QVERIFY(!job->result()->promoted);
        QVERIFY2(job->result()->error.contains(QStringLiteral("stopped")), qPrintable(job->result()->error));
    }

    void collectionDeliversEverySampleUntilStopped()
    {
        auto interval = std::make_shared<std::atomic<int>>(100);
        std::unique_ptr<CollectionJob> job(makeCollectionJob(m_redis.endpoint(), interval));
        int serverSamples = 0;
        int workbenchSamples = 0;
        connect(job.get(), &jobs::JobBase::progressAvailable, this, [&] {
            for (const MonitorSample &s : job->progress().samples) {
                if (s.isServerNode())
                    ++serverSamples;
                else if (s.node == QLatin1String(node::Workbench))
                    ++workbenchSamples;
            }
        });
        job->start();
        QVERIFY(test::waitForProgress(*job, [](const CollectedSamples &c) { return c.polls >= 3; }));
        QVERIFY(job->progress().reachable);
        QVERIFY(test::stopAndWait(*job));
        QCOMPARE(job->state(), jobs::JobState::Stopped);
        const int polls = job->result()->polls;
        QVERIFY(polls >= 3);
        // One server node and this process per poll, none lost to coalescing.
        QCOMPARE(serverSamples, polls);
        QCOMPARE(workbenchSamples, polls);
    }

    // MonitorService::stop() never waits for a poll stuck on a paused server, and nothing it
    // still collects arrives afterwards.
    void monitorStopDoesNotWait()
    {
        SandboxRedis paused;
        CWB_START_SANDBOX(paused);
        MonitorService service;
        MonitoringConfig config = service.config();
        config.collectionIntervalMs = 1000; // polls time out after 500 ms
        QVERIFY(service.setConfig(config));
        QSignalSpy samples(&service, &MonitorService::samplesAdded);
        service.start(paused.endpoint());
        QVERIFY(samples.wait(30000));
        QVERIFY(paused.pause());
        service.stop();
        QVERIFY(!service.isCollecting());
        const int heard = int(samples.count());
        QVERIFY(paused.resume());
        QTest::qWait(1500); // a poll that was in flight ends in this time; its samples must not show
        QCOMPARE(int(samples.count()), heard);
    }
};

QTEST_GUILESS_MAIN(ServiceJobsTest)
#include "tst_servicejobs.moc"
