#include "atrium/sync/member_views.h"

#include <algorithm>

#include "atrium/codec/coupon_json.h"

namespace atrium::sync {
namespace {

codec::Json TierJson(const TierLevel& level) {
  return {{"id", level.id.value()},
          {"name", level.name},
          {"name_en", level.name_en}};
}

// The first UTF-8 character of a name, then "*".
std::string MaskedName(const std::string& name) {
  if (name.empty()) return "";
  size_t n = 1;
  while (n < name.size() &&
         (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80) {
    ++n;
  }
  return name.substr(0, n) + "*";
}

}  // namespace

codec::Json CardJson(const GroupState& s, const MemberAccount& a,
                     Timestamp now) {
  const TierPolicy& policy = s.program.tiers;
  const int index = policy.IndexOf(a.tier().tier);
  codec::Json out;
  out["member_id"] = a.member().id.value();
  if (index >= 0) out["tier"] = TierJson(policy.levels[index]);
  const Activity activity =
      RollingActivity(a.spend(), s.program.group.calendar, now);
  codec::Json progress = {{"spend_fen", activity.spend.fen()},
                          {"visits", activity.visits}};
  if (index >= 0 && index + 1 < static_cast<int>(policy.levels.size())) {
    const TierLevel& next = policy.levels[index + 1];
    progress["next_tier"] = TierJson(next);
    progress["next_min_spend_fen"] = next.min_spend.fen();
    progress["next_min_visits"] = next.min_visits;
    progress["spend_to_go_fen"] =
        std::max<int64_t>(0, next.min_spend.fen() - activity.spend.fen());
  }
  out["progress"] = progress;
  const Balance b = a.ledger().BalanceAt(now);
  out["points"] = {{"usable", b.usable}, {"pending", b.pending}};
  return out;
}

codec::Json ProfileJson(const GroupState& s, const MemberAccount& a,
                        Timestamp now) {
  codec::Json out = CardJson(s, a, now);
  const Member& m = a.member();
  out["phone"] = m.phone.Masked();
  out["name"] = m.profile.name;
  if (m.profile.birthday) out["birthday"] = ToString(*m.profile.birthday);
  out["consents"] = {{"marketing", m.consents.marketing},
                     {"profiling", m.consents.profiling}};
  out["registered_at"] = FormatIso8601(m.registered_at);
  return out;
}

codec::Json SummaryJson(const GroupState& s, const MemberAccount& a,
                        Timestamp now) {
  codec::Json out = CardJson(s, a, now);
  out["phone"] = a.member().phone.Masked();
  out["name"] = MaskedName(a.member().profile.name);
  codec::Json usable = codec::Json::array();
  for (const auto& [mall, book] : s.coupons) {
    for (const CouponInstance* c : book.WalletOf(a.member().id)) {
      if (c->StatusAt(now) == CouponStatus::kAvailable && c->ValidAt(now)) {
        usable.push_back(codec::CouponToJson(*c));
      }
    }
  }
  out["coupons"] = usable;
  return out;
}

codec::Json WalletJson(const GroupState& s, const MemberId& member,
                       Timestamp now) {
  std::vector<const CouponInstance*> all;
  for (const auto& [mall, book] : s.coupons) {
    for (const CouponInstance* c : book.WalletOf(member)) all.push_back(c);
  }
  auto usable = [&](const CouponInstance* c) {
    return c->StatusAt(now) == CouponStatus::kAvailable && c->ValidAt(now);
  };
  std::stable_sort(all.begin(), all.end(), [&](auto* x, auto* y) {
    if (usable(x) != usable(y)) return usable(x);
    return x->valid_until < y->valid_until;
  });
  codec::Json out = codec::Json::array();
  for (const CouponInstance* c : all) {
    codec::Json j = codec::CouponToJson(*c);
    j["status_now"] = std::string(CouponStatusName(c->StatusAt(now)));
    out.push_back(std::move(j));
  }
  return {{"coupons", out}};
}

}  // namespace atrium::sync
