#include "cronexpression.h"

#include <QStringList>

#include <array>

namespace cwb {

namespace {

struct FieldSpec
{
    const char *name;
    int min;
    int max;     // the largest value accepted in text (7 for weekdays)
    const char *const *names; // 3-letter names for min..., or nullptr
};

const char *const kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                   "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", nullptr};
const char *const kWeekdayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", nullptr};

const std::array<FieldSpec, 5> kFields{{
    {"minute", 0, 59, nullptr},
    {"hour", 0, 23, nullptr},
    {"day-of-month", 1, 31, nullptr},
    {"month", 1, 12, kMonthNames},
    {"day-of-week", 0, 7, kWeekdayNames},
}};

// One value: a number or (for months and weekdays) a name. Range checks happen here so the
// message can quote what the user wrote.
bool parseValue(const FieldSpec &spec, const QString &text, int *value, QString *error)
{
    if (text.isEmpty()) {
        *error = QStringLiteral("missing value");
        return false;
    }
    if (spec.names && text.at(0).isLetter()) {
        const QString upper = text.toUpper();
        for (int i = 0; spec.names[i]; ++i) {
            if (upper == QLatin1String(spec.names[i])) {
                *value = spec.min + i;
                return true;
            }
        }
        *error = QStringLiteral("'%1' is not a %2 name").arg(text, QLatin1String(spec.name));
        return false;
    }
    for (const QChar c : text) {
        if (!c.isDigit() || c.unicode() > 127) {
            *error = QStringLiteral("'%1' is not a number").arg(text);
            return false;
        }
    }
    // Long digit strings would overflow; they are out of range anyway.
    const int v = text.size() > 4 ? 99999 : text.toInt();
    if (v < spec.min || v > spec.max) {
        *error = QStringLiteral("%1 is out of range %2-%3").arg(text).arg(spec.min).arg(spec.max);
        return false;
    }
    *value = v;
    return true;
}

bool parseField(const FieldSpec &spec, const QString &field, uint64_t *bits, bool *star, QString *error)
{
    *bits = 0;
    *star = field.startsWith(QLatin1Char('*'));
    const QStringList items = field.split(QLatin1Char(','));
    for (const QString &item : items) {
        if (item.isEmpty()) {
            *error = QStringLiteral("empty item in list '%1'").arg(field);
            return false;
        }
        QString base = item;
        int step = 1;
        bool hasStep = false;
        const qsizetype slash = item.indexOf(QLatin1Char('/'));
        if (slash >= 0) {
            hasStep = true;
            base = item.left(slash);
            const QString stepText = item.mid(slash + 1);
            bool ok = !stepText.isEmpty();
            for (const QChar c : stepText)
                ok = ok && c.isDigit() && c.unicode() < 128;
            if (!ok) {
                *error = QStringLiteral("step '%1' is not a number").arg(stepText);
                return false;
            }
            step = stepText.size() > 4 ? 99999 : stepText.toInt();
            if (step < 1) {
                *error = QStringLiteral("step %1 must be at least 1").arg(stepText);
                return false;
            }
            if (step > spec.max) {
                *error = QStringLiteral("step %1 is larger than the field's maximum %2").arg(stepText).arg(spec.max);
                return false;
            }
        }
        int from = spec.min;
        int to = spec.max;
        if (base == QLatin1String("*")) {
            // Weekday '*' covers 0-6; 7 is only an alias.
            if (spec.max == 7)
                to = 6;
        } else {
            const qsizetype dash = base.indexOf(QLatin1Char('-'));
            if (dash >= 0) {
                if (!parseValue(spec, base.left(dash), &from, error) || !parseValue(spec, base.mid(dash + 1), &to, error))
                    return false;
                if (from > to) {
                    *error = QStringLiteral("range %1 runs backwards").arg(base);
                    return false;
                }
            } else {
                if (!parseValue(spec, base, &from, error))
                    return false;
                // "a/n" means a, a+n, ... up to the maximum, as in Vixie cron.
                to = hasStep ? (spec.max == 7 ? 6 : spec.max) : from;
                if (hasStep && from > to)
                    to = from;
            }
        }
        for (int v = from; v <= to; v += step)
            *bits |= uint64_t(1) << (spec.max == 7 && v == 7 ? 0 : v);
    }
    return true;
}

} // namespace

std::optional<CronExpression> CronExpression::parse(const QString &text, QString *error)
{
    QString localError;
    QString &err = error ? *error : localError;
    const QStringList fields = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() != 5) {
        err = QStringLiteral("expected 5 fields (minute hour day-of-month month day-of-week), found %1")
                  .arg(fields.size());
        return std::nullopt;
    }
    CronExpression cron;
    cron.m_text = fields.join(QLatin1Char(' '));
    std::array<uint64_t, 5> bits{};
    std::array<bool, 5> stars{};
    for (size_t i = 0; i < kFields.size(); ++i) {
        QString reason;
        if (!parseField(kFields[i], fields[int(i)], &bits[i], &stars[i], &reason)) {
            err = QLatin1String(kFields[i].name) + QStringLiteral(": ") + reason;
            return std::nullopt;
        }
    }
    cron.m_minutes = bits[0];
    cron.m_hours = uint32_t(bits[1]);
    cron.m_days = uint32_t(bits[2]);
    cron.m_months = uint32_t(bits[3]);
    cron.m_weekdays = uint32_t(bits[4]);
    cron.m_dayStar = stars[2];
    cron.m_weekdayStar = stars[4];
    return cron;
}

bool CronExpression::matchesDay(const QDate &date) const
{
    if (!(m_months & (1u << date.month())))
        return false;
    const bool dayMatch = m_days & (1u << date.day());
    const bool weekdayMatch = m_weekdays & (1u << (date.dayOfWeek() % 7)); // Qt: Monday 1 .. Sunday 7
    if (!m_dayStar && !m_weekdayStar)
        return dayMatch || weekdayMatch;
    return dayMatch && weekdayMatch;
}

bool CronExpression::matchesWallClock(const QDate &date, int hour, int minute) const
{
    return (m_minutes & (uint64_t(1) << minute)) && (m_hours & (1u << hour)) && matchesDay(date);
}

bool CronExpression::matches(const QDateTime &time, const QTimeZone &zone) const
{
    const QDateTime wall = time.toTimeZone(zone);
    return matchesWallClock(wall.date(), wall.time().hour(), wall.time().minute());
}

std::optional<QDateTime> CronExpression::nextAfter(const QDateTime &after, const QTimeZone &zone) const
{
    if (!m_minutes || !m_hours || !m_days || !m_months || !m_weekdays)
        return std::nullopt;
    // Walk wall-clock minutes forward from the minute after `after`, day by day, so a repeated
    // wall-clock hour is never visited twice and a skipped one is simply absent.
    const QDateTime wall = after.toTimeZone(zone);
    QDate date = wall.date();
    int startHour = wall.time().hour();
    int startMinute = wall.time().minute() + 1;
    if (startMinute == 60) {
        startMinute = 0;
        if (++startHour == 24) {
            startHour = 0;
            date = date.addDays(1);
        }
    }
    const QDate horizon = date.addYears(30);
    bool firstDay = true;
    while (date <= horizon) {
        if (!(m_months & (1u << date.month()))) {
            date = QDate(date.year(), date.month(), 1).addMonths(1);
            firstDay = false;
            continue;
        }
        if (matchesDay(date)) {
            for (int h = firstDay ? startHour : 0; h < 24; ++h) {
                if (!(m_hours & (1u << h)))
                    continue;
                for (int m = (firstDay && h == startHour) ? startMinute : 0; m < 60; ++m) {
                    if (!(m_minutes & (uint64_t(1) << m)))
                        continue;
                    const QTime clock(h, m);
                    const QDateTime candidate(date, clock, zone);
                    // A wall-clock time inside a DST gap does not exist: Qt shifts it (or marks
                    // it invalid); either way it is not a fire time.
                    if (!candidate.isValid())
                        continue;
                    const QDateTime back = candidate.toTimeZone(zone);
                    if (back.date() != date || back.time() != clock)
                        continue;
                    // A repeated wall-clock time (fall-back): Qt picks the later occurrence;
                    // fire at the earlier one only, and never at the later one, so it fires once.
                    QDateTime first = candidate;
                    for (const int shift : {3600, 1800}) {
                        const QDateTime earlier = candidate.addSecs(-shift);
                        const QDateTime wallEarlier = earlier.toTimeZone(zone);
                        if (wallEarlier.date() == date && wallEarlier.time() == clock) {
                            first = earlier;
                            break;
                        }
                    }
                    if (first <= after)
                        continue; // the earlier occurrence of a repeated hour already fired
                    return first;
                }
            }
        }
        date = date.addDays(1);
        firstDay = false;
    }
    return std::nullopt;
}

std::vector<QDateTime> CronExpression::nextTimes(const QDateTime &after, int count, const QTimeZone &zone) const
{
    std::vector<QDateTime> times;
    QDateTime from = after;
    for (int i = 0; i < count; ++i) {
        const auto next = nextAfter(from, zone);
        if (!next)
            break;
        times.push_back(*next);
        from = *next;
    }
    return times;
}

std::optional<QTimeZone> cronTimeZone(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower.isEmpty() || lower == QLatin1String("utc"))
        return QTimeZone::utc();
    if (lower == QLatin1String("local"))
        return QTimeZone::systemTimeZone();
    const QTimeZone zone(name.trimmed().toUtf8());
    if (!zone.isValid())
        return std::nullopt;
    return zone;
}

} // namespace cwb
