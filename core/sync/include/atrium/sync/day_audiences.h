// Day audiences: whom a business day concerns, for what the campaign engine
// does at the start of each day (issue "Campaigns": birthday gifts, win-back
// after a lapse, reminders before points expire). Each takes the group's
// state as it stands at the day's start and the business day (the group's
// calendar, as the day's jobs count days), reads no clock, and answers in
// member id order, so the server and every replica find the same members.
//
// Contract, for each member not erased:
// - BirthdaysOn: their profile's birthday is the day; a 29 February
//   birthday falls on 28 February in a common year (once every year, in
//   its month).
// - LapsedOn: their last visit (their latest purchase, or their
//   registration when they have none) was on the business day `days`
//   before `day`: away that long as of today, so each lapse is found on
//   one day only, and a member who comes back starts a new one.
// - ExpiringWithin: points of theirs that expire after the day's start and
//   no later than `days` days after it, with the first of those instants.
//   Points already due at the day's start are the expiry job's, not these.
// `days` is 1..3660; outside it the answer is empty.
#ifndef ATRIUM_SYNC_DAY_AUDIENCES_H_
#define ATRIUM_SYNC_DAY_AUDIENCES_H_

#include <cstdint>
#include <vector>

#include "atrium/ids.h"
#include "atrium/sync/apply.h"
#include "atrium/time.h"

namespace atrium::sync {

inline constexpr int kMaxAudienceDays = 3660;

std::vector<MemberId> BirthdaysOn(const GroupState& state, Date day);

std::vector<MemberId> LapsedOn(const GroupState& state, Date day, int days);

struct Expiring {
  MemberId member;
  int64_t points = 0;
  Timestamp first;  // the earliest of their lots' expiries in the window
};
std::vector<Expiring> ExpiringWithin(const GroupState& state, Date day,
                                     int days);

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_DAY_AUDIENCES_H_
