#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace cwb {

// Where warmed keys come from.
enum class WarmStrategy { KeyList, Dataset, CopyFromSource, HotKeys, Sessions, Config, Synthetic, Predictive };
inline constexpr int kWarmStrategyCount = 8;
QString warmStrategyName(WarmStrategy s); // "keylist", "dataset", "copy", "hotkeys", "sessions", "config", "synthetic", "predictive"
std::optional<WarmStrategy> warmStrategyFromName(const QString &name);
QString warmStrategyDescription(WarmStrategy s); // one line, for `warm strategies`
// The parameters each strategy reads, "name: meaning" per entry.
QStringList warmStrategyParameters(WarmStrategy s);
// The same as data, for forms: a valid plan's params hold only these names, each of its type.
enum class WarmParamType { String, Integer, Number, Boolean, Object };
struct WarmParamSpec
{
    const char *name;
    WarmParamType type;
    bool required;
    const char *meaning;
};
const std::vector<WarmParamSpec> &warmStrategyParamSpecs(WarmStrategy s);

enum class WarmPriority { High = 0, Medium = 1, Low = 2 }; // lower value runs first
QString warmPriorityName(WarmPriority p); // "high", "medium", "low"
std::optional<WarmPriority> warmPriorityFromName(const QString &name);

// What a plan does with a key that already exists on the target. Warming's job is to write
// application keys, so unlike the other commands it may overwrite - but only as its plan says,
// and every run reports what it overwrote. Keys the same run wrote earlier count as its own.
enum class WarmOverwrite {
    SkipExisting, // never touch an existing key (the default)
    SameType,     // replace an existing key of the type warming writes; skip one of another type
    Always,       // replace whatever is there
};
QString warmOverwriteName(WarmOverwrite o); // "skip-existing", "same-type", "always"
std::optional<WarmOverwrite> warmOverwriteFromName(const QString &name);

// One warming job. A plain value, validated at the boundary (parseWarmingPlan /
// validateWarmingPlan) and then trusted by the executor and scheduler.
//
// JSON shape (every field but name and strategy optional):
//   {"name": "users", "strategy": "dataset", "params": {...}, "priority": "high",
//    "schedule": "*/15 * * * *", "timezone": "utc", "keyPrefix": "cwb:warm:", "target": "redis://...",
//    "batchSize": 500, "batchDelayMs": 0, "rateLimit": 0, "ttlSec": 3600, "memoryBudget": 0,
//    "overwrite": "skip-existing", "enabled": true}
struct WarmingPlan
{
    QString name;
    WarmStrategy strategy = WarmStrategy::KeyList;
    nlohmann::json params = nlohmann::json::object(); // strategy-specific, see warmStrategyParameters
    WarmPriority priority = WarmPriority::Medium;
    QString schedule;                          // 5-field cron; empty = run on demand only
    QString timezone = QStringLiteral("utc");  // "utc", "local" or an IANA id
    QString keyPrefix = QStringLiteral("cwb:warm:"); // every written key starts with it
    QString target;                            // URI without password; empty = the caller's target
    int batchSize = 500;                       // keys per pipelined batch, 1..100000
    int batchDelayMs = 0;                      // pause between batches, 0..600000
    double rateLimit = 0;                      // keys per second; 0 = unlimited
    int ttlSec = 3600;                         // expiry of written keys (copies keep the source's), >= 1
    qint64 memoryBudget = 0;                   // used_memory the target may reach, bytes; 0 = maxmemory only
    WarmOverwrite overwrite = WarmOverwrite::SkipExisting; // existing keys on the target
    bool enabled = true;                       // false: the scheduler skips it (Run now still works)

    // Typed reads of params for the sources: the fallback when the field is absent or has
    // another type (validateWarmingPlan has already reported wrong types to the user).
    QString stringParam(const char *name, const QString &fallback = {}) const;
    qint64 intParam(const char *name, qint64 fallback) const;
    double doubleParam(const char *name, double fallback) const;

    bool operator==(const WarmingPlan &other) const;
};

struct PlanIssue
{
    QString field; // JSON path: "batchSize", "params.file", "schedule"
    QString message;
    QString toString() const { return field + QStringLiteral(": ") + message; }
};

struct PlanParseResult
{
    std::optional<WarmingPlan> plan; // set only when errors is empty
    std::vector<PlanIssue> errors;
};

PlanParseResult parseWarmingPlan(const nlohmann::json &json);
PlanParseResult parseWarmingPlan(const QByteArray &jsonText);

struct LoadTestConfig;
// A built-in load-test preset as a synthetic plan uses it (params.preset): its keys go under
// the plan's keyPrefix. nullopt for an unknown name.
std::optional<LoadTestConfig> syntheticPreset(const QString &name, const QString &planPrefix);
// Every rule, including each strategy's required parameters and the cron expression. Files
// named in params are not opened here (they may live on the machine that runs the plan).
std::vector<PlanIssue> validateWarmingPlan(const WarmingPlan &plan);
nlohmann::json warmingPlanToJson(const WarmingPlan &plan);

// A plan file holds one plan object or {"plans": [...]} / a bare array. Each plan is
// validated; issue fields are prefixed "plans[i]." when there are several.
struct PlanFileResult
{
    std::vector<WarmingPlan> plans;
    std::vector<PlanIssue> errors; // plans is empty when this is not
};
PlanFileResult loadWarmingPlans(const QString &path);
// Writes {"plans": [...]} atomically (QSaveFile). Refuses (false, *error) when any plan is
// invalid, so a file is never saved half-valid.
bool saveWarmingPlans(const QString &path, const std::vector<WarmingPlan> &plans, QString *error = nullptr);
// AppDataLocation/warming-plans.json and AppDataLocation/warming-history.jsonl.
QString defaultWarmingPlansPath();
QString defaultWarmingHistoryPath();

// Whether `key` lies under `prefix` and, if not, the key with the prefix put in front: every
// strategy writes only under the plan's prefix.
QByteArray keyUnderPrefix(const QByteArray &prefix, const QByteArray &key);

} // namespace cwb
