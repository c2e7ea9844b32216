#include "asyncresultstore.h"

#include "jobs/inbox.h"

namespace cwb {

// Owns the worker thread's ResultStore and runs the requests there. Requests and replies travel
// through inboxes rather than queued calls, so ThreadSanitizer sees them handed over (inbox.h).
class StoreWorker : public jobs::Inbox
{
public:
    ResultStore store;
};

AsyncResultStore::AsyncResultStore(const QString &path, QObject *parent)
    : QObject(parent), m_path(ResultStore::resolveStorePath(path)), m_replies(new jobs::Inbox(this))
{
    qRegisterMetaType<std::shared_ptr<const cwb::StoredRun>>();
    qRegisterMetaType<std::shared_ptr<const std::vector<cwb::RunRow>>>();
    m_thread.setObjectName(QStringLiteral("cwb-store"));
    m_worker = new StoreWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();

    auto ok = std::make_shared<bool>(false);
    auto message = std::make_shared<QString>();
    auto openedPath = std::make_shared<QString>();
    enqueue(
        [path = m_path, ok, message, openedPath](ResultStore &store) {
            *ok = store.open(path);
            *openedPath = store.path();
            *message = *ok ? store.recoveryMessage() : store.lastError();
        },
        [this, ok, message, openedPath] {
            if (*ok)
                emit opened(*openedPath, *message);
            else
                emit openFailed(*message);
        });
}

AsyncResultStore::~AsyncResultStore()
{
    // Queued writes run to completion; the store is closed on the thread that opened it.
    m_worker->postAndWait([w = m_worker] { w->store.close(); });
    m_thread.quit();
    m_thread.wait();
}

quint64 AsyncResultStore::enqueue(std::function<void(ResultStore &)> job, std::function<void()> done)
{
    const quint64 request = m_nextRequest++;
    StoreWorker *worker = m_worker;
    // m_replies outlives every job: the destructor waits for the worker thread before the
    // children go, and replies still queued for it are dropped with it.
    worker->post([replies = m_replies, worker, job = std::move(job), done = std::move(done)] {
        job(worker->store);
        if (done)
            replies->post(done);
    });
    return request;
}

quint64 AsyncResultStore::submitVoid(std::function<void(ResultStore &)> job, std::function<void()> done)
{
    return enqueue(std::move(job), std::move(done));
}

void AsyncResultStore::waitForIdle()
{
    m_worker->postAndWait([] {});
}

namespace {

struct Outcome
{
    bool ok = false;
    QString value;
    QString error;
};

} // namespace

quint64 AsyncResultStore::saveRun(const RunResult &result, const QString &suiteId)
{
    StoredRun run;
    run.result = result;
    run.meta.suiteId = suiteId;
    return saveStoredRun(run);
}

quint64 AsyncResultStore::saveStoredRun(const StoredRun &run)
{
    auto out = std::make_shared<Outcome>();
    const quint64 request = m_nextRequest;
    return enqueue(
        [run, out](ResultStore &store) {
            out->value = store.saveRun(run);
            out->ok = !out->value.isEmpty();
            out->error = store.lastError();
        },
        [this, out, request] {
            if (!out->ok) {
                emit requestFailed(request, out->error);
                return;
            }
            emit runSaved(request, out->value);
            emit storeChanged();
        });
}

quint64 AsyncResultStore::loadRun(const QString &runId)
{
    auto run = std::make_shared<std::shared_ptr<const StoredRun>>();
    auto error = std::make_shared<QString>();
    const quint64 request = m_nextRequest;
    return enqueue(
        [runId, run, error](ResultStore &store) {
            if (auto loaded = store.loadRun(runId))
                *run = std::make_shared<const StoredRun>(std::move(*loaded));
            else
                *error = store.lastError();
        },
        [this, run, error, request] {
            if (!*run && !error->startsWith(QLatin1String("no run")))
                emit requestFailed(request, *error);
            emit runLoaded(request, *run);
        });
}

quint64 AsyncResultStore::listRuns(const RunFilter &filter)
{
    auto rows = std::make_shared<std::shared_ptr<const std::vector<RunRow>>>();
    auto error = std::make_shared<QString>();
    const quint64 request = m_nextRequest;
    return enqueue(
        [filter, rows, error](ResultStore &store) {
            *rows = std::make_shared<const std::vector<RunRow>>(store.listRuns(filter));
            *error = store.lastError();
        },
        [this, rows, error, request] {
            if ((*rows)->empty() && !error->isEmpty())
                emit requestFailed(request, *error);
            emit runsListed(request, *rows);
        });
}

quint64 AsyncResultStore::deleteRun(const QString &runId)
{
    auto out = std::make_shared<Outcome>();
    const quint64 request = m_nextRequest;
    return enqueue(
        [runId, out](ResultStore &store) {
            out->ok = store.deleteRun(runId);
            out->error = store.lastError();
        },
        [this, out, runId, request] {
            if (!out->ok) {
                emit requestFailed(request, out->error);
                return;
            }
            emit runDeleted(request, runId);
            emit storeChanged();
        });
}

quint64 AsyncResultStore::setBaseline(const QString &runId)
{
    auto out = std::make_shared<Outcome>();
    const quint64 request = m_nextRequest;
    return enqueue(
        [runId, out](ResultStore &store) {
            out->ok = store.setBaseline(runId);
            out->error = store.lastError();
        },
        [this, out, runId, request] {
            if (!out->ok) {
                emit requestFailed(request, out->error);
                return;
            }
            emit baselineChanged(request, runId);
            emit storeChanged();
        });
}

quint64 AsyncResultStore::clearBaseline(const QString &runId)
{
    auto out = std::make_shared<Outcome>();
    const quint64 request = m_nextRequest;
    return enqueue(
        [runId, out](ResultStore &store) {
            out->ok = store.clearBaseline(runId);
            out->error = store.lastError();
        },
        [this, out, runId, request] {
            if (!out->ok) {
                emit requestFailed(request, out->error);
                return;
            }
            emit baselineChanged(request, runId);
            emit storeChanged();
        });
}

} // namespace cwb
