#pragma once

#include "shardmap.h"
#include "topology.h"

#include <QString>

#include <map>
#include <vector>

namespace cwb {

// A time-stepped model of a master/replica cluster: the user fails a node and watches the
// health checks notice it (up -> suspected -> failed), the most up-to-date replica get
// promoted and the others repoint. Pure: no clocks, no network; advance() moves time.
class TopologySimulator
{
public:
    struct Options
    {
        int healthCheckIntervalMs = 100; // the simulated PING period
        int suspectAfterMs = 500;        // no answer for this long: suspected (PFAIL)
        int failAfterMs = 2000;          // no answer for this long: failed (cluster-node-timeout)
        int failoverDelayMs = 500;       // election time after a master is marked failed
        double writeBytesPerSecond = 1e6; // replication stream per master, moves the offsets
    };

    enum class ReadPolicy { RoundRobin, LeastLoaded };

    struct Event
    {
        qint64 atMs = 0;
        QString text;
    };

    // `masters` masters named node-1..node-M with `replicasPerMaster` replicas each
    // (node-1-r1, ...), slots split evenly like `redis-cli --cluster create`.
    static Topology makeCluster(int masters, int replicasPerMaster);
    struct MasterSpec
    {
        QString name;
        std::vector<SlotRange> slotRanges;
    };
    // The same with the masters' names and slots given (a sharding simulation's nodes).
    static Topology makeCluster(const std::vector<MasterSpec> &masters, int replicasPerMaster);

    explicit TopologySimulator(Topology topology, Options options);
    explicit TopologySimulator(Topology topology);

    const Topology &topology() const { return m_topology; }
    const Options &options() const { return m_options; }
    qint64 nowMs() const { return m_now; }
    const std::vector<Event> &events() const { return m_events; }

    // The node's process stops answering (false: unknown id or already down).
    bool failNode(const QString &id);
    // It answers again; a former master comes back as a replica of its successor.
    bool recoverNode(const QString &id);
    bool isDown(const QString &id) const;
    // A replica that lags its master by `bytes` (so failover has to choose).
    void setReplicaLag(const QString &id, qint64 bytes);

    // Moves time forward in health-check steps.
    void advance(qint64 ms);

    // The node that serves a read for a master's slots: one of its healthy replicas by the
    // policy, or the master itself when it has none. Empty when nothing can serve.
    QString routeRead(const QString &masterId, ReadPolicy policy);

    // Adds an empty master (no slots, no replicas) and returns its id.
    QString addMaster();
    // Spreads the slots evenly over the masters that are up; returns the moves (indices in
    // the order of topology().masters() at the time of the call) and applies them.
    std::vector<PlanStep> rebalance();

private:
    struct NodeState
    {
        bool down = false;
        qint64 lastPongMs = 0;
        qint64 failedAtMs = -1;
        qint64 lag = 0;
        qint64 readsThisSecond = 0;
        qint64 readsTotal = 0;
    };

    void step(qint64 ms);
    void failover(TopologyNode &master);
    void log(const QString &text);

    Topology m_topology;
    Options m_options;
    qint64 m_now = 0;
    qint64 m_rateWindowStart = 0;
    std::map<QString, NodeState> m_state;
    std::map<QString, size_t> m_roundRobin;
    std::vector<Event> m_events;
    int m_addedMasters = 0;
};

} // namespace cwb
