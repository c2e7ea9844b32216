#include "warmingplan.h"

#include "cronexpression.h"
#include "json/strictjson.h"
#include "load/keyprefix.h"
#include "load/loadconfig.h"
#include "redis/endpoint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <cmath>

namespace cwb {

QString WarmingPlan::stringParam(const char *name, const QString &fallback) const
{
    const auto it = params.find(name);
    return it != params.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : fallback;
}

qint64 WarmingPlan::intParam(const char *name, qint64 fallback) const
{
    const auto it = params.find(name);
    if (it == params.end() || !it->is_number())
        return fallback;
    if (!it->is_number_float())
        return it->get<qint64>();
    // A float outside qint64's range would make the conversion undefined.
    const double value = it->get<double>();
    return std::isfinite(value) && std::abs(value) < 9.2e18 ? qint64(value) : fallback;
}

double WarmingPlan::doubleParam(const char *name, double fallback) const
{
    const auto it = params.find(name);
    return it != params.end() && it->is_number() ? it->get<double>() : fallback;
}

const std::vector<WarmParamSpec> &warmStrategyParamSpecs(WarmStrategy s)
{
    static const std::vector<WarmParamSpec> keyList{
        {"file", WarmParamType::String, true, "text file, one key per line: 'key [value]'; value 'random:N' makes N random bytes"},
        {"defaultValue", WarmParamType::String, false, "value for lines without one (default random:32)"},
    };
    static const std::vector<WarmParamSpec> dataset{
        {"file", WarmParamType::String, true, "JSON Lines (.jsonl) or CSV with a header row (.csv)"},
        {"format", WarmParamType::String, false, "jsonl or csv (default: from the file name)"},
        {"keyTemplate", WarmParamType::String, true, "key with {column} placeholders, e.g. cwb:user:{id}"},
        {"type", WarmParamType::String, false, "hash (default: one field per column) or string"},
        {"valueField", WarmParamType::String, false, "string type: the column holding the value (default: the row as JSON)"},
        {"stopOnBadRow", WarmParamType::Boolean, false, "fail the plan at the first bad row (default: skip and report it)"},
    };
    static const std::vector<WarmParamSpec> copy{
        {"source", WarmParamType::String, true, "source Redis URI (password from CWB_SOURCE_PASSWORD)"},
        {"pattern", WarmParamType::String, false, "SCAN MATCH pattern on the source (default *)"},
        {"mode", WarmParamType::String, false, "dump (DUMP/RESTORE keeping PTTL, default) or get (GET/SET, strings only)"},
        {"maxKeys", WarmParamType::Integer, false, "stop after this many keys (default 0 = all)"},
    };
    static const std::vector<WarmParamSpec> hotKeys{
        {"trace", WarmParamType::String, true, "access trace file ('timestamp key' per line)"},
        {"topK", WarmParamType::Integer, false, "how many hot keys to warm (default 100)"},
        {"source", WarmParamType::String, false, "copy the keys' values from this Redis URI (default: generated values)"},
        {"valueSize", WarmParamType::Integer, false, "generated value size in bytes (default 64)"},
    };
    static const std::vector<WarmParamSpec> sessions{
        {"source", WarmParamType::String, true, "source Redis URI holding session hashes"},
        {"sessionPrefix", WarmParamType::String, false, "the sessions' key prefix on the source; keys are <prefix>sess:N (default cwb:)"},
        {"count", WarmParamType::Integer, false, "the most recent N sessions by lastSeen (default 100)"},
    };
    static const std::vector<WarmParamSpec> config{
        {"entries", WarmParamType::Object, true, "object of key -> string value (1 to 1000 keys)"},
    };
    static const std::vector<WarmParamSpec> synthetic{
        {"load", WarmParamType::Object, false, "a load-test configuration (JSON object); its keyPrefix must start with the plan's keyPrefix"},
        {"preset", WarmParamType::String, false, "a built-in load-test preset instead of load; its keys go under the plan's keyPrefix"},
        {"keys", WarmParamType::Integer, false, "keys per cache type, from index 0 (the hottest under zipfian); default the whole key space"},
    };
    static const std::vector<WarmParamSpec> predictive{
        {"trace", WarmParamType::String, true, "access trace file ('timestamp key' per line)"},
        {"topK", WarmParamType::Integer, false, "how many forecast keys to warm (default 100)"},
        {"intervalSec", WarmParamType::Number, false, "forecast interval length in seconds (default 60)"},
        {"alpha", WarmParamType::Number, false, "weight of the newest interval, 0 < alpha <= 1 (default 0.5)"},
        {"source", WarmParamType::String, false, "copy the keys' values from this Redis URI (default: generated values)"},
        {"valueSize", WarmParamType::Integer, false, "generated value size in bytes (default 64)"},
    };
    switch (s) {
    case WarmStrategy::KeyList: return keyList;
    case WarmStrategy::Dataset: return dataset;
    case WarmStrategy::CopyFromSource: return copy;
    case WarmStrategy::HotKeys: return hotKeys;
    case WarmStrategy::Sessions: return sessions;
    case WarmStrategy::Config: return config;
    case WarmStrategy::Synthetic: return synthetic;
    case WarmStrategy::Predictive: return predictive;
    }
    return keyList;
}

namespace {

const char *typeName(WarmParamType t)
{
    switch (t) {
    case WarmParamType::String: return "a string";
    case WarmParamType::Integer: return "an integer";
    case WarmParamType::Number: return "a number";
    case WarmParamType::Boolean: return "true or false";
    case WarmParamType::Object: return "an object";
    }
    return "";
}

bool hasType(const nlohmann::json &v, WarmParamType t)
{
    switch (t) {
    case WarmParamType::String: return v.is_string();
    case WarmParamType::Integer: return v.is_number_integer();
    case WarmParamType::Number: return v.is_number();
    case WarmParamType::Boolean: return v.is_boolean();
    case WarmParamType::Object: return v.is_object();
    }
    return false;
}

QString str(const nlohmann::json &v) { return QString::fromStdString(v.get<std::string>()); }

void checkUri(const nlohmann::json &params, const char *name, std::vector<PlanIssue> &issues)
{
    if (!params.contains(name) || !params[name].is_string())
        return;
    QString error;
    if (!parseEndpoint(str(params[name]), &error))
        issues.push_back({QStringLiteral("params.") + QLatin1String(name), error});
}

void checkRange(const nlohmann::json &params, const char *name, double min, double max, std::vector<PlanIssue> &issues)
{
    if (!params.contains(name) || !params[name].is_number())
        return;
    const double v = params[name].get<double>();
    if (v < min || v > max)
        issues.push_back({QStringLiteral("params.") + QLatin1String(name),
                          QStringLiteral("%1 is out of range %2-%3").arg(v).arg(min).arg(max)});
}

void checkChoice(const nlohmann::json &params, const char *name, const QStringList &choices,
                 std::vector<PlanIssue> &issues)
{
    if (!params.contains(name) || !params[name].is_string())
        return;
    if (!choices.contains(str(params[name])))
        issues.push_back({QStringLiteral("params.") + QLatin1String(name),
                          QStringLiteral("'%1' is not one of %2").arg(str(params[name]), choices.join(QStringLiteral(", ")))});
}

void validateParams(const WarmingPlan &plan, std::vector<PlanIssue> &issues)
{
    const nlohmann::json &params = plan.params;
    if (!params.is_object()) {
        issues.push_back({QStringLiteral("params"), QStringLiteral("must be an object")});
        return;
    }
    const auto &specs = warmStrategyParamSpecs(plan.strategy);
    for (auto it = params.begin(); it != params.end(); ++it) {
        const auto spec = std::find_if(specs.begin(), specs.end(), [&](const WarmParamSpec &s) { return it.key() == s.name; });
        const QString field = QStringLiteral("params.") + QString::fromStdString(it.key());
        if (spec == specs.end())
            issues.push_back({field, QStringLiteral("unknown parameter for strategy %1").arg(warmStrategyName(plan.strategy))});
        else if (!hasType(it.value(), spec->type))
            issues.push_back({field, QStringLiteral("must be %1").arg(QLatin1String(typeName(spec->type)))});
    }
    for (const WarmParamSpec &spec : specs) {
        if (spec.required && !params.contains(spec.name))
            issues.push_back({QStringLiteral("params.") + QLatin1String(spec.name), QStringLiteral("is required")});
        else if (spec.type == WarmParamType::String && params.contains(spec.name) && params[spec.name].is_string()
                 && params[spec.name].get<std::string>().empty())
            issues.push_back({QStringLiteral("params.") + QLatin1String(spec.name), QStringLiteral("must not be empty")});
    }
    checkUri(params, "source", issues);
    checkRange(params, "topK", 1, 1000000, issues);
    checkRange(params, "valueSize", 0, 64 * 1024 * 1024, issues);
    checkRange(params, "count", 1, 10000000, issues);
    checkRange(params, "maxKeys", 0, 1e12, issues);
    checkRange(params, "keys", 1, 1e10, issues);
    checkRange(params, "intervalSec", 0.001, 1e9, issues);
    checkRange(params, "alpha", 1e-9, 1, issues);
    checkChoice(params, "format", {QStringLiteral("jsonl"), QStringLiteral("csv")}, issues);
    checkChoice(params, "type", {QStringLiteral("hash"), QStringLiteral("string")}, issues);
    checkChoice(params, "mode", {QStringLiteral("dump"), QStringLiteral("get")}, issues);

    switch (plan.strategy) {
    case WarmStrategy::Dataset:
        if (params.contains("keyTemplate") && params["keyTemplate"].is_string()) {
            const QString t = str(params["keyTemplate"]);
            const qsizetype open = t.indexOf(QLatin1Char('{'));
            if (open < 0 || t.indexOf(QLatin1Char('}'), open) < 0)
                issues.push_back({QStringLiteral("params.keyTemplate"),
                                  QStringLiteral("needs a {column} placeholder, e.g. cwb:user:{id}")});
        }
        break;
    case WarmStrategy::Config:
        if (params.contains("entries") && params["entries"].is_object()) {
            const auto &entries = params["entries"];
            if (entries.empty() || entries.size() > 1000)
                issues.push_back({QStringLiteral("params.entries"),
                                  QStringLiteral("must hold 1 to 1000 keys, has %1").arg(entries.size())});
            for (auto it = entries.begin(); it != entries.end(); ++it) {
                if (!it.value().is_string())
                    issues.push_back({QStringLiteral("params.entries.") + QString::fromStdString(it.key()),
                                      QStringLiteral("value must be a string")});
            }
        }
        break;
    case WarmStrategy::Synthetic: {
        const bool hasLoad = params.contains("load");
        const bool hasPreset = params.contains("preset");
        if (hasLoad == hasPreset) {
            issues.push_back({QStringLiteral("params.load"), QStringLiteral("give exactly one of load or preset")});
            break;
        }
        std::optional<LoadTestConfig> config;
        if (hasLoad && params["load"].is_object()) {
            const auto parsed = parseLoadTestConfig(params["load"]);
            for (const ConfigIssue &issue : parsed.errors)
                issues.push_back({QStringLiteral("params.load.") + issue.field, issue.message});
            config = parsed.config;
        } else if (hasPreset && params["preset"].is_string()) {
            config = syntheticPreset(str(params["preset"]), plan.keyPrefix);
            if (!config)
                issues.push_back({QStringLiteral("params.preset"),
                                  QStringLiteral("unknown preset '%1'").arg(str(params["preset"]))});
        }
        if (config && !config->keyPrefix.startsWith(plan.keyPrefix))
            issues.push_back({hasLoad ? QStringLiteral("params.load.keyPrefix") : QStringLiteral("params.preset"),
                              QStringLiteral("the load test's key prefix '%1' must start with the plan's keyPrefix '%2'")
                                  .arg(config->keyPrefix, plan.keyPrefix)});
        break;
    }
    default:
        break;
    }
}

} // namespace

std::optional<LoadTestConfig> syntheticPreset(const QString &name, const QString &planPrefix)
{
    auto config = presetByName(name);
    if (config)
        config->keyPrefix = planPrefix; // a preset names a workload's shape, not where its keys live
    return config;
}

QString warmStrategyName(WarmStrategy s)
{
    switch (s) {
    case WarmStrategy::KeyList: return QStringLiteral("keylist");
    case WarmStrategy::Dataset: return QStringLiteral("dataset");
    case WarmStrategy::CopyFromSource: return QStringLiteral("copy");
    case WarmStrategy::HotKeys: return QStringLiteral("hotkeys");
    case WarmStrategy::Sessions: return QStringLiteral("sessions");
    case WarmStrategy::Config: return QStringLiteral("config");
    case WarmStrategy::Synthetic: return QStringLiteral("synthetic");
    case WarmStrategy::Predictive: return QStringLiteral("predictive");
    }
    return {};
}

std::optional<WarmStrategy> warmStrategyFromName(const QString &name)
{
    for (int i = 0; i < kWarmStrategyCount; ++i) {
        if (warmStrategyName(WarmStrategy(i)) == name)
            return WarmStrategy(i);
    }
    return std::nullopt;
}

QString warmStrategyDescription(WarmStrategy s)
{
    switch (s) {
    case WarmStrategy::KeyList: return QStringLiteral("Key list: a file of keys with values or value generators");
    case WarmStrategy::Dataset: return QStringLiteral("Dataset import: JSON Lines or CSV rows into strings or hashes via a key template");
    case WarmStrategy::CopyFromSource: return QStringLiteral("Copy from a source Redis: SCAN a pattern, DUMP/RESTORE with TTL kept (or GET/SET), rate-limited");
    case WarmStrategy::HotKeys: return QStringLiteral("Hot keys: the top-K keys of a recorded access trace (space-saving detector)");
    case WarmStrategy::Sessions: return QStringLiteral("Active sessions: the most recent N session hashes of a source, by lastSeen");
    case WarmStrategy::Config: return QStringLiteral("Configuration keys: a small set of key/value pairs, usually high priority");
    case WarmStrategy::Synthetic: return QStringLiteral("Synthetic: keys and values matching a load test's key space, so it starts warm");
    case WarmStrategy::Predictive: return QStringLiteral("Predictive: forecast the next interval's most accessed keys from a trace (EWMA); reports precision@K");
    }
    return {};
}

QStringList warmStrategyParameters(WarmStrategy s)
{
    QStringList lines;
    for (const WarmParamSpec &spec : warmStrategyParamSpecs(s))
        lines << QLatin1String(spec.name) + (spec.required ? QStringLiteral(" (required)") : QString())
                     + QStringLiteral(": ") + QLatin1String(spec.meaning);
    return lines;
}

QString warmPriorityName(WarmPriority p)
{
    switch (p) {
    case WarmPriority::High: return QStringLiteral("high");
    case WarmPriority::Medium: return QStringLiteral("medium");
    case WarmPriority::Low: return QStringLiteral("low");
    }
    return {};
}

std::optional<WarmPriority> warmPriorityFromName(const QString &name)
{
    for (const WarmPriority p : {WarmPriority::High, WarmPriority::Medium, WarmPriority::Low}) {
        if (warmPriorityName(p) == name)
            return p;
    }
    return std::nullopt;
}

QString warmOverwriteName(WarmOverwrite o)
{
    switch (o) {
    case WarmOverwrite::SkipExisting: return QStringLiteral("skip-existing");
    case WarmOverwrite::SameType: return QStringLiteral("same-type");
    case WarmOverwrite::Always: return QStringLiteral("always");
    }
    return {};
}

std::optional<WarmOverwrite> warmOverwriteFromName(const QString &name)
{
    for (const WarmOverwrite o : {WarmOverwrite::SkipExisting, WarmOverwrite::SameType, WarmOverwrite::Always}) {
        if (warmOverwriteName(o) == name)
            return o;
    }
    return std::nullopt;
}

bool WarmingPlan::operator==(const WarmingPlan &o) const
{
    return name == o.name && strategy == o.strategy && params == o.params && priority == o.priority
        && schedule == o.schedule && timezone == o.timezone && keyPrefix == o.keyPrefix && target == o.target
        && batchSize == o.batchSize && batchDelayMs == o.batchDelayMs && rateLimit == o.rateLimit
        && ttlSec == o.ttlSec && memoryBudget == o.memoryBudget && overwrite == o.overwrite && enabled == o.enabled;
}

std::vector<PlanIssue> validateWarmingPlan(const WarmingPlan &plan)
{
    std::vector<PlanIssue> issues;
    if (plan.name.trimmed().isEmpty())
        issues.push_back({QStringLiteral("name"), QStringLiteral("must not be empty")});
    if (!plan.schedule.trimmed().isEmpty()) {
        QString error;
        if (!CronExpression::parse(plan.schedule, &error))
            issues.push_back({QStringLiteral("schedule"), error});
    }
    if (!cronTimeZone(plan.timezone))
        issues.push_back({QStringLiteral("timezone"),
                          QStringLiteral("'%1' is not utc, local or a known time zone").arg(plan.timezone)});
    if (const QString problem = keyPrefixProblem(plan.keyPrefix); !problem.isEmpty())
        issues.push_back({QStringLiteral("keyPrefix"), problem});
    if (!plan.target.isEmpty()) {
        QString error;
        const auto endpoint = parseEndpoint(plan.target, &error);
        if (!endpoint)
            issues.push_back({QStringLiteral("target"), error});
        else if (!endpoint->password.isEmpty())
            issues.push_back({QStringLiteral("target"), QStringLiteral("must not contain a password (use CWB_REDIS_PASSWORD)")});
    }
    if (plan.batchSize < 1 || plan.batchSize > 100000)
        issues.push_back({QStringLiteral("batchSize"), QStringLiteral("%1 is out of range 1-100000").arg(plan.batchSize)});
    if (plan.batchDelayMs < 0 || plan.batchDelayMs > 600000)
        issues.push_back({QStringLiteral("batchDelayMs"), QStringLiteral("%1 is out of range 0-600000").arg(plan.batchDelayMs)});
    if (!(plan.rateLimit >= 0) || plan.rateLimit > 1e9)
        issues.push_back({QStringLiteral("rateLimit"), QStringLiteral("%1 must be 0 (unlimited) or a positive keys/s").arg(plan.rateLimit)});
    if (plan.ttlSec < 1)
        issues.push_back({QStringLiteral("ttlSec"), QStringLiteral("%1 must be at least 1 (warmed keys always expire)").arg(plan.ttlSec)});
    if (plan.memoryBudget < 0)
        issues.push_back({QStringLiteral("memoryBudget"), QStringLiteral("%1 must be 0 (no budget) or positive bytes").arg(plan.memoryBudget)});
    validateParams(plan, issues);
    return issues;
}

nlohmann::json warmingPlanToJson(const WarmingPlan &plan)
{
    nlohmann::json j;
    j["name"] = plan.name.toStdString();
    j["strategy"] = warmStrategyName(plan.strategy).toStdString();
    j["params"] = plan.params;
    j["priority"] = warmPriorityName(plan.priority).toStdString();
    j["schedule"] = plan.schedule.toStdString();
    j["timezone"] = plan.timezone.toStdString();
    j["keyPrefix"] = plan.keyPrefix.toStdString();
    if (!plan.target.isEmpty())
        j["target"] = plan.target.toStdString();
    j["batchSize"] = plan.batchSize;
    j["batchDelayMs"] = plan.batchDelayMs;
    j["rateLimit"] = plan.rateLimit;
    j["ttlSec"] = plan.ttlSec;
    j["memoryBudget"] = plan.memoryBudget;
    j["overwrite"] = warmOverwriteName(plan.overwrite).toStdString();
    j["enabled"] = plan.enabled;
    return j;
}

PlanParseResult parseWarmingPlan(const nlohmann::json &json)
{
    PlanParseResult result;
    auto &errors = result.errors;
    if (!json.is_object()) {
        errors.push_back({QStringLiteral("plan"), QStringLiteral("must be a JSON object")});
        return result;
    }
    WarmingPlan plan;
    const auto stringField = [&](const char *name, QString &out) {
        if (!json.contains(name))
            return;
        if (!json[name].is_string())
            errors.push_back({QLatin1String(name), QStringLiteral("must be a string")});
        else
            out = str(json[name]);
    };
    const auto intField = [&](const char *name, auto &out) {
        if (!json.contains(name))
            return;
        if (!json[name].is_number_integer())
            errors.push_back({QLatin1String(name), QStringLiteral("must be an integer")});
        else
            out = json[name].get<std::remove_reference_t<decltype(out)>>();
    };
    static const char *const known[] = {"name", "strategy", "params", "priority", "schedule", "timezone",
                                        "keyPrefix", "target", "batchSize", "batchDelayMs", "rateLimit",
                                        "ttlSec", "memoryBudget", "overwrite", "enabled"};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (std::find_if(std::begin(known), std::end(known), [&](const char *k) { return it.key() == k; }) == std::end(known))
            errors.push_back({QString::fromStdString(it.key()), QStringLiteral("unknown field")});
    }
    if (!json.contains("name"))
        errors.push_back({QStringLiteral("name"), QStringLiteral("is required")});
    stringField("name", plan.name);
    if (!json.contains("strategy")) {
        errors.push_back({QStringLiteral("strategy"), QStringLiteral("is required")});
    } else if (!json["strategy"].is_string() || !warmStrategyFromName(str(json["strategy"]))) {
        errors.push_back({QStringLiteral("strategy"),
                          QStringLiteral("must be one of keylist, dataset, copy, hotkeys, sessions, config, synthetic, predictive")});
    } else {
        plan.strategy = *warmStrategyFromName(str(json["strategy"]));
    }
    if (json.contains("params"))
        plan.params = json["params"];
    if (json.contains("priority")) {
        if (!json["priority"].is_string() || !warmPriorityFromName(str(json["priority"])))
            errors.push_back({QStringLiteral("priority"), QStringLiteral("must be high, medium or low")});
        else
            plan.priority = *warmPriorityFromName(str(json["priority"]));
    }
    stringField("schedule", plan.schedule);
    stringField("timezone", plan.timezone);
    stringField("keyPrefix", plan.keyPrefix);
    stringField("target", plan.target);
    intField("batchSize", plan.batchSize);
    intField("batchDelayMs", plan.batchDelayMs);
    intField("ttlSec", plan.ttlSec);
    intField("memoryBudget", plan.memoryBudget);
    if (json.contains("rateLimit")) {
        if (!json["rateLimit"].is_number())
            errors.push_back({QStringLiteral("rateLimit"), QStringLiteral("must be a number")});
        else
            plan.rateLimit = json["rateLimit"].get<double>();
    }
    if (json.contains("overwrite")) {
        if (!json["overwrite"].is_string() || !warmOverwriteFromName(str(json["overwrite"])))
            errors.push_back({QStringLiteral("overwrite"), QStringLiteral("must be skip-existing, same-type or always")});
        else
            plan.overwrite = *warmOverwriteFromName(str(json["overwrite"]));
    }
    if (json.contains("enabled")) {
        if (!json["enabled"].is_boolean())
            errors.push_back({QStringLiteral("enabled"), QStringLiteral("must be true or false")});
        else
            plan.enabled = json["enabled"].get<bool>();
    }
    // Rule checks on the fields that parsed, so one pass reports everything; a field already
    // reported as the wrong type is not reported again.
    const bool strategyBad = std::any_of(errors.begin(), errors.end(),
                                         [](const PlanIssue &e) { return e.field == QLatin1String("strategy"); });
    for (PlanIssue &issue : validateWarmingPlan(plan)) {
        const bool known = std::any_of(errors.begin(), errors.end(), [&](const PlanIssue &e) { return e.field == issue.field; });
        // Parameters cannot be judged without knowing the strategy they belong to.
        if (!known && !(strategyBad && issue.field.startsWith(QLatin1String("params"))))
            errors.push_back(std::move(issue));
    }
    if (errors.empty())
        result.plan = plan;
    return result;
}

PlanParseResult parseWarmingPlan(const QByteArray &jsonText)
{
    QString error;
    const auto json = parseStrictJson(jsonText, &error);
    if (!json) {
        PlanParseResult result;
        result.errors.push_back({QStringLiteral("json"), error});
        return result;
    }
    return parseWarmingPlan(*json);
}

PlanFileResult loadWarmingPlans(const QString &path)
{
    PlanFileResult result;
    QString error;
    const auto text = readJsonFile(path, &error);
    if (!text) {
        result.errors.push_back({QStringLiteral("file"), error});
        return result;
    }
    const auto parsed = parseStrictJson(*text, &error);
    if (!parsed) {
        result.errors.push_back({QStringLiteral("json"), QStringLiteral("%1: %2").arg(path, error)});
        return result;
    }
    const nlohmann::json &json = *parsed;
    nlohmann::json list;
    bool single = false;
    if (json.is_array())
        list = json;
    else if (json.is_object() && json.contains("plans") && json["plans"].is_array())
        list = json["plans"];
    else {
        list = nlohmann::json::array({json});
        single = true;
    }
    for (size_t i = 0; i < list.size(); ++i) {
        PlanParseResult parsed = parseWarmingPlan(list[i]);
        for (PlanIssue &issue : parsed.errors) {
            if (!single)
                issue.field = QStringLiteral("plans[%1].").arg(i) + issue.field;
            result.errors.push_back(std::move(issue));
        }
        if (parsed.plan)
            result.plans.push_back(*parsed.plan);
    }
    if (!result.errors.empty())
        result.plans.clear();
    return result;
}

bool saveWarmingPlans(const QString &path, const std::vector<WarmingPlan> &plans, QString *error)
{
    nlohmann::json list = nlohmann::json::array();
    for (size_t i = 0; i < plans.size(); ++i) {
        const auto issues = validateWarmingPlan(plans[i]);
        if (!issues.empty()) {
            if (error)
                *error = QStringLiteral("plan '%1' not saved: %2").arg(plans[i].name, issues.front().toString());
            return false;
        }
        list.push_back(warmingPlanToJson(plans[i]));
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    nlohmann::json doc;
    doc["schema"] = "cache-workbench/warming-plans";
    doc["version"] = 1;
    doc["plans"] = list;
    const std::string text = doc.dump(2) + "\n";
    file.write(text.data(), qint64(text.size()));
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString defaultWarmingPlansPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/warming-plans.json");
}

QString defaultWarmingHistoryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/warming-history.jsonl");
}

QByteArray keyUnderPrefix(const QByteArray &prefix, const QByteArray &key)
{
    return key.startsWith(prefix) ? key : prefix + key;
}

} // namespace cwb
