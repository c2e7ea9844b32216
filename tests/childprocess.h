#pragma once

// A child process for tests: the command-line tool, the store helper, promtool, a D-Bus daemon.
// Header-only.
//
// Tests start programs with posix_spawn() rather than QProcess: clang's ThreadSanitizer runtime
// (14 and 16 alike) aborts in the clone() that QProcess's forkfd makes ("CHECK failed:
// ((!thr->slot)) != (0)"), which kept every test that starts a program out of the TSan stage.
// posix_spawn() is not intercepted, and one way to start programs in all three CI stages means
// the sanitized stages test what the normal one does.

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cwb::test {

class Child
{
public:
    Child() = default;
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;
    // A child still running is killed and reaped: a failed test leaves nothing behind.
    ~Child()
    {
        if (m_pid > 0 && !m_exited) {
            ::kill(m_pid, SIGKILL);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
        }
        closeAll();
    }

    // `extraEnv`: "NAME=value" pairs added to (or replacing in) this process's environment; a bare
    // "NAME" removes it.
    bool start(const QString &program, const QStringList &args, const QStringList &extraEnv = {})
    {
        std::vector<QByteArray> argBytes{program.toLocal8Bit()};
        for (const QString &a : args)
            argBytes.push_back(a.toLocal8Bit());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &pair : extraEnv) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq < 0)
                env.remove(pair);
            else
                env.insert(pair.left(eq), pair.mid(eq + 1));
        }
        std::vector<QByteArray> envBytes;
        for (const QString &pair : env.toStringList())
            envBytes.push_back(pair.toLocal8Bit());
        std::vector<char *> argv, envp;
        for (QByteArray &a : argBytes)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        for (QByteArray &e : envBytes)
            envp.push_back(e.data());
        envp.push_back(nullptr);

        int in[2], out[2], err[2];
        if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
            m_error = QStringLiteral("pipe: ") + QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_adddup2(&actions, err[1], 2);
        const int spawned = ::posix_spawnp(&m_pid, argv[0], &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        for (int fd : {in[0], out[1], err[1]})
            ::close(fd);
        m_in = in[1];
        m_out = out[0];
        m_err = err[0];
        if (spawned != 0) {
            m_pid = -1;
            closeAll();
            m_error = QStringLiteral("cannot start %1: %2").arg(program, QString::fromLocal8Bit(std::strerror(spawned)));
            return false;
        }
        for (int fd : {m_out, m_err})
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        return true;
    }

    QString errorString() const { return m_error; }
    pid_t pid() const { return m_pid; }

    void write(const QByteArray &data)
    {
        for (qsizetype done = 0; m_in >= 0 && done < data.size();) {
            const ssize_t n = ::write(m_in, data.constData() + done, size_t(data.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return;
            done += n;
        }
    }
    void closeStdin() { closeFd(m_in); }

    bool signal(int signalNumber) { return m_pid > 0 && !m_exited && ::kill(m_pid, signalNumber) == 0; }

    // Whether it still runs (reaps it if it ended).
    bool running()
    {
        reap(WNOHANG);
        return m_pid > 0 && !m_exited;
    }

    // The next line of standard output, without its newline, if one comes within `timeoutMs`.
    std::optional<QByteArray> readLine(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            if (const qsizetype nl = m_outBuffer.indexOf('\n'); nl >= 0) {
                const QByteArray line = m_outBuffer.left(nl);
                m_outBuffer.remove(0, nl + 1);
                return line;
            }
            if (clock.elapsed() >= timeoutMs || (m_out < 0 && m_err < 0))
                return std::nullopt;
            pump(10);
        }
    }

    // Everything read from standard output / error so far (and drained now), taken out.
    QByteArray takeOut()
    {
        pump(0);
        return std::exchange(m_outBuffer, {});
    }
    QByteArray takeErr()
    {
        pump(0);
        return std::exchange(m_errBuffer, {});
    }

    // Reads its output until it exits or `timeoutMs` passed; false: still running.
    bool waitForFinished(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            pump(10);
            if (reap(WNOHANG)) {
                pump(0); // what it wrote before it ended
                return true;
            }
            if (clock.elapsed() >= timeoutMs)
                return false;
        }
    }

    bool exitedNormally() const { return m_exited && WIFEXITED(m_status); }
    int exitCode() const { return exitedNormally() ? WEXITSTATUS(m_status) : -1; }
    // The signal that ended it, 0 if it exited.
    int terminatingSignal() const { return m_exited && WIFSIGNALED(m_status) ? WTERMSIG(m_status) : 0; }

private:
    // Waits up to `ms` for output and reads what is there.
    void pump(int ms)
    {
        pollfd fds[2] = {{m_out, POLLIN, 0}, {m_err, POLLIN, 0}};
        if (m_out < 0 && m_err < 0) {
            if (ms > 0)
                ::usleep(useconds_t(ms) * 1000);
            return;
        }
        if (::poll(fds, 2, ms) <= 0)
            return;
        drain(m_out, m_outBuffer);
        drain(m_err, m_errBuffer);
    }

    static void drain(int &fd, QByteArray &sink)
    {
        char buffer[4096];
        while (fd >= 0) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n > 0) {
                sink.append(buffer, n);
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else {
                if (n == 0 || errno != EAGAIN)
                    closeFd(fd); // end of file: the child (and whoever inherited it) closed it
                return;
            }
        }
    }

    bool reap(int flags)
    {
        if (m_pid <= 0 || m_exited)
            return m_exited;
        const pid_t ended = ::waitpid(m_pid, &m_status, flags);
        m_exited = ended == m_pid;
        return m_exited;
    }

    static void closeFd(int &fd)
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
    void closeAll()
    {
        closeFd(m_in);
        closeFd(m_out);
        closeFd(m_err);
    }

    pid_t m_pid = -1;
    int m_in = -1;
    int m_out = -1;
    int m_err = -1;
    int m_status = 0;
    bool m_exited = false;
    QByteArray m_outBuffer;
    QByteArray m_errBuffer;
    QString m_error;
};

} // namespace cwb::test
