// Agents on hosts of their own (issue 18): each agent process runs in a network namespace the test
// creates, joined to this one by a veth pair on private test addresses (198.18.0.0/15, the range
// RFC 2544 sets aside for benchmarks), so the target sees every agent's connections come from a
// different address, as from separate machines. The target and the coordination server listen on
// an extra address of this side's loopback interface, which the namespaces route to. Everything the test creates it removes
// again, also when it fails. Needs root (CAP_NET_ADMIN) and iproute2: skipped otherwise.

#include "childprocess.h"
#include "setgetconfig.h"
#include "testsupport.h"

#include "distrib/agentregistry.h"
#include "distrib/distributedjob.h"
#include "load/loadconfig.h"
#include "redis/sandboxredis.h"

#include <QScopeGuard>
#include <QStandardPaths>
#include <QtTest>

#include <csignal>
#include <memory>
#include <set>

#include <unistd.h>

using namespace cwb;
using cwb::test::setGetConfig;
using namespace Qt::StringLiterals;
using test::Child;

namespace {

const QString kPassword = u"Netns-pass-1"_s;

QString ipTool()
{
    return QStandardPaths::findExecutable(u"ip"_s, {u"/usr/sbin"_s, u"/sbin"_s, u"/usr/bin"_s, u"/bin"_s});
}

// One `ip` command, bounded; its error output when it failed.
bool ip(const QStringList &args, QString *error = nullptr)
{
    Child child;
    if (!child.start(ipTool(), args)) {
        if (error)
            *error = child.errorString();
        return false;
    }
    const bool ok = child.waitForFinished(10000) && child.exitCode() == 0;
    if (!ok && error)
        *error = u"ip %1: %2"_s.arg(args.join(u' '), QString::fromLocal8Bit(child.takeErr()).trimmed());
    return ok;
}

// Namespaces "cwbt<pid>n<i>", each with a veth pair (host side "cwb<pid>h<i>", 198.18.<net>.<4i+1>/30;
// namespace side 198.18.<net>.<4i+2>/30, default route via the host side), and the service
// address 198.19.<net>.1 on this side's loopback interface. Removed by the destructor.
class TestHosts
{
public:
    explicit TestHosts(int count)
        : m_tag(QString::number(::getpid() % 100000))
        , m_net(::getpid() % 200)
        , m_count(count)
    {
    }
    ~TestHosts() { tearDown(); }

    bool setUp(QString *error)
    {
        m_created = true;
        if (!ip({u"addr"_s, u"add"_s, serviceAddress() + u"/32"_s, u"dev"_s, u"lo"_s}, error))
            return false;
        for (int i = 0; i < m_count; ++i) {
            const QString ns = name(i), host = hostSide(i), inside = u"cwb%1i%2"_s.arg(m_tag).arg(i);
            const QString exec[] = {u"netns"_s, u"exec"_s, ns};
            const auto inNs = [&](const QStringList &args) { return QStringList(std::begin(exec), std::end(exec)) << ipTool() << args; };
            if (!ip({u"netns"_s, u"add"_s, ns}, error)
                || !ip({u"link"_s, u"add"_s, host, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, inside}, error)
                || !ip({u"link"_s, u"set"_s, inside, u"netns"_s, ns}, error)
                || !ip({u"addr"_s, u"add"_s, hostAddress(i) + u"/30"_s, u"dev"_s, host}, error)
                || !ip({u"link"_s, u"set"_s, host, u"up"_s}, error)
                || !ip(inNs({u"addr"_s, u"add"_s, agentAddress(i) + u"/30"_s, u"dev"_s, inside}), error)
                || !ip(inNs({u"link"_s, u"set"_s, inside, u"up"_s}), error)
                || !ip(inNs({u"link"_s, u"set"_s, u"lo"_s, u"up"_s}), error)
                || !ip(inNs({u"route"_s, u"add"_s, u"default"_s, u"via"_s, hostAddress(i)}), error))
                return false;
        }
        return true;
    }

    // Deleting a namespace deletes its end of the veth pair, and with it the host's end.
    void tearDown()
    {
        if (!m_created)
            return;
        m_created = false;
        for (int i = 0; i < m_count; ++i) {
            ip({u"link"_s, u"del"_s, hostSide(i)});
            ip({u"netns"_s, u"del"_s, name(i)});
        }
        ip({u"addr"_s, u"del"_s, serviceAddress() + u"/32"_s, u"dev"_s, u"lo"_s});
    }

    // Whether anything this test made is still there.
    bool anythingLeft() const
    {
        Child list;
        if (!list.start(ipTool(), {u"-o"_s, u"addr"_s}) || !list.waitForFinished(10000))
            return true;
        const QByteArray links = list.takeOut();
        Child netns;
        if (!netns.start(ipTool(), {u"netns"_s, u"list"_s}) || !netns.waitForFinished(10000))
            return true;
        const QByteArray spaces = netns.takeOut();
        return links.contains(u"cwb%1h"_s.arg(m_tag).toUtf8()) || links.contains((serviceAddress() + u'/').toUtf8())
            || spaces.contains(u"cwbt%1n"_s.arg(m_tag).toUtf8());
    }

    QString name(int i) const { return u"cwbt%1n%2"_s.arg(m_tag).arg(i); }
    QString serviceAddress() const { return u"198.19.%1.1"_s.arg(m_net); }
    QString agentAddress(int i) const { return u"198.18.%1.%2"_s.arg(m_net).arg(4 * i + 2); }

private:
    QString hostSide(int i) const { return u"cwb%1h%2"_s.arg(m_tag).arg(i); }
    QString hostAddress(int i) const { return u"198.18.%1.%2"_s.arg(m_net).arg(4 * i + 1); }

    QString m_tag;
    int m_net;
    int m_count;
    bool m_created = false;
};

// A sandbox that also listens on `address` (with a password: the namespaces are not loopback).
bool startListening(SandboxRedis &redis, const QString &address, QString *error)
{
    SandboxRedis::Options options;
    options.password = kPassword;
    options.extraArgs = {u"--bind"_s, u"127.0.0.1"_s, address};
    return redis.start(options, error);
}

Endpoint at(const SandboxRedis &redis, const QString &address)
{
    Endpoint e = redis.endpoint();
    e.host = address;
    return e;
}

// The addresses the target's clients connect from right now (CLIENT LIST's addr=HOST:PORT).
std::set<QString> clientAddresses(RedisConnection &target)
{
    std::set<QString> found;
    const auto list = target.command({"CLIENT", "LIST"});
    if (!list)
        return found;
    for (const QByteArray &line : list->str.split('\n')) {
        const qsizetype at = line.indexOf("addr=");
        if (at < 0)
            continue;
        const QByteArray addr = line.mid(at + 5, line.indexOf(' ', at) - at - 5);
        found.insert(QString::fromUtf8(addr.left(addr.lastIndexOf(':'))));
    }
    return found;
}

} // namespace

class tst_DistribNetns : public QObject
{
    Q_OBJECT

private slots:
    void agentsInTheirOwnNetworkNamespacesAreSeparateHosts()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to create network namespaces");
        if (ipTool().isEmpty())
            QSKIP("needs iproute2 (ip)");
        TestHosts hosts(2);
        QString error;
        if (!hosts.setUp(&error)) {
            hosts.tearDown();
            QVERIFY2(!hosts.anythingLeft(), "a failed set-up left interfaces or namespaces behind");
            QSKIP(qPrintable(u"cannot create network namespaces here: "_s + error));
        }
        const auto removed = qScopeGuard([&] { hosts.tearDown(); });

        SandboxRedis coord, target;
        QVERIFY2(startListening(coord, hosts.serviceAddress(), &error), qPrintable(error));
        QVERIFY2(startListening(target, hosts.serviceAddress(), &error), qPrintable(error));

        std::vector<std::unique_ptr<Child>> agents;
        for (int i = 0; i < 2; ++i) {
            auto agent = std::make_unique<Child>();
            const QString coordUri = u"redis://%1:%2"_s.arg(hosts.serviceAddress()).arg(coord.port());
            QVERIFY2(agent->start(ipTool(),
                                  {u"netns"_s, u"exec"_s, hosts.name(i), QStringLiteral(CWB_CLI_PATH), u"agent"_s,
                                   u"--coordinator"_s, coordUri, u"--name"_s, u"ns-%1"_s.arg(i), u"--allow-target"_s,
                                   u"redis://%1:*"_s.arg(hosts.serviceAddress())},
                                  {u"CWB_COORDINATOR_PASSWORD="_s + kPassword, u"CWB_REDIS_PASSWORD="_s + kPassword}),
                     qPrintable(agent->errorString()));
            agents.push_back(std::move(agent));
        }
        const auto logs = qScopeGuard([&] {
            if (QTest::currentTestFailed()) {
                for (auto &agent : agents)
                    qWarning("agent:\n%s%s", agent->takeOut().constData(), agent->takeErr().constData());
            }
        });
        RedisConnection bus(coord.endpoint());
        QVERIFY(bus.connect());
        QTRY_COMPARE_WITH_TIMEOUT(listAgents(bus).value_or(std::vector<AgentInfo>{}).size(), size_t(2), 30000);

        CoordinatorOptions options;
        options.bus = coord.endpoint();
        options.agents.kind = AgentSelection::Kind::All;
        options.startInMs = 1000;
        DistributedLoadJob job(setGetConfig(u"netns"_s, 2, 4, u"cwb:netns-run:"_s), at(target, hosts.serviceAddress()), options);
        RedisConnection watcher(target.endpoint());
        QVERIFY(watcher.connect());
        std::set<QString> seen;
        job.start();
        QElapsedTimer waited;
        waited.start();
        while (!job.isDone() && waited.elapsed() < 60000) { // bounded: a stuck run fails below
            const std::set<QString> now = clientAddresses(watcher);
            seen.insert(now.begin(), now.end());
            QTest::qWait(50);
        }
        const RunResult result = job.result().value_or(RunResult{});
        QVERIFY2(result.status == RunStatus::Completed, qPrintable(result.failureReason));
        QCOMPARE(result.agents.size(), size_t(2));
        uint64_t byAgents = 0;
        for (const AgentSummary &a : result.agents) {
            QCOMPARE(a.state, u"finished"_s);
            QVERIFY(a.operations > 0);
            byAgents += a.operations;
        }
        QCOMPARE(byAgents, result.total().count);
        // The target saw each agent from its own host's address.
        for (int i = 0; i < 2; ++i)
            QVERIFY2(seen.count(hosts.agentAddress(i)) == 1,
                     qPrintable(u"no connection from %1"_s.arg(hosts.agentAddress(i))));

        for (auto &agent : agents) {
            agent->signal(SIGTERM);
            QVERIFY(agent->waitForFinished(10000));
            QCOMPARE(agent->exitCode(), 0);
        }
        hosts.tearDown();
        QVERIFY2(!hosts.anythingLeft(), "network namespaces or interfaces left behind");
    }
};

QTEST_GUILESS_MAIN(tst_DistribNetns)
#include "tst_distribnetns.moc"
