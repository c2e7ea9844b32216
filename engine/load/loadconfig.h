#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace cwb {

// The four operations of the seed's operationMix, in its order.
enum class OpType { Read = 0, Write = 1, Delete = 2, Invalidate = 3 };
inline constexpr int kOpTypeCount = 4;
QString opTypeName(OpType op); // "read", "write", "delete", "invalidate"

// What kind of cached data an operation works on; each maps the four operations to real
// commands (see workload.h).
enum class CacheType { String, Hash, Session, Geo, Counter };
inline constexpr int kCacheTypeCount = 5;
QString cacheTypeName(CacheType type); // "string", "hash", "session", "geo", "counter"
std::optional<CacheType> cacheTypeFromName(const QString &name);

enum class KeyDistribution { Uniform, Zipfian, Gaussian, Sequential };
QString keyDistributionName(KeyDistribution d); // "uniform", "zipfian", "gaussian", "sequential"
std::optional<KeyDistribution> keyDistributionFromName(const QString &name);

// A load test, in the seed's JSON shape plus extensions. A plain value: validated once at
// the boundary (parseLoadTestConfig / validateLoadTestConfig), then trusted by the engine.
struct LoadTestConfig
{
    // --- the seed's fields
    QString testName = QStringLiteral("custom");
    double durationSec = 30;          // "duration", seconds, > 0
    int concurrentUsers = 10;         // virtual users = connections, >= 1
    double requestsPerSecond = 0;     // total target rate (open loop); 0 = closed loop
    std::array<int, kOpTypeCount> operationMix{80, 15, 3, 2}; // percent, sums to 100
    std::vector<CacheType> cacheTypes{CacheType::String};     // at least one, no repeats

    // --- extensions, with defaults
    QString description;
    QString target = QStringLiteral("redis://127.0.0.1:6379"); // URI; never holds a password
    QString keyPrefix = QStringLiteral("cwb:");                // every key starts with it
    int64_t keySpace = 10000;                                   // distinct keys per cache type
    KeyDistribution keyDistribution = KeyDistribution::Uniform;
    double zipfExponent = 0.99;                                 // zipfian only, > 0
    double gaussianSigma = 0.1;   // gaussian only: stddev as a fraction of the key space
    int valueSizeMin = 32;        // bytes
    int valueSizeMax = 512;       // bytes, >= valueSizeMin
    int ttlSec = 300;             // 0 = no expiry
    int pipeline = 1;             // requests in flight per user (closed loop), 1..1024
    double warmupSec = 0;         // excluded from results
    int requestTimeoutMs = 1000;  // a request without a reply after this is a timeout error
    int threads = 0;              // worker threads; 0 = automatic (see LoadRun::execute)
    int tagCount = 100;           // invalidation tags
    bool cleanup = true;          // SCAN + UNLINK the prefix after the run
    uint64_t seed = 1;            // workload random seed: same seed, same key sequence
    // Redis Cluster only: read-only commands go to the slot's replicas (with READONLY),
    // writes to its master. A run against a single server with this set fails.
    bool readFromReplicas = false;

    bool isOpenLoop() const { return requestsPerSecond > 0; }
    bool operator==(const LoadTestConfig &) const = default;
};

// A problem with one field. `field` is the JSON path ("operationMix.read", "cacheTypes[2]").
struct ConfigIssue
{
    QString field;
    QString message;
    QString toString() const { return field + QStringLiteral(": ") + message; }
};

struct LoadConfigParseResult
{
    std::optional<LoadTestConfig> config; // set only when errors is empty
    std::vector<ConfigIssue> errors;
};

// Parses JSON text. Unknown keys, wrong types and rule violations are all errors naming the
// field; fields not given take the defaults above (or `base`'s values when given).
LoadConfigParseResult parseLoadTestConfig(const QByteArray &jsonText);
LoadConfigParseResult parseLoadTestConfig(const nlohmann::json &json, const LoadTestConfig &base = {});
// The rules, for configs built in code (the GUI form): mix sums to 100, duration > 0, ...
std::vector<ConfigIssue> validateLoadTestConfig(const LoadTestConfig &config);
// Back to JSON in the same shape (never includes a password).
nlohmann::json loadTestConfigToJson(const LoadTestConfig &config);

// Built-in presets (resources/presets/*.json, compiled in as :/presets/).
QStringList presetNames();
std::optional<LoadTestConfig> presetByName(const QString &name);

// A suite: tests run in sequence with a combined summary (resources/suites/*.json).
struct TestSuite
{
    QString name;
    QString description;
    std::vector<LoadTestConfig> tests;
};
QStringList suiteNames();
std::optional<TestSuite> suiteByName(const QString &name);

} // namespace cwb
