#include "distributedjob.h"

namespace cwb {

DistributedLoadJob::DistributedLoadJob(LoadTestConfig config, Endpoint target, CoordinatorOptions options,
                                       QObject *parent)
    : DistributedLoadJob(std::make_shared<Coordinator>(std::move(config), std::move(target), std::move(options)),
                         parent)
{
}

DistributedLoadJob::DistributedLoadJob(std::shared_ptr<Coordinator> coordinator, QObject *parent)
    : Job(
          QStringLiteral("distributed load test"),
          [coordinator](const Context &context) {
              const std::stop_callback forward(context.stopToken(), [&coordinator] { coordinator->requestStop(); });
              RunResult result =
                  coordinator->execute([&context](const RunSnapshot &snapshot) { context.report(snapshot); });
              if (result.status == RunStatus::Failed)
                  context.fail(result.failureReason);
              return result;
          },
          parent),
      m_runId(coordinator->runId())
{
}

} // namespace cwb
