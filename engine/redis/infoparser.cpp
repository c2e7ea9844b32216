#include "infoparser.h"

#include <QList>

namespace cwb {

namespace {

qint64 toInt(const QString &s)
{
    bool ok = false;
    const qint64 v = s.toLongLong(&ok);
    if (ok)
        return v;
    // Some counters are floats on some versions; truncating beats reporting 0.
    const double d = s.toDouble(&ok);
    return ok && d > -9.2e18 && d < 9.2e18 ? static_cast<qint64>(d) : 0;
}

double toDouble(const QString &s)
{
    bool ok = false;
    const double v = s.toDouble(&ok);
    return ok ? v : 0.0;
}

// "calls=6,usec=22,usec_per_call=3.67" -> {calls: 6, ...}
QMap<QString, QString> parseFields(const QString &value)
{
    QMap<QString, QString> out;
    for (const QString &item : value.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = item.indexOf(u'=');
        if (eq <= 0)
            continue;
        out.insert(item.left(eq), item.mid(eq + 1));
    }
    return out;
}

void fillTyped(InfoSnapshot &snap)
{
    const auto get = [&](const char *section, const char *key) {
        return snap.value(QString::fromLatin1(section), QString::fromLatin1(key));
    };

    auto &sv = snap.server;
    sv.redisVersion = get("server", "redis_version");
    sv.redisMode = get("server", "redis_mode");
    sv.os = get("server", "os");
    sv.processId = toInt(get("server", "process_id"));
    sv.tcpPort = static_cast<int>(toInt(get("server", "tcp_port")));
    sv.uptimeSeconds = toInt(get("server", "uptime_in_seconds"));
    sv.ioThreadsActive = static_cast<int>(toInt(get("server", "io_threads_active")));

    auto &cl = snap.clients;
    cl.connectedClients = toInt(get("clients", "connected_clients"));
    cl.blockedClients = toInt(get("clients", "blocked_clients"));
    cl.maxClients = toInt(get("clients", "maxclients"));

    auto &mem = snap.memory;
    mem.usedMemory = toInt(get("memory", "used_memory"));
    mem.usedMemoryRss = toInt(get("memory", "used_memory_rss"));
    mem.usedMemoryPeak = toInt(get("memory", "used_memory_peak"));
    mem.maxMemory = toInt(get("memory", "maxmemory"));
    mem.maxMemoryPolicy = get("memory", "maxmemory_policy");
    mem.fragmentationRatio = toDouble(get("memory", "mem_fragmentation_ratio"));

    auto &st = snap.stats;
    st.totalCommandsProcessed = toInt(get("stats", "total_commands_processed"));
    st.totalConnectionsReceived = toInt(get("stats", "total_connections_received"));
    st.keyspaceHits = toInt(get("stats", "keyspace_hits"));
    st.keyspaceMisses = toInt(get("stats", "keyspace_misses"));
    st.expiredKeys = toInt(get("stats", "expired_keys"));
    st.evictedKeys = toInt(get("stats", "evicted_keys"));
    st.instantaneousOpsPerSec = toInt(get("stats", "instantaneous_ops_per_sec"));
    st.totalNetInputBytes = toInt(get("stats", "total_net_input_bytes"));
    st.totalNetOutputBytes = toInt(get("stats", "total_net_output_bytes"));
    st.rejectedConnections = toInt(get("stats", "rejected_connections"));

    snap.cpu.usedCpuSys = toDouble(get("cpu", "used_cpu_sys"));
    snap.cpu.usedCpuUser = toDouble(get("cpu", "used_cpu_user"));

    const QMap<QString, QString> commandstats = snap.sections.value(QStringLiteral("commandstats"));
    for (auto it = commandstats.cbegin(); it != commandstats.cend(); ++it) {
        if (!it.key().startsWith(u"cmdstat_") || it.key().size() <= 8)
            continue;
        const QMap<QString, QString> f = parseFields(it.value());
        InfoSnapshot::CommandStat cs;
        cs.calls = toInt(f.value(QStringLiteral("calls")));
        cs.usec = toInt(f.value(QStringLiteral("usec")));
        cs.usecPerCall = toDouble(f.value(QStringLiteral("usec_per_call")));
        cs.rejectedCalls = toInt(f.value(QStringLiteral("rejected_calls")));
        cs.failedCalls = toInt(f.value(QStringLiteral("failed_calls")));
        snap.commandStats.insert(it.key().mid(8), cs);
    }

    const QMap<QString, QString> latency = snap.sections.value(QStringLiteral("latencystats"));
    const QLatin1String latencyPrefix("latency_percentiles_usec_");
    for (auto it = latency.cbegin(); it != latency.cend(); ++it) {
        if (!it.key().startsWith(latencyPrefix) || it.key().size() <= latencyPrefix.size())
            continue;
        const QMap<QString, QString> f = parseFields(it.value());
        InfoSnapshot::LatencyPercentiles lp;
        for (auto p = f.cbegin(); p != f.cend(); ++p) {
            bool ok = false;
            const double v = p.value().toDouble(&ok);
            if (!ok)
                continue;
            lp.all.insert(p.key(), v);
            if (p.key() == u"p50")
                lp.p50 = v;
            else if (p.key() == u"p99")
                lp.p99 = v;
            else if (p.key() == u"p99.9")
                lp.p999 = v;
        }
        snap.latencyStats.insert(it.key().mid(latencyPrefix.size()), lp);
    }

    const QMap<QString, QString> errorstats = snap.sections.value(QStringLiteral("errorstats"));
    for (auto it = errorstats.cbegin(); it != errorstats.cend(); ++it) {
        if (!it.key().startsWith(u"errorstat_") || it.key().size() <= 10)
            continue;
        snap.errorStats.insert(it.key().mid(10), toInt(parseFields(it.value()).value(QStringLiteral("count"))));
    }

    const QMap<QString, QString> keyspace = snap.sections.value(QStringLiteral("keyspace"));
    for (auto it = keyspace.cbegin(); it != keyspace.cend(); ++it) {
        if (!it.key().startsWith(u"db"))
            continue;
        bool ok = false;
        const int db = it.key().mid(2).toInt(&ok);
        if (!ok || db < 0)
            continue;
        const QMap<QString, QString> f = parseFields(it.value());
        InfoSnapshot::KeyspaceDb k;
        k.keys = toInt(f.value(QStringLiteral("keys")));
        k.expires = toInt(f.value(QStringLiteral("expires")));
        k.avgTtlMs = toInt(f.value(QStringLiteral("avg_ttl")));
        snap.keyspace.insert(db, k);
    }

    auto &rep = snap.replication;
    rep.role = get("replication", "role");
    rep.connectedSlaves = toInt(get("replication", "connected_slaves"));
    rep.masterReplOffset = toInt(get("replication", "master_repl_offset"));
    rep.masterHost = get("replication", "master_host");
    rep.masterPort = static_cast<int>(toInt(get("replication", "master_port")));
    rep.masterLinkStatus = get("replication", "master_link_status");
    rep.slaveReplOffset = toInt(get("replication", "slave_repl_offset"));
    // slaveN lines, in N order (QMap orders "slave10" before "slave2", so index explicitly).
    const QMap<QString, QString> replication = snap.sections.value(QStringLiteral("replication"));
    QMap<int, InfoSnapshot::ReplicaInfo> replicas;
    for (auto it = replication.cbegin(); it != replication.cend(); ++it) {
        if (!it.key().startsWith(u"slave"))
            continue;
        bool ok = false;
        const int n = it.key().mid(5).toInt(&ok);
        if (!ok || n < 0)
            continue;
        const QMap<QString, QString> f = parseFields(it.value());
        InfoSnapshot::ReplicaInfo r;
        r.ip = f.value(QStringLiteral("ip"));
        r.port = static_cast<int>(toInt(f.value(QStringLiteral("port"))));
        r.state = f.value(QStringLiteral("state"));
        r.offset = toInt(f.value(QStringLiteral("offset")));
        r.lag = toInt(f.value(QStringLiteral("lag")));
        replicas.insert(n, r);
    }
    for (const auto &r : replicas)
        rep.replicas.push_back(r);

    snap.cluster.clusterEnabled = toInt(get("cluster", "cluster_enabled")) != 0;
}

} // namespace

bool InfoSnapshot::has(const QString &section, const QString &key) const
{
    const auto it = sections.constFind(section);
    return it != sections.cend() && it->contains(key);
}

QString InfoSnapshot::value(const QString &section, const QString &key) const
{
    const auto it = sections.constFind(section);
    return it == sections.cend() ? QString() : it->value(key);
}

InfoSnapshot parseInfo(QByteArrayView text)
{
    InfoSnapshot snap;
    QString section;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        QByteArrayView line = text.sliced(pos, end - pos);
        pos = end + 1;
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith('#')) {
            section = QString::fromUtf8(line.sliced(1).trimmed()).toLower();
            snap.sections[section]; // an empty section (e.g. "# Modules") still exists
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        snap.sections[section].insert(QString::fromUtf8(line.first(colon)),
                                      QString::fromUtf8(line.sliced(colon + 1)));
    }
    fillTyped(snap);
    return snap;
}

} // namespace cwb
