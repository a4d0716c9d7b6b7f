// When earned points expire, computed in the group's local calendar.
//
// An expiry is the first instant at which points are no longer usable:
// points that expire "at the end of 2026" are usable at 23:59:59 on
// 31 December 2026 local time and gone at 00:00:00 on 1 January 2027.
#ifndef ATRIUM_POINTS_EXPIRY_H_
#define ATRIUM_POINTS_EXPIRY_H_

#include <cstdint>

#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

enum class ExpiryKind {
  kNever,
  // At the end of the calendar year `years` after the year earned (demo: 1,
  // so points earned in 2025 expire at the end of 2026).
  kEndOfYear,
  // At the end of the local day `days` after the day earned.
  kAfterDays,
  // At the end of the calendar month `months` after the month earned
  // ("12 months, then cleared at the month's end"): points earned on
  // 15 March 2026 with 12 expire at the end of March 2027.
  kEndOfMonth,
  // At the end of the calendar quarter holding the month `months` after
  // the month earned: points earned in February 2026 with 12 expire at the
  // end of March 2027 (the first quarter's end).
  kEndOfQuarter,
};

struct ExpiryPolicy {
  ExpiryKind kind = ExpiryKind::kEndOfYear;
  int32_t years = 1;   // kEndOfYear: 0..10
  int32_t days = 0;    // kAfterDays: 1..3660
  int32_t months = 0;  // kEndOfMonth, kEndOfQuarter: 0..120

  Status Validate() const;
  // The expiry of points earned at `earned`. kNever gives kLatestTime.
  Timestamp ExpiresAt(const LocalCalendar& calendar, Timestamp earned) const;
};

}  // namespace atrium

#endif  // ATRIUM_POINTS_EXPIRY_H_
