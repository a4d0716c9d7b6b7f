#include "atrium/members/tier.h"

#include <algorithm>
#include <map>
#include <set>

namespace atrium {
namespace {

bool Qualifies(const TierPolicy& policy, const TierLevel& level,
               const Activity& a) {
  const bool spend_ok = a.spend >= level.min_spend;
  const bool visits_ok = a.visits >= level.min_visits;
  if (policy.mode == QualifyMode::kSpendAndVisits) return spend_ok && visits_ok;
  // Either threshold reaches the level; a threshold of zero is not in use.
  const bool by_spend = !level.min_spend.is_zero() && spend_ok;
  const bool by_visits = level.min_visits > 0 && visits_ok;
  return by_spend || by_visits ||
         (level.min_spend.is_zero() && level.min_visits == 0);
}

std::string Figures(const Activity& a) {
  return "rolling 12-month spend " + a.spend.ToString() + ", " +
         std::to_string(a.visits) + " visits";
}

std::string Threshold(const TierPolicy& p, int level) {
  const TierLevel& l = p.levels[level];
  const char* join = p.mode == QualifyMode::kSpendAndVisits ? " and " : " or ";
  return l.name_en + " needs " + l.min_spend.ToString() + join +
         std::to_string(l.min_visits) + " visits";
}

enum class Event { kSpend, kEvaluation };

class Reviewer {
 public:
  Reviewer(const TierPolicy& p, const LocalCalendar& c,
           std::span<const SpendRecord> r, TierState s)
      : policy_(p), cal_(c), records_(r), state_(std::move(s)) {}

  TierState Run(Timestamp now);

 private:
  int Current() const { return policy_.IndexOf(state_.tier); }
  Activity ActivityBefore(Timestamp t) const {
    return RollingActivity(records_, cal_, t.PlusSeconds(-1));
  }
  void Move(Timestamp at, int to, std::string reason) {
    state_.history.push_back(
        {at, state_.tier, policy_.levels[to].id, std::move(reason)});
    state_.tier = policy_.levels[to].id;
  }
  void OnSpend(Timestamp at);
  void OnEvaluation(Timestamp at);
  void OnGraceEnd(Timestamp at);

  const TierPolicy& policy_;
  const LocalCalendar& cal_;
  std::span<const SpendRecord> records_;
  TierState state_;
};

void Reviewer::OnSpend(Timestamp at) {
  const Activity a = RollingActivity(records_, cal_, at);
  const int q = QualifiedLevel(policy_, a);
  if (q >= Current()) state_.grace_until.reset();
  if (q > Current()) {
    Move(at, q, "upgraded: " + Figures(a) + "; " + Threshold(policy_, q));
  }
}

void Reviewer::OnEvaluation(Timestamp at) {
  const Activity a = ActivityBefore(at);
  if (QualifiedLevel(policy_, a) >= Current()) {
    state_.grace_until.reset();
    return;
  }
  if (!state_.grace_until) {
    state_.grace_until = at.PlusSeconds(policy_.grace_days * kSecondsPerDay);
  }
}

void Reviewer::OnGraceEnd(Timestamp at) {
  state_.grace_until.reset();
  const Activity a = ActivityBefore(at);
  const int cur = Current();
  int q = QualifiedLevel(policy_, a);
  if (q >= cur) return;
  if (policy_.max_levels_down > 0)
    q = std::max(q, cur - policy_.max_levels_down);
  Move(at, q,
       "downgraded at review: " + Figures(a) + "; " + Threshold(policy_, cur));
}

TierState Reviewer::Run(Timestamp now) {
  const Timestamp from = state_.reviewed_until;
  std::vector<std::pair<Timestamp, Event>> events;
  for (const SpendRecord& r : records_) {
    if (r.at > from && r.at <= now && r.amount > Money()) {
      events.emplace_back(r.at, Event::kSpend);
    }
  }
  const int32_t first_year = cal_.BusinessDateOf(from).year;
  const int32_t last_year = cal_.BusinessDateOf(now).year;
  for (int32_t y = first_year; y <= last_year; ++y) {
    for (const MonthDay md : policy_.evaluation_days) {
      const Timestamp t = cal_.StartOfBusinessDay(Date{y, md.month, md.day});
      if (t > from && t <= now) events.emplace_back(t, Event::kEvaluation);
    }
  }
  std::sort(events.begin(), events.end());
  for (const auto& [at, kind] : events) {
    while (state_.grace_until && *state_.grace_until <= at) {
      OnGraceEnd(*state_.grace_until);
    }
    if (kind == Event::kSpend) {
      OnSpend(at);
    } else {
      OnEvaluation(at);
    }
  }
  while (state_.grace_until && *state_.grace_until <= now) {
    OnGraceEnd(*state_.grace_until);
  }
  // A receipt reported late carries a time already reviewed; it still
  // upgrades, as of now.
  OnSpend(now);
  state_.reviewed_until = now;
  return std::move(state_);
}

}  // namespace

Status TierPolicy::Validate() const {
  if (levels.empty()) return InvalidArgument("a tier policy needs levels");
  std::set<TierId> ids;
  for (size_t i = 0; i < levels.size(); ++i) {
    const TierLevel& l = levels[i];
    ATRIUM_RETURN_IF_ERROR(ValidateId(l.id.value(), "tier id"));
    if (!ids.insert(l.id).second) {
      return InvalidArgument("tier id repeated: " + l.id.value());
    }
    if (l.min_spend.is_negative() || l.min_visits < 0 ||
        l.min_spend > kMaxAmount) {
      return InvalidArgument("tier thresholds must lie in range: " +
                             l.id.value());
    }
    if (i == 0 && (!l.min_spend.is_zero() || l.min_visits != 0)) {
      return InvalidArgument("the lowest tier must need nothing");
    }
    if (i > 0) {
      const TierLevel& prev = levels[i - 1];
      if (l.min_spend < prev.min_spend || l.min_visits < prev.min_visits ||
          (l.min_spend == prev.min_spend && l.min_visits == prev.min_visits)) {
        return InvalidArgument("tier thresholds must rise: " + l.id.value());
      }
    }
  }
  if (evaluation_days.empty()) {
    return InvalidArgument("a tier policy needs an evaluation day");
  }
  for (const MonthDay md : evaluation_days) {
    if (md.month < 1 || md.month > 12 || md.day < 1 ||
        md.day > DaysInMonth(2001, md.month)) {
      return InvalidArgument("evaluation day must exist every year");
    }
  }
  if (grace_days < 0 || grace_days > 366 || max_levels_down < 0) {
    return InvalidArgument("grace days must lie in 0..366, levels down >= 0");
  }
  return Status::Ok();
}

int TierPolicy::IndexOf(const TierId& id) const {
  for (size_t i = 0; i < levels.size(); ++i) {
    if (levels[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

Activity RollingActivity(std::span<const SpendRecord> records,
                         const LocalCalendar& calendar, Timestamp at) {
  const Date today = calendar.BusinessDateOf(at);
  const Timestamp start =
      calendar.StartOfBusinessDay(today.PlusYears(-1).PlusDays(1));
  Activity a;
  std::map<int64_t, Money> by_day;
  for (const SpendRecord& r : records) {
    if (r.at < start || r.at > at) continue;
    a.spend += r.amount;
    by_day[calendar.BusinessDateOf(r.at).DayNumber()] += r.amount;
  }
  for (const auto& [day, net] : by_day) {
    if (net > Money()) ++a.visits;
  }
  return a;
}

int QualifiedLevel(const TierPolicy& policy, const Activity& activity) {
  int best = 0;
  for (size_t i = 0; i < policy.levels.size(); ++i) {
    if (Qualifies(policy, policy.levels[i], activity))
      best = static_cast<int>(i);
  }
  return best;
}

TierState InitialTierState(const TierPolicy& policy, Timestamp at) {
  TierState s;
  s.tier = policy.levels.front().id;
  s.reviewed_until = at;
  return s;
}

StatusOr<TierState> ReviewTier(const TierPolicy& policy,
                               const LocalCalendar& calendar, TierState state,
                               std::span<const SpendRecord> records,
                               Timestamp now) {
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(now, "review time"));
  if (policy.IndexOf(state.tier) < 0) {
    return NotFound("member's tier is not in the policy: " +
                    state.tier.value());
  }
  // At the instant last reviewed, a receipt of that same instant (another
  // in the same batch) may still upgrade.
  if (now < state.reviewed_until) return state;
  return Reviewer(policy, calendar, records, std::move(state)).Run(now);
}

}  // namespace atrium
