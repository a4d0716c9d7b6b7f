#include "atrium/points/expiry.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace atrium {
namespace {

using testing::Local;

TEST(ExpiryTest, EndOfTheYearAfterTheYearEarned) {
  const LocalCalendar china;
  const ExpiryPolicy demo{ExpiryKind::kEndOfYear, 1, 0};
  const struct {
    const char* earned;
    const char* expires;
  } cases[] = {
      {"2025-01-01 00:00:00", "2027-01-01 00:00:00"},
      {"2025-12-31 23:59:59", "2027-01-01 00:00:00"},
      {"2026-01-01 00:00:00", "2028-01-01 00:00:00"},
      {"2024-02-29 12:00:00", "2026-01-01 00:00:00"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(demo.ExpiresAt(china, Local(c.earned)), Local(c.expires))
        << c.earned;
  }
  // Local midnight, not UTC: 2025-12-31 20:00 UTC is already 2026 in China.
  EXPECT_EQ(demo.ExpiresAt(china, testing::T("2025-12-31T20:00:00Z")),
            Local("2028-01-01 00:00:00"));
  const ExpiryPolicy same_year{ExpiryKind::kEndOfYear, 0, 0};
  EXPECT_EQ(same_year.ExpiresAt(china, Local("2026-06-01 00:00:00")),
            Local("2027-01-01 00:00:00"));
}

TEST(ExpiryTest, AfterDaysEndsWithTheLocalDay) {
  const LocalCalendar china;
  const ExpiryPolicy p{ExpiryKind::kAfterDays, 1, 365};
  EXPECT_EQ(p.ExpiresAt(china, Local("2026-03-01 23:00:00")),
            Local("2027-03-02 00:00:00"));
  EXPECT_EQ(p.ExpiresAt(china, Local("2024-02-29 10:00:00")),
            Local("2025-03-01 00:00:00"));
}

TEST(ExpiryTest, NeverIsTheEndOfTheSupportedRange) {
  const ExpiryPolicy never{ExpiryKind::kNever, 0, 0};
  EXPECT_EQ(never.ExpiresAt(LocalCalendar(), Local("2026-03-01 23:00:00")),
            kLatestTime);
}

TEST(ExpiryTest, RejectsOutOfRangePolicies) {
  EXPECT_FALSE((ExpiryPolicy{ExpiryKind::kEndOfYear, 11, 0}).Validate().ok());
  EXPECT_FALSE((ExpiryPolicy{ExpiryKind::kEndOfYear, -1, 0}).Validate().ok());
  EXPECT_FALSE((ExpiryPolicy{ExpiryKind::kAfterDays, 1, 0}).Validate().ok());
  EXPECT_TRUE((ExpiryPolicy{ExpiryKind::kAfterDays, 1, 30}).Validate().ok());
}

}  // namespace
}  // namespace atrium
