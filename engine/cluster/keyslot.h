#pragma once

#include <QByteArrayView>

#include <cstdint>

namespace cwb {

inline constexpr int kClusterSlots = 16384;

// CRC16-CCITT in the XMODEM variant (poly 0x1021, init 0, no reflection, no final xor):
// the checksum Redis Cluster uses for key slots. crc16("123456789") == 0x31C3.
uint16_t crc16Xmodem(QByteArrayView data);

// The part of a key Redis hashes: the text between the first '{' and the first '}' after
// it, when that text is not empty; otherwise the whole key. "{user1000}.following" ->
// "user1000", "foo{}{bar}" -> whole key, "foo{{bar}}zap" -> "{bar".
QByteArrayView hashTag(QByteArrayView key);

// The Redis Cluster slot (0-16383) of a key, exactly as CLUSTER KEYSLOT computes it.
int keySlot(QByteArrayView key);

} // namespace cwb
