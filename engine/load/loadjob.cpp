#include "loadjob.h"

namespace cwb {

LoadJob::LoadJob(LoadTestConfig config, Endpoint endpoint, QObject *parent)
    : LoadJob(std::move(config), std::move(endpoint), LoadRunOptions{}, parent)
{
}

LoadJob::LoadJob(LoadTestConfig config, Endpoint endpoint, LoadRunOptions options, QObject *parent)
    : LoadJob(std::make_shared<LoadRun>(std::move(config), std::move(endpoint), options), parent)
{
}

// The LoadRun is used by the body only; the owner keeps nothing of it but the id.
LoadJob::LoadJob(std::shared_ptr<LoadRun> run, QObject *parent)
    : Job(
          QStringLiteral("load test"),
          [run](const Context &context) {
              const std::stop_callback forward(context.stopToken(), [&run] { run->requestStop(); });
              RunResult result = run->execute([&context](const RunSnapshot &snapshot) { context.report(snapshot); });
              if (result.status == RunStatus::Failed)
                  context.fail(result.failureReason);
              return result;
          },
          parent),
      m_runId(run->runId())
{
}

} // namespace cwb
