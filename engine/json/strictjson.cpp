#include "strictjson.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace cwb {

namespace {

using nlohmann::json;

QString mebibytes(qsizetype bytes)
{
    return QStringLiteral("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', bytes % (1024 * 1024) ? 1 : 0);
}

// Follows the parser's events to name where a key appears ("valueSize.min", "rules[2].name") and
// to notice the first key given twice in one object.
class DuplicateKeyFinder
{
public:
    bool onEvent(json::parse_event_t event, const json &parsed)
    {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            m_frames.push_back({event == json::parse_event_t::object_start, childName(), {}, {}, -1});
            break;
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            if (!m_frames.empty())
                m_frames.pop_back();
            break;
        case json::parse_event_t::key:
            if (!m_frames.empty()) {
                Frame &frame = m_frames.back();
                frame.lastKey = parsed.get<std::string>();
                if (!frame.keys.insert(frame.lastKey).second && m_duplicate.isEmpty())
                    m_duplicate = join(frame.name, QString::fromStdString(frame.lastKey));
            }
            break;
        case json::parse_event_t::value:
            childName(); // counts the element of an array
            break;
        }
        return true;
    }

    const QString &duplicate() const { return m_duplicate; }

private:
    struct Frame
    {
        bool object = true;
        QString name;
        std::set<std::string> keys;
        std::string lastKey;
        int index = -1; // the last array element started
    };

    static QString join(const QString &parent, const QString &key)
    {
        return parent.isEmpty() ? key : parent + u'.' + key;
    }

    // The name of the value starting now inside the innermost container.
    QString childName()
    {
        if (m_frames.empty())
            return {};
        Frame &frame = m_frames.back();
        if (frame.object)
            return join(frame.name, QString::fromStdString(frame.lastKey));
        return frame.name + QStringLiteral("[%1]").arg(++frame.index);
    }

    std::vector<Frame> m_frames;
    QString m_duplicate;
};

QString parseErrorText(const QByteArray &text, const json::parse_error &e)
{
    // Line and column from the byte offset; e.byte counts from 1.
    const qsizetype offset = std::clamp<qsizetype>(qsizetype(e.byte) - 1, 0, text.size());
    const QByteArray before = text.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    QString detail = QString::fromUtf8(e.what());
    // Drop nlohmann's "[json.exception...] parse error at line 1, column 2: " preamble.
    if (const qsizetype at = detail.indexOf(QStringLiteral(", column ")); at >= 0) {
        if (const qsizetype colon = detail.indexOf(QStringLiteral(": "), at); colon >= 0)
            detail = detail.mid(colon + 2);
    }
    return QStringLiteral("invalid JSON at line %1 column %2: %3").arg(line).arg(column).arg(detail);
}

bool refuse(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

std::optional<json> parseStrictJson(const QByteArray &text, QString *error)
{
    if (text.size() > kMaxJsonDocumentBytes) {
        refuse(error, QStringLiteral("the document is larger than %1 (%2 bytes), the most a JSON document may have")
                          .arg(mebibytes(kMaxJsonDocumentBytes))
                          .arg(text.size()));
        return std::nullopt;
    }
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
        refuse(error, QStringLiteral("the document has a NUL byte at offset %1; JSON is text, and what follows it "
                                     "would be hidden from some readers")
                          .arg(nul));
        return std::nullopt;
    }
    DuplicateKeyFinder finder;
    try {
        json document =
            json::parse(text.constBegin(), text.constEnd(), [&finder](int, json::parse_event_t event, json &parsed) {
                return finder.onEvent(event, parsed);
            });
        if (!finder.duplicate().isEmpty()) {
            refuse(error, QStringLiteral("duplicate key '%1': JSON readers disagree on which value wins, so give it "
                                         "once")
                              .arg(finder.duplicate()));
            return std::nullopt;
        }
        return document;
    } catch (const json::parse_error &e) {
        refuse(error, parseErrorText(text, e));
    } catch (const json::exception &e) { // e.g. a number too large for a double
        QString detail = QString::fromUtf8(e.what());
        if (const qsizetype end = detail.indexOf(QStringLiteral("] ")); detail.startsWith(u'[') && end >= 0)
            detail = detail.mid(end + 2);
        refuse(error, QStringLiteral("invalid JSON: %1").arg(detail));
    }
    return std::nullopt;
}

std::optional<QByteArray> readJsonFile(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        refuse(error, QStringLiteral("%1 is a directory, not a JSON file").arg(path));
        return std::nullopt;
    }
    if (info.isFile() && info.size() > kMaxJsonDocumentBytes) {
        refuse(error, QStringLiteral("%1 is %2 bytes; a JSON document may be at most %3")
                          .arg(path)
                          .arg(info.size())
                          .arg(mebibytes(kMaxJsonDocumentBytes)));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        refuse(error, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    // Bounded even when the size lied (a pipe, a device, a file still growing).
    QByteArray text;
    while (text.size() <= kMaxJsonDocumentBytes) {
        const QByteArray chunk = file.read(kMaxJsonDocumentBytes + 1 - text.size());
        if (chunk.isEmpty())
            break;
        text += chunk;
    }
    if (text.size() > kMaxJsonDocumentBytes) {
        refuse(error, QStringLiteral("%1 is larger than %2; a JSON document may be at most that")
                          .arg(path, mebibytes(kMaxJsonDocumentBytes)));
        return std::nullopt;
    }
    return text;
}

} // namespace cwb
