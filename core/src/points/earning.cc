#include "atrium/points/earning.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <set>

namespace atrium {
namespace {

template <typename T>
bool InScope(const std::vector<T>& scope, const T& value) {
  return scope.empty() ||
         std::find(scope.begin(), scope.end(), value) != scope.end();
}

// Combined multipliers stay within [0, ×100].
inline int32_t Combine(CombineMode mode, int32_t acc, int32_t m) {
  int64_t out = acc;
  switch (mode) {
    case CombineMode::kMultiply:
      out = static_cast<int64_t>(acc) * m / 1000;
      break;
    case CombineMode::kHighest: out = std::max(acc, m); break;
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
    return InvalidArgument("rule " + rule +
                           ": daily window must be a "
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

LocalMoment LocalMoment::Of(const LocalCalendar& calendar, Timestamp t) {
  LocalMoment m;
  m.date = calendar.DateOf(t);
  m.day_number = m.date.DayNumber();
  m.weekday = m.date.weekday();
  m.second_of_day = calendar.SecondOfDay(t);
  return m;
}

bool TimeWindow::Contains(const LocalMoment& local, Timestamp t) const {
  if (from && t < *from) return false;
  if (until && t >= *until) return false;
  const int32_t sod = local.second_of_day;
  bool yesterday = false;  // in the early part of last night's window
  if (start_second < end_second) {
    if (sod < start_second || sod >= end_second) return false;
  } else if (sod < end_second) {
    yesterday = true;
  } else if (sod < start_second) {
    return false;
  }
  if (!weekdays.empty()) {
    const Weekday w = yesterday
                          ? static_cast<Weekday>(
                                (static_cast<int>(local.weekday) + 5) % 7 + 1)
                          : local.weekday;
    if (std::find(weekdays.begin(), weekdays.end(), w) == weekdays.end()) {
      return false;
    }
  }
  if (month_days.empty() && dates.empty()) return true;
  const Date day =
      yesterday ? Date::FromDayNumber(local.day_number - 1) : local.date;
  if (!month_days.empty() && std::find(month_days.begin(), month_days.end(),
                                       day.day) == month_days.end()) {
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
  if (min_receipt_fen < 0 || min_receipt_fen > kMaxAmount.fen()) {
    return InvalidArgument("the minimum receipt is out of range");
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

  // Everything but the category is the same for every line, so rules that
  // ignore the category ("wide" rules) are decided and combined once.
  const LocalMoment local = LocalMoment::Of(calendar, receipt.at);
  std::array<uint16_t, kMaxEarningRules> wide;
  std::array<uint16_t, kMaxEarningRules> per_line;
  size_t n_wide = 0;
  size_t n_per_line = 0;
  for (size_t i = 0; i < policy.rules.size(); ++i) {
    const EarningRule& r = policy.rules[i];
    if (!InScope(r.malls, receipt.mall) || !InScope(r.stores, receipt.store) ||
        !InScope(r.tiers, tier) || !r.window.Contains(local, receipt.at)) {
      continue;
    }
    const bool is_wide =
        r.categories.empty() && r.effect == RuleEffect::kMultiply;
    (is_wide ? wide[n_wide++] : per_line[n_per_line++]) =
        static_cast<uint16_t>(i);
  }
  const bool highest = policy.combine == CombineMode::kHighest;
  int32_t wide_m = 1000;
  int best_wide = -1;  // kHighest: the largest wide multiplier
  for (size_t k = 0; k < n_wide; ++k) {
    const EarningRule& r = policy.rules[wide[k]];
    if (highest) {
      if (best_wide < 0 ||
          r.multiplier_permille > policy.rules[best_wide].multiplier_permille) {
        best_wide = wide[k];
      }
    } else {
      wide_m = Combine(policy.combine, wide_m, r.multiplier_permille);
    }
  }

  EarnResult result;
  result.lines.resize(receipt.lines.size());
  result.rule_refs.reserve(receipt.lines.size() * (n_wide + 2));
  std::bitset<kMaxEarningRules> used;  // rules that shaped some line
  bool any_counted = false;            // a line that was not excluded
  int64_t weighted = 0;     // fen times thousandths; at most 1e10 * 1e5
  int64_t earning_fen = 0;  // the lines no rule excluded
  for (size_t li = 0; li < receipt.lines.size(); ++li) {
    const ReceiptLine& line = receipt.lines[li];
    LineEarning& out = result.lines[li];
    out.amount = line.amount;
    out.first_rule = static_cast<uint32_t>(result.rule_refs.size());
    int32_t m = wide_m;
    int best = best_wide;
    if (!highest) {
      result.rule_refs.insert(result.rule_refs.end(), wide.begin(),
                              wide.begin() + static_cast<ptrdiff_t>(n_wide));
    }
    for (size_t k = 0; k < n_per_line; ++k) {
      const uint16_t i = per_line[k];
      const EarningRule& r = policy.rules[i];
      if (!InScope(r.categories, line.category)) continue;
      if (r.effect == RuleEffect::kExclude) {
        out.excluded = true;
        result.rule_refs.resize(out.first_rule);
        result.rule_refs.push_back(i);
        used.set(i);
        break;
      }
      if (highest) {
        if (best < 0 ||
            r.multiplier_permille > policy.rules[best].multiplier_permille) {
          best = i;
        }
      } else {
        m = Combine(policy.combine, m, r.multiplier_permille);
        result.rule_refs.push_back(i);
        used.set(i);
      }
    }
    if (out.excluded) {
      m = 0;
    } else {
      any_counted = true;
      earning_fen += line.amount.fen();
      if (highest && best >= 0) {
        m = policy.rules[best].multiplier_permille;
        result.rule_refs.push_back(static_cast<uint16_t>(best));
        used.set(static_cast<size_t>(best));
      }
    }
    out.multiplier_permille = m;
    weighted += line.amount.fen() * m;
    out.rule_count =
        static_cast<uint32_t>(result.rule_refs.size()) - out.first_rule;
  }
  // Every wide rule shaped every counted line (under kHighest, only the
  // line's best, marked above).
  if (any_counted && !highest) {
    for (size_t k = 0; k < n_wide; ++k) used.set(wide[k]);
  }
  result.applied_rules.reserve(n_wide + n_per_line);
  for (size_t i = 0; i < policy.rules.size(); ++i) {
    if (used.test(i)) result.applied_rules.push_back(static_cast<uint16_t>(i));
  }

  result.uncapped_points = weighted / (policy.fen_per_point * 1000);
  result.points = result.uncapped_points;
  if (earning_fen < policy.min_receipt_fen) {
    result.points = 0;
    result.cap = EarnCap::kMinimum;
  }
  if (policy.max_points_per_receipt > 0 &&
      result.points > policy.max_points_per_receipt) {
    result.points = policy.max_points_per_receipt;
    result.cap = EarnCap::kReceipt;
  }
  if (policy.max_points_per_day > 0) {
    const int64_t left =
        std::max<int64_t>(0, policy.max_points_per_day - earned_today);
    if (result.points > left) {
      result.points = left;
      result.cap = EarnCap::kDay;
    }
  }
  result.usable_from = receipt.at.PlusSeconds(policy.pending_seconds);
  return result;
}

}  // namespace atrium
