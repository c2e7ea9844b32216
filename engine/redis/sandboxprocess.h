#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <sys/types.h>

// Internal to SandboxRedis: starting and reaping its redis-server processes.
namespace cwb::sandboxprocess {

// Starts `program` (an absolute path) with `args` (argv[1..]), its stdin fed with `stdinData`
// (then EOF) and its stdout and stderr appended to `logPath`. The child gets
// PR_SET_PDEATHSIG(SIGKILL). Returns the pid, or -1 with *error set (e.g. exec failed).
//
// The kernel delivers PDEATHSIG when the *thread* that forked exits, not the process: a
// server forked from a short-lived worker thread (a QThreadPool thread that expires) would
// die with that thread. So every fork happens on one private thread that lives until the
// process exits, whichever thread calls spawn().
pid_t spawn(const QByteArray &program, const QList<QByteArray> &args, const QByteArray &stdinData,
            const QByteArray &logPath, QString *error);

// Reaps `pid` if it has exited. True when the process is gone (reaped now or earlier);
// *exitStatus gets the raw wait status when reaped now.
bool reapIfExited(pid_t pid, int *exitStatus = nullptr);
// SIGTERM (plus SIGCONT, so a paused server can act on it), then SIGKILL after graceMs;
// always reaps. graceMs = 0 sends SIGKILL straight away.
void terminate(pid_t pid, int graceMs);

// A process-wide registry of live sandboxes, keyed by their owner, so that a normal process
// exit (std::atexit) kills their servers and removes their folders even when an owner is
// leaked or is a static destroyed after the handler ran.
void track(const void *owner, pid_t pid, const QString &workDir);
// Removes the owner's entry. False when the exit handler already cleaned it up, in which
// case the pid may have been reused and must not be signalled.
bool untrack(const void *owner);
bool isTracked(const void *owner);

// Removes a folder tree without Qt, so it is also usable from the exit handler.
void removeTree(const QByteArray &path);

} // namespace cwb::sandboxprocess
