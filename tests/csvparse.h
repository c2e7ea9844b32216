#pragma once

// A strict RFC 4180 reader for tests: quoted fields, doubled quotes, CRLF or LF line ends.
// Returns false on malformed input (an unterminated quote, text after a closing quote).

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace cwb::test {

inline bool parseCsv(const QByteArray &data, QList<QStringList> &rows)
{
    rows.clear();
    const QString text = QString::fromUtf8(data);
    QStringList row;
    QString field;
    bool quoted = false, afterQuote = false, any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u',') {
            row.append(field);
            field.clear();
            afterQuote = false;
            any = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            afterQuote = false;
            any = false;
        } else if (c == u'"') {
            if (!field.isEmpty() || afterQuote)
                return false;
            quoted = true;
            any = true;
        } else {
            if (afterQuote)
                return false;
            field += c;
            any = true;
        }
    }
    if (quoted)
        return false;
    if (any || !field.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return true;
}

} // namespace cwb::test
