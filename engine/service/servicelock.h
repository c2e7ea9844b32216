#pragma once

// One instance of a headless service (the warm daemon, the monitor daemon) per file it owns, and a
// way for the GUI to see that a daemon holds it.
//
// The lock is an flock(2) on "<path>.<service>.lock" next to the file (the warming plans, the
// result store). The kernel drops it when the holder dies, however it dies, so a crash never
// leaves a stale lock; the file's content (pid, host, since, heartbeat) only describes the holder.
// The file is the workbench's own: a path that is a link, a directory or a file with other
// content is refused and left as it is. The heartbeat is the last time the holder looked at its
// schedule: a warm daemon that starts again catches up from there (warmscheduler.h).

#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>

namespace cwb {

// The services and the file each locks: the warm daemon its plans file (warmservice.h), the
// monitor daemon the result store it writes.
inline constexpr char kMonitorServiceName[] = "monitor";

struct ServiceHolder
{
    QString service;     // "warm", "monitor"
    qint64 pid = 0;      // 0 when the holder had not written its details yet
    QString host;
    QDateTime since;     // when it took the lock
    QDateTime heartbeat; // when it last said so
    QString detail;      // what it serves (the monitor daemon: the target's address)

    QString describe() const; // "pid 1234 on host, since 2026-03-02 10:00"
};

class ServiceLock
{
public:
    // Takes the lock, or returns nullptr with *error saying why (another holder, named; a file
    // that is not ours; a folder that cannot be written).
    static std::unique_ptr<ServiceLock> acquire(const QString &path, const QString &service, const QString &detail,
                                                QString *error);
    // Who holds the lock now; nullopt when nobody does. Never blocks and never writes.
    static std::optional<ServiceHolder> holder(const QString &path, const QString &service);
    // What the lock file says, held or not: after a daemon stopped, its last heartbeat tells a
    // taker-over from when on it must look at the schedule. Never blocks and never writes.
    static std::optional<ServiceHolder> lastRecord(const QString &path, const QString &service);
    static QString lockPathFor(const QString &path, const QString &service);

    ~ServiceLock(); // releases the lock; the file and its last heartbeat stay for the next holder
    ServiceLock(const ServiceLock &) = delete;
    ServiceLock &operator=(const ServiceLock &) = delete;

    const ServiceHolder &self() const { return m_self; }
    // The previous holder's last heartbeat, if one ever held this lock.
    const std::optional<QDateTime> &previousHeartbeat() const { return m_previousHeartbeat; }
    // Records that the holder is alive and has looked at its work up to `at`.
    void heartbeat(const QDateTime &at);

private:
    ServiceLock(int fd, ServiceHolder self, std::optional<QDateTime> previous);
    void write();

    int m_fd = -1;
    ServiceHolder m_self;
    std::optional<QDateTime> m_previousHeartbeat;
};

} // namespace cwb
