// Time in the core: UTC instants passed in by the caller, and the civil
// calendar of a mall or group, which turns an instant into a local date.
//
// The core never reads a clock. Timestamp is whole seconds since the Unix
// epoch, UTC. LocalCalendar is a fixed UTC offset (China has no daylight
// saving) plus the hour at which the mall's business day starts, so that a
// purchase at 01:30 can still belong to yesterday's business day.
#ifndef ATRIUM_TIME_H_
#define ATRIUM_TIME_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "atrium/status.h"

namespace atrium {

inline constexpr int64_t kSecondsPerMinute = 60;
inline constexpr int64_t kSecondsPerHour = 3600;
inline constexpr int64_t kSecondsPerDay = 86400;

class Timestamp {
 public:
  constexpr Timestamp() = default;
  static constexpr Timestamp FromUnixSeconds(int64_t s) { return Timestamp(s); }
  constexpr int64_t unix_seconds() const { return s_; }
  constexpr Timestamp PlusSeconds(int64_t d) const { return Timestamp(s_ + d); }
  constexpr auto operator<=>(const Timestamp&) const = default;

 private:
  constexpr explicit Timestamp(int64_t s) : s_(s) {}
  int64_t s_ = 0;
};

// Instants the core accepts: [2000-01-01T00:00:00Z, 2100-01-01T00:00:00Z).
inline constexpr Timestamp kEarliestTime =
    Timestamp::FromUnixSeconds(946684800);
inline constexpr Timestamp kLatestTime = Timestamp::FromUnixSeconds(4102444800);
Status CheckTimeInRange(Timestamp t, std::string_view what);

enum class Weekday {
  kMonday = 1,
  kTuesday,
  kWednesday,
  kThursday,
  kFriday,
  kSaturday,
  kSunday
};

// A proleptic Gregorian date.
struct Date {
  int32_t year = 1970;
  int32_t month = 1;  // 1..12
  int32_t day = 1;    // 1..31
  auto operator<=>(const Date&) const = default;

  // Days since 1970-01-01 (negative before it).
  int64_t DayNumber() const;
  static Date FromDayNumber(int64_t days);
  Weekday weekday() const;
  Date PlusDays(int64_t n) const { return FromDayNumber(DayNumber() + n); }
  // The same day `n` years later; 29 February becomes 28 February in a
  // year without it.
  Date PlusYears(int32_t n) const;
  // "2026-03-08".
  std::string ToString() const;
};

bool IsLeapYear(int32_t year);
int32_t DaysInMonth(int32_t year, int32_t month);
// Parses "YYYY-MM-DD"; rejects impossible dates such as 2025-02-29.
StatusOr<Date> ParseDate(std::string_view text);

// A day of the year without a year, e.g. a birthday: 29 February is allowed.
struct MonthDay {
  int32_t month = 1;
  int32_t day = 1;
  auto operator<=>(const MonthDay&) const = default;
};
// Parses "MM-DD".
StatusOr<MonthDay> ParseMonthDay(std::string_view text);
std::string ToString(MonthDay md);

class LocalCalendar {
 public:
  // China Standard Time, business day starting at local midnight.
  LocalCalendar() = default;
  // utc_offset_seconds within ±14 h; day_start_seconds within [0, 12 h).
  static StatusOr<LocalCalendar> Create(int32_t utc_offset_seconds,
                                        int32_t day_start_seconds);

  int32_t utc_offset_seconds() const { return offset_; }
  int32_t day_start_seconds() const { return day_start_; }

  // The local wall-clock date and the seconds since local midnight.
  Date DateOf(Timestamp t) const;
  int32_t SecondOfDay(Timestamp t) const;
  // The business day `t` belongs to: the local date of (t - day start).
  Date BusinessDateOf(Timestamp t) const;
  // The instant local midnight begins `d`, and the instant its business day
  // begins (midnight plus the day start).
  Timestamp StartOfDate(Date d) const;
  Timestamp StartOfBusinessDay(Date d) const;
  // "2026-03-08 18:00:00" in local time.
  std::string FormatLocal(Timestamp t) const;

 private:
  int64_t LocalSeconds(Timestamp t) const { return t.unix_seconds() + offset_; }
  int32_t offset_ = 8 * 3600;
  int32_t day_start_ = 0;
};

// Parses RFC 3339 / ISO 8601 instants with an explicit zone:
// "2026-03-08T10:00:00Z", "2026-03-08T18:00:00+08:00". Fractions of a second
// are not accepted: every instant in the core is whole seconds.
StatusOr<Timestamp> ParseIso8601(std::string_view text);
// "2026-03-08T10:00:00Z".
std::string FormatIso8601(Timestamp t);

}  // namespace atrium

#endif  // ATRIUM_TIME_H_
