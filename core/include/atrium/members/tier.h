// Membership tiers: levels qualified by rolling 12-month spend and visits.
//
// Rules (all days are the group's business days):
// - The rolling window at an instant t on business day D covers the business
//   days from D minus one year plus one day up to t: twelve months
//   including today. Spend is net of refunds; a visit is a business day with
//   positive net spend.
// - A level is reached when its thresholds are met (>=): spend or visits, or
//   spend and visits, as the policy says. The lowest level needs nothing.
// - Upgrades happen at once, at the spend that qualifies.
// - Downgrades are decided only on evaluation days (mall-local month-days,
//   e.g. 1 January). A member who no longer qualifies there enters a grace
//   period; if at its end they still fall short, they move down to the level
//   they then qualify for, by at most `max_levels_down` levels (0: any).
//   Qualifying again during grace cancels the downgrade.
// - Every change is kept in the history with the figures that caused it.
#ifndef ATRIUM_MEMBERS_TIER_H_
#define ATRIUM_MEMBERS_TIER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "atrium/ids.h"
#include "atrium/money.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

struct TierLevel {
  TierId id;
  std::string name;     // 金卡
  std::string name_en;  // Gold
  Money min_spend;      // rolling 12-month net spend; zero: no spend needed
  int32_t min_visits = 0;
  // Benefits other parts read.
  int32_t parking_free_minutes_per_day = 0;
};

enum class QualifyMode { kSpendOrVisits, kSpendAndVisits };

struct TierPolicy {
  std::vector<TierLevel> levels;  // lowest first
  QualifyMode mode = QualifyMode::kSpendOrVisits;
  std::vector<MonthDay> evaluation_days;
  int32_t grace_days = 0;
  int32_t max_levels_down = 1;

  // Levels present, ids unique, thresholds rising, no threshold on the
  // lowest level, at least one evaluation day (29 February is refused: it
  // would skip three years in four).
  Status Validate() const;
  // The index of `id` in levels, or -1.
  int IndexOf(const TierId& id) const;
};

// A purchase (positive) or a refund (negative) counted towards tiers.
struct SpendRecord {
  Timestamp at;
  Money amount;
};

struct Activity {
  Money spend;
  int32_t visits = 0;
};

// The rolling activity as of `at`; `records` may be in any order.
Activity RollingActivity(std::span<const SpendRecord> records,
                         const LocalCalendar& calendar, Timestamp at);
// The highest level `activity` qualifies for.
int QualifiedLevel(const TierPolicy& policy, const Activity& activity);

struct TierChange {
  Timestamp at;
  TierId from;
  TierId to;
  std::string reason;  // the figures behind the change, in English
};

struct TierState {
  TierId tier;
  Timestamp reviewed_until;  // everything up to here has been considered
  std::optional<Timestamp> grace_until;  // a pending downgrade's decision
  std::vector<TierChange> history;
};

// The state of a member who joined at `at`: the lowest level.
TierState InitialTierState(const TierPolicy& policy, Timestamp at);

// Brings `state` up to `now`: upgrades at each spend that qualifies, then
// processes evaluation days and grace ends in time order. Idempotent:
// reviewing again up to the same instant changes nothing.
StatusOr<TierState> ReviewTier(const TierPolicy& policy,
                               const LocalCalendar& calendar, TierState state,
                               std::span<const SpendRecord> records,
                               Timestamp now);

}  // namespace atrium

#endif  // ATRIUM_MEMBERS_TIER_H_
