// CLUSTER NODES text comes from servers the user points the workbench at.
#include "cluster/clusterparsers.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    (void)cwb::parseClusterNodes(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    return 0;
}
