#pragma once

#include "experimentcontext.h"
#include "hotkeys.h"

#include <QByteArray>

#include <nlohmann/json_fwd.hpp>

#include <vector>

namespace cwb {

class ClusterRouter;

struct ServerKeySample
{
    QByteArray key;
    qint64 freq = -1;        // OBJECT FREQ (LFU counter, logarithmic); -1 without an LFU policy
    qint64 memoryBytes = -1; // MEMORY USAGE
    double trafficShare = -1; // freq / sum of sampled freqs (a rough share: the counter is logarithmic)
    double memoryShare = 0;   // memoryBytes / sum of sampled MEMORY USAGE
};

// Server-side detection without blocking the server: SCAN MATCH prefix* with a small COUNT,
// at most maxKeys keys, then OBJECT FREQ (only when maxmemory-policy is an LFU one) and MEMORY
// USAGE per sampled key, pipelined per SCAN page. On a Redis Cluster every master is scanned
// (maxKeys in all); the policy is the first master's. scanCallsPerSecond > 0 paces the SCAN
// calls (a scan of a busy production server must not become its load); 0 does not wait.
struct ServerHotKeyScan
{
    QString policy;          // maxmemory-policy
    bool lfu = false;        // OBJECT FREQ read (an LFU policy, and the command allowed)
    bool sized = true;       // MEMORY USAGE read (false: renamed away or not allowed; note says which)
    QString note;            // e.g. "server-side frequency needs an LFU policy; current policy: noeviction"
    qint64 scanned = 0;
    qint64 scanCalls = 0;    // SCAN commands sent, over all masters
    bool stopped = false;    // a cancel ended the scan early: the figures are of what was sampled
    bool truncated = false;  // stopped at maxKeys before SCAN finished
    qint64 sampledMemory = 0;
    std::vector<ServerKeySample> hottest; // by freq (empty without LFU)
    std::vector<ServerKeySample> biggest; // by MEMORY USAGE
    QString error;
};

ServerHotKeyScan scanServerHotKeys(ClusterRouter &connection, const QString &prefix, int maxKeys = 1000,
                                   int topN = 20, int scanCount = 100, const std::atomic<bool> *cancel = nullptr,
                                   int scanCallsPerSecond = 0);

// The hot-key experiment: replays a Zipfian read trace (with writes for misses) under
// ctx.keyPrefix + "hot:" with the client-side tracker watching every key sent, then scans the
// server side. The trace's true counts are kept too, so the tracker's error is shown, not assumed.
struct HotKeyExperimentOptions
{
    int64_t keySpace = 5000;
    double zipfExponent = 1.1;
    int operations = 50000;
    int valueSize = 64;
    int bigKeys = 3;          // a few planted big values (64 KiB) to show up in the memory table
    int trackerCapacity = 100;
    int topN = 10;
    uint64_t seed = 11;
    QString scanPrefix;       // empty: the experiment's own prefix
    bool keepKeys = false;
};

struct HotKeyEntry
{
    HotKey estimate;
    uint64_t trueCount = 0;
};

struct HotKeyExperimentResult
{
    std::vector<HotKeyEntry> clientTop; // heaviest first
    uint64_t totalObserved = 0;
    uint64_t errorBound = 0;   // N / capacity
    int trackerCapacity = 0;
    bool withinBound = true;   // every |estimate - true| <= errorBound and estimate >= true
    std::vector<QByteArray> plantedHot; // the trace's true top-N keys
    int plantedFound = 0;      // how many of them the tracker's top-N holds
    ServerHotKeyScan server;
    QString error;
};

HotKeyExperimentResult runHotKeyExperiment(const ExperimentContext &ctx, const HotKeyExperimentOptions &options);

nlohmann::json serverScanToJson(const ServerHotKeyScan &scan);
nlohmann::json hotKeysToJson(const HotKeyExperimentResult &result);

} // namespace cwb
