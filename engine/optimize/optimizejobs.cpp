#include "optimizejobs.h"

#include "budgetguard.h"
#include "cluster/clusterrouter.h"
#include "jobs/stopflag.h"

namespace cwb {

namespace {

using StepContext = jobs::JobContext<jobs::StepProgress>;

std::function<void(const QString &, double)> reporterFor(const StepContext &context, const QString &prefix = {})
{
    return [&context, prefix](const QString &message, double fraction) {
        context.report({prefix + message, fraction});
    };
}

QString keysLeftReason(const QString &keyNamespace, qint64 left, const QString &error = {})
{
    if (!error.isEmpty())
        return QStringLiteral("cleanup of %1 failed: %2").arg(keyNamespace, error);
    return left < 0 ? QStringLiteral("cleanup of %1: the server could not say what is left").arg(keyNamespace)
                    : QStringLiteral("cleanup of %1 left %2 keys").arg(keyNamespace).arg(left);
}

// The frame every experiment on the user's target runs in: a memory budget guard started first
// (which is also the reachability check), a namespace of its own, the job's stop as the
// experiment's cancel flag, and the namespace removed at the end whatever happened.
template <class Result, class Run>
ExperimentOutcome<Result> runOnTarget(const ExperimentTarget &target, const StepContext &context, Run run)
{
    ExperimentOutcome<Result> outcome;
    const auto notStarted = [&](RedisError error) {
        context.fail(error.message);
        outcome.setupError = std::move(error);
        return outcome;
    };
    BudgetGuard guard(target.endpoint, target.memoryBudgetBytes);
    QString error;
    if (!guard.start(&error))
        return notStarted({RedisErrorKind::ConnectionLost,
                           QStringLiteral("cannot connect to %1: %2").arg(target.endpoint.displayUri(), error)});
    ExperimentContext ctx;
    ctx.endpoint = target.endpoint;
    ctx.keyPrefix = target.keyPrefix;
    if (RedisError claimError; !claimExperimentNamespace(ctx, target.allowExistingKeys, &claimError))
        return notStarted(claimError);
    const jobs::StopFlag stop(context.stopToken());
    ctx.cancel = stop.get();
    ctx.memory = &guard;
    ctx.progress = reporterFor(context);
    outcome.result = run(ctx);
    outcome.peakUsedMemoryDelta = guard.peakDelta();
    outcome.stopped = stop.isSet();
    outcome.keyNamespace = ctx.keyPrefix;
    const NamespaceCleanup cleaned = releaseExperimentNamespace(ctx);
    outcome.keysLeft = cleaned.left;
    if (!cleaned.ok())
        context.fail(keysLeftReason(ctx.keyPrefix, cleaned.left, cleaned.error));
    return outcome;
}

template <class Result, class Run>
jobs::Job<jobs::StepProgress, ExperimentOutcome<Result>> *experimentJob(const QString &name, ExperimentTarget target,
                                                                        Run run, QObject *parent)
{
    return new jobs::Job<jobs::StepProgress, ExperimentOutcome<Result>>(
        name,
        [target = std::move(target), run = std::move(run)](const StepContext &context) {
            return runOnTarget<Result>(target, context, run);
        },
        parent);
}

} // namespace

CompressionJob *makeCompressionJob(ExperimentTarget target, CompressionOptions options, QObject *parent)
{
    return experimentJob<CompressionResult>(
        QStringLiteral("compression experiment"), std::move(target),
        [options = std::move(options)](const ExperimentContext &ctx) { return runCompressionExperiment(ctx, options); },
        parent);
}

BatchingJob *makeBatchingJob(ExperimentTarget target, PipelineSweepOptions pipeline, BatchSweepOptions batch,
                             QObject *parent)
{
    return experimentJob<BatchingResult>(
        QStringLiteral("batching experiment"), std::move(target),
        [pipeline = std::move(pipeline), batch = std::move(batch)](const ExperimentContext &ctx) {
            BatchingResult result;
            result.pipeline = runPipelineSweep(ctx, pipeline);
            result.recommendedPipeline = AutoTuner::recommendFromSweep(result.pipeline);
            if (!ctx.cancelled())
                result.batch = runBatchSweep(ctx, batch);
            return result;
        },
        parent);
}

PoolingJob *makePoolingJob(ExperimentTarget target, PoolSweepOptions options, QObject *parent)
{
    return experimentJob<PoolingResult>(
        QStringLiteral("pooling experiment"), std::move(target),
        [options = std::move(options)](const ExperimentContext &ctx) { return runPoolSweep(ctx, options); }, parent);
}

HotKeysJob *makeHotKeysJob(ExperimentTarget target, HotKeyExperimentOptions options, QObject *parent)
{
    return new HotKeysJob(
        QStringLiteral("hot-key experiment"),
        [target = std::move(target), options = std::move(options)](const StepContext &context) {
            auto outcome =
                runOnTarget<HotKeyExperimentResult>(target, context, [&options](const ExperimentContext &ctx) {
                    return runHotKeyExperiment(ctx, options);
                });
            if (!outcome.result.error.isEmpty())
                context.fail(outcome.result.error);
            return outcome;
        },
        parent);
}

KeyScanJob *makeKeyScanJob(KeyScanRequest request, QObject *parent)
{
    return new KeyScanJob(
        QStringLiteral("key scan"),
        [request = std::move(request)](const StepContext &context) {
            const jobs::StopFlag stop(context.stopToken());
            ClusterRouter::Options options;
            options.connection.clientName = QByteArrayLiteral("cwb-keyscan");
            ClusterRouter router(request.endpoint, options);
            ServerHotKeyScan scan;
            context.report({QStringLiteral("connecting to %1").arg(request.endpoint.displayUri()), 0});
            if (!router.connect()) {
                scan.error = router.lastError().message;
                context.fail(scan.error);
                return scan;
            }
            context.report({QStringLiteral("scanning keys under '%1'").arg(request.prefix), 0.1});
            scan = scanServerHotKeys(router, request.prefix, request.maxKeys, request.topN, request.scanCount, stop.get(),
                                     request.scanCallsPerSecond);
            scan.stopped = scan.stopped || stop.isSet();
            if (!scan.error.isEmpty())
                context.fail(scan.error);
            context.report({QStringLiteral("%1 keys sampled").arg(scan.scanned), 1});
            return scan;
        },
        parent);
}

TtlJob *makeTtlJob(TtlReplayOptions options, QObject *parent)
{
    return new TtlJob(
        QStringLiteral("ttl experiment"),
        [options = std::move(options)](const StepContext &context) {
            const jobs::StopFlag stop(context.stopToken());
            ExperimentOutcome<TtlResult> outcome;
            outcome.result = runTtlExperiment(options, stop.get(), reporterFor(context));
            outcome.stopped = stop.isSet();
            // A replay cut short by the stop request reports why; that is not a failure.
            if (!outcome.stopped && !outcome.result.error.isEmpty())
                context.fail(outcome.result.error);
            return outcome;
        },
        parent);
}

namespace {

// The Optimisation page's hot-key part: in a namespace of its own under the tuner's prefix.
HotKeyExperimentResult runHotKeysAfterTuning(const TuningRequest &request, const StepContext &context)
{
    const jobs::StopFlag stop(context.stopToken());
    ExperimentContext ctx;
    ctx.endpoint = request.endpoint;
    ctx.keyPrefix = request.options.keyPrefix;
    ctx.cancel = stop.get();
    ctx.progress = reporterFor(context, QStringLiteral("hot keys: "));
    HotKeyExperimentResult result;
    if (RedisError claimError; !claimExperimentNamespace(ctx, request.options.allowExistingKeys, &claimError)) {
        result.error = claimError.message;
        return result;
    }
    result = runHotKeyExperiment(ctx, *request.hotKeys);
    if (const NamespaceCleanup cleaned = releaseExperimentNamespace(ctx); !cleaned.ok())
        context.fail(keysLeftReason(ctx.keyPrefix, cleaned.left, cleaned.error));
    return result;
}

} // namespace

TuningJob *makeTuningJob(TuningRequest request, QObject *parent)
{
    return new TuningJob(
        QStringLiteral("auto-tuning"),
        [request = std::move(request)](const StepContext &context) {
            TuningOutcome outcome;
            {
                AutoTuner tuner(request.endpoint, request.options);
                // The callback is the only way in, and it cannot outlive the tuner: a stop
                // callback's destructor waits for a call in progress.
                const std::stop_callback forward(context.stopToken(), [&tuner] { tuner.requestStop(); });
                outcome.report = tuner.run(reporterFor(context));
            }
            const TuningReport &report = outcome.report;
            if (report.status == QLatin1String("failed")) {
                context.fail(report.stopReason);
                return outcome;
            }
            if (report.keysLeft != 0)
                context.fail(keysLeftReason(report.keyNamespace, report.keysLeft));
            if (request.hotKeys && !context.stopRequested())
                outcome.hotKeys = runHotKeysAfterTuning(request, context);
            return outcome;
        },
        parent);
}

} // namespace cwb
