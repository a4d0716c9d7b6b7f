// The day's jobs: what the server does for the group at the start of each
// business day, by the group's calendar (Program::group.calendar, the one
// expiry and tier reviews already count days by: points and tiers belong
// to the group, not to one mall):
//   expire_points  the remainder of every lot due by the day's start is
//                  recorded as expired (the statement, the liability
//                  report's `expired`);
//   review_tiers   every member's tier is brought up to the day's start:
//                  evaluation days and grace ends, so a member who stopped
//                  shopping is downgraded (with the programme's grace) and
//                  the change is in their tier history.
//
// Contract:
// - Each job of each day is one operation `day_job` {job, business_day}
//   of the server's own origin, with the id "day:<job>:<YYYY-MM-DD>": sent
//   again (a restart, a second node) it is the same operation and applies
//   once. One operation is one transaction: a crash in the middle of a job
//   leaves none of it, and the job runs again whole.
// - A day's job needs the day to have begun (FailedPrecondition before).
//   Run late, it still expires exactly the lots due by that day's start
//   and reviews tiers as of that instant; expiry entries are recorded at
//   the time it runs.
// - Replicas pull it like any operation (every client sees it) and apply
//   it to the members they hold, with the same result.
// The campaign engine's time triggers (birthdays, lapses, expiry
// reminders) find their members with day_audiences.h, for the same days.
#ifndef ATRIUM_SYNC_DAY_JOBS_H_
#define ATRIUM_SYNC_DAY_JOBS_H_

#include <array>
#include <functional>
#include <string_view>
#include <vector>

#include "atrium/sync/operation.h"
#include "atrium/time.h"

namespace atrium::sync {

inline constexpr std::array<std::string_view, 2> kDayJobs = {"expire_points",
                                                             "review_tiers"};
// After a longer downtime the jobs of today alone cover everything before
// (expiry due by today, tiers reviewed up to today).
inline constexpr int kMaxCatchUpDays = 31;

// The operation of `job` for the business day `day`, sent at `now`.
Operation DayJobOperation(std::string_view job, Date day, Timestamp now);

// The business days whose jobs are due at `today`, oldest first: each day
// after the last one `done` (its every job logged) up to `today`; only
// `today` when none of the last kMaxCatchUpDays days is done.
std::vector<Date> DaysDue(Date today, const std::function<bool(Date)>& done);

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_DAY_JOBS_H_
