#include "keyslot.h"

#include <array>

namespace cwb {

namespace {

constexpr std::array<uint16_t, 256> makeTable()
{
    std::array<uint16_t, 256> table{};
    for (int i = 0; i < 256; ++i) {
        uint16_t crc = uint16_t(i << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? uint16_t((crc << 1) ^ 0x1021) : uint16_t(crc << 1);
        table[size_t(i)] = crc;
    }
    return table;
}

constexpr std::array<uint16_t, 256> kTable = makeTable();

} // namespace

uint16_t crc16Xmodem(QByteArrayView data)
{
    uint16_t crc = 0;
    for (const char c : data)
        crc = uint16_t((crc << 8) ^ kTable[((crc >> 8) ^ uint8_t(c)) & 0xff]);
    return crc;
}

QByteArrayView hashTag(QByteArrayView key)
{
    const qsizetype open = key.indexOf('{');
    if (open < 0)
        return key;
    const qsizetype close = key.sliced(open + 1).indexOf('}');
    // "{}" (nothing between) and an unclosed '{' both hash the whole key, as in Redis.
    if (close <= 0)
        return key;
    return key.sliced(open + 1, close);
}

int keySlot(QByteArrayView key)
{
    return crc16Xmodem(hashTag(key)) & (kClusterSlots - 1);
}

} // namespace cwb
