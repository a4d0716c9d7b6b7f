// Earning rules: how many points a receipt earns, and why.
//
// The base is one point per `fen_per_point` fen paid after discounts (demo:
// 100 fen, one point per whole yuan). Rules whose scope and time window
// match a line change its multiplier or exclude it. Multipliers are integers
// in thousandths (1500 = ×1.5) and combine by the policy's mode:
//   kMultiply    the product of all that match, rounded down to a
//                thousandth after each step: tier ×1.5 on member day ×2 = ×3.
//                Rules without a category scope multiply first, then the
//                line's category rules, each group in rule order.
//   kHighest     only the largest that matches counts
//   kAddBonuses  1 plus the sum of each multiplier's excess over 1:
//                ×1.5 and ×2 give ×2.5
// A combined multiplier never leaves [×0, ×100].
// Each line's paid amount times its multiplier is summed over the receipt
// and rounded down once, so small lines are not lost to rounding. Then the
// per-receipt cap and what is left of the per-day cap apply. Points become
// usable `pending_seconds` after the purchase.
#ifndef ATRIUM_POINTS_EARNING_H_
#define ATRIUM_POINTS_EARNING_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "atrium/ids.h"
#include "atrium/members/receipt.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

inline constexpr size_t kMaxEarningRules = 500;
inline constexpr int32_t kMaxMultiplierPermille = 100'000;  // ×100

// The local facts about an instant that rule windows test, worked out once
// per receipt rather than once per rule.
struct LocalMoment {
  Date date;
  int64_t day_number = 0;
  Weekday weekday = Weekday::kMonday;
  int32_t second_of_day = 0;

  static LocalMoment Of(const LocalCalendar& calendar, Timestamp t);
};

// When a rule is in force, in the mall's local time. Every condition that is
// set must hold. A daily window whose end is before its start crosses
// midnight; its early-morning part belongs to the day it started, so a
// Friday 22:00-02:00 window covers Saturday 01:00.
struct TimeWindow {
  std::optional<Timestamp> from;    // in force from this instant
  std::optional<Timestamp> until;   // up to, not including, this instant
  std::vector<Weekday> weekdays;    // empty: any weekday
  std::vector<int32_t> month_days;  // 1..31, e.g. {8} for the 8th; empty: any
  std::vector<Date> dates;          // listed dates, e.g. holidays; empty: any
  int32_t start_second = 0;         // local time of day the window opens
  int32_t end_second = kSecondsPerDay;  // and closes (exclusive)

  bool Contains(const LocalCalendar& calendar, Timestamp t) const {
    return Contains(LocalMoment::Of(calendar, t), t);
  }
  // `local` must be LocalMoment::Of(calendar, t).
  bool Contains(const LocalMoment& local, Timestamp t) const;
};

enum class RuleEffect { kMultiply, kExclude };
enum class CombineMode { kMultiply, kHighest, kAddBonuses };

struct EarningRule {
  RuleId id;
  std::string name;
  RuleEffect effect = RuleEffect::kMultiply;
  int32_t multiplier_permille = 1000;
  // Scope; an empty list matches everything.
  std::vector<MallId> malls;
  std::vector<StoreId> stores;
  std::vector<std::string> categories;
  std::vector<TierId> tiers;
  TimeWindow window;
};

struct EarningPolicy {
  int64_t fen_per_point = 100;
  CombineMode combine = CombineMode::kMultiply;
  int64_t max_points_per_receipt = 0;  // 0: no cap
  int64_t max_points_per_day = 0;      // 0: no cap
  // A receipt whose lines that earn (those no rule excludes) come to less
  // earns nothing ("receipts under 20 yuan earn no points"); 0: none.
  int64_t min_receipt_fen = 0;
  int64_t pending_seconds = 0;
  std::vector<EarningRule> rules;

  Status Validate() const;
};

struct LineEarning {
  Money amount;
  int32_t multiplier_permille = 1000;  // 0 when excluded
  bool excluded = false;
  // The rules that shaped the line: see EarnResult::RulesOf.
  uint32_t first_rule = 0;
  uint32_t rule_count = 0;
};

// What held a receipt's points below what its lines earn: nothing, the
// receipt's or the day's cap, or the programme's minimum receipt (then 0).
enum class EarnCap { kNone, kReceipt, kDay, kMinimum };

struct EarnResult {
  int64_t points = 0;           // what the member receives
  int64_t uncapped_points = 0;  // before caps
  EarnCap cap = EarnCap::kNone;
  std::vector<LineEarning> lines;
  std::vector<uint16_t> applied_rules;  // every rule that shaped a line
  Timestamp usable_from;
  // Indices into EarningPolicy::rules, a run per line (one array for the
  // whole receipt keeps earning free of per-line allocations).
  std::vector<uint16_t> rule_refs;

  std::span<const uint16_t> RulesOf(const LineEarning& line) const {
    return {rule_refs.data() + line.first_rule, line.rule_count};
  }
};

// Computes the points `receipt` earns for a member of `tier` who has already
// earned `earned_today` points on this business day. `calendar` is the
// mall's. Pure: it records nothing.
StatusOr<EarnResult> ComputeEarn(const EarningPolicy& policy,
                                 const LocalCalendar& calendar,
                                 const Receipt& receipt, const TierId& tier,
                                 int64_t earned_today);

}  // namespace atrium

#endif  // ATRIUM_POINTS_EARNING_H_
