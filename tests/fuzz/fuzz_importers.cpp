// Files users import: memtier_benchmark JSON, redis-benchmark CSV, warming plans, CSV rows
// and access traces for the warming strategies.
#include "store/importers.h"
#include "warming/accesstrace.h"
#include "warming/filesources.h"
#include "warming/warmingplan.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)cwb::importMemtierJson(bytes);
    (void)cwb::importRedisBenchmarkCsv(bytes);
    (void)cwb::parseWarmingPlan(bytes);
    QString error;
    (void)cwb::parseAccessTrace(bytes, &error);
    QList<QByteArray> fields;
    (void)cwb::parseCsvRecord(bytes, fields, &error);
    return 0;
}
