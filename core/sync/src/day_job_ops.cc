// The day's jobs (day_jobs.h): points expiry and tier reviews for every
// member, as one operation each.
#include <algorithm>
#include <array>
#include <span>

#include "apply_internal.h"
#include "atrium/codec/json_reader.h"
#include "atrium/sync/day_jobs.h"
#include "registry.h"

namespace atrium::sync {

Operation DayJobOperation(std::string_view job, Date day, Timestamp now) {
  Operation op;
  op.id = "day:" + std::string(job) + ":" + day.ToString();
  op.origin = {OriginKind::kOperator, std::string(kSystemOperator)};
  op.type = "day_job";
  op.client_time = now;
  op.payload = {{"job", job}, {"business_day", day.ToString()}};
  return op;
}

std::vector<Date> DaysDue(Date today, const std::function<bool(Date)>& done) {
  int back = 0;
  while (back < kMaxCatchUpDays && !done(today.PlusDays(-back))) ++back;
  if (back == kMaxCatchUpDays) return {today};
  std::vector<Date> due;
  for (int i = back - 1; i >= 0; --i) due.push_back(today.PlusDays(-i));
  return due;
}

namespace internal {
namespace {

Effects ExpirePoints(GroupState& state, Timestamp due_by, Timestamp now) {
  Effects fx;
  int64_t points = 0;
  for (auto& [id, account] : state.accounts) {
    PointsLedger& ledger = account.ledger();
    const auto& entries = ledger.entries();
    // Recorded now, or after the ledger's last entry if that is later (a
    // receipt's own time may be ahead of a replica's clock).
    const Timestamp at =
        entries.empty() ? now : std::max(now, entries.back().at);
    StatusOr<std::vector<LedgerEntry>> made = ledger.Expire(due_by, at);
    // Cannot fail: `at` is after the last entry and the day's start.
    if (!made.ok() || made->empty()) continue;
    for (const LedgerEntry& e : *made) points -= e.points;
    fx.member_entries.emplace_back(id, std::move(*made));
  }
  fx.result = {{"members", fx.member_entries.size()}, {"points", points}};
  return fx;
}

Effects ReviewTiers(GroupState& state, Timestamp at) {
  Effects fx;
  int64_t changes = 0;
  for (auto& [id, account] : state.accounts) {
    const size_t before = account.tier().history.size();
    if (!account.ReviewTier(state.program, at).ok()) continue;
    const size_t after = account.tier().history.size();
    if (after == before) continue;
    changes += static_cast<int64_t>(after - before);
    fx.reviewed.push_back(id);
  }
  fx.result = {{"members", fx.reviewed.size()}, {"tier_changes", changes}};
  return fx;
}

}  // namespace

StatusOr<Effects> DayJob(GroupState& state, const Operation& op,
                         Timestamp now) {
  codec::JsonReader r(op.payload, "payload");
  const std::string job = r.Str("job");
  const std::string day_text = r.Str("business_day");
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  if (std::find(kDayJobs.begin(), kDayJobs.end(), job) == kDayJobs.end()) {
    return InvalidArgument("payload.job: expire_points or review_tiers");
  }
  StatusOr<Date> day = ParseDate(day_text);
  if (!day.ok()) {
    return InvalidArgument("payload.business_day: a date, YYYY-MM-DD");
  }
  const Timestamp start = state.program.group.calendar.StartOfBusinessDay(*day);
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(start, "payload.business_day"));
  if (now < start) {
    return FailedPrecondition("the business day " + day_text +
                              " has not begun");
  }
  Effects fx = job == "expire_points" ? ExpirePoints(state, start, now)
                                      : ReviewTiers(state, start);
  fx.everyone = true;
  fx.result["job"] = job;
  fx.result["business_day"] = day_text;
  return fx;
}

}  // namespace internal
// The operation types of the day's jobs: expiry, tier reviews: their entries in
// the registry (registry.h), beside their handlers.
std::span<const OpPolicy> registry::DayJobOps() {
  static constexpr std::array<OpPolicy, 1> kOps = {{
      {"day_job", Senders({K::kSystem}), 0, nullptr, internal::DayJob},
  }};
  return kOps;
}

}  // namespace atrium::sync
