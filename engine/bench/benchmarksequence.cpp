#include "benchmarksequence.h"

#include "benchmarkrunner.h"
#include "jobs/stopflag.h"
#include "redis/sandboxredis.h"

namespace cwb {

QStringList BenchmarkSequenceResult::completed() const
{
    QStringList names;
    for (const BenchmarkResult &r : results)
        if (r.status == BenchmarkStatus::Completed)
            names << r.benchmark;
    return names;
}

QString BenchmarkSequenceResult::cancelled() const
{
    for (const BenchmarkResult &r : results)
        if (r.status == BenchmarkStatus::Cancelled)
            return r.benchmark;
    return {};
}

bool BenchmarkSequenceResult::anyFailed() const
{
    return !failure.isEmpty() || std::any_of(results.begin(), results.end(), [](const BenchmarkResult &r) {
        return r.status == BenchmarkStatus::Failed;
    });
}

BenchmarkSequenceResult runBenchmarkSequence(const BenchmarkSequence &sequence, const std::atomic<bool> *cancel,
                                             const std::function<void(const BenchmarkSequenceProgress &)> &onProgress,
                                             const std::function<void(const BenchmarkResult &)> &onResult)
{
    BenchmarkSequenceResult out;
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    std::unique_ptr<SandboxRedis> sandbox;
    Endpoint target;
    QString label = sequence.targetLabel;
    if (sequence.endpoint) {
        target = *sequence.endpoint;
    } else {
        sandbox = std::make_unique<SandboxRedis>();
        QString error;
        if (!sandbox->start(&error)) {
            out.failure = QStringLiteral("cannot start the sandbox: ") + error;
            out.notRun = sequence.names;
            return out;
        }
        target = sandbox->endpoint();
        label = kSandboxTargetLabel;
    }

    BenchmarkSequenceProgress progress;
    progress.total = int(sequence.names.size());
    for (int i = 0; i < progress.total; ++i) {
        const QString &name = sequence.names[i];
        if (cancelled()) {
            out.notRun = sequence.names.mid(i);
            break;
        }
        progress.index = i;
        progress.benchmark = name;
        progress.fraction = 0;
        progress.message.clear();
        if (onProgress)
            onProgress(progress);
        BenchmarkResult result;
        if (auto benchmark = createBenchmark(name)) {
            BenchmarkContext context;
            context.endpoint = target;
            context.targetLabel = label;
            context.keyPrefix = sequence.keyPrefix;
            context.allowExistingKeys = sequence.allowExistingKeys;
            if (const auto it = sequence.parameters.find(name); it != sequence.parameters.end())
                context.parameters = it->second;
            context.cancel = cancel;
            context.allowEvictionSandbox = sequence.allowEvictionSandbox;
            context.progress = [&](double fraction, const QString &message) {
                progress.fraction = fraction;
                progress.message = message;
                if (onProgress)
                    onProgress(progress);
            };
            result = runBenchmark(*benchmark, context);
        } else {
            result.benchmark = name;
            result.status = BenchmarkStatus::Failed;
            result.failureReason = QStringLiteral("unknown benchmark '%1'").arg(name);
        }
        if (onResult)
            onResult(result);
        progress.finished.push_back(std::make_shared<const BenchmarkResult>(result));
        out.results.push_back(std::move(result));
    }
    return out;
}

BenchmarkSequenceJob *makeBenchmarkSequenceJob(BenchmarkSequence sequence, QObject *parent)
{
    return new BenchmarkSequenceJob(
        QStringLiteral("benchmarks"),
        [sequence = std::move(sequence)](const BenchmarkSequenceJob::Context &context) {
            const jobs::StopFlag stop(context.stopToken());
            BenchmarkSequenceProgress latest;
            BenchmarkSequenceResult result = runBenchmarkSequence(
                sequence, stop.get(),
                [&](const BenchmarkSequenceProgress &p) {
                    latest = p;
                    context.report(latest);
                },
                [&](const BenchmarkResult &finished) {
                    latest.finished.push_back(std::make_shared<const BenchmarkResult>(finished));
                    context.report(latest);
                });
            if (!result.failure.isEmpty())
                context.fail(result.failure);
            return result;
        },
        parent);
}

} // namespace cwb
