#include "sandboxprocess.h"

#include <QDeadlineTimer>
#include <QFile>

#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <ftw.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cwb::sandboxprocess {

namespace {

// The long-lived thread every fork happens on (see spawn()). Its state is deliberately
// leaked: the thread may still be blocked in wait() while static destructors run at exit.
struct Spawner
{
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void()>> jobs;

    Spawner()
    {
        std::thread([this] {
            for (;;) {
                std::function<void()> job;
                {
                    std::unique_lock lock(mutex);
                    wake.wait(lock, [this] { return !jobs.empty(); });
                    job = std::move(jobs.front());
                    jobs.pop_front();
                }
                job();
            }
        }).detach();
    }

    void run(const std::function<void()> &job)
    {
        std::mutex doneMutex;
        std::condition_variable doneWake;
        bool done = false;
        {
            std::lock_guard lock(mutex);
            jobs.push_back([&] {
                job();
                std::lock_guard doneLock(doneMutex);
                done = true;
                doneWake.notify_one();
            });
        }
        wake.notify_one();
        std::unique_lock doneLock(doneMutex);
        doneWake.wait(doneLock, [&] { return done; });
    }
};

Spawner &spawner()
{
    static Spawner *instance = new Spawner;
    return *instance;
}

struct Entry
{
    pid_t pid = 0;
    std::string workDir;
};

struct Registry
{
    std::mutex mutex;
    std::map<const void *, Entry> entries;
};

Registry &registry()
{
    // Leaked on purpose: the exit handler may run after static destructors.
    static Registry *instance = new Registry;
    return *instance;
}

void killAllAtExit()
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    for (auto &[owner, entry] : r.entries) {
        if (entry.pid > 0) {
            ::kill(entry.pid, SIGKILL);
            ::waitpid(entry.pid, nullptr, 0);
        }
        if (!entry.workDir.empty())
            removeTree(QByteArray::fromStdString(entry.workDir));
    }
    r.entries.clear();
}

int removeEntry(const char *path, const struct stat *, int, struct FTW *)
{
    ::remove(path);
    return 0;
}

// The child side of spawn(): only async-signal-safe calls between fork() and exec().
[[noreturn]] void execChild(pid_t parent, const char *program, char *const *argv, int stdinFd, int logFd,
                            int errorFd)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The parent may have died before prctl() took effect; then nobody would ever stop us.
    if (::getppid() != parent)
        ::_exit(127);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(stdinFd, STDIN_FILENO);
    ::dup2(logFd, STDOUT_FILENO);
    ::dup2(logFd, STDERR_FILENO);
    // Other threads' sockets and files may lack O_CLOEXEC; the server must not hold them open.
    // errorFd is O_CLOEXEC and above them all, so it stays open until exec succeeds.
#ifdef SYS_close_range
    if (errorFd > 3)
        ::syscall(SYS_close_range, 3U, static_cast<unsigned>(errorFd) - 1U, 0U);
    ::syscall(SYS_close_range, static_cast<unsigned>(errorFd) + 1U, ~0U, 0U);
#endif
    ::execv(program, argv);
    const int err = errno;
    [[maybe_unused]] auto written = ::write(errorFd, &err, sizeof err);
    ::_exit(127);
}

} // namespace

pid_t spawn(const QByteArray &program, const QList<QByteArray> &args, const QByteArray &stdinData,
            const QByteArray &logPath, QString *error)
{
    // Everything the child needs is built before fork(): it must not allocate.
    std::vector<QByteArray> storage;
    storage.reserve(args.size() + 1);
    storage.push_back(program);
    for (const QByteArray &arg : args)
        storage.push_back(arg);
    std::vector<char *> argv;
    for (QByteArray &arg : storage)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    pid_t pid = -1;
    QString failure;
    spawner().run([&] {
        int stdinPipe[2];
        if (::pipe2(stdinPipe, O_CLOEXEC) != 0) {
            failure = QStringLiteral("pipe: ") + QString::fromLocal8Bit(std::strerror(errno));
            return;
        }
        // The configuration is far below the pipe's capacity, so this write cannot block.
        if (stdinData.size() >= 65536
            || ::write(stdinPipe[1], stdinData.constData(), size_t(stdinData.size())) != stdinData.size()) {
            failure = QStringLiteral("could not pass the configuration to redis-server");
            ::close(stdinPipe[0]);
            ::close(stdinPipe[1]);
            return;
        }
        ::close(stdinPipe[1]);
        const int logFd = ::open(logPath.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (logFd < 0) {
            failure = QStringLiteral("cannot open log file ") + QString::fromLocal8Bit(logPath) + QStringLiteral(": ")
                + QString::fromLocal8Bit(std::strerror(errno));
            ::close(stdinPipe[0]);
            return;
        }
        int errorPipe[2];
        if (::pipe2(errorPipe, O_CLOEXEC) != 0) {
            failure = QStringLiteral("pipe: ") + QString::fromLocal8Bit(std::strerror(errno));
            ::close(stdinPipe[0]);
            ::close(logFd);
            return;
        }
        // Move the error pipe's write end above every other descriptor so close_range can spare it.
        const int highErrorFd = ::fcntl(errorPipe[1], F_DUPFD_CLOEXEC, 1000);
        const int errorFd = highErrorFd >= 0 ? highErrorFd : errorPipe[1];

        const pid_t parent = ::getpid();
        pid = ::fork();
        if (pid == 0)
            execChild(parent, argv[0], argv.data(), stdinPipe[0], logFd, errorFd);
        const int forkErrno = errno;
        ::close(stdinPipe[0]);
        ::close(logFd);
        ::close(errorPipe[1]);
        if (highErrorFd >= 0)
            ::close(highErrorFd);
        if (pid < 0) {
            failure = QStringLiteral("fork: ") + QString::fromLocal8Bit(std::strerror(forkErrno));
            ::close(errorPipe[0]);
            return;
        }
        int execErrno = 0;
        ssize_t got;
        do {
            got = ::read(errorPipe[0], &execErrno, sizeof execErrno);
        } while (got < 0 && errno == EINTR);
        ::close(errorPipe[0]);
        if (got > 0) {
            ::waitpid(pid, nullptr, 0);
            pid = -1;
            failure = QStringLiteral("cannot run ") + QString::fromLocal8Bit(program) + QStringLiteral(": ")
                + QString::fromLocal8Bit(std::strerror(execErrno));
        }
    });
    if (pid < 0 && error)
        *error = failure;
    return pid;
}

bool reapIfExited(pid_t pid, int *exitStatus)
{
    if (pid <= 0)
        return true;
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) {
        if (exitStatus)
            *exitStatus = status;
        return true;
    }
    // ECHILD: already reaped (or not ours): either way there is nothing to wait for.
    return r < 0 && errno == ECHILD;
}

void terminate(pid_t pid, int graceMs)
{
    if (pid <= 0)
        return;
    if (graceMs > 0) {
        ::kill(pid, SIGTERM);
        ::kill(pid, SIGCONT);
        QDeadlineTimer deadline(graceMs);
        while (!deadline.hasExpired()) {
            if (reapIfExited(pid))
                return;
            ::usleep(5000);
        }
    }
    ::kill(pid, SIGKILL);
    ::kill(pid, SIGCONT);
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
}

void track(const void *owner, pid_t pid, const QString &workDir)
{
    static std::once_flag registered;
    std::call_once(registered, [] { std::atexit(killAllAtExit); });
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    r.entries[owner] = Entry{pid, QFile::encodeName(workDir).toStdString()};
}

bool untrack(const void *owner)
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    return r.entries.erase(owner) > 0;
}

bool isTracked(const void *owner)
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    return r.entries.count(owner) > 0;
}

void removeTree(const QByteArray &path)
{
    if (path.isEmpty())
        return;
    ::nftw(path.constData(), removeEntry, 16, FTW_DEPTH | FTW_PHYS);
}

} // namespace cwb::sandboxprocess
