#include "filesources.h"

#include <nlohmann/json.hpp>

namespace cwb {

namespace {


QByteArray chomp(QByteArray line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

// --- key list -------------------------------------------------------------------------------

KeyListSource::KeyListSource(const WarmingPlan &plan) : m_plan(plan)
{
    m_defaultValue = plan.stringParam("defaultValue", QStringLiteral("random:32")).toUtf8();
}

bool KeyListSource::open(QString *error)
{
    m_file.setFileName(m_plan.stringParam("file"));
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("params.file: cannot read %1: %2").arg(m_file.fileName(), m_file.errorString());
        return fail(*error);
    }
    QString problem;
    if (generateValue(m_defaultValue, "k", &problem).isNull()) {
        *error = QStringLiteral("params.defaultValue: ") + problem;
        return fail(*error);
    }
    return true;
}

bool KeyListSource::next(int maxItems, std::vector<WarmItem> &out)
{
    const QByteArray prefix = m_plan.keyPrefix.toUtf8();
    int added = 0;
    while (added < maxItems && !m_file.atEnd()) {
        const QByteArray line = chomp(m_file.readLine());
        ++m_line;
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#'))
            continue;
        qsizetype split = 0;
        while (split < trimmed.size() && trimmed[split] != ' ' && trimmed[split] != '\t')
            ++split;
        const QByteArray key = trimmed.left(split);
        const QByteArray spec = split < trimmed.size() ? trimmed.mid(split + 1).trimmed() : m_defaultValue;
        WarmItem item;
        item.key = keyUnderPrefix(prefix, key);
        QString problem;
        item.value = generateValue(spec, item.key, &problem);
        if (item.value.isNull()) {
            skipRow(QStringLiteral("line %1: %2").arg(m_line).arg(problem));
            continue;
        }
        out.push_back(std::move(item));
        ++added;
    }
    return added > 0 || !m_file.atEnd();
}

// --- dataset --------------------------------------------------------------------------------

bool parseCsvRecord(const QByteArray &text, QList<QByteArray> &fields, QString *problem)
{
    fields.clear();
    QByteArray field;
    bool quoted = false;
    bool afterQuote = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                field += c;
            }
        } else if (c == ',') {
            fields << field;
            field.clear();
            afterQuote = false;
        } else if (afterQuote) {
            *problem = QStringLiteral("column %1: text after a closing quote").arg(fields.size() + 1);
            return false;
        } else if (c == '"' && field.isEmpty()) {
            quoted = true;
        } else {
            field += c;
        }
    }
    if (quoted) {
        *problem = QStringLiteral("column %1: quote not closed").arg(fields.size() + 1);
        return false;
    }
    fields << field;
    return true;
}

DatasetSource::DatasetSource(const WarmingPlan &plan) : m_plan(plan)
{
    const QString file = plan.stringParam("file");
    const QString format = plan.stringParam("format", file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                                                           ? QStringLiteral("csv")
                                                           : QStringLiteral("jsonl"));
    m_csv = format == QLatin1String("csv");
    m_hash = plan.stringParam("type", QStringLiteral("hash")) == QLatin1String("hash");
    m_template = plan.stringParam("keyTemplate").toUtf8();
    m_valueField = plan.stringParam("valueField").toUtf8();
    const auto stop = plan.params.find("stopOnBadRow");
    m_stopOnBadRow = stop != plan.params.end() && stop->is_boolean() && stop->get<bool>();
}

bool DatasetSource::open(QString *error)
{
    m_file.setFileName(m_plan.stringParam("file"));
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("params.file: cannot read %1: %2").arg(m_file.fileName(), m_file.errorString());
        return fail(*error);
    }
    if (m_csv) {
        qint64 line = 0;
        QString problem;
        if (!readCsvRecord(m_header, line, &problem)) {
            *error = problem.isEmpty() ? QStringLiteral("params.file: %1 is empty (a CSV needs a header row)").arg(m_file.fileName())
                                       : QStringLiteral("line %1: header: %2").arg(line).arg(problem);
            return fail(*error);
        }
        for (int i = 0; i < m_header.size(); ++i) {
            m_header[i] = m_header[i].trimmed();
            if (m_header[i].isEmpty()) {
                *error = QStringLiteral("line %1, column %2: empty column name in the header").arg(line).arg(i + 1);
                return fail(*error);
            }
        }
    }
    return true;
}

bool DatasetSource::readCsvRecord(QList<QByteArray> &fields, qint64 &startLine, QString *problem)
{
    QByteArray text;
    for (;;) {
        if (m_file.atEnd()) {
            if (text.isEmpty())
                return false;
            break;
        }
        const QByteArray line = chomp(m_file.readLine());
        ++m_line;
        if (text.isEmpty()) {
            if (line.trimmed().isEmpty())
                continue; // blank lines between records carry nothing
            startLine = m_line;
            text = line;
        } else {
            text += '\n' + line;
        }
        // A record ends where its quotes balance.
        if (text.count('"') % 2 == 0)
            break;
    }
    return parseCsvRecord(text, fields, problem);
}

bool DatasetSource::badRow(const QString &reason)
{
    if (m_stopOnBadRow)
        return fail(reason);
    skipRow(reason);
    return true;
}

bool DatasetSource::readRow(Row &row, qint64 &rowLine, bool &ok)
{
    ok = true;
    row.clear();
    if (m_csv) {
        QList<QByteArray> fields;
        QString problem;
        const bool parsed = readCsvRecord(fields, rowLine, &problem);
        if (!parsed && problem.isEmpty())
            return false;
        if (!parsed) {
            ok = false;
            return badRow(QStringLiteral("line %1, %2").arg(rowLine).arg(problem));
        }
        if (fields.size() != m_header.size()) {
            ok = false;
            return badRow(QStringLiteral("line %1: expected %2 columns, found %3")
                              .arg(rowLine).arg(m_header.size()).arg(fields.size()));
        }
        for (int i = 0; i < fields.size(); ++i)
            row.emplace_back(m_header[i], fields[i]);
        return true;
    }
    for (;;) {
        if (m_file.atEnd())
            return false;
        const QByteArray line = chomp(m_file.readLine());
        rowLine = ++m_line;
        if (line.trimmed().isEmpty())
            continue;
        nlohmann::json json;
        try {
            json = nlohmann::json::parse(line.constData(), line.constData() + line.size());
        } catch (const nlohmann::json::parse_error &e) {
            ok = false;
            // The parser's message starts with its own prefix; the byte offset is the column.
            return badRow(QStringLiteral("line %1, column %2: not valid JSON").arg(rowLine).arg(e.byte));
        } catch (const nlohmann::json::exception &e) {
            ok = false; // e.g. a number too large for a double
            return badRow(QStringLiteral("line %1: %2").arg(rowLine).arg(QString::fromUtf8(e.what())));
        }
        if (!json.is_object()) {
            ok = false;
            return badRow(QStringLiteral("line %1, column 1: expected a JSON object").arg(rowLine));
        }
        for (auto it = json.begin(); it != json.end(); ++it) {
            if (it.value().is_null())
                continue;
            const std::string text = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
            row.emplace_back(QByteArray::fromStdString(it.key()), QByteArray::fromStdString(text));
        }
        return true;
    }
}

bool DatasetSource::rowToItem(const Row &row, qint64 line, WarmItem &item)
{
    const auto find = [&](const QByteArray &column) -> const QByteArray * {
        for (const auto &[name, value] : row) {
            if (name == column)
                return &value;
        }
        return nullptr;
    };
    QByteArray key;
    qsizetype pos = 0;
    while (pos < m_template.size()) {
        const qsizetype open = m_template.indexOf('{', pos);
        const qsizetype close = open < 0 ? -1 : m_template.indexOf('}', open);
        if (open < 0 || close < 0) {
            key += m_template.mid(pos);
            break;
        }
        key += m_template.mid(pos, open - pos);
        const QByteArray column = m_template.mid(open + 1, close - open - 1);
        const QByteArray *value = find(column);
        if (!value || value->isEmpty()) {
            badRow(QStringLiteral("line %1, column '%2': missing value for the key template")
                       .arg(line).arg(QString::fromUtf8(column)));
            return false;
        }
        key += *value;
        pos = close + 1;
    }
    item.key = keyUnderPrefix(m_plan.keyPrefix.toUtf8(), key);
    if (m_hash) {
        item.kind = WarmItem::Kind::Hash;
        for (const auto &field : row) {
            if (!field.second.isEmpty() || m_csv)
                item.fields.push_back(field);
        }
        if (item.fields.empty()) {
            badRow(QStringLiteral("line %1: the row has no fields").arg(line));
            return false;
        }
        return true;
    }
    item.kind = WarmItem::Kind::String;
    if (!m_valueField.isEmpty()) {
        const QByteArray *value = find(m_valueField);
        if (!value) {
            badRow(QStringLiteral("line %1, column '%2': missing value").arg(line).arg(QString::fromUtf8(m_valueField)));
            return false;
        }
        item.value = *value;
    } else {
        nlohmann::json json = nlohmann::json::object();
        for (const auto &[name, value] : row)
            json[name.toStdString()] = value.toStdString();
        item.value = QByteArray::fromStdString(json.dump());
    }
    return true;
}

bool DatasetSource::next(int maxItems, std::vector<WarmItem> &out)
{
    int added = 0;
    Row row;
    while (added < maxItems) {
        qint64 line = 0;
        bool ok = true;
        if (!readRow(row, line, ok))
            return !m_error.isEmpty() ? false : added > 0;
        if (!ok)
            continue;
        WarmItem item;
        if (!rowToItem(row, line, item)) {
            if (!m_error.isEmpty())
                return false;
            continue;
        }
        out.push_back(std::move(item));
        ++added;
    }
    return true;
}

} // namespace cwb
