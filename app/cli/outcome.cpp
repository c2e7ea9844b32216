#include "outcome.h"

#include "exitcodes.h"
#include "terminal.h"

#include "load/keyprefix.h"

#include <array>

namespace cwb::cli {

namespace {

// Strongest first.
constexpr std::array kPrecedence{ExitBadInput,    ExitCannotConnect, ExitFailure,   ExitKeysLeft,
                                 ExitInterrupted, ExitTooManyErrors, ExitRegressed, ExitOk};

int rank(int code)
{
    for (size_t i = 0; i < kPrecedence.size(); ++i) {
        if (kPrecedence[i] == code)
            return int(i);
    }
    return int(kPrecedence.size());
}

// A run that failed before its load started: a configuration problem, or a target it could not
// reach, log in to, select or use (ACL) - all connection failures to a script.
int failedBeforeLoadExit(const RunResult &result)
{
    return result.failureKind == RedisErrorKind::None ? ExitBadInput : ExitCannotConnect;
}

} // namespace

int strongerExit(int a, int b)
{
    return rank(a) <= rank(b) ? a : b;
}

int reportKeysLeft(qint64 left, const QString &keyNamespace, const QString &why, const QString &targetUri,
                   bool userKept)
{
    if (left == 0 || keyNamespace.isEmpty())
        return ExitOk;
    printError(keysLeftMessage(left, keyNamespace, why, targetUri));
    return userKept ? ExitOk : ExitKeysLeft;
}

bool runHasMeasurements(const RunResult &result)
{
    return result.total().count > 0 || !result.series.empty();
}

int finishRun(const RunResult &result, double maxErrorRatePercent)
{
    int code = ExitOk;
    if (result.status == RunStatus::Failed) {
        printError(result.failureReason);
        code = runHasMeasurements(result) ? ExitFailure : failedBeforeLoadExit(result);
    } else if (result.status == RunStatus::Stopped) {
        code = ExitInterrupted;
    }
    if (maxErrorRatePercent >= 0 && result.errorRate() * 100.0 > maxErrorRatePercent) {
        printError(QStringLiteral("error rate %1% is above --max-error-rate %2%")
                       .arg(QString::number(result.errorRate() * 100.0, 'f', 2))
                       .arg(maxErrorRatePercent));
        code = strongerExit(code, ExitTooManyErrors);
    }
    const int keys =
        reportKeysLeft(result.keysLeft, result.keyNamespace, result.cleanupNote, result.target, !result.config.cleanup);
    return strongerExit(code, keys);
}

} // namespace cwb::cli
