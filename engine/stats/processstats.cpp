#include "processstats.h"

#include <sys/resource.h>

#include <QByteArray>
#include <QDateTime>
#include <QFile>

#include <unistd.h>

#include <algorithm>
#include <chrono>

namespace cwb {

namespace {

QByteArray readProcFile(qint64 pid, const char *name)
{
    const QString path = pid == 0 ? QStringLiteral("/proc/self/") + QLatin1String(name)
                                  : QStringLiteral("/proc/%1/").arg(pid) + QLatin1String(name);
    QFile file(path);
    // /proc files report size 0: read until EOF rather than trusting size().
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// "Name:\t value unit" lines of /proc/<pid>/status.
std::optional<qint64> statusField(const QByteArray &status, QByteArrayView name)
{
    for (const QByteArray &line : status.split('\n')) {
        if (!line.startsWith(name) || line.size() <= name.size() || line[name.size()] != ':')
            continue;
        QByteArray value = line.sliced(name.size() + 1).trimmed();
        const qsizetype space = value.indexOf(' ');
        if (space >= 0)
            value.truncate(space);
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        return ok ? std::optional<qint64>(number) : std::nullopt;
    }
    return std::nullopt;
}

} // namespace

ProcessSample sampleProcess(qint64 pid)
{
    ProcessSample sample;
    sample.timestampMs = QDateTime::currentMSecsSinceEpoch();
    sample.monotonicNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                             std::chrono::steady_clock::now().time_since_epoch())
                             .count();
    if (pid < 0)
        return sample;

    const QByteArray stat = readProcFile(pid, "stat");
    const QByteArray status = readProcFile(pid, "status");
    // The command name (field 2) is in parentheses and may itself contain spaces and ')':
    // the fields we want are counted from the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || status.isEmpty())
        return sample;
    const QList<QByteArray> fields = stat.mid(close + 2).simplified().split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    constexpr int kUtime = 14 - 3;
    constexpr int kStime = 15 - 3;
    if (fields.size() <= kStime)
        return sample;
    bool okUser = false, okSystem = false;
    const qulonglong utime = fields[kUtime].toULongLong(&okUser);
    const qulonglong stime = fields[kStime].toULongLong(&okSystem);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    const auto rssKb = statusField(status, "VmRSS");
    const auto threads = statusField(status, "Threads");
    if (!okUser || !okSystem || ticksPerSecond <= 0 || !threads)
        return sample;

    sample.cpuUserSec = double(utime) / double(ticksPerSecond);
    sample.cpuSystemSec = double(stime) / double(ticksPerSecond);
    if (pid == 0) {
        // Our own process: getrusage() has microsecond resolution where /proc counts 10 ms
        // ticks, which matters for CPU per operation over short or light runs.
        rusage usage{};
        if (getrusage(RUSAGE_SELF, &usage) == 0) {
            sample.cpuUserSec = double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6;
            sample.cpuSystemSec = double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
        }
    }
    sample.rssBytes = rssKb.value_or(0) * 1024; // kernel threads and zombies have no VmRSS line
    sample.threads = int(*threads);
    sample.valid = true;
    return sample;
}

CpuMeter::CpuMeter(qint64 pid)
    : m_pid(pid)
    , m_last(sampleProcess(pid))
{
}

std::optional<double> CpuMeter::cpuPercent(const ProcessSample &earlier, const ProcessSample &later)
{
    if (!earlier.valid || !later.valid || later.monotonicNs <= earlier.monotonicNs)
        return std::nullopt;
    const double cpu = (later.cpuUserSec + later.cpuSystemSec) - (earlier.cpuUserSec + earlier.cpuSystemSec);
    const double wall = double(later.monotonicNs - earlier.monotonicNs) / 1e9;
    return std::max(0.0, cpu / wall * 100.0);
}

std::optional<double> CpuMeter::poll()
{
    const ProcessSample now = sampleProcess(m_pid);
    const auto percent = cpuPercent(m_last, now);
    if (now.valid)
        m_last = now;
    return percent;
}

} // namespace cwb
