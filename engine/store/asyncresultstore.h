#pragma once

// The GUI's way to the result store: a ResultStore that lives on its own worker QThread, so
// no query or write ever runs on the GUI thread. Requests are queued in order; each returns a
// request number echoed by the matching signal. Signals arrive on the thread that owns the
// AsyncResultStore (the GUI thread).

#include "resultstore.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace cwb {

class StoreWorker;
namespace jobs {
class Inbox;
}

class AsyncResultStore : public QObject
{
    Q_OBJECT
public:
    // Starts the worker thread and queues open(path) (path empty = ResultStore::resolveStorePath()).
    explicit AsyncResultStore(const QString &path = {}, QObject *parent = nullptr);
    // Finishes every queued request (a run being saved is not lost), then stops the thread.
    ~AsyncResultStore() override;
    // The file it opens (resolved as ResultStore::resolveStorePath does): what a daemon's lock is named after.
    const QString &path() const { return m_path; }

    quint64 saveRun(const RunResult &result, const QString &suiteId = {});
    quint64 saveStoredRun(const StoredRun &run);
    quint64 loadRun(const QString &runId);
    quint64 listRuns(const RunFilter &filter = {});
    quint64 deleteRun(const QString &runId);
    quint64 setBaseline(const QString &runId);
    quint64 clearBaseline(const QString &runId);

    // Runs `job` on the worker thread with the worker's ResultStore; then `done` (optional) is
    // called on this object's thread with the job's result. Use for everything else
    // (benchmarks, alerts, monitoring, comparisons). `done` is dropped if this object is gone.
    template<typename R>
    quint64 submit(std::function<R(ResultStore &)> job, std::function<void(R)> done = {})
    {
        auto result = std::make_shared<R>();
        return enqueue([job, result](ResultStore &store) { *result = job(store); },
                       [done, result] { if (done) done(std::move(*result)); });
    }
    quint64 submitVoid(std::function<void(ResultStore &)> job, std::function<void()> done = {});

    // Blocks until every request queued so far has run (for tests and shutdown paths).
    void waitForIdle();

signals:
    void opened(const QString &path, const QString &recoveryMessage); // recoveryMessage may be empty
    void openFailed(const QString &error);
    void runSaved(quint64 request, const QString &runId);
    void runLoaded(quint64 request, std::shared_ptr<const cwb::StoredRun> run); // null when missing
    void runsListed(quint64 request, std::shared_ptr<const std::vector<cwb::RunRow>> rows);
    void runDeleted(quint64 request, const QString &runId);
    void baselineChanged(quint64 request, const QString &runId);
    void requestFailed(quint64 request, const QString &error);
    // Any write committed (runs, baselines): views showing stored data refresh.
    void storeChanged();

private:
    quint64 enqueue(std::function<void(ResultStore &)> job, std::function<void()> done);

    QString m_path;
    QThread m_thread;
    StoreWorker *m_worker = nullptr; // lives on m_thread
    jobs::Inbox *m_replies;          // a child: runs the `done` parts in this object's thread
    quint64 m_nextRequest = 1;
};

} // namespace cwb

Q_DECLARE_METATYPE(std::shared_ptr<const cwb::StoredRun>)
Q_DECLARE_METATYPE(std::shared_ptr<const std::vector<cwb::RunRow>>)
