#include "atrium/points/expiry.h"

#include <algorithm>

namespace atrium {
namespace {

// Months since January of year 0, and back: whole months of a date.
int64_t MonthIndex(const Date& d) {
  return int64_t{d.year} * 12 + (d.month - 1);
}
Date FirstOfMonth(int64_t index) {
  return Date{static_cast<int32_t>(index / 12),
              static_cast<int32_t>(index % 12) + 1, 1};
}

}  // namespace

Status ExpiryPolicy::Validate() const {
  switch (kind) {
    case ExpiryKind::kNever: return Status::Ok();
    case ExpiryKind::kEndOfYear:
      if (years < 0 || years > 10) {
        return InvalidArgument("expiry years must lie in 0..10");
      }
      return Status::Ok();
    case ExpiryKind::kAfterDays:
      if (days < 1 || days > 3660) {
        return InvalidArgument("expiry days must lie in 1..3660");
      }
      return Status::Ok();
    case ExpiryKind::kEndOfMonth:
    case ExpiryKind::kEndOfQuarter:
      if (months < 0 || months > 120) {
        return InvalidArgument("expiry months must lie in 0..120");
      }
      return Status::Ok();
  }
  return InvalidArgument("unknown expiry kind");
}

Timestamp ExpiryPolicy::ExpiresAt(const LocalCalendar& calendar,
                                  Timestamp earned) const {
  const Date day = calendar.DateOf(earned);
  Timestamp t = kLatestTime;
  switch (kind) {
    case ExpiryKind::kNever: break;
    case ExpiryKind::kEndOfYear:
      t = calendar.StartOfDate(Date{day.year + years + 1, 1, 1});
      break;
    case ExpiryKind::kAfterDays:
      t = calendar.StartOfDate(day.PlusDays(days + 1));
      break;
    case ExpiryKind::kEndOfMonth:
      t = calendar.StartOfDate(FirstOfMonth(MonthIndex(day) + months + 1));
      break;
    case ExpiryKind::kEndOfQuarter: {
      const int64_t month = MonthIndex(day) + months;
      t = calendar.StartOfDate(FirstOfMonth(month - month % 3 + 3));
      break;
    }
  }
  return std::min(t, kLatestTime);
}

}  // namespace atrium
