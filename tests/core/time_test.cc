#include "atrium/time.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace atrium {
namespace {

using testing::D;
using testing::Local;
using testing::T;

TEST(DateTest, DayNumbersRoundTripAcrossCenturiesAndLeapDays) {
  for (int64_t n = -800000; n <= 800000; n += 97) {
    EXPECT_EQ(Date::FromDayNumber(n).DayNumber(), n);
  }
  EXPECT_EQ((Date{1970, 1, 1}.DayNumber()), 0);
  EXPECT_EQ((Date{2000, 3, 1}.DayNumber() - Date{2000, 2, 28}.DayNumber()), 2);
  EXPECT_EQ((Date{1900, 3, 1}.DayNumber() - Date{1900, 2, 28}.DayNumber()), 1);
}

TEST(DateTest, Weekdays) {
  EXPECT_EQ(D("1970-01-01").weekday(), Weekday::kThursday);
  EXPECT_EQ(D("2026-11-26").weekday(), Weekday::kThursday);
  EXPECT_EQ(D("2024-02-29").weekday(), Weekday::kThursday);
  EXPECT_EQ(D("2026-03-08").weekday(), Weekday::kSunday);
  EXPECT_EQ(D("1969-12-29").weekday(), Weekday::kMonday);
}

TEST(DateTest, LeapDaysAndYearArithmetic) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_FALSE(IsLeapYear(2026));
  EXPECT_EQ(D("2024-02-29").PlusYears(1), D("2025-02-28"));
  EXPECT_EQ(D("2024-02-29").PlusYears(4), D("2028-02-29"));
  EXPECT_EQ(D("2025-12-31").PlusDays(1), D("2026-01-01"));
  EXPECT_EQ(D("2024-02-28").PlusDays(1), D("2024-02-29"));
}

TEST(DateTest, ParsesOnlyRealDates) {
  EXPECT_TRUE(ParseDate("2024-02-29").ok());
  for (const char* bad :
       {"2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-4-1",
        "20260401", "", "2026-04-01x", "abcd-ef-gh"}) {
    EXPECT_FALSE(ParseDate(bad).ok()) << bad;
  }
  EXPECT_TRUE(ParseMonthDay("02-29").ok());
  EXPECT_FALSE(ParseMonthDay("02-30").ok());
  EXPECT_FALSE(ParseMonthDay("13-01").ok());
  EXPECT_FALSE(ParseMonthDay("2-9").ok());
}

TEST(Iso8601Test, ParsesZonedInstants) {
  const struct {
    const char* text;
    int64_t unix_seconds;
  } cases[] = {
      {"1970-01-01T00:00:00Z", 0},
      {"2026-03-08T10:00:00Z", 1772964000},
      {"2026-03-08T18:00:00+08:00", 1772964000},
      {"2026-03-08T05:00:00-05:00", 1772964000},
      {"2024-02-29T23:59:59Z", 1709251199},
  };
  for (const auto& c : cases) {
    StatusOr<Timestamp> t = ParseIso8601(c.text);
    ASSERT_TRUE(t.ok()) << c.text;
    EXPECT_EQ(t->unix_seconds(), c.unix_seconds) << c.text;
  }
  EXPECT_EQ(FormatIso8601(T("2026-03-08T18:00:00+08:00")),
            "2026-03-08T10:00:00Z");
}

TEST(Iso8601Test, RejectsAmbiguousOrMalformedInstants) {
  for (const char* bad :
       {"2026-03-08T10:00:00", "2026-03-08 10:00:00Z", "2026-03-08T24:00:00Z",
        "2026-03-08T10:60:00Z", "2026-03-08T10:00:00.5Z",
        "2026-02-30T10:00:00Z", "2026-03-08T10:00:00+8:00",
        "2026-03-08T10:00:00+15:00", "", "2026-03-08T10:00:00Zjunk"}) {
    EXPECT_FALSE(ParseIso8601(bad).ok()) << bad;
  }
}

TEST(TimeRangeTest, AcceptsOnlyTheSupportedCentury) {
  EXPECT_TRUE(CheckTimeInRange(T("2000-01-01T00:00:00Z"), "t").ok());
  EXPECT_TRUE(CheckTimeInRange(T("2099-12-31T23:59:59Z"), "t").ok());
  EXPECT_EQ(CheckTimeInRange(T("1999-12-31T23:59:59Z"), "t").code(),
            StatusCode::kOutOfRange);
  EXPECT_EQ(CheckTimeInRange(T("2100-01-01T00:00:00Z"), "t").code(),
            StatusCode::kOutOfRange);
}

TEST(LocalCalendarTest, LocalDateChangesAtLocalMidnight) {
  const LocalCalendar china;  // UTC+8, day starts at midnight
  EXPECT_EQ(china.DateOf(T("2026-12-31T15:59:59Z")), D("2026-12-31"));
  EXPECT_EQ(china.DateOf(T("2026-12-31T16:00:00Z")), D("2027-01-01"));
  EXPECT_EQ(china.SecondOfDay(T("2026-12-31T16:00:00Z")), 0);
  EXPECT_EQ(china.StartOfDate(D("2027-01-01")), T("2026-12-31T16:00:00Z"));
  EXPECT_EQ(china.FormatLocal(T("2026-03-08T10:00:00Z")),
            "2026-03-08 18:00:00");
}

TEST(LocalCalendarTest, BusinessDayCanStartAfterMidnight) {
  StatusOr<LocalCalendar> cal = LocalCalendar::Create(8 * 3600, 4 * 3600);
  ASSERT_TRUE(cal.ok());
  EXPECT_EQ(cal->BusinessDateOf(Local("2026-03-09 03:59:59")), D("2026-03-08"));
  EXPECT_EQ(cal->BusinessDateOf(Local("2026-03-09 04:00:00")), D("2026-03-09"));
  EXPECT_EQ(cal->StartOfBusinessDay(D("2026-03-09")),
            Local("2026-03-09 04:00:00"));
  // The wall-clock date is still the calendar's.
  EXPECT_EQ(cal->DateOf(Local("2026-03-09 03:59:59")), D("2026-03-09"));
}

TEST(LocalCalendarTest, RejectsImpossibleConfiguration) {
  EXPECT_FALSE(LocalCalendar::Create(15 * 3600, 0).ok());
  EXPECT_FALSE(LocalCalendar::Create(8 * 3600, -1).ok());
  EXPECT_FALSE(LocalCalendar::Create(8 * 3600, 12 * 3600).ok());
  EXPECT_TRUE(LocalCalendar::Create(-10 * 3600, 6 * 3600).ok());
}

}  // namespace
}  // namespace atrium
