#include "atrium/points/expiry.h"

#include <algorithm>

namespace atrium {

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
  }
  return std::min(t, kLatestTime);
}

}  // namespace atrium
