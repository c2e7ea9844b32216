#include "loadconfig.h"
#include "keyprefix.h"

#include "json/strictjson.h"
#include "redis/endpoint.h"

#include <QFile>
#include <QLoggingCategory>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

// Q_INIT_RESOURCE declares a function in the enclosing namespace, so it must be called from
// the global one. The resources live in the static library and are not registered until this
// runs: a static library's initialisers are not pulled in by the linker on their own.
static void initEngineResources()
{
    Q_INIT_RESOURCE(engine);
}

namespace cwb {

Q_LOGGING_CATEGORY(lcLoadConfig, "cwb.load.config")

namespace {

using nlohmann::json;

// Limits of the rules; the messages quote them, so they live in one place.
constexpr double kMaxDurationSec = 86400;
constexpr int64_t kMaxUsers = 10000;
constexpr double kMaxRps = 10'000'000;
constexpr int64_t kMaxKeySpace = 1'000'000'000;
constexpr double kMaxZipfExponent = 5;
constexpr int64_t kMaxValueSize = 16 * 1024 * 1024;
constexpr int64_t kMaxPipeline = 1024;
constexpr int64_t kMaxTimeoutMs = 600'000;
constexpr int64_t kMaxThreads = 256;
constexpr int64_t kMaxTagCount = 1'000'000;

// In the seed's order: the order the GUI lists them in.
const char *const kPresetOrder[] = {"basic-cache-load",        "high-concurrency", "write-heavy",
                                    "invalidation-stress",     "session-management-load",
                                    "geospatial-load",         "extreme-load"};
const char *const kSuiteOrder[] = {"basic", "comprehensive", "stress"};

const char *const kTopLevelKeys[] = {"testName",    "duration",  "concurrentUsers", "requestsPerSecond",
                                     "operationMix", "cacheTypes", "description",   "target",
                                     "keyPrefix",   "keySpace",  "keyDistribution", "valueSize",
                                     "ttl",         "pipeline",  "warmupSeconds",   "requestTimeoutMs",
                                     "threads",     "tagCount",  "cleanup",         "seed",
                                     "readFromReplicas"};
const char *const kMixKeys[] = {"read", "write", "delete", "invalidate"};
const char *const kDistributionKeys[] = {"type", "exponent", "sigma"};
const char *const kValueSizeKeys[] = {"min", "max"};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString formatNumber(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::abs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', 12);
}

QString rangeMessage(int64_t min, int64_t max, double got)
{
    return QStringLiteral("must be between %1 and %2, got %3").arg(min).arg(max).arg(formatNumber(got));
}

QString valueSizeMessage(double got)
{
    return QStringLiteral("must be between 1 and %1 bytes (16 MiB), got %2").arg(kMaxValueSize).arg(formatNumber(got));
}

QString knownCacheTypes()
{
    QStringList names;
    for (int i = 0; i < kCacheTypeCount; ++i)
        names << cacheTypeName(CacheType(i));
    return names.join(QStringLiteral(", "));
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitute = diagonal + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1);
            diagonal = row[size_t(j)];
            row[size_t(j)] = std::min({row[size_t(j)] + 1, row[size_t(j - 1)] + 1, substitute});
        }
    }
    return row.back();
}

template<size_t N>
QString unknownKeyMessage(const QString &key, const char *const (&known)[N])
{
    QString best;
    int bestDistance = 3;
    for (const char *candidate : known) {
        const int d = editDistance(key, QLatin1String(candidate));
        if (d < bestDistance) {
            bestDistance = d;
            best = QLatin1String(candidate);
        }
    }
    QString message = QStringLiteral("unknown key '%1'").arg(key);
    if (!best.isEmpty())
        message += QStringLiteral(" (did you mean '%1'?)").arg(best);
    return message;
}

// True when an issue is already reported for the field, a part of it or its parent.
bool coversField(const std::vector<ConfigIssue> &issues, const QString &field)
{
    return std::any_of(issues.begin(), issues.end(), [&](const ConfigIssue &issue) {
        return issue.field == field || issue.field.startsWith(field + u'.') || issue.field.startsWith(field + u'[')
            || field.startsWith(issue.field + u'.') || field.startsWith(issue.field + u'[');
    });
}

// Reads typed values out of JSON, collecting an issue per bad field instead of stopping.
class Reader
{
public:
    std::vector<ConfigIssue> issues;

    void error(const QString &field, const QString &message) { issues.push_back({field, message}); }

    template<size_t N>
    void checkKeys(const json &object, const QString &prefix, const char *const (&known)[N])
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool isKnown = std::any_of(std::begin(known), std::end(known),
                                             [&](const char *k) { return it.key() == k; });
            if (!isKnown) {
                const QString key = qs(it.key());
                error(prefix.isEmpty() ? key : prefix + u'.' + key, unknownKeyMessage(key, known));
            }
        }
    }

    bool number(const json &v, const QString &field, double &out)
    {
        if (!v.is_number()) {
            error(field, QStringLiteral("expected a number"));
            return false;
        }
        out = v.get<double>();
        return true;
    }

    // An integer, also when written as 1e6 or 10.0 (JSON does not tell them apart for people).
    bool integer(const json &v, const QString &field, int64_t &out)
    {
        if (v.is_number_unsigned()) {
            const uint64_t u = v.get<uint64_t>();
            out = u > uint64_t(std::numeric_limits<int64_t>::max()) ? std::numeric_limits<int64_t>::max()
                                                                      : int64_t(u);
            return true;
        }
        if (v.is_number_integer()) {
            out = v.get<int64_t>();
            return true;
        }
        if (v.is_number_float()) {
            const double d = v.get<double>();
            if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9.2e18) {
                out = int64_t(d);
                return true;
            }
        }
        error(field, QStringLiteral("expected an integer"));
        return false;
    }

    // An int field with its range checked here, because a value outside int cannot be stored
    // for the validator to see.
    bool boundedInt(const json &v, const QString &field, int64_t min, int64_t max, int &out)
    {
        int64_t value = 0;
        if (!integer(v, field, value))
            return false;
        if (value < min || value > max) {
            error(field, rangeMessage(min, max, double(value)));
            return false;
        }
        out = int(value);
        return true;
    }

    bool string(const json &v, const QString &field, QString &out)
    {
        if (!v.is_string()) {
            error(field, QStringLiteral("expected a string"));
            return false;
        }
        out = qs(v.get<std::string>());
        return true;
    }

    bool boolean(const json &v, const QString &field, bool &out)
    {
        if (!v.is_boolean()) {
            error(field, QStringLiteral("expected true or false"));
            return false;
        }
        out = v.get<bool>();
        return true;
    }

    bool object(const json &v, const QString &field)
    {
        if (!v.is_object()) {
            error(field, QStringLiteral("expected an object"));
            return false;
        }
        return true;
    }
};

void readOperationMix(Reader &r, const json &v, LoadTestConfig &c)
{
    const QString field = QStringLiteral("operationMix");
    if (!r.object(v, field))
        return;
    r.checkKeys(v, field, kMixKeys);
    // A mix given in the file replaces the whole mix: shares left out are 0, so that what
    // is written is what runs.
    std::array<int, kOpTypeCount> mix{0, 0, 0, 0};
    bool ok = true;
    for (int op = 0; op < kOpTypeCount; ++op) {
        const auto it = v.find(kMixKeys[op]);
        if (it == v.end())
            continue;
        int64_t share = 0;
        const QString opField = field + u'.' + QLatin1String(kMixKeys[op]);
        if (!r.integer(*it, opField, share)) {
            ok = false;
        } else if (share < 0 || share > 100) {
            r.error(opField, rangeMessage(0, 100, double(share)));
            ok = false;
        } else {
            mix[size_t(op)] = int(share);
        }
    }
    if (ok)
        c.operationMix = mix;
}

void readCacheTypes(Reader &r, const json &v, LoadTestConfig &c)
{
    const QString field = QStringLiteral("cacheTypes");
    if (!v.is_array()) {
        r.error(field, QStringLiteral("expected an array of cache type names"));
        return;
    }
    std::vector<CacheType> types;
    bool ok = true;
    for (size_t i = 0; i < v.size(); ++i) {
        const QString itemField = field + QStringLiteral("[%1]").arg(i);
        QString name;
        if (!r.string(v[i], itemField, name)) {
            ok = false;
            continue;
        }
        const auto type = cacheTypeFromName(name);
        if (!type) {
            r.error(itemField, QStringLiteral("unknown cache type '%1'; known: %2").arg(name, knownCacheTypes()));
            ok = false;
        } else if (std::find(types.begin(), types.end(), *type) != types.end()) {
            r.error(itemField, QStringLiteral("duplicate cache type '%1'").arg(cacheTypeName(*type)));
            ok = false;
        } else {
            types.push_back(*type);
        }
    }
    if (ok)
        c.cacheTypes = std::move(types);
}

void readDistributionType(Reader &r, const json &v, const QString &field, LoadTestConfig &c)
{
    QString name;
    if (!r.string(v, field, name))
        return;
    if (const auto d = keyDistributionFromName(name))
        c.keyDistribution = *d;
    else
        r.error(field, QStringLiteral("unknown distribution '%1'; known: uniform, zipfian, gaussian, sequential")
                           .arg(name));
}

void readKeyDistribution(Reader &r, const json &v, LoadTestConfig &c)
{
    const QString field = QStringLiteral("keyDistribution");
    if (v.is_string()) {
        readDistributionType(r, v, field, c);
        return;
    }
    if (!v.is_object()) {
        r.error(field, QStringLiteral("expected an object such as {\"type\": \"zipfian\", \"exponent\": 0.99} "
                                      "or a name"));
        return;
    }
    r.checkKeys(v, field, kDistributionKeys);
    if (const auto it = v.find("type"); it != v.end())
        readDistributionType(r, *it, field + QStringLiteral(".type"), c);
    else
        r.error(field + QStringLiteral(".type"), QStringLiteral("is required"));
    if (const auto it = v.find("exponent"); it != v.end())
        r.number(*it, field + QStringLiteral(".exponent"), c.zipfExponent);
    if (const auto it = v.find("sigma"); it != v.end())
        r.number(*it, field + QStringLiteral(".sigma"), c.gaussianSigma);
}

void readValueSize(Reader &r, const json &v, LoadTestConfig &c)
{
    const QString field = QStringLiteral("valueSize");
    if (v.is_number()) { // one fixed size
        int size = 0;
        if (r.boundedInt(v, field, 1, kMaxValueSize, size))
            c.valueSizeMin = c.valueSizeMax = size;
        return;
    }
    if (!r.object(v, field))
        return;
    r.checkKeys(v, field, kValueSizeKeys);
    // Sizes below 1 are kept for the validator to name; above 16 MiB the limit is named here,
    // since such a number may not even fit the field.
    const auto readBound = [&](const char *key, int &out) {
        const auto it = v.find(key);
        if (it == v.end())
            return;
        const QString boundField = field + u'.' + QLatin1String(key);
        int64_t size = 0;
        if (!r.integer(*it, boundField, size))
            return;
        if (size > kMaxValueSize || size < std::numeric_limits<int>::min())
            r.error(boundField, valueSizeMessage(double(size)));
        else
            out = int(size);
    };
    readBound("min", c.valueSizeMin);
    readBound("max", c.valueSizeMax);
}

void readSeed(Reader &r, const json &v, LoadTestConfig &c)
{
    const QString field = QStringLiteral("seed");
    if (v.is_number_unsigned()) {
        c.seed = v.get<uint64_t>();
        return;
    }
    int64_t value = 0;
    if (v.is_number_float() && v.get<double>() >= 9.2e18) {
        // A double cannot hold such a seed exactly: the run would not be the one asked for.
        r.error(field, QStringLiteral("must be written as a plain integer when above 2^63, got %1")
                           .arg(formatNumber(v.get<double>())));
        return;
    }
    if (!r.integer(v, field, value))
        return;
    if (value < 0) {
        r.error(field, QStringLiteral("must be a non-negative integer, got %1").arg(value));
        return;
    }
    c.seed = uint64_t(value);
}

// Applies one top-level key to the config.
void readKey(Reader &r, const std::string &key, const json &v, LoadTestConfig &c)
{
    const QString field = qs(key);
    const int64_t lowest = std::numeric_limits<int>::min();
    const int64_t highest = std::numeric_limits<int>::max();
    if (key == "testName")
        r.string(v, field, c.testName);
    else if (key == "description")
        r.string(v, field, c.description);
    else if (key == "duration")
        r.number(v, field, c.durationSec);
    else if (key == "concurrentUsers")
        r.boundedInt(v, field, 1, kMaxUsers, c.concurrentUsers);
    else if (key == "requestsPerSecond")
        r.number(v, field, c.requestsPerSecond);
    else if (key == "operationMix")
        readOperationMix(r, v, c);
    else if (key == "cacheTypes")
        readCacheTypes(r, v, c);
    else if (key == "target")
        r.string(v, field, c.target);
    else if (key == "keyPrefix")
        r.string(v, field, c.keyPrefix);
    else if (key == "keySpace") {
        int64_t value = 0;
        if (r.integer(v, field, value))
            c.keySpace = value;
    } else if (key == "keyDistribution")
        readKeyDistribution(r, v, c);
    else if (key == "valueSize")
        readValueSize(r, v, c);
    else if (key == "ttl")
        r.boundedInt(v, field, lowest, highest, c.ttlSec);
    else if (key == "pipeline")
        r.boundedInt(v, field, 1, kMaxPipeline, c.pipeline);
    else if (key == "warmupSeconds")
        r.number(v, field, c.warmupSec);
    else if (key == "requestTimeoutMs")
        r.boundedInt(v, field, 1, kMaxTimeoutMs, c.requestTimeoutMs);
    else if (key == "threads")
        r.boundedInt(v, field, 0, kMaxThreads, c.threads);
    else if (key == "tagCount")
        r.boundedInt(v, field, 1, kMaxTagCount, c.tagCount);
    else if (key == "cleanup")
        r.boolean(v, field, c.cleanup);
    else if (key == "seed")
        readSeed(r, v, c);
    else if (key == "readFromReplicas")
        r.boolean(v, field, c.readFromReplicas);
    else
        r.error(field, unknownKeyMessage(field, kTopLevelKeys));
}

// Integral values are written as JSON integers: "duration": 30, not 30.0.
json numberJson(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::abs(v) < 9e15)
        return json(int64_t(v));
    return json(v);
}

std::optional<json> parseJsonText(const QByteArray &text, std::vector<ConfigIssue> &errors)
{
    QString error;
    auto document = parseStrictJson(text, &error);
    if (!document)
        errors.push_back({QStringLiteral("(document)"), error});
    return document;
}

QByteArray readResource(const QString &path)
{
    static const bool registered = (initEngineResources(), true);
    Q_UNUSED(registered);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void warnIssues(const QString &what, const std::vector<ConfigIssue> &issues)
{
    for (const ConfigIssue &issue : issues)
        qCWarning(lcLoadConfig, "%s: %s", qUtf8Printable(what), qUtf8Printable(issue.toString()));
}

} // namespace

QString opTypeName(OpType op)
{
    switch (op) {
    case OpType::Read: return QStringLiteral("read");
    case OpType::Write: return QStringLiteral("write");
    case OpType::Delete: return QStringLiteral("delete");
    case OpType::Invalidate: return QStringLiteral("invalidate");
    }
    return {};
}

QString cacheTypeName(CacheType type)
{
    switch (type) {
    case CacheType::String: return QStringLiteral("string");
    case CacheType::Hash: return QStringLiteral("hash");
    case CacheType::Session: return QStringLiteral("session");
    case CacheType::Geo: return QStringLiteral("geo");
    case CacheType::Counter: return QStringLiteral("counter");
    }
    return {};
}

std::optional<CacheType> cacheTypeFromName(const QString &name)
{
    for (int i = 0; i < kCacheTypeCount; ++i) {
        if (name.compare(cacheTypeName(CacheType(i)), Qt::CaseInsensitive) == 0)
            return CacheType(i);
    }
    return std::nullopt;
}

QString keyDistributionName(KeyDistribution d)
{
    switch (d) {
    case KeyDistribution::Uniform: return QStringLiteral("uniform");
    case KeyDistribution::Zipfian: return QStringLiteral("zipfian");
    case KeyDistribution::Gaussian: return QStringLiteral("gaussian");
    case KeyDistribution::Sequential: return QStringLiteral("sequential");
    }
    return {};
}

std::optional<KeyDistribution> keyDistributionFromName(const QString &name)
{
    for (auto d : {KeyDistribution::Uniform, KeyDistribution::Zipfian, KeyDistribution::Gaussian,
                   KeyDistribution::Sequential}) {
        if (name.compare(keyDistributionName(d), Qt::CaseInsensitive) == 0)
            return d;
    }
    return std::nullopt;
}

std::vector<ConfigIssue> validateLoadTestConfig(const LoadTestConfig &c)
{
    std::vector<ConfigIssue> issues;
    auto add = [&](const QString &field, const QString &message) { issues.push_back({field, message}); };

    if (c.testName.trimmed().isEmpty())
        add(QStringLiteral("testName"), QStringLiteral("must not be empty"));
    const bool durationOk = std::isfinite(c.durationSec) && c.durationSec > 0 && c.durationSec <= kMaxDurationSec;
    if (!durationOk)
        add(QStringLiteral("duration"), QStringLiteral("must be > 0 and <= %1 seconds, got %2")
                                            .arg(formatNumber(kMaxDurationSec), formatNumber(c.durationSec)));
    if (c.concurrentUsers < 1 || c.concurrentUsers > kMaxUsers)
        add(QStringLiteral("concurrentUsers"), rangeMessage(1, kMaxUsers, c.concurrentUsers));
    if (!std::isfinite(c.requestsPerSecond) || c.requestsPerSecond < 0 || c.requestsPerSecond > kMaxRps)
        add(QStringLiteral("requestsPerSecond"),
            QStringLiteral("must be between 0 (closed loop) and %1, got %2")
                .arg(formatNumber(kMaxRps), formatNumber(c.requestsPerSecond)));

    bool sharesOk = true;
    int mixSum = 0;
    for (int op = 0; op < kOpTypeCount; ++op) {
        const int share = c.operationMix[size_t(op)];
        if (share < 0 || share > 100) {
            add(QStringLiteral("operationMix.") + opTypeName(OpType(op)), rangeMessage(0, 100, share));
            sharesOk = false;
        }
        mixSum += share;
    }
    if (sharesOk && mixSum != 100)
        add(QStringLiteral("operationMix"), QStringLiteral("must sum to 100, got %1").arg(mixSum));

    if (c.cacheTypes.empty())
        add(QStringLiteral("cacheTypes"), QStringLiteral("must list at least one cache type (%1)").arg(knownCacheTypes()));
    for (size_t i = 0; i < c.cacheTypes.size(); ++i) {
        const QString field = QStringLiteral("cacheTypes[%1]").arg(i);
        const int raw = int(c.cacheTypes[i]);
        if (raw < 0 || raw >= kCacheTypeCount)
            add(field, QStringLiteral("unknown cache type %1; known: %2").arg(raw).arg(knownCacheTypes()));
        else if (std::find(c.cacheTypes.begin(), c.cacheTypes.begin() + qsizetype(i), c.cacheTypes[i])
                 != c.cacheTypes.begin() + qsizetype(i))
            add(field, QStringLiteral("duplicate cache type '%1'").arg(cacheTypeName(c.cacheTypes[i])));
    }

    const QString target = QStringLiteral("target");
    QString endpointError;
    if (const auto endpoint = parseEndpoint(c.target, &endpointError)) {
        if (!endpoint->password.isEmpty())
            add(target, QStringLiteral("put the password in the password field or CWB_REDIS_PASSWORD, not in the "
                                       "saved config"));
    } else {
        add(target, endpointError.isEmpty() ? QStringLiteral("not a valid Redis URI") : endpointError);
    }

    if (const QString problem = keyPrefixProblem(c.keyPrefix); !problem.isEmpty())
        add(QStringLiteral("keyPrefix"), problem);

    if (c.keySpace < 1 || c.keySpace > kMaxKeySpace)
        add(QStringLiteral("keySpace"), rangeMessage(1, kMaxKeySpace, double(c.keySpace)));
    const int rawDistribution = int(c.keyDistribution);
    if (rawDistribution < 0 || rawDistribution > int(KeyDistribution::Sequential))
        add(QStringLiteral("keyDistribution.type"), QStringLiteral("unknown distribution %1").arg(rawDistribution));
    if (!std::isfinite(c.zipfExponent) || c.zipfExponent <= 0 || c.zipfExponent > kMaxZipfExponent)
        add(QStringLiteral("keyDistribution.exponent"),
            QStringLiteral("must be > 0 and <= %1, got %2").arg(formatNumber(kMaxZipfExponent), formatNumber(c.zipfExponent)));
    if (!std::isfinite(c.gaussianSigma) || c.gaussianSigma <= 0 || c.gaussianSigma > 1)
        add(QStringLiteral("keyDistribution.sigma"),
            QStringLiteral("must be > 0 and <= 1 (a fraction of the key space), got %1").arg(formatNumber(c.gaussianSigma)));

    bool sizesOk = true;
    if (c.valueSizeMin < 1) {
        add(QStringLiteral("valueSize.min"), QStringLiteral("must be at least 1 byte, got %1").arg(c.valueSizeMin));
        sizesOk = false;
    } else if (c.valueSizeMin > kMaxValueSize) {
        add(QStringLiteral("valueSize.min"), valueSizeMessage(c.valueSizeMin));
        sizesOk = false;
    }
    if (c.valueSizeMax > kMaxValueSize || c.valueSizeMax < 1) {
        add(QStringLiteral("valueSize.max"), valueSizeMessage(c.valueSizeMax));
        sizesOk = false;
    }
    if (sizesOk && c.valueSizeMin > c.valueSizeMax)
        add(QStringLiteral("valueSize"),
            QStringLiteral("min (%1) must not exceed max (%2)").arg(c.valueSizeMin).arg(c.valueSizeMax));

    if (c.ttlSec < 0)
        add(QStringLiteral("ttl"), QStringLiteral("must be >= 0 seconds (0 = no expiry), got %1").arg(c.ttlSec));
    if (c.pipeline < 1 || c.pipeline > kMaxPipeline)
        add(QStringLiteral("pipeline"), rangeMessage(1, kMaxPipeline, c.pipeline));
    // Warm-up runs before the measured duration, so it is not bounded by it.
    if (!std::isfinite(c.warmupSec) || c.warmupSec < 0 || c.warmupSec > 3600)
        add(QStringLiteral("warmupSeconds"), QStringLiteral("must be from 0 to 3600, got %1").arg(formatNumber(c.warmupSec)));
    if (c.requestTimeoutMs < 1 || c.requestTimeoutMs > kMaxTimeoutMs)
        add(QStringLiteral("requestTimeoutMs"), rangeMessage(1, kMaxTimeoutMs, c.requestTimeoutMs));
    if (c.threads < 0 || c.threads > kMaxThreads)
        add(QStringLiteral("threads"), rangeMessage(0, kMaxThreads, c.threads) + QStringLiteral(" (0 = automatic)"));
    if (c.tagCount < 1 || c.tagCount > kMaxTagCount)
        add(QStringLiteral("tagCount"), rangeMessage(1, kMaxTagCount, c.tagCount));
    return issues;
}

LoadConfigParseResult parseLoadTestConfig(const json &document, const LoadTestConfig &base)
{
    LoadConfigParseResult result;
    if (!document.is_object()) {
        result.errors.push_back({QStringLiteral("(document)"), QStringLiteral("expected a JSON object")});
        return result;
    }
    Reader r;
    LoadTestConfig config = base;
    for (auto it = document.begin(); it != document.end(); ++it)
        readKey(r, it.key(), it.value(), config);

    // The rules run on what was read; a field that already failed to read keeps its base
    // value, so its rule would only add noise.
    const bool durationFailed = coversField(r.issues, QStringLiteral("duration"));
    result.errors = r.issues;
    for (ConfigIssue &issue : validateLoadTestConfig(config)) {
        if (coversField(r.issues, issue.field) || (durationFailed && issue.field == QLatin1String("warmupSeconds")))
            continue;
        result.errors.push_back(std::move(issue));
    }
    if (result.errors.empty())
        result.config = std::move(config);
    return result;
}

LoadConfigParseResult parseLoadTestConfig(const QByteArray &jsonText)
{
    LoadConfigParseResult result;
    const auto document = parseJsonText(jsonText, result.errors);
    if (!document)
        return result;
    return parseLoadTestConfig(*document);
}

json loadTestConfigToJson(const LoadTestConfig &c)
{
    json mix = json::object();
    for (int op = 0; op < kOpTypeCount; ++op)
        mix[kMixKeys[op]] = c.operationMix[size_t(op)];
    json types = json::array();
    for (CacheType type : c.cacheTypes)
        types.push_back(cacheTypeName(type).toStdString());

    json distribution{{"type", keyDistributionName(c.keyDistribution).toStdString()}};
    // Each type's own parameter always; the other one only when it is not the default, so that
    // the common file stays tidy and parsing the JSON still gives back exactly this config.
    const LoadTestConfig defaults;
    if (c.keyDistribution == KeyDistribution::Zipfian || c.zipfExponent != defaults.zipfExponent)
        distribution["exponent"] = numberJson(c.zipfExponent);
    if (c.keyDistribution == KeyDistribution::Gaussian || c.gaussianSigma != defaults.gaussianSigma)
        distribution["sigma"] = numberJson(c.gaussianSigma);

    // A config built in code may carry a password in its URI; the saved form never does.
    QString target = c.target;
    if (const auto endpoint = parseEndpoint(c.target); endpoint && !endpoint->password.isEmpty())
        target = endpoint->displayUri();

    return json{
        {"testName", c.testName.toStdString()},
        {"description", c.description.toStdString()},
        {"duration", numberJson(c.durationSec)},
        {"concurrentUsers", c.concurrentUsers},
        {"requestsPerSecond", numberJson(c.requestsPerSecond)},
        {"operationMix", std::move(mix)},
        {"cacheTypes", std::move(types)},
        {"target", target.toStdString()},
        {"keyPrefix", c.keyPrefix.toStdString()},
        {"keySpace", c.keySpace},
        {"keyDistribution", std::move(distribution)},
        {"valueSize", {{"min", c.valueSizeMin}, {"max", c.valueSizeMax}}},
        {"ttl", c.ttlSec},
        {"pipeline", c.pipeline},
        {"warmupSeconds", numberJson(c.warmupSec)},
        {"requestTimeoutMs", c.requestTimeoutMs},
        {"threads", c.threads},
        {"tagCount", c.tagCount},
        {"cleanup", c.cleanup},
        {"seed", c.seed},
        {"readFromReplicas", c.readFromReplicas},
    };
}

QStringList presetNames()
{
    QStringList names;
    for (const char *name : kPresetOrder)
        names << QLatin1String(name);
    return names;
}

std::optional<LoadTestConfig> presetByName(const QString &name)
{
    if (!presetNames().contains(name))
        return std::nullopt;
    const QByteArray text = readResource(QStringLiteral(":/presets/") + name + QStringLiteral(".json"));
    LoadConfigParseResult parsed = parseLoadTestConfig(text);
    warnIssues(QStringLiteral("preset ") + name, parsed.errors);
    return parsed.config;
}

QStringList suiteNames()
{
    QStringList names;
    for (const char *name : kSuiteOrder)
        names << QLatin1String(name);
    return names;
}

std::optional<TestSuite> suiteByName(const QString &name)
{
    if (!suiteNames().contains(name))
        return std::nullopt;
    const QString what = QStringLiteral("suite ") + name;
    std::vector<ConfigIssue> issues;
    const auto document = parseJsonText(readResource(QStringLiteral(":/suites/") + name + QStringLiteral(".json")), issues);
    if (!document || !document->is_object() || !document->contains("tests") || !(*document)["tests"].is_array()) {
        issues.push_back({QStringLiteral("tests"), QStringLiteral("expected an array of tests")});
        warnIssues(what, issues);
        return std::nullopt;
    }
    TestSuite suite;
    const auto textOf = [&](const char *key) {
        const auto it = document->find(key);
        return it != document->end() && it->is_string() ? qs(it->get<std::string>()) : QString();
    };
    suite.name = textOf("name").isEmpty() ? name : textOf("name");
    suite.description = textOf("description");
    const json &tests = (*document)["tests"];
    for (size_t i = 0; i < tests.size(); ++i) {
        const QString field = QStringLiteral("tests[%1]").arg(i);
        if (!tests[i].is_object()) {
            issues.push_back({field, QStringLiteral("expected an object")});
            continue;
        }
        // Each entry is a preset plus overrides in the config's own keys.
        json overrides = tests[i];
        LoadTestConfig base;
        if (const auto it = overrides.find("preset"); it != overrides.end()) {
            const QString preset = it->is_string() ? qs(it->get<std::string>()) : QString();
            const auto presetConfig = presetByName(preset);
            if (!presetConfig) {
                issues.push_back({field + QStringLiteral(".preset"), QStringLiteral("unknown preset '%1'").arg(preset)});
                continue;
            }
            base = *presetConfig;
            overrides.erase("preset");
        }
        LoadConfigParseResult parsed = parseLoadTestConfig(overrides, base);
        for (ConfigIssue &issue : parsed.errors)
            issues.push_back({field + u'.' + issue.field, issue.message});
        if (parsed.config)
            suite.tests.push_back(std::move(*parsed.config));
    }
    if (!issues.empty()) {
        warnIssues(what, issues);
        return std::nullopt;
    }
    return suite;
}

} // namespace cwb
