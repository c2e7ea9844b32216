// Cron expressions come from users and saved warming plans.
#include "warming/cronexpression.h"

#include <QTimeZone>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const auto cron = cwb::CronExpression::parse(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    if (cron) {
        // Finding the next fire times must terminate for anything that parses (Feb 30 included).
        const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        (void)cron->nextTimes(start, 3, QTimeZone::utc());
    } else if (error.isEmpty()) {
        __builtin_trap(); // every rejection names the field
    }
    return 0;
}
