#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace cwb {

// Value codecs for the compression experiment. zstd and zlib come from Debian's libzstd-dev and
// zlib1g-dev. Levels are each library's defaults (zstd 3, zlib 6) unless given.
enum class Codec { None, Zstd, Zlib };
QString codecName(Codec codec); // "none", "zstd", "zlib"
std::optional<Codec> codecFromName(const QString &name);

QByteArray compressValue(Codec codec, QByteArrayView data, int level = 0);
// `originalSize` is the uncompressed size (zlib's format does not carry it). nullopt on corrupt input.
std::optional<QByteArray> decompressValue(Codec codec, QByteArrayView data, qsizetype originalSize);

// Synthetic payloads with the compressibility of real cache values.
enum class PayloadKind { Json, Random, Repetitive };
QString payloadKindName(PayloadKind kind); // "json", "random", "repetitive"
std::optional<PayloadKind> payloadKindFromName(const QString &name);
// Exactly `size` bytes; different seeds give different (but alike) values.
//  json: records of ids, names, e-mails, timestamps and numbers, as an API response would carry;
//  random: uniformly random bytes (already compressed or encrypted data);
//  repetitive: a short template line repeated with small changes (logs, padded records).
QByteArray makePayload(PayloadKind kind, int size, uint64_t seed);

} // namespace cwb
