#pragma once

// A strict checker of the Prometheus text exposition format (0.0.4), for tests: the rules
// `promtool check metrics` enforces for parsing plus its main lint rules (HELP present, no
// duplicate series, families contiguous, gauges not named *_total). When promtool is
// installed, checkPrometheusText() also runs it.

#include "testsupport.h"

#include <QByteArray>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

namespace cwb::test {

inline QString checkPrometheusTextStrict(const QByteArray &text)
{
    if (text.isEmpty())
        return QStringLiteral("empty exposition");
    if (!text.endsWith('\n'))
        return QStringLiteral("does not end with a line feed");
    static const QRegularExpression metricName(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    static const QRegularExpression labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    static const QSet<QString> types{QStringLiteral("counter"), QStringLiteral("gauge"), QStringLiteral("histogram"),
                                     QStringLiteral("summary"), QStringLiteral("untyped")};
    QSet<QString> helped, typed, finishedFamilies, series;
    QString currentFamily;
    const QList<QByteArray> lines = text.left(text.size() - 1).split('\n');
    int number = 0;
    for (const QByteArray &raw : lines) {
        ++number;
        const QString line = QString::fromUtf8(raw);
        const QString where = QStringLiteral("line %1: ").arg(number);
        if (line.isEmpty())
            continue;
        const auto enterFamily = [&](const QString &family) -> QString {
            if (family == currentFamily)
                return {};
            if (finishedFamilies.contains(family))
                return where + QStringLiteral("family %1 appears again after other families").arg(family);
            if (!currentFamily.isEmpty())
                finishedFamilies.insert(currentFamily);
            currentFamily = family;
            return {};
        };
        if (line.startsWith(QLatin1Char('#'))) {
            const QStringList parts = line.split(QLatin1Char(' '));
            if (parts.size() >= 2 && (parts[1] == QLatin1String("HELP") || parts[1] == QLatin1String("TYPE"))) {
                if (parts.size() < 3 || !metricName.match(parts[2]).hasMatch())
                    return where + QStringLiteral("bad metric name in %1").arg(parts[1]);
                if (QString e = enterFamily(parts[2]); !e.isEmpty())
                    return e;
                if (parts[1] == QLatin1String("HELP")) {
                    if (helped.contains(parts[2]))
                        return where + QStringLiteral("second HELP for %1").arg(parts[2]);
                    if (parts.size() < 4 || parts.mid(3).join(QLatin1Char(' ')).trimmed().isEmpty())
                        return where + QStringLiteral("empty HELP for %1").arg(parts[2]);
                    helped.insert(parts[2]);
                } else {
                    if (typed.contains(parts[2]))
                        return where + QStringLiteral("second TYPE for %1").arg(parts[2]);
                    if (parts.size() != 4 || !types.contains(parts[3]))
                        return where + QStringLiteral("bad TYPE line");
                    if (parts[3] != QLatin1String("counter") && parts[2].endsWith(QLatin1String("_total")))
                        return where + QStringLiteral("non-counter %1 must not end in _total").arg(parts[2]);
                    if (series.contains(parts[2]))
                        return where + QStringLiteral("TYPE for %1 after its samples").arg(parts[2]);
                    typed.insert(parts[2]);
                }
            }
            continue;
        }
        // name[{labels}] value [timestamp]
        qsizetype i = 0;
        while (i < line.size() && line[i] != QLatin1Char('{') && line[i] != QLatin1Char(' '))
            ++i;
        const QString name = line.left(i);
        if (!metricName.match(name).hasMatch())
            return where + QStringLiteral("bad metric name '%1'").arg(name);
        QStringList labelNames;
        QString labelsText;
        if (i < line.size() && line[i] == QLatin1Char('{')) {
            const qsizetype open = i++;
            while (true) {
                if (i >= line.size())
                    return where + QStringLiteral("unterminated label set");
                if (line[i] == QLatin1Char('}')) {
                    ++i;
                    break;
                }
                qsizetype eq = line.indexOf(QLatin1Char('='), i);
                if (eq < 0)
                    return where + QStringLiteral("label without '='");
                const QString label = line.mid(i, eq - i);
                if (!labelName.match(label).hasMatch() || label.startsWith(QLatin1String("__")))
                    return where + QStringLiteral("bad label name '%1'").arg(label);
                if (labelNames.contains(label))
                    return where + QStringLiteral("duplicate label '%1'").arg(label);
                labelNames << label;
                i = eq + 1;
                if (i >= line.size() || line[i] != QLatin1Char('"'))
                    return where + QStringLiteral("label value of %1 not quoted").arg(label);
                ++i;
                bool closed = false;
                while (i < line.size()) {
                    if (line[i] == QLatin1Char('\\')) {
                        if (i + 1 >= line.size() || !QStringLiteral("\\\"n").contains(line[i + 1]))
                            return where + QStringLiteral("bad escape in label value");
                        i += 2;
                        continue;
                    }
                    if (line[i] == QLatin1Char('"')) {
                        closed = true;
                        ++i;
                        break;
                    }
                    ++i;
                }
                if (!closed)
                    return where + QStringLiteral("unterminated label value");
                if (i < line.size() && line[i] == QLatin1Char(','))
                    ++i;
                else if (i < line.size() && line[i] != QLatin1Char('}'))
                    return where + QStringLiteral("expected ',' or '}' after a label");
            }
            labelsText = line.mid(open, i - open);
        }
        if (i >= line.size() || line[i] != QLatin1Char(' '))
            return where + QStringLiteral("expected a space before the value");
        const QStringList rest = line.mid(i + 1).split(QLatin1Char(' '));
        if (rest.isEmpty() || rest.size() > 2)
            return where + QStringLiteral("expected 'value [timestamp]'");
        bool ok = false;
        rest[0].toDouble(&ok);
        if (!ok && rest[0] != QLatin1String("NaN") && rest[0] != QLatin1String("+Inf") && rest[0] != QLatin1String("-Inf"))
            return where + QStringLiteral("bad value '%1'").arg(rest[0]);
        if (rest.size() == 2) {
            rest[1].toLongLong(&ok);
            if (!ok)
                return where + QStringLiteral("bad timestamp '%1'").arg(rest[1]);
        }
        QString family = name;
        for (const char *suffix : {"_bucket", "_sum", "_count"})
            if (!typed.contains(family) && family.endsWith(QLatin1String(suffix)))
                family.chop(int(qstrlen(suffix)));
        if (QString e = enterFamily(family); !e.isEmpty())
            return e;
        if (!helped.contains(family))
            return where + QStringLiteral("no HELP for %1").arg(family);
        const QString key = name + labelsText + (rest.size() == 2 ? QLatin1Char('@') + rest[1] : QString());
        if (series.contains(key))
            return where + QStringLiteral("duplicate series %1").arg(name + labelsText);
        series.insert(key);
        series.insert(name);
    }
    return {};
}

// The strict check, then `promtool check metrics` when /usr/bin/promtool exists.
inline QString checkPrometheusText(const QByteArray &text)
{
    if (QString error = checkPrometheusTextStrict(text); !error.isEmpty())
        return error;
    if (!QFile::exists(QStringLiteral("/usr/bin/promtool")))
        return {};
    Child promtool;
    if (!promtool.start(QStringLiteral("/usr/bin/promtool"), {QStringLiteral("check"), QStringLiteral("metrics")}))
        return promtool.errorString();
    promtool.write(text);
    promtool.closeStdin();
    if (!promtool.waitForFinished(20000))
        return QStringLiteral("promtool timed out");
    if (promtool.exitCode() != 0)
        return QStringLiteral("promtool: ") + QString::fromUtf8(promtool.takeOut() + promtool.takeErr()).trimmed();
    return {};
}

} // namespace cwb::test
