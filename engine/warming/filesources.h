#pragma once

#include "warmsource.h"

#include <QFile>

namespace cwb {

// Strategy 1. A text file, one key per line: "key" or "key value" (value = the rest of the
// line; "random:N" generates N bytes). Blank lines and lines starting with '#' are ignored.
class KeyListSource : public WarmSource
{
public:
    explicit KeyListSource(const WarmingPlan &plan);
    bool open(QString *error) override;
    bool next(int maxItems, std::vector<WarmItem> &out) override;

private:
    WarmingPlan m_plan;
    QFile m_file;
    QByteArray m_defaultValue;
    qint64 m_line = 0;
};

// Strategy 2. JSON Lines (one object per line) or CSV with a header row, each row becoming a
// string or a hash under a key template. Bad rows are skipped and reported by line and column
// (or fail the plan with stopOnBadRow).
class DatasetSource : public WarmSource
{
public:
    explicit DatasetSource(const WarmingPlan &plan);
    bool open(QString *error) override;
    bool next(int maxItems, std::vector<WarmItem> &out) override;

private:
    using Row = std::vector<std::pair<QByteArray, QByteArray>>; // column -> value, in order
    bool readRow(Row &row, qint64 &rowLine, bool &ok); // false at end of file
    bool readCsvRecord(QList<QByteArray> &fields, qint64 &startLine, QString *problem);
    bool rowToItem(const Row &row, qint64 line, WarmItem &item);
    bool badRow(const QString &reason);

    WarmingPlan m_plan;
    QFile m_file;
    bool m_csv = false;
    bool m_hash = true;
    bool m_stopOnBadRow = false;
    QByteArray m_template;
    QByteArray m_valueField;
    QList<QByteArray> m_header;
    qint64 m_line = 0;
};

// Parses one CSV record (RFC 4180: quotes, doubled quotes, separators inside quotes). Exposed
// for tests. `text` may hold several physical lines when a quoted field spans them.
// Returns false with *problem set for an unterminated quote or text after a closing quote.
bool parseCsvRecord(const QByteArray &text, QList<QByteArray> &fields, QString *problem);

} // namespace cwb
