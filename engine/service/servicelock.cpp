#include "servicelock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QThread>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <functional>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cwb {

namespace {

constexpr char kSchema[] = "cache-workbench/service-lock";
// Content is written padded to a fixed size at offset 0, so a reader never sees the tail of a
// longer earlier version (the file is never truncated while held).
constexpr size_t kRecordBytes = 1024;
// A GUI looking at the lock holds it shared for a moment; a starting daemon retries that long.
constexpr int kAcquireAttempts = 20;
constexpr int kAcquireRetryMs = 50;

QByteArray readAll(int fd)
{
    QByteArray bytes(int(kRecordBytes) + 1, Qt::Uninitialized);
    const ssize_t n = ::pread(fd, bytes.data(), size_t(bytes.size()), 0);
    bytes.truncate(n > 0 ? int(n) : 0);
    return bytes;
}

// The holder a lock file describes; nullopt when the content is not a lock record of ours.
std::optional<ServiceHolder> parseRecord(const QByteArray &bytes)
{
    const auto json = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (!json.is_object() || json.value("schema", std::string()) != kSchema)
        return std::nullopt;
    const auto text = [&](const char *key) { return QString::fromStdString(json.value(key, std::string())); };
    ServiceHolder h;
    h.service = text("service");
    h.pid = json.value("pid", qint64(0));
    h.host = text("host");
    h.since = QDateTime::fromString(text("since"), Qt::ISODateWithMs);
    h.heartbeat = QDateTime::fromString(text("heartbeat"), Qt::ISODateWithMs);
    h.detail = text("detail");
    return h;
}

// Opens a lock file to look at it (read-only, never through a link, never blocking) and hands
// `read` its descriptor when it is a regular file; nullopt when there is none.
std::optional<ServiceHolder> readLockFile(const QString &lockPath,
                                          const std::function<std::optional<ServiceHolder>(int fd)> &read)
{
    const int fd = ::open(QFile::encodeName(lockPath).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return std::nullopt;
    std::optional<ServiceHolder> found;
    struct stat st = {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
        found = read(fd);
    ::close(fd);
    return found;
}

bool isBlank(const QByteArray &bytes)
{
    return bytes.trimmed().isEmpty();
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

QString ServiceHolder::describe() const
{
    QString text = pid > 0 ? QStringLiteral("pid %1").arg(pid) : QStringLiteral("a process");
    if (!host.isEmpty())
        text += QStringLiteral(" on ") + host;
    if (since.isValid())
        text += QStringLiteral(", since ") + since.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return text;
}

QString ServiceLock::lockPathFor(const QString &path, const QString &service)
{
    return QStringLiteral("%1.%2.lock").arg(path, service);
}

std::unique_ptr<ServiceLock> ServiceLock::acquire(const QString &path, const QString &service, const QString &detail,
                                                  QString *error)
{
    const QString lockPath = lockPathFor(path, service);
    QDir().mkpath(QFileInfo(lockPath).absolutePath());
    // O_NOFOLLOW: a link planted at the lock's name would make us write into whatever it names.
    const int fd = ::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        *error = QStringLiteral("cannot open the lock file %1: %2").arg(lockPath, errnoText());
        return nullptr;
    }
    const auto fail = [&](const QString &why) {
        ::close(fd);
        *error = why;
        return nullptr;
    };
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return fail(QStringLiteral("%1 is not a regular file; not touching it").arg(lockPath));
    const QByteArray before = readAll(fd);
    if (!isBlank(before) && !parseRecord(before))
        return fail(QStringLiteral("%1 exists and is not a Cache Workbench lock file; not touching it").arg(lockPath));
    bool locked = false;
    for (int attempt = 0; attempt < kAcquireAttempts && !locked; ++attempt) {
        locked = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
        if (!locked && errno != EWOULDBLOCK)
            return fail(QStringLiteral("cannot lock %1: %2").arg(lockPath, errnoText()));
        if (!locked)
            QThread::msleep(kAcquireRetryMs);
    }
    if (!locked) {
        const auto other = parseRecord(readAll(fd));
        return fail(QStringLiteral("another %1 daemon already serves %2 (%3); only one may run per file")
                        .arg(service, path, other ? other->describe() : QStringLiteral("a process")));
    }
    // Read again under the lock: the previous holder may have written its last heartbeat meanwhile.
    std::optional<QDateTime> previous;
    if (const auto record = parseRecord(readAll(fd)); record && record->heartbeat.isValid())
        previous = record->heartbeat;
    ServiceHolder self;
    self.service = service;
    self.pid = qint64(::getpid());
    self.host = QHostInfo::localHostName();
    self.since = self.heartbeat = QDateTime::currentDateTimeUtc();
    self.detail = detail;
    std::unique_ptr<ServiceLock> lock(new ServiceLock(fd, std::move(self), previous));
    lock->write();
    return lock;
}

std::optional<ServiceHolder> ServiceLock::holder(const QString &path, const QString &service)
{
    return readLockFile(lockPathFor(path, service), [&](int fd) -> std::optional<ServiceHolder> {
        if (::flock(fd, LOCK_SH | LOCK_NB) == 0) {
            ::flock(fd, LOCK_UN); // nobody holds it: a record left by a daemon that stopped
            return std::nullopt;
        }
        if (errno != EWOULDBLOCK)
            return std::nullopt;
        ServiceHolder found = parseRecord(readAll(fd)).value_or(ServiceHolder{});
        found.service = service;
        return found;
    });
}

std::optional<ServiceHolder> ServiceLock::lastRecord(const QString &path, const QString &service)
{
    return readLockFile(lockPathFor(path, service), [](int fd) { return parseRecord(readAll(fd)); });
}

ServiceLock::ServiceLock(int fd, ServiceHolder self, std::optional<QDateTime> previous)
    : m_fd(fd), m_self(std::move(self)), m_previousHeartbeat(std::move(previous))
{
}

ServiceLock::~ServiceLock()
{
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
}

void ServiceLock::heartbeat(const QDateTime &at)
{
    m_self.heartbeat = at;
    write();
}

void ServiceLock::write()
{
    const nlohmann::json record{{"schema", kSchema},
                                {"service", m_self.service.toStdString()},
                                {"pid", m_self.pid},
                                {"host", m_self.host.toStdString()},
                                {"since", m_self.since.toString(Qt::ISODateWithMs).toStdString()},
                                {"heartbeat", m_self.heartbeat.toString(Qt::ISODateWithMs).toStdString()},
                                {"detail", m_self.detail.toStdString()}};
    std::string text = record.dump();
    if (text.size() >= kRecordBytes)
        return; // cannot happen with sane host names; the lock itself still holds
    text.resize(kRecordBytes - 1, ' ');
    text += '\n';
    [[maybe_unused]] const ssize_t written = ::pwrite(m_fd, text.data(), text.size(), 0);
}

} // namespace cwb
