#include "atrium/time.h"

#include <cstdio>

#include "parse_util.h"

namespace atrium {
namespace {

// Floor division: the day of a negative second count is the earlier day.
int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

Status CheckTimeInRange(Timestamp t, std::string_view what) {
  if (t < kEarliestTime || t >= kLatestTime) {
    return OutOfRange(std::string(what) +
                      " must lie between 2000-01-01 and 2100-01-01 UTC");
  }
  return Status::Ok();
}

bool IsLeapYear(int32_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int32_t DaysInMonth(int32_t year, int32_t month) {
  static constexpr int32_t kDays[] = {31, 28, 31, 30, 31, 30,
                                      31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
// calendar, with eras of 400 years.
int64_t Date::DayNumber() const {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::FromDayNumber(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return Date{static_cast<int32_t>(y), static_cast<int32_t>(m),
              static_cast<int32_t>(d)};
}

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  int64_t r = (DayNumber() + 3) % 7;
  if (r < 0) r += 7;
  return static_cast<Weekday>(r + 1);
}

Date Date::PlusYears(int32_t n) const {
  Date d{year + n, month, day};
  const int32_t last = DaysInMonth(d.year, d.month);
  if (d.day > last) d.day = last;
  return d;
}

namespace {

// Writes `v` (0 <= v < 10^width) as `width` digits at `p`; returns the end.
// Dates and times are formatted on every operation the store keeps, so
// without snprintf's format parsing.
char* Digits(char* p, int32_t v, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return p + width;
}

// "YYYY-MM-DD" at `p` (years 0..9999, which ParseDate and the limits keep
// dates within); returns the end.
char* WriteDate(char* p, const Date& d) {
  p = Digits(p, d.year, 4);
  *p++ = '-';
  p = Digits(p, d.month, 2);
  *p++ = '-';
  return Digits(p, d.day, 2);
}

}  // namespace

std::string Date::ToString() const {
  if (year < 0 || year > 9999) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  char buf[10];
  return {buf, WriteDate(buf, *this)};
}

StatusOr<Date> ParseDate(std::string_view text) {
  internal::Cursor c(text);
  int32_t y = 0, m = 0, d = 0;
  if (!c.Digits(4, &y) || !c.Literal('-') || !c.Digits(2, &m) ||
      !c.Literal('-') || !c.Digits(2, &d) || !c.AtEnd()) {
    return InvalidArgument("date must look like 2026-03-08");
  }
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) {
    return InvalidArgument("no such date: " + std::string(text));
  }
  return Date{y, m, d};
}

StatusOr<MonthDay> ParseMonthDay(std::string_view text) {
  internal::Cursor c(text);
  int32_t m = 0, d = 0;
  if (!c.Digits(2, &m) || !c.Literal('-') || !c.Digits(2, &d) || !c.AtEnd()) {
    return InvalidArgument("month-day must look like 03-08");
  }
  // A year-less day: 29 February is a real birthday.
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(2000, m)) {
    return InvalidArgument("no such day of the year: " + std::string(text));
  }
  return MonthDay{m, d};
}

std::string ToString(MonthDay md) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d-%02d", md.month, md.day);
  return buf;
}

StatusOr<LocalCalendar> LocalCalendar::Create(int32_t utc_offset_seconds,
                                              int32_t day_start_seconds) {
  if (utc_offset_seconds < -14 * 3600 || utc_offset_seconds > 14 * 3600) {
    return OutOfRange("UTC offset must lie within ±14 hours");
  }
  if (day_start_seconds < 0 || day_start_seconds >= 12 * 3600) {
    return OutOfRange("business day must start between 00:00 and 12:00");
  }
  LocalCalendar cal;
  cal.offset_ = utc_offset_seconds;
  cal.day_start_ = day_start_seconds;
  return cal;
}

Date LocalCalendar::DateOf(Timestamp t) const {
  return Date::FromDayNumber(FloorDiv(LocalSeconds(t), kSecondsPerDay));
}

int32_t LocalCalendar::SecondOfDay(Timestamp t) const {
  const int64_t local = LocalSeconds(t);
  return static_cast<int32_t>(local -
                              FloorDiv(local, kSecondsPerDay) * kSecondsPerDay);
}

Date LocalCalendar::BusinessDateOf(Timestamp t) const {
  return DateOf(t.PlusSeconds(-day_start_));
}

Timestamp LocalCalendar::StartOfDate(Date d) const {
  return Timestamp::FromUnixSeconds(d.DayNumber() * kSecondsPerDay - offset_);
}

Timestamp LocalCalendar::StartOfBusinessDay(Date d) const {
  return StartOfDate(d).PlusSeconds(day_start_);
}

std::string LocalCalendar::FormatLocal(Timestamp t) const {
  const Date d = DateOf(t);
  const int32_t s = SecondOfDay(t);
  if (d.year < 0 || d.year > 9999) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", d.ToString().c_str(),
                  s / 3600, s / 60 % 60, s % 60);
    return buf;
  }
  char buf[19];
  char* p = WriteDate(buf, d);
  *p++ = ' ';
  p = Digits(p, s / 3600, 2);
  *p++ = ':';
  p = Digits(p, s / 60 % 60, 2);
  *p++ = ':';
  p = Digits(p, s % 60, 2);
  return {buf, p};
}

StatusOr<Timestamp> ParseIso8601(std::string_view text) {
  static constexpr char kShape[] =
      "instant must look like 2026-03-08T10:00:00Z or ...T18:00:00+08:00";
  if (text.size() < 20) return InvalidArgument(kShape);
  StatusOr<Date> date = ParseDate(text.substr(0, 10));
  if (!date.ok()) return InvalidArgument(kShape);
  internal::Cursor c(text.substr(10));
  int32_t h = 0, mi = 0, s = 0;
  if (!c.Literal('T') || !c.Digits(2, &h) || !c.Literal(':') ||
      !c.Digits(2, &mi) || !c.Literal(':') || !c.Digits(2, &s)) {
    return InvalidArgument(kShape);
  }
  if (h > 23 || mi > 59 || s > 59) return InvalidArgument(kShape);
  int32_t offset = 0;
  if (c.Literal('Z')) {
    offset = 0;
  } else {
    const bool plus = c.Literal('+');
    if (!plus && !c.Literal('-')) return InvalidArgument(kShape);
    int32_t oh = 0, om = 0;
    if (!c.Digits(2, &oh) || !c.Literal(':') || !c.Digits(2, &om) || oh > 14 ||
        om > 59) {
      return InvalidArgument(kShape);
    }
    offset = (plus ? 1 : -1) * (oh * 3600 + om * 60);
  }
  if (!c.AtEnd()) return InvalidArgument(kShape);
  const int64_t local = date->DayNumber() * kSecondsPerDay +
                        h * kSecondsPerHour + mi * kSecondsPerMinute + s;
  return Timestamp::FromUnixSeconds(local - offset);
}

std::string FormatIso8601(Timestamp t) {
  const LocalCalendar utc = *LocalCalendar::Create(0, 0);
  std::string local = utc.FormatLocal(t);
  local[10] = 'T';
  return local + "Z";
}

}  // namespace atrium
