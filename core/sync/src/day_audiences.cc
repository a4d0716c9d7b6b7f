#include "atrium/sync/day_audiences.h"

#include <algorithm>

namespace atrium::sync {
namespace {

bool Counts(const MemberAccount& account) {
  return !account.member().erased_at.has_value();
}

// The day a birthday falls on in `year`.
MonthDay BirthdayIn(MonthDay birthday, int32_t year) {
  if (birthday.month == 2 && birthday.day == 29 && !IsLeapYear(year)) {
    return {2, 28};
  }
  return birthday;
}

}  // namespace

std::vector<MemberId> BirthdaysOn(const GroupState& state, Date day) {
  const MonthDay today{day.month, day.day};
  std::vector<MemberId> out;
  for (const auto& [id, account] : state.accounts) {
    const std::optional<MonthDay>& birthday = account.member().profile.birthday;
    if (Counts(account) && birthday &&
        BirthdayIn(*birthday, day.year) == today) {
      out.push_back(id);
    }
  }
  return out;
}

std::vector<MemberId> LapsedOn(const GroupState& state, Date day, int days) {
  if (days < 1 || days > kMaxAudienceDays) return {};
  const LocalCalendar& calendar = state.program.group.calendar;
  const Date last_visit = day.PlusDays(-days);
  std::vector<MemberId> out;
  for (const auto& [id, account] : state.accounts) {
    if (!Counts(account)) continue;
    Timestamp last = account.member().registered_at;
    for (const SpendRecord& s : account.spend()) {
      if (s.amount.fen() > 0) last = std::max(last, s.at);
    }
    if (calendar.BusinessDateOf(last) == last_visit) out.push_back(id);
  }
  return out;
}

std::vector<Expiring> ExpiringWithin(const GroupState& state, Date day,
                                     int days) {
  if (days < 1 || days > kMaxAudienceDays) return {};
  const LocalCalendar& calendar = state.program.group.calendar;
  const Timestamp from = calendar.StartOfBusinessDay(day);
  const Timestamp to = calendar.StartOfBusinessDay(day.PlusDays(days));
  std::vector<Expiring> out;
  for (const auto& [id, account] : state.accounts) {
    if (!Counts(account)) continue;
    Expiring e{id, 0, to};
    for (const Lot& lot : account.ledger().lots()) {
      if (lot.remaining > 0 && from < lot.expires_at && lot.expires_at <= to) {
        e.points += lot.remaining;
        e.first = std::min(e.first, lot.expires_at);
      }
    }
    if (e.points > 0) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace atrium::sync
