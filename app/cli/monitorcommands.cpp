#include "monitorcommands.h"

#include "commandline.h"
#include "exitcodes.h"
#include "foreground.h"
#include "storecommands.h"
#include "targetoptions.h"
#include "terminal.h"

#include "json/strictjson.h"
#include "monitor/metricsserver.h"
#include "monitor/monitorexport.h"
#include "monitor/monitorservice.h"
#include "monitor/webhookchannel.h"
#include "redis/redisconnection.h"
#include "service/servicelock.h"
#include "store/asyncresultstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <optional>

namespace cwb::cli {

namespace {

QString cell(const MonitorSample &s, const char *name, int precision, double scale = 1)
{
    const auto v = s.value(QLatin1String(name));
    return v ? QString::number(*v * scale, 'f', precision) : QStringLiteral("-");
}

QString tableHeader()
{
    return QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8 %9\n")
        .arg(QStringLiteral("time"), -8)
        .arg(QStringLiteral("node"), -21)
        .arg(QStringLiteral("ops/s"), 10)
        .arg(QStringLiteral("hit%"), 6)
        .arg(QStringLiteral("mem MB"), 9)
        .arg(QStringLiteral("clients"), 7)
        .arg(QStringLiteral("p99 ms"), 8)
        .arg(QStringLiteral("err%"), 6)
        .arg(QStringLiteral("cpu%"), 6);
}

QString tableRow(const MonitorSample &s)
{
    const bool up = s.value(QLatin1String(metric::Up)).value_or(1) > 0;
    return QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8 %9\n")
        .arg(QDateTime::fromMSecsSinceEpoch(s.timestampMs).toString(QStringLiteral("HH:mm:ss")), -8)
        .arg(s.node.left(21), -21)
        .arg(up ? cell(s, metric::OpsPerSec, 0) : QStringLiteral("DOWN"), 10)
        .arg(cell(s, metric::HitRatePercent, 1), 6)
        .arg(cell(s, metric::UsedMemoryMb, 1), 9)
        .arg(cell(s, metric::ConnectedClients, 0), 7)
        .arg(cell(s, metric::P99LatencyMs, 3), 8)
        .arg(cell(s, metric::ErrorRatePercent, 2), 6)
        .arg(cell(s, metric::CpuPercent, 1), 6);
}

bool readFile(const QString &path, QByteArray *out, QString *error)
{
    auto text = readJsonFile(path, error);
    if (text)
        *out = std::move(*text);
    return text.has_value();
}

// The daemon's log lines (stderr, the journal): what it serves, what the store gave back, and
// when the target stops or starts answering. Alert changes are logged for every mode.
void logDaemon(MonitorService &service, const Endpoint &endpoint, const MonitoringConfig &settings)
{
    const auto log = [](const QString &line) { printError(QStringLiteral("monitor daemon: ") + line); };
    log(QStringLiteral("monitoring %1 every %2 ms, %3 rule(s)")
            .arg(endpoint.displayUri())
            .arg(settings.collectionIntervalMs)
            .arg(settings.rules.size()));
    QObject::connect(&service, &MonitorService::historyRestored, &service, [log](int added) {
        log(QStringLiteral("read back %1 earlier sample(s) from the store").arg(added));
    });
    auto reachable = std::make_shared<std::optional<bool>>();
    QObject::connect(&service, &MonitorService::statusChanged, &service, [&service, log, reachable] {
        const MonitorService::Status status = service.status();
        if (status.lastSampleMs == 0 && status.lastError.isEmpty())
            return; // nothing polled yet
        if (*reachable == status.reachable)
            return;
        *reachable = status.reachable;
        log(status.reachable ? QStringLiteral("target reachable")
                             : QString(QStringLiteral("target unreachable: ") + status.lastError));
    });
}

} // namespace

int monitorCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Monitor a Redis target: INFO every interval (every node of a cluster), rates from counter deltas, "
        "alert rules with channels (log, webhook, email), optional Prometheus /metrics endpoint."));
    parser.addHelpOption();
    TargetOptions target;
    target.addTo(parser);
    const QCommandLineOption interval{QStringLiteral("interval"), QStringLiteral("Collection interval in ms (default: the config's, 5000)."), QStringLiteral("ms")};
    const QCommandLineOption samples{QStringLiteral("samples"), QStringLiteral("Stop after N collections."), QStringLiteral("n")};
    const QCommandLineOption duration{QStringLiteral("duration"), QStringLiteral("Stop after S seconds."), QStringLiteral("s")};
    const QCommandLineOption rules{QStringLiteral("rules"), QStringLiteral("Alert rules file ({\"rules\": [...]}), added to the config's."), QStringLiteral("file")};
    const QCommandLineOption config{QStringLiteral("config"), QStringLiteral("Monitoring config JSON (the seed's \"monitoring\" shape)."), QStringLiteral("file")};
    const QCommandLineOption format{QStringLiteral("format"), QStringLiteral("table (live rows), json, csv or prom."), QStringLiteral("format"), QStringLiteral("table")};
    const QCommandLineOption out{QStringLiteral("out"), QStringLiteral("Write the output to FILE instead of stdout."), QStringLiteral("file")};
    const QCommandLineOption metricsPort{QStringLiteral("metrics-port"), QStringLiteral("Serve /metrics on 127.0.0.1:PORT while monitoring."), QStringLiteral("port")};
    const QCommandLineOption noStore{QStringLiteral("no-store"), QStringLiteral("Do not save samples and alerts in the result store.")};
    const QCommandLineOption daemon{QStringLiteral("daemon"),
                                    QStringLiteral("Run as a service (systemd: cache-workbench-monitor.service): collection, rules, "
                                                   "channels and --metrics-port, no table; samples and alerts go to the store, "
                                                   "whose earlier samples of the target are read back at start; one daemon per "
                                                   "store (a second exits naming the holder's pid); logs to stderr; SIGTERM "
                                                   "stops it (exit 0).")};
    StoreOptions storeOptions;
    for (const QCommandLineOption *o : {&interval, &samples, &duration, &rules, &config, &format, &out, &metricsPort,
                                        &noStore, &daemon, static_cast<const QCommandLineOption *>(&storeOptions.db)})
        parser.addOption(*o);
    if (!parser.parse(QStringList{QStringLiteral("cache-workbench-cli monitor")} + args)) {
        printError(parser.errorText());
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }

    MonitoringConfig settings;
    QString error;
    if (parser.isSet(config)) {
        QByteArray text;
        if (!readFile(parser.value(config), &text, &error)) {
            printError(QStringLiteral("--config: ") + error);
            return ExitBadInput;
        }
        const auto parsed = parseMonitoringConfig(text, &error);
        if (!parsed) {
            printError(QStringLiteral("--config: ") + error);
            return ExitBadInput;
        }
        settings = *parsed;
    }
    if (parser.isSet(rules)) {
        QByteArray text;
        if (!readFile(parser.value(rules), &text, &error)) {
            printError(QStringLiteral("--rules: ") + error);
            return ExitBadInput;
        }
        const auto parsed = parseAlertRules(text, &error);
        if (!parsed) {
            printError(QStringLiteral("--rules: ") + error);
            return ExitBadInput;
        }
        for (const AlertRule &rule : *parsed)
            settings.rules.push_back(rule);
    }
    const auto intervalMs = integerOption(parser, interval, 100, 86'400'000, settings.collectionIntervalMs);
    const auto maxSamplesValue = integerOption(parser, samples, 1, 100'000'000, 0);
    const auto durationValue = integerOption(parser, duration, 1, 31'536'000, 0);
    // 0: any free port (the address is printed); a number above 65535 is refused, not wrapped.
    const auto portValue = integerOption(parser, metricsPort, 0, 65535, -1);
    if (!intervalMs || !maxSamplesValue || !durationValue || !portValue || !refuseStoreOutputs(parser, {&out}))
        return ExitBadInput;
    settings.collectionIntervalMs = int(*intervalMs);
    const qint64 maxSamples = *maxSamplesValue;
    const qint64 durationSec = *durationValue;
    const int port = int(*portValue);
    if (parser.isSet(samples) && parser.isSet(duration)) {
        printError(QStringLiteral("use either --samples or --duration, not both"));
        return ExitBadInput;
    }
    const QString fmt = parser.value(format);
    if (!QStringList{QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("prom")}
             .contains(fmt)) {
        printError(QStringLiteral("--format: '%1' is not one of table, json, csv, prom").arg(fmt));
        return ExitBadInput;
    }
    const bool asDaemon = parser.isSet(daemon);
    if (asDaemon && (parser.isSet(noStore) || parser.isSet(format) || parser.isSet(out))) {
        printError(QStringLiteral("--daemon keeps samples in the store and prints no table: drop --no-store, --format and --out"));
        return ExitBadInput;
    }
    if (port >= 0) {
        settings.metricsEndpoint.enabled = true;
        settings.metricsEndpoint.port = port;
    }

    int exitCode = ExitOk;
    const auto endpoint = target.resolve(parser, QStringLiteral("redis://127.0.0.1:6379"), &exitCode);
    if (!endpoint)
        return exitCode;
    {
        RedisConnection probe(*endpoint, RedisConnection::Options{.connectTimeoutMs = 3000, .commandTimeoutMs = 3000,
                                                                    .reconnectAttempts = 0});
        if (!probe.connect()) {
            printError(QStringLiteral("cannot connect to %1: %2").arg(endpoint->displayUri(), probe.lastError().message));
            return ExitCannotConnect;
        }
    }

    // The daemon's lock comes first: a second daemon must not even bind the /metrics port.
    std::unique_ptr<ServiceLock> lock;
    if (asDaemon) {
        lock = ServiceLock::acquire(storeOptions.path(parser), QString::fromLatin1(kMonitorServiceName),
                                    endpoint->displayUri(), &error);
        if (!lock) {
            printError(QStringLiteral("monitor daemon: ") + error);
            return ExitFailure;
        }
    }
    MonitorService service;
    if (!service.setConfig(settings, &error)) {
        printError(error);
        return ExitBadInput;
    }
    service.setUserName(QStringLiteral("cli"));
    std::unique_ptr<AsyncResultStore> store;
    if (!parser.isSet(noStore)) {
        store = std::make_unique<AsyncResultStore>(storeOptions.path(parser));
        service.setStore(store.get());
    }
    if (service.metricsServer()->isListening())
        std::fputs(QStringLiteral("serving %1\n").arg(service.metricsServer()->address()).toLocal8Bit().constData(),
                   stderr);

    const bool table = fmt == QLatin1String("table") && !parser.isSet(out) && !asDaemon;
    std::vector<MonitorSample> collected;
    int polls = 0;
    QEventLoop loop;
    QObject::connect(&service, &MonitorService::samplesAdded, &loop, [&](const std::vector<MonitorSample> &batch) {
        bool poll = false;
        const bool cluster = std::any_of(batch.begin(), batch.end(),
                                         [](const MonitorSample &s) { return s.node == QLatin1String(node::All); });
        for (const MonitorSample &s : batch) {
            if (!asDaemon) // a daemon keeps nothing here: it runs for months, its samples are in the store
                collected.push_back(s);
            if (s.node == QLatin1String(node::Workbench) || s.node == QLatin1String(node::Load))
                continue;
            poll = true;
            if (table && (!cluster || s.node == QLatin1String(node::All)))
                printOut(tableRow(s));
        }
        if (poll && maxSamples > 0 && ++polls >= maxSamples)
            loop.quit();
    });
    QObject::connect(&service, &MonitorService::alertChanged, &loop, [](const AlertChange &change) {
        std::fputs((alertChangeSummary(change) + QLatin1Char('\n')).toLocal8Bit().constData(), stderr);
    });
    if (table)
        printOut(tableHeader());

    if (asDaemon)
        logDaemon(service, *endpoint, settings);
    bool stoppedBySignal = false;
    const auto watcher = onStopSignal([&] {
        stoppedBySignal = true;
        loop.quit();
    });
    if (durationSec > 0)
        QTimer::singleShot(std::chrono::seconds(durationSec), &loop, &QEventLoop::quit);
    service.start(*endpoint);
    loop.exec();
    service.stop();
    if (asDaemon)
        printError(QStringLiteral("monitor daemon: stopped"));

    // Webhooks in flight get their timeout and retries to finish (email waits in its destructor).
    if (auto *hook = qobject_cast<WebhookChannel *>(service.channels()->channel(QStringLiteral("webhook")))) {
        QElapsedTimer clock;
        clock.start();
        while (hook->inFlight() > 0 && clock.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 100);
    }
    if (store) {
        store->waitForIdle();
        QCoreApplication::processEvents(); // answers the store gave meanwhile (the daemon logs them)
    }

    if (asDaemon)
        return ExitOk;
    QByteArray output;
    if (fmt == QLatin1String("json"))
        output = monitorSamplesToJson(collected);
    else if (fmt == QLatin1String("csv"))
        output = monitorSamplesToCsv(collected);
    else if (fmt == QLatin1String("prom"))
        output = monitorSamplesToPrometheus(collected, false);
    else if (!table) {
        output = tableHeader().toUtf8();
        for (const MonitorSample &s : collected)
            if (s.isServerNode() || s.node == QLatin1String(node::All))
                output += tableRow(s).toUtf8();
    }
    if (parser.isSet(out)) {
        if (!writeOutputFile(parser.value(out), output))
            return ExitFailure;
    } else if (!output.isEmpty()) {
        printOut(QString::fromUtf8(output));
    }
    // Without --samples or --duration a signal is how monitoring ends; with one, it was cut short.
    return stoppedBySignal && !asDaemon && (maxSamples > 0 || durationSec > 0) ? ExitInterrupted : ExitOk;
}

} // namespace cwb::cli
