#pragma once

#include <QtGlobal>

#include <optional>

namespace cwb {

// One reading of a process's resource use, from /proc (Linux).
struct ProcessSample
{
    bool valid = false;       // false when the process does not exist or /proc is unreadable
    qint64 timestampMs = 0;   // wall clock (ms since the epoch), for time series
    qint64 monotonicNs = 0;   // steady clock, for rates: the wall clock may jump between samples
    double cpuUserSec = 0;    // CPU time since the process started
    double cpuSystemSec = 0;
    qint64 rssBytes = 0;      // resident set size
    int threads = 0;
};

// Reads /proc/<pid>/stat and /proc/<pid>/status; pid 0 means this process.
ProcessSample sampleProcess(qint64 pid = 0);

// Turns consecutive samples of one process into CPU use, where 100% is one core fully busy
// (so a process using two cores shows 200%, as top does).
class CpuMeter
{
public:
    explicit CpuMeter(qint64 pid = 0);

    // CPU % between two samples; nullopt when either is invalid or no time passed.
    static std::optional<double> cpuPercent(const ProcessSample &earlier, const ProcessSample &later);

    // Takes a new sample and returns the CPU % since the previous one (the first call measures
    // from construction). nullopt when the process is gone.
    std::optional<double> poll();
    const ProcessSample &lastSample() const { return m_last; }
    qint64 pid() const { return m_pid; }

private:
    qint64 m_pid = 0;
    ProcessSample m_last;
};

} // namespace cwb
