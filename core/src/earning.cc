#include "atrium/earning.h"

#include <algorithm>
#include <set>

namespace atrium {
namespace {

template <typename T>
bool InScope(const std::vector<T>& scope, const T& value) {
  return scope.empty() ||
         std::find(scope.begin(), scope.end(), value) != scope.end();
}

// Combined multipliers stay within [0, ×100].
int32_t Combine(CombineMode mode, int32_t acc, int32_t m) {
  int64_t out = acc;
  switch (mode) {
    case CombineMode::kMultiply:
      out = static_cast<int64_t>(acc) * m / 1000;
      break;
    case CombineMode::kHighest:
      out = std::max(acc, m);
      break;
    case CombineMode::kAddBonuses:
      out = static_cast<int64_t>(acc) + (m - 1000);
      break;
  }
  return static_cast<int32_t>(
      std::clamp<int64_t>(out, 0, kMaxMultiplierPermille));
}

Status ValidateWindow(const TimeWindow& w, const std::string& rule) {
  if (w.start_second < 0 || w.start_second >= kSecondsPerDay ||
      w.end_second <= 0 || w.end_second > kSecondsPerDay ||
      w.start_second == w.end_second) {
    return InvalidArgument("rule " + rule + ": daily window must be a "
                           "non-empty span within one day");
  }
  if (w.from && w.until && *w.until <= *w.from) {
    return InvalidArgument("rule " + rule + ": window ends before it starts");
  }
  for (const int32_t d : w.month_days) {
    if (d < 1 || d > 31) {
      return InvalidArgument("rule " + rule + ": day of month out of range");
    }
  }
  for (const Weekday d : w.weekdays) {
    if (d < Weekday::kMonday || d > Weekday::kSunday) {
      return InvalidArgument("rule " + rule + ": no such weekday");
    }
  }
  return Status::Ok();
}

}  // namespace

bool TimeWindow::Contains(const LocalCalendar& calendar, Timestamp t) const {
  if (from && t < *from) return false;
  if (until && t >= *until) return false;
  const int32_t sod = calendar.SecondOfDay(t);
  Date day = calendar.DateOf(t);
  if (start_second < end_second) {
    if (sod < start_second || sod >= end_second) return false;
  } else if (sod < end_second) {
    day = day.PlusDays(-1);  // the early part of last night's window
  } else if (sod < start_second) {
    return false;
  }
  if (!weekdays.empty() &&
      std::find(weekdays.begin(), weekdays.end(), day.weekday()) ==
          weekdays.end()) {
    return false;
  }
  if (!month_days.empty() &&
      std::find(month_days.begin(), month_days.end(), day.day) ==
          month_days.end()) {
    return false;
  }
  return dates.empty() ||
         std::find(dates.begin(), dates.end(), day) != dates.end();
}

Status EarningPolicy::Validate() const {
  if (fen_per_point < 1 || fen_per_point > 1'000'000) {
    return InvalidArgument("fen per point must lie in 1..1000000");
  }
  if (max_points_per_receipt < 0 || max_points_per_day < 0) {
    return InvalidArgument("caps may not be negative");
  }
  if (pending_seconds < 0 || pending_seconds > 366 * kSecondsPerDay) {
    return InvalidArgument("pending period must lie in 0..366 days");
  }
  if (rules.size() > kMaxEarningRules) {
    return InvalidArgument("more than 500 earning rules");
  }
  std::set<RuleId> ids;
  for (const EarningRule& r : rules) {
    ATRIUM_RETURN_IF_ERROR(ValidateId(r.id.value(), "rule id"));
    if (!ids.insert(r.id).second) {
      return InvalidArgument("rule id repeated: " + r.id.value());
    }
    if (r.effect == RuleEffect::kMultiply &&
        (r.multiplier_permille < 1 ||
         r.multiplier_permille > kMaxMultiplierPermille)) {
      return InvalidArgument("rule " + r.id.value() +
                             ": multiplier must lie in 0.001..100");
    }
    ATRIUM_RETURN_IF_ERROR(ValidateWindow(r.window, r.id.value()));
  }
  return Status::Ok();
}

StatusOr<EarnResult> ComputeEarn(const EarningPolicy& policy,
                                 const LocalCalendar& calendar,
                                 const Receipt& receipt, const TierId& tier,
                                 int64_t earned_today) {
  ATRIUM_RETURN_IF_ERROR(ValidateReceipt(receipt));
  if (earned_today < 0) return InvalidArgument("earned today is negative");

  // Everything but the category is the same for every line: decide once
  // which rules are in force for this receipt.
  std::vector<uint16_t> active;
  active.reserve(policy.rules.size());
  for (size_t i = 0; i < policy.rules.size(); ++i) {
    const EarningRule& r = policy.rules[i];
    if (InScope(r.malls, receipt.mall) && InScope(r.stores, receipt.store) &&
        InScope(r.tiers, tier) && r.window.Contains(calendar, receipt.at)) {
      active.push_back(static_cast<uint16_t>(i));
    }
  }

  EarnResult result;
  result.lines.resize(receipt.lines.size());
  std::vector<bool> used(policy.rules.size(), false);
  int64_t weighted = 0;  // fen times thousandths; at most 1e10 * 1e5
  for (size_t li = 0; li < receipt.lines.size(); ++li) {
    const ReceiptLine& line = receipt.lines[li];
    LineEarning& out = result.lines[li];
    out.amount = line.amount;
    int32_t m = 1000;
    uint16_t best = 0;
    bool any = false;
    for (const uint16_t i : active) {
      const EarningRule& r = policy.rules[i];
      if (!InScope(r.categories, line.category)) continue;
      if (r.effect == RuleEffect::kExclude) {
        out.excluded = true;
        out.rules.assign(1, i);
        break;
      }
      if (policy.combine == CombineMode::kHighest) {
        if (!any || r.multiplier_permille > policy.rules[best].multiplier_permille) {
          best = i;
        }
        any = true;
        continue;
      }
      m = Combine(policy.combine, m, r.multiplier_permille);
      out.rules.push_back(i);
    }
    if (out.excluded) {
      out.multiplier_permille = 0;
    } else {
      if (any) {
        m = policy.rules[best].multiplier_permille;
        out.rules.assign(1, best);
      }
      out.multiplier_permille = m;
      weighted += line.amount.fen() * out.multiplier_permille;
    }
    for (const uint16_t i : out.rules) used[i] = true;
  }
  for (size_t i = 0; i < used.size(); ++i) {
    if (used[i]) result.applied_rules.push_back(static_cast<uint16_t>(i));
  }

  result.uncapped_points = weighted / (policy.fen_per_point * 1000);
  result.points = result.uncapped_points;
  if (policy.max_points_per_receipt > 0 &&
      result.points > policy.max_points_per_receipt) {
    result.points = policy.max_points_per_receipt;
    result.cap = EarnCap::kReceipt;
  }
  if (policy.max_points_per_day > 0) {
    const int64_t left = std::max<int64_t>(
        0, policy.max_points_per_day - earned_today);
    if (result.points > left) {
      result.points = left;
      result.cap = EarnCap::kDay;
    }
  }
  result.usable_from = receipt.at.PlusSeconds(policy.pending_seconds);
  return result;
}

}  // namespace atrium
