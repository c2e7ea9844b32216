#include "codec.h"

#include "load/random.h"

#include <zlib.h>
#include <zstd.h>

namespace cwb {

QString codecName(Codec codec)
{
    switch (codec) {
    case Codec::None: return QStringLiteral("none");
    case Codec::Zstd: return QStringLiteral("zstd");
    case Codec::Zlib: return QStringLiteral("zlib");
    }
    return {};
}

std::optional<Codec> codecFromName(const QString &name)
{
    for (Codec c : {Codec::None, Codec::Zstd, Codec::Zlib})
        if (codecName(c) == name)
            return c;
    return std::nullopt;
}

QByteArray compressValue(Codec codec, QByteArrayView data, int level)
{
    switch (codec) {
    case Codec::None:
        return data.toByteArray();
    case Codec::Zstd: {
        QByteArray out(qsizetype(ZSTD_compressBound(size_t(data.size()))), Qt::Uninitialized);
        const size_t n = ZSTD_compress(out.data(), size_t(out.size()), data.data(), size_t(data.size()),
                                       level > 0 ? level : ZSTD_CLEVEL_DEFAULT);
        if (ZSTD_isError(n))
            return {};
        out.resize(qsizetype(n));
        return out;
    }
    case Codec::Zlib: {
        uLongf n = compressBound(uLong(data.size()));
        QByteArray out(qsizetype(n), Qt::Uninitialized);
        if (compress2(reinterpret_cast<Bytef *>(out.data()), &n, reinterpret_cast<const Bytef *>(data.data()),
                      uLong(data.size()), level > 0 ? level : Z_DEFAULT_COMPRESSION)
            != Z_OK)
            return {};
        out.resize(qsizetype(n));
        return out;
    }
    }
    return {};
}

std::optional<QByteArray> decompressValue(Codec codec, QByteArrayView data, qsizetype originalSize)
{
    switch (codec) {
    case Codec::None:
        return data.toByteArray();
    case Codec::Zstd: {
        QByteArray out(originalSize, Qt::Uninitialized);
        const size_t n = ZSTD_decompress(out.data(), size_t(out.size()), data.data(), size_t(data.size()));
        if (ZSTD_isError(n) || qsizetype(n) != originalSize)
            return std::nullopt;
        return out;
    }
    case Codec::Zlib: {
        QByteArray out(originalSize, Qt::Uninitialized);
        uLongf n = uLongf(originalSize);
        if (uncompress(reinterpret_cast<Bytef *>(out.data()), &n, reinterpret_cast<const Bytef *>(data.data()),
                       uLong(data.size()))
                != Z_OK
            || qsizetype(n) != originalSize)
            return std::nullopt;
        return out;
    }
    }
    return std::nullopt;
}

QString payloadKindName(PayloadKind kind)
{
    switch (kind) {
    case PayloadKind::Json: return QStringLiteral("json");
    case PayloadKind::Random: return QStringLiteral("random");
    case PayloadKind::Repetitive: return QStringLiteral("repetitive");
    }
    return {};
}

std::optional<PayloadKind> payloadKindFromName(const QString &name)
{
    for (PayloadKind k : {PayloadKind::Json, PayloadKind::Random, PayloadKind::Repetitive})
        if (payloadKindName(k) == name)
            return k;
    return std::nullopt;
}

QByteArray makePayload(PayloadKind kind, int size, uint64_t seed)
{
    Random rng(seed * 0x9E3779B97F4A7C15ULL + uint64_t(kind) + 1);
    QByteArray out;
    out.reserve(size + 256);
    switch (kind) {
    case PayloadKind::Random:
        while (out.size() < size) {
            const uint64_t w = rng.next();
            out.append(reinterpret_cast<const char *>(&w), sizeof w);
        }
        break;
    case PayloadKind::Repetitive: {
        const QByteArray line = QByteArrayLiteral("INFO request handled path=/api/v1/items status=200 bytes=");
        while (out.size() < size)
            out += line + QByteArray::number(qulonglong(rng.nextBelow(4))) + '\n';
        break;
    }
    case PayloadKind::Json: {
        static const char *const names[] = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
                                            "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil"};
        static const char *const tags[] = {"new", "vip", "trial", "churn-risk", "beta", "eu", "us", "apac"};
        out += "{\"items\":[";
        for (int i = 0; out.size() < size; ++i) {
            const char *name = names[rng.nextBelow(16)];
            out += (i ? ",{" : "{");
            out += "\"id\":" + QByteArray::number(qulonglong(100000 + rng.nextBelow(900000)));
            out += ",\"name\":\"" + QByteArray(name) + '_' + QByteArray::number(qulonglong(rng.nextBelow(10000))) + '"';
            out += ",\"email\":\"" + QByteArray(name) + QByteArray::number(qulonglong(rng.nextBelow(1000)))
                   + "@example.com\"";
            out += ",\"score\":" + QByteArray::number(rng.nextDouble() * 100, 'f', 3);
            out += ",\"active\":" + QByteArray(rng.nextBelow(2) ? "true" : "false");
            out += ",\"tags\":[\"" + QByteArray(tags[rng.nextBelow(8)]) + "\",\"" + QByteArray(tags[rng.nextBelow(8)])
                   + "\"]";
            out += ",\"created\":\"2024-0" + QByteArray::number(qulonglong(1 + rng.nextBelow(9))) + "-1"
                   + QByteArray::number(qulonglong(rng.nextBelow(10))) + "T1" + QByteArray::number(qulonglong(rng.nextBelow(10)))
                   + ":" + QByteArray::number(qulonglong(10 + rng.nextBelow(50))) + ":00Z\"}";
        }
        out += "]}";
        break;
    }
    }
    out.truncate(size);
    return out;
}

} // namespace cwb
