#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <optional>
#include <vector>

namespace cwb {

// A standard 5-field cron schedule: minute hour day-of-month month day-of-week.
//
// Syntax per field: "*", numbers, ranges "a-b", steps "*/n" and "a-b/n" (and "a/n", meaning
// a to the field's maximum), comma lists of any of these. Months take JAN-DEC and weekdays
// SUN-SAT (case-insensitive); weekday 0 and 7 are both Sunday.
//
// Days follow Vixie cron: when day-of-month and day-of-week are BOTH restricted (neither field
// starts with '*'), a day matches if EITHER matches; otherwise both must match (a '*' field
// matching everything). So "0 0 13 * FRI" fires on every 13th and every Friday, while
// "0 0 */2 * FRI" fires on odd-numbered days that are Fridays, exactly as cron does.
//
// A day that does not exist never fires: "0 0 30 2 *" has no fire time at all, "0 0 31 * *"
// fires only in 31-day months.
//
// Time zones and DST (local time): a schedule fires at wall-clock times. A wall-clock time that
// does not exist (skipped by a spring-forward change) does not fire that day; a wall-clock time
// that occurs twice (fall-back) fires once, at its first occurrence. UTC has neither case.
class CronExpression
{
public:
    // Parses the expression. On failure returns nullopt and sets *error to a one-line reason
    // naming the field ("day-of-month: 32 is out of range 1-31"). Pure: no I/O, no globals.
    static std::optional<CronExpression> parse(const QString &text, QString *error = nullptr);

    // The first fire time strictly after `after`, in `zone`; nullopt when there is none
    // (within the search horizon of 30 years, enough for "29 Feb on a Monday").
    std::optional<QDateTime> nextAfter(const QDateTime &after, const QTimeZone &zone) const;
    // Up to `count` consecutive fire times after `after`.
    std::vector<QDateTime> nextTimes(const QDateTime &after, int count, const QTimeZone &zone) const;
    // Whether the wall-clock minute at `time` (seconds ignored) in `zone` is a fire time.
    bool matches(const QDateTime &time, const QTimeZone &zone) const;
    // Whether the date/time fields match, as wall-clock values.
    bool matchesWallClock(const QDate &date, int hour, int minute) const;
    bool matchesDay(const QDate &date) const;

    const QString &text() const { return m_text; }

    // The parsed sets, for describing the schedule in words. Bit i set = value i allowed.
    uint64_t minutes() const { return m_minutes; }   // 0-59
    uint32_t hours() const { return m_hours; }       // 0-23
    uint32_t daysOfMonth() const { return m_days; }  // 1-31
    uint32_t months() const { return m_months; }     // 1-12
    uint32_t daysOfWeek() const { return m_weekdays; } // 0-6, Sunday = 0
    bool dayOfMonthIsStar() const { return m_dayStar; }
    bool dayOfWeekIsStar() const { return m_weekdayStar; }

private:
    QString m_text;
    uint64_t m_minutes = 0;
    uint32_t m_hours = 0;
    uint32_t m_days = 0;
    uint32_t m_months = 0;
    uint32_t m_weekdays = 0;
    bool m_dayStar = false;
    bool m_weekdayStar = false;
};

// "utc" -> UTC, "local" -> the system's zone; anything else (an IANA id such as
// "Europe/Berlin") -> that zone when known. nullopt for an unknown name.
std::optional<QTimeZone> cronTimeZone(const QString &name);

} // namespace cwb
