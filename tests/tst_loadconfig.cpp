#include "json/strictjson.h"
#include "load/loadconfig.h"

#include <QDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace cwb;
using nlohmann::json;

namespace {

QString issuesText(const std::vector<ConfigIssue> &issues)
{
    QStringList lines;
    for (const ConfigIssue &issue : issues)
        lines << issue.toString();
    return lines.join(u'\n');
}

// The issue reported for `field`, or an empty one.
ConfigIssue issueFor(const LoadConfigParseResult &result, const QString &field)
{
    for (const ConfigIssue &issue : result.errors) {
        if (issue.field == field)
            return issue;
    }
    return {};
}

LoadConfigParseResult parseText(const char *text)
{
    return parseLoadTestConfig(QByteArray(text));
}

} // namespace

class TestLoadConfig : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreValid();
    void seedShapeParses();
    void everyPresetLoadsAndValidates();
    void presetNamesMatchResourceFolder();
    void seedPresetNumbers();
    void presetsHaveTheirCharacter();
    void everySuiteLoads();
    void unknownPresetAndSuite();
    void ruleViolationsNameTheField_data();
    void ruleViolationsNameTheField();
    void unknownCacheTypeListsKnownOnes();
    void duplicateCacheType();
    void mixMustSumTo100();
    void wrongTypes();
    void unknownKeySuggestsClosest();
    void allErrorsAreCollected();
    void badJsonSyntaxGivesLineAndColumn();
    void strictJsonRefusesAmbiguousDocuments();
    void notAnObject();
    void passwordInTargetIsRejected();
    void keyDistributionForms();
    void valueSizeAsNumber();
    void roundTrip();
    void baseFillsMissingFields();
    void validateCodeBuiltConfig();
    void names();
};

void TestLoadConfig::defaultsAreValid()
{
    const auto issues = validateLoadTestConfig(LoadTestConfig());
    QVERIFY2(issues.empty(), qPrintable(issuesText(issues)));
    const auto parsed = parseText("{}");
    QVERIFY(parsed.config.has_value());
    QVERIFY(*parsed.config == LoadTestConfig());
}

void TestLoadConfig::seedShapeParses()
{
    const auto parsed = parseText(R"({
        "testName": "checkout", "duration": 45, "concurrentUsers": 25, "requestsPerSecond": 250,
        "operationMix": {"read": 60, "write": 25, "delete": 10, "invalidate": 5},
        "cacheTypes": ["string", "counter"]
    })");
    QVERIFY2(parsed.config.has_value(), qPrintable(issuesText(parsed.errors)));
    const LoadTestConfig &c = *parsed.config;
    QCOMPARE(c.testName, QStringLiteral("checkout"));
    QCOMPARE(c.durationSec, 45.0);
    QCOMPARE(c.concurrentUsers, 25);
    QCOMPARE(c.requestsPerSecond, 250.0);
    QVERIFY(c.isOpenLoop());
    QVERIFY((c.operationMix == std::array<int, 4>{60, 25, 10, 5}));
    QVERIFY((c.cacheTypes == std::vector<CacheType>{CacheType::String, CacheType::Counter}));
}

void TestLoadConfig::everyPresetLoadsAndValidates()
{
    const QStringList names = presetNames();
    QCOMPARE(names.size(), 7);
    QCOMPARE(names.first(), QStringLiteral("basic-cache-load"));
    for (const QString &name : names) {
        const auto preset = presetByName(name);
        QVERIFY2(preset.has_value(), qPrintable(name));
        QCOMPARE(preset->testName, name);
        QVERIFY2(!preset->description.isEmpty(), qPrintable(name));
        QVERIFY2(preset->durationSec >= 30 && preset->durationSec <= 60, qPrintable(name));
        const auto issues = validateLoadTestConfig(*preset);
        QVERIFY2(issues.empty(), qPrintable(name + u'\n' + issuesText(issues)));
    }
}

void TestLoadConfig::presetNamesMatchResourceFolder()
{
    presetNames(); // the lists are fixed; the folder is checked against them
    presetByName(QStringLiteral("basic-cache-load")); // registers the resources
    QStringList files = QDir(QStringLiteral(":/presets")).entryList({QStringLiteral("*.json")});
    QStringList names = presetNames();
    for (QString &f : files)
        f.chop(5);
    files.sort();
    names.sort();
    QCOMPARE(files, names);

    QStringList suiteFiles = QDir(QStringLiteral(":/suites")).entryList({QStringLiteral("*.json")});
    QStringList suites = suiteNames();
    for (QString &f : suiteFiles)
        f.chop(5);
    suiteFiles.sort();
    suites.sort();
    QCOMPARE(suiteFiles, suites);
}

void TestLoadConfig::seedPresetNumbers()
{
    const auto high = presetByName(QStringLiteral("high-concurrency"));
    QVERIFY(high.has_value());
    QCOMPARE(high->concurrentUsers, 50);
    QCOMPARE(high->requestsPerSecond, 500.0);
    const auto extreme = presetByName(QStringLiteral("extreme-load"));
    QVERIFY(extreme.has_value());
    QCOMPARE(extreme->concurrentUsers, 100);
    QCOMPARE(extreme->requestsPerSecond, 1000.0);
}

void TestLoadConfig::presetsHaveTheirCharacter()
{
    auto has = [](const LoadTestConfig &c, CacheType t) {
        return std::find(c.cacheTypes.begin(), c.cacheTypes.end(), t) != c.cacheTypes.end();
    };
    QVERIFY(has(*presetByName(QStringLiteral("session-management-load")), CacheType::Session));
    QVERIFY(has(*presetByName(QStringLiteral("geospatial-load")), CacheType::Geo));
    const auto writeHeavy = *presetByName(QStringLiteral("write-heavy"));
    QVERIFY(writeHeavy.operationMix[size_t(OpType::Write)] > writeHeavy.operationMix[size_t(OpType::Read)]);
    const auto invalidation = *presetByName(QStringLiteral("invalidation-stress"));
    QVERIFY(invalidation.operationMix[size_t(OpType::Invalidate)] >= 25);
    const auto basic = *presetByName(QStringLiteral("basic-cache-load"));
    QCOMPARE(basic.concurrentUsers, 10);
    QCOMPARE(basic.requestsPerSecond, 100.0);
    QVERIFY(has(basic, CacheType::String) && has(basic, CacheType::Hash));
}

void TestLoadConfig::everySuiteLoads()
{
    QCOMPARE(suiteNames(), (QStringList{QStringLiteral("basic"), QStringLiteral("comprehensive"), QStringLiteral("stress")}));
    const std::map<QString, size_t> expectedSizes{
        {QStringLiteral("basic"), 2}, {QStringLiteral("comprehensive"), 5}, {QStringLiteral("stress"), 4}};
    for (const QString &name : suiteNames()) {
        const auto suite = suiteByName(name);
        QVERIFY2(suite.has_value(), qPrintable(name));
        QCOMPARE(suite->name, name);
        QVERIFY(!suite->description.isEmpty());
        QCOMPARE(suite->tests.size(), expectedSizes.at(name));
        for (const LoadTestConfig &test : suite->tests) {
            const auto issues = validateLoadTestConfig(test);
            QVERIFY2(issues.empty(), qPrintable(name + u'/' + test.testName + u'\n' + issuesText(issues)));
        }
    }
    // Overrides apply on top of the preset.
    const auto basic = suiteByName(QStringLiteral("basic"));
    QCOMPARE(basic->tests[0].testName, QStringLiteral("basic-cache-load"));
    QCOMPARE(basic->tests[0].durationSec, 20.0);
    QCOMPARE(basic->tests[0].concurrentUsers, 10);
    // The stress suite's tests are all at least extreme-load's scale and have distinct names.
    const auto stress = suiteByName(QStringLiteral("stress"));
    QSet<QString> names;
    for (const LoadTestConfig &test : stress->tests) {
        QCOMPARE(test.concurrentUsers, 100);
        names.insert(test.testName);
    }
    QCOMPARE(names.size(), 4);
}

void TestLoadConfig::unknownPresetAndSuite()
{
    QVERIFY(!presetByName(QStringLiteral("nope")).has_value());
    QVERIFY(!presetByName(QStringLiteral("../suites/basic")).has_value());
    QVERIFY(!suiteByName(QStringLiteral("nope")).has_value());
}

void TestLoadConfig::ruleViolationsNameTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("needle"); // a piece of the message that states the rule

    auto row = [](const char *name, const char *json, const char *field, const char *needle) {
        QTest::newRow(name) << QByteArray(json) << QString::fromLatin1(field) << QString::fromLatin1(needle);
    };
    row("empty testName", R"({"testName": " "})", "testName", "empty");
    row("duration 0", R"({"duration": 0})", "duration", "got 0");
    row("duration negative", R"({"duration": -5})", "duration", "> 0");
    row("duration > day", R"({"duration": 86401})", "duration", "86400");
    row("users 0", R"({"concurrentUsers": 0})", "concurrentUsers", "between 1 and 10000, got 0");
    row("users too many", R"({"concurrentUsers": 10001})", "concurrentUsers", "10000");
    row("users beyond int", R"({"concurrentUsers": 1e12})", "concurrentUsers", "got 1000000000000");
    row("rps negative", R"({"requestsPerSecond": -1})", "requestsPerSecond", "closed loop");
    row("rps too high", R"({"requestsPerSecond": 10000001})", "requestsPerSecond", "10000000");
    row("mix share > 100", R"({"operationMix": {"read": 101, "write": 0, "delete": 0, "invalidate": 0}})",
        "operationMix.read", "between 0 and 100");
    row("mix share negative", R"({"operationMix": {"read": 90, "write": 20, "delete": -10, "invalidate": 0}})",
        "operationMix.delete", "between 0 and 100");
    row("mix share fraction", R"({"operationMix": {"read": 89.5, "write": 10, "delete": 0, "invalidate": 0}})",
        "operationMix.read", "integer");
    row("no cache types", R"({"cacheTypes": []})", "cacheTypes", "at least one");
    row("empty prefix", R"({"keyPrefix": ""})", "keyPrefix", "empty");
    row("prefix with space", R"({"keyPrefix": "my app:"})", "keyPrefix", "spaces");
    row("prefix glob star", R"({"keyPrefix": "cwb:*"})", "keyPrefix", "glob");
    row("prefix glob question", R"({"keyPrefix": "cwb?"})", "keyPrefix", "glob");
    row("prefix glob bracket", R"({"keyPrefix": "cwb[1]"})", "keyPrefix", "glob");
    row("keySpace 0", R"({"keySpace": 0})", "keySpace", "between 1 and 1000000000");
    row("keySpace huge", R"({"keySpace": 2e9})", "keySpace", "got 2000000000");
    row("zipf exponent 0", R"({"keyDistribution": {"type": "zipfian", "exponent": 0}})", "keyDistribution.exponent", "> 0");
    row("zipf exponent 6", R"({"keyDistribution": {"type": "zipfian", "exponent": 6}})", "keyDistribution.exponent", "<= 5");
    row("sigma 0", R"({"keyDistribution": {"type": "gaussian", "sigma": 0}})", "keyDistribution.sigma", "> 0");
    row("sigma 1.5", R"({"keyDistribution": {"type": "gaussian", "sigma": 1.5}})", "keyDistribution.sigma", "<= 1");
    row("unknown distribution", R"({"keyDistribution": {"type": "pareto"}})", "keyDistribution.type", "pareto");
    row("distribution without type", R"({"keyDistribution": {"exponent": 1.2}})", "keyDistribution.type", "required");
    row("value min 0", R"({"valueSize": {"min": 0, "max": 10}})", "valueSize.min", "at least 1");
    row("value max > 16MiB", R"({"valueSize": {"min": 1, "max": 16777217}})", "valueSize.max", "16 MiB");
    row("value min > max", R"({"valueSize": {"min": 600, "max": 512}})", "valueSize", "min (600) must not exceed max (512)");
    row("value min beyond int", R"({"valueSize": {"min": 1e12, "max": 10}})", "valueSize.min",
        "between 1 and 16777216 bytes (16 MiB), got 1000000000000");
    row("value max beyond int", R"({"valueSize": {"min": 1, "max": 5000000000}})", "valueSize.max",
        "between 1 and 16777216 bytes (16 MiB), got 5000000000");
    row("value min > 16MiB", R"({"valueSize": {"min": 16777217, "max": 100}})", "valueSize.min", "16 MiB");
    row("ttl negative", R"({"ttl": -1})", "ttl", ">= 0");
    row("pipeline 0", R"({"pipeline": 0})", "pipeline", "between 1 and 1024");
    row("pipeline 1025", R"({"pipeline": 1025})", "pipeline", "1024");
    row("warmup negative", R"({"warmupSeconds": -1})", "warmupSeconds", "from 0 to 3600");
    row("warmup too long", R"({"duration": 30, "warmupSeconds": 3601})", "warmupSeconds", "from 0 to 3600, got 3601");
    row("timeout 0", R"({"requestTimeoutMs": 0})", "requestTimeoutMs", "between 1 and 600000");
    row("timeout too long", R"({"requestTimeoutMs": 600001})", "requestTimeoutMs", "600000");
    row("threads negative", R"({"threads": -1})", "threads", "between 0 and 256");
    row("threads 257", R"({"threads": 257})", "threads", "256");
    row("tagCount 0", R"({"tagCount": 0})", "tagCount", "between 1 and 1000000");
    row("tagCount huge", R"({"tagCount": 1000001})", "tagCount", "1000000");
    row("seed negative", R"({"seed": -3})", "seed", "non-negative");
    row("seed fraction", R"({"seed": 1.5})", "seed", "integer");
    row("target not a uri", R"({"target": "redis://host:99999"})", "target", "99999");
    row("target wrong scheme", R"({"target": "http://example.com"})", "target", "http");
    row("seed as huge float", R"({"seed": 1e30})", "seed", "plain integer");
}

void TestLoadConfig::ruleViolationsNameTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, needle);
    const auto result = parseLoadTestConfig(json);
    QVERIFY(!result.config.has_value());
    const ConfigIssue issue = issueFor(result, field);
    QVERIFY2(!issue.message.isEmpty(), qPrintable(QStringLiteral("no issue for %1 in:\n%2").arg(field, issuesText(result.errors))));
    QVERIFY2(issue.message.contains(needle), qPrintable(issue.toString()));
    // One problem, one error: no echoes from other rules.
    QVERIFY2(result.errors.size() == 1, qPrintable(issuesText(result.errors)));
}

void TestLoadConfig::unknownCacheTypeListsKnownOnes()
{
    const auto result = parseText(R"({"cacheTypes": ["string", "blob"]})");
    QVERIFY(!result.config);
    QCOMPARE(result.errors.size(), size_t(1));
    QCOMPARE(result.errors[0].toString(),
             QStringLiteral("cacheTypes[1]: unknown cache type 'blob'; known: string, hash, session, geo, counter"));
}

void TestLoadConfig::duplicateCacheType()
{
    const auto result = parseText(R"({"cacheTypes": ["hash", "string", "hash"]})");
    QVERIFY(!result.config);
    QCOMPARE(result.errors.size(), size_t(1));
    QCOMPARE(result.errors[0].field, QStringLiteral("cacheTypes[2]"));
    QVERIFY(result.errors[0].message.contains(QStringLiteral("duplicate")));
}

void TestLoadConfig::mixMustSumTo100()
{
    const auto result = parseText(R"({"operationMix": {"read": 70, "write": 20, "delete": 3, "invalidate": 2}})");
    QVERIFY(!result.config);
    QCOMPARE(result.errors.size(), size_t(1));
    QCOMPARE(result.errors[0].toString(), QStringLiteral("operationMix: must sum to 100, got 95"));
    // Shares left out count as 0: a given mix replaces the default one.
    const auto partial = parseText(R"({"operationMix": {"read": 100}})");
    QVERIFY2(partial.config, qPrintable(issuesText(partial.errors)));
    QVERIFY((partial.config->operationMix == std::array<int, 4>{100, 0, 0, 0}));
}

void TestLoadConfig::wrongTypes()
{
    const auto result = parseText(R"({
        "testName": 5, "duration": "30", "concurrentUsers": true, "operationMix": [1, 2],
        "cacheTypes": "string", "cleanup": "yes", "valueSize": "big", "keyDistribution": 3,
        "operationMix2": 1
    })");
    QVERIFY(!result.config);
    QCOMPARE(issueFor(result, QStringLiteral("testName")).message, QStringLiteral("expected a string"));
    QCOMPARE(issueFor(result, QStringLiteral("duration")).message, QStringLiteral("expected a number"));
    QCOMPARE(issueFor(result, QStringLiteral("concurrentUsers")).message, QStringLiteral("expected an integer"));
    QCOMPARE(issueFor(result, QStringLiteral("operationMix")).message, QStringLiteral("expected an object"));
    QVERIFY(issueFor(result, QStringLiteral("cacheTypes")).message.startsWith(QStringLiteral("expected an array")));
    QCOMPARE(issueFor(result, QStringLiteral("cleanup")).message, QStringLiteral("expected true or false"));
    QCOMPARE(issueFor(result, QStringLiteral("valueSize")).message, QStringLiteral("expected an object"));
    QVERIFY(issueFor(result, QStringLiteral("keyDistribution")).message.startsWith(QStringLiteral("expected an object")));
    QVERIFY(issueFor(result, QStringLiteral("operationMix2")).message.contains(QStringLiteral("did you mean 'operationMix'")));
    QCOMPARE(result.errors.size(), size_t(9));

    const auto nested = parseText(R"({"cacheTypes": ["string", 7]})");
    QCOMPARE(issueFor(nested, QStringLiteral("cacheTypes[1]")).message, QStringLiteral("expected a string"));
}

void TestLoadConfig::unknownKeySuggestsClosest()
{
    const auto result = parseText(R"({"duraton": 30})");
    QVERIFY(!result.config);
    QCOMPARE(result.errors.size(), size_t(1));
    QCOMPARE(result.errors[0].toString(), QStringLiteral("duraton: unknown key 'duraton' (did you mean 'duration'?)"));

    const auto far = parseText(R"({"colour": "blue"})");
    QCOMPARE(far.errors.size(), size_t(1));
    QCOMPARE(far.errors[0].message, QStringLiteral("unknown key 'colour'"));

    const auto nested = parseText(R"({"operationMix": {"reed": 100}, "valueSize": {"mn": 4}, "keyDistribution": {"type": "zipfian", "exponnet": 1}})");
    QCOMPARE(issueFor(nested, QStringLiteral("operationMix.reed")).message,
             QStringLiteral("unknown key 'reed' (did you mean 'read'?)"));
    QCOMPARE(issueFor(nested, QStringLiteral("valueSize.mn")).message, QStringLiteral("unknown key 'mn' (did you mean 'min'?)"));
    QCOMPARE(issueFor(nested, QStringLiteral("keyDistribution.exponnet")).message,
             QStringLiteral("unknown key 'exponnet' (did you mean 'exponent'?)"));
}

void TestLoadConfig::allErrorsAreCollected()
{
    const auto result = parseText(R"({"duration": 0, "concurrentUsers": 0, "pipeline": 0, "keyPrefix": "a b", "ttl": -1})");
    QVERIFY(!result.config);
    QStringList fields;
    for (const ConfigIssue &issue : result.errors)
        fields << issue.field;
    fields.sort();
    QCOMPARE(fields, (QStringList{QStringLiteral("concurrentUsers"), QStringLiteral("duration"), QStringLiteral("keyPrefix"),
                                  QStringLiteral("pipeline"), QStringLiteral("ttl")}));
}

void TestLoadConfig::badJsonSyntaxGivesLineAndColumn()
{
    const auto result = parseText("{\n  \"duration\": 30,\n  \"concurrentUsers\": ,\n}");
    QVERIFY(!result.config);
    QCOMPARE(result.errors.size(), size_t(1));
    QCOMPARE(result.errors[0].field, QStringLiteral("(document)"));
    QVERIFY2(result.errors[0].message.contains(QStringLiteral("line 3 column 22")), qPrintable(result.errors[0].message));
    QVERIFY(!result.errors[0].message.contains(QStringLiteral("json.exception")));

    const auto empty = parseLoadTestConfig(QByteArray());
    QCOMPARE(empty.errors.size(), size_t(1));
    QCOMPARE(empty.errors[0].field, QStringLiteral("(document)"));

    const auto overflow = parseText(R"({"duration": 1e400})");
    QCOMPARE(overflow.errors.size(), size_t(1));
    QVERIFY2(overflow.errors[0].message.startsWith(QStringLiteral("invalid JSON: number overflow")),
             qPrintable(overflow.errors[0].message));

    const auto truncated = parseText(R"({"duration": 30)");
    QCOMPARE(truncated.errors.size(), size_t(1));
    QVERIFY(truncated.errors[0].message.contains(QStringLiteral("line 1")));
}

void TestLoadConfig::strictJsonRefusesAmbiguousDocuments()
{
    // A key given twice: which one wins depends on the reader, so neither is taken.
    const auto twice = parseText(R"({"duration": 30, "concurrentUsers": 5, "duration": 3000})");
    QVERIFY(!twice.config);
    QCOMPARE(twice.errors.size(), size_t(1));
    QCOMPARE(twice.errors[0].field, QStringLiteral("(document)"));
    QVERIFY2(twice.errors[0].message.startsWith(QStringLiteral("duplicate key 'duration'")), qPrintable(twice.errors[0].message));
    const auto nested = parseText(R"({"valueSize": {"min": 1, "max": 10, "min": 20}})");
    QVERIFY2(!nested.config && nested.errors[0].message.startsWith(QStringLiteral("duplicate key 'valueSize.min'")),
             qPrintable(issuesText(nested.errors)));
    const auto inArray = parseText(R"({"cacheTypes": ["string"], "x": [{"a": 1}, {"a": 1, "a": 2}]})");
    QVERIFY2(inArray.errors[0].message.startsWith(QStringLiteral("duplicate key 'x[1].a'")), qPrintable(issuesText(inArray.errors)));
    // The same key in two objects is not a duplicate.
    QVERIFY(parseText(R"({"valueSize": {"min": 1, "max": 10}, "keyDistribution": {"type": "zipfian"}})").config);

    // Content after a NUL byte is refused, not silently dropped or parsed.
    QByteArray withNul = R"({"duration": 30})";
    withNul.append('\0').append(R"({"duration": 99999})");
    const auto nul = parseLoadTestConfig(withNul);
    QVERIFY(!nul.config);
    QVERIFY2(nul.errors[0].message.contains(QStringLiteral("NUL byte at offset 16")), qPrintable(issuesText(nul.errors)));

    // A document over 1 MiB is refused before parsing; the file reader never reads more.
    QByteArray big = R"({"description": ")" + QByteArray(1024 * 1024, 'x') + R"("})";
    const auto huge = parseLoadTestConfig(big);
    QVERIFY(!huge.config);
    QVERIFY2(huge.errors[0].message.contains(QStringLiteral("larger than 1 MiB")), qPrintable(issuesText(huge.errors)));
    QString error;
    QVERIFY(!readJsonFile(QStringLiteral("/dev/zero"), &error));
    QVERIFY2(error.contains(QStringLiteral("larger than 1 MiB")), qPrintable(error));
    QVERIFY(!readJsonFile(QDir::tempPath(), &error));
    QVERIFY2(error.contains(QStringLiteral("is a directory")), qPrintable(error));
}

void TestLoadConfig::notAnObject()
{
    const auto result = parseText("[1, 2]");
    QCOMPARE(result.errors.size(), size_t(1));
    QCOMPARE(result.errors[0].toString(), QStringLiteral("(document): expected a JSON object"));
}

void TestLoadConfig::passwordInTargetIsRejected()
{
    const auto result = parseText(R"({"target": "redis://app:s3cret@cache.example.com:6380/2"})");
    QVERIFY(!result.config);
    QCOMPARE(result.errors.size(), size_t(1));
    QCOMPARE(result.errors[0].toString(), QStringLiteral("target: put the password in the password field or "
                                                         "CWB_REDIS_PASSWORD, not in the saved config"));
    QVERIFY(!result.errors[0].toString().contains(QStringLiteral("s3cret")));

    // Without a colon the text before '@' is a password (as redis-cli reads it), so it is refused
    // the same way and never shown back as a user name.
    const auto bare = parseText(R"({"target": "redis://s3cret@cache.example.com:6380/2"})");
    QVERIFY(!bare.config);
    QCOMPARE(bare.errors.size(), size_t(1));
    QVERIFY(!bare.errors[0].toString().contains(QStringLiteral("s3cret")));

    const auto fine = parseText(R"({"target": "redis://app:@cache.example.com:6380/2"})");
    QVERIFY2(fine.config, qPrintable(issuesText(fine.errors)));
    QCOMPARE(fine.config->target, QStringLiteral("redis://app:@cache.example.com:6380/2"));

    // A config built in code with a password is not valid, and its JSON drops the password.
    LoadTestConfig c;
    c.target = QStringLiteral("redis://:hunter2@127.0.0.1:6379");
    QCOMPARE(validateLoadTestConfig(c).size(), size_t(1));
    const std::string dumped = loadTestConfigToJson(c).dump();
    QVERIFY(dumped.find("hunter2") == std::string::npos);
    QVERIFY(parseLoadTestConfig(loadTestConfigToJson(c)).config.has_value());
}

void TestLoadConfig::keyDistributionForms()
{
    const auto zipf = parseText(R"({"keyDistribution": {"type": "zipfian", "exponent": 1.2}})");
    QVERIFY(zipf.config);
    QCOMPARE(zipf.config->keyDistribution, KeyDistribution::Zipfian);
    QCOMPARE(zipf.config->zipfExponent, 1.2);
    const auto gauss = parseText(R"({"keyDistribution": {"type": "gaussian", "sigma": 0.25}})");
    QVERIFY(gauss.config);
    QCOMPARE(gauss.config->keyDistribution, KeyDistribution::Gaussian);
    QCOMPARE(gauss.config->gaussianSigma, 0.25);
    const auto plain = parseText(R"({"keyDistribution": "sequential"})");
    QVERIFY(plain.config);
    QCOMPARE(plain.config->keyDistribution, KeyDistribution::Sequential);
    const auto uniform = parseText(R"({"keyDistribution": {"type": "uniform"}})");
    QVERIFY(uniform.config);
    QCOMPARE(uniform.config->keyDistribution, KeyDistribution::Uniform);
}

void TestLoadConfig::valueSizeAsNumber()
{
    const auto fixed = parseText(R"({"valueSize": 100})");
    QVERIFY(fixed.config);
    QCOMPARE(fixed.config->valueSizeMin, 100);
    QCOMPARE(fixed.config->valueSizeMax, 100);
    const auto bad = parseText(R"({"valueSize": 0})");
    QCOMPARE(issueFor(bad, QStringLiteral("valueSize")).message, QStringLiteral("must be between 1 and 16777216, got 0"));
}

void TestLoadConfig::roundTrip()
{
    LoadTestConfig c;
    c.testName = QStringLiteral("round trip ü");
    c.description = QStringLiteral("Every field away from its default");
    c.durationSec = 12.5;
    c.concurrentUsers = 7;
    c.requestsPerSecond = 1234.5;
    c.operationMix = {10, 20, 30, 40};
    c.cacheTypes = {CacheType::Geo, CacheType::Counter, CacheType::String};
    c.target = QStringLiteral("redis://ops:@10.0.0.5:6390/3");
    c.keyPrefix = QStringLiteral("bench:");
    c.keySpace = 5'000'000;
    c.keyDistribution = KeyDistribution::Zipfian;
    c.zipfExponent = 1.3;
    c.valueSizeMin = 10;
    c.valueSizeMax = 20;
    c.ttlSec = 0;
    c.pipeline = 16;
    c.warmupSec = 2.5;
    c.requestTimeoutMs = 250;
    c.threads = 3;
    c.tagCount = 42;
    c.cleanup = false;
    c.seed = 18'000'000'000'000'000'000ULL; // above 2^63
    QVERIFY2(validateLoadTestConfig(c).empty(), qPrintable(issuesText(validateLoadTestConfig(c))));

    const json j = loadTestConfigToJson(c);
    const auto back = parseLoadTestConfig(j);
    QVERIFY2(back.config, qPrintable(issuesText(back.errors)));
    QVERIFY(*back.config == c);
    // Through text as well, as a saved file.
    const auto fromText = parseLoadTestConfig(QByteArray::fromStdString(j.dump(2)));
    QVERIFY2(fromText.config, qPrintable(issuesText(fromText.errors)));
    QVERIFY(*fromText.config == c);
    QCOMPARE(j.at("valueSize").at("max").get<int>(), 20);
    QCOMPARE(j.at("keyDistribution").at("type").get<std::string>(), std::string("zipfian"));
    QCOMPARE(j.at("duration").get<double>(), 12.5);

    // The parameter of the type not in use survives too (the GUI keeps both while switching).
    c.keyDistribution = KeyDistribution::Gaussian;
    c.gaussianSigma = 0.3;
    QVERIFY(*parseLoadTestConfig(loadTestConfigToJson(c)).config == c);
    c.keyDistribution = KeyDistribution::Uniform;
    QVERIFY(*parseLoadTestConfig(loadTestConfigToJson(c)).config == c);
    // With defaults, only the type's own parameter is written.
    LoadTestConfig tidy;
    tidy.keyDistribution = KeyDistribution::Zipfian;
    QCOMPARE(loadTestConfigToJson(tidy).at("keyDistribution").dump(), std::string(R"({"exponent":0.99,"type":"zipfian"})"));

    for (const QString &name : presetNames()) {
        const LoadTestConfig preset = *presetByName(name);
        const auto again = parseLoadTestConfig(loadTestConfigToJson(preset));
        QVERIFY2(again.config && *again.config == preset, qPrintable(name));
    }
}

void TestLoadConfig::baseFillsMissingFields()
{
    LoadTestConfig base;
    base.concurrentUsers = 77;
    base.testName = QStringLiteral("base");
    const auto result = parseLoadTestConfig(json{{"duration", 20}}, base);
    QVERIFY(result.config);
    QCOMPARE(result.config->concurrentUsers, 77);
    QCOMPARE(result.config->testName, QStringLiteral("base"));
    QCOMPARE(result.config->durationSec, 20.0);
}

void TestLoadConfig::validateCodeBuiltConfig()
{
    LoadTestConfig c;
    c.operationMix = {50, 50, 10, 0};
    c.cacheTypes = {CacheType::Hash, CacheType::Hash};
    c.warmupSec = 4000;
    const auto issues = validateLoadTestConfig(c);
    QStringList fields;
    for (const ConfigIssue &issue : issues)
        fields << issue.field;
    QCOMPARE(fields, (QStringList{QStringLiteral("operationMix"), QStringLiteral("cacheTypes[1]"),
                                  QStringLiteral("warmupSeconds")}));
    QCOMPARE(issues[0].message, QStringLiteral("must sum to 100, got 110"));
}

void TestLoadConfig::names()
{
    QCOMPARE(opTypeName(OpType::Invalidate), QStringLiteral("invalidate"));
    for (int i = 0; i < kCacheTypeCount; ++i)
        QCOMPARE(cacheTypeFromName(cacheTypeName(CacheType(i))), std::optional<CacheType>(CacheType(i)));
    QVERIFY(!cacheTypeFromName(QStringLiteral("blob")).has_value());
    for (auto d : {KeyDistribution::Uniform, KeyDistribution::Zipfian, KeyDistribution::Gaussian, KeyDistribution::Sequential})
        QCOMPARE(keyDistributionFromName(keyDistributionName(d)), std::optional<KeyDistribution>(d));
    QVERIFY(!keyDistributionFromName(QStringLiteral("pareto")).has_value());
}

QTEST_GUILESS_MAIN(TestLoadConfig)
#include "tst_loadconfig.moc"
