#include "atrium/coupons/coupon_book.h"

#include <algorithm>

namespace atrium {
namespace {

std::string Join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const std::string_view p : parts) {
    out.append(p);
    out.push_back('|');
  }
  return out;
}

std::string Num(int64_t n) { return std::to_string(n); }

template <typename T>
bool Contains(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Checks shared by reserve and redeem: the coupon can be used at `at` by
// `checkout`.
Status CheckUsable(const CouponInstance& c, std::string_view checkout,
                   Timestamp at) {
  const CouponStatus s = c.StatusAt(at);
  if (s == CouponStatus::kRedeemed || s == CouponStatus::kRefundedExpired) {
    return FailedPrecondition("coupon " + c.id.value() +
                              " is already redeemed");
  }
  if (s == CouponStatus::kExpired || at >= c.valid_until) {
    return FailedPrecondition("coupon " + c.id.value() + " has expired");
  }
  if (at < c.valid_from) {
    return FailedPrecondition("coupon " + c.id.value() + " is not valid yet");
  }
  if (s == CouponStatus::kReserved && c.reserved_for != checkout) {
    return FailedPrecondition("coupon " + c.id.value() +
                              " is reserved by another checkout");
  }
  return Status::Ok();
}

}  // namespace

std::string_view CouponStatusName(CouponStatus s) {
  switch (s) {
    case CouponStatus::kAvailable: return "available";
    case CouponStatus::kReserved: return "reserved";
    case CouponStatus::kRedeemed: return "redeemed";
    case CouponStatus::kExpired: return "expired";
    case CouponStatus::kRefundedExpired: return "refunded_expired";
  }
  return "unknown";
}

std::string_view CouponOpName(CouponOp op) {
  switch (op) {
    case CouponOp::kIssue: return "issue";
    case CouponOp::kReserve: return "reserve";
    case CouponOp::kRedeem: return "redeem";
    case CouponOp::kRelease: return "release";
    case CouponOp::kReverse: return "reverse";
    case CouponOp::kExpire: return "expire";
  }
  return "unknown";
}

CouponStatus CouponInstance::StatusAt(Timestamp t) const {
  if (status == CouponStatus::kReserved && reserved_until <= t) {
    return CouponStatus::kAvailable;
  }
  return status;
}

Status CouponBook::AddTemplate(CouponTemplate t) {
  ATRIUM_RETURN_IF_ERROR(t.Validate());
  if (templates_.count(t.id) != 0) {
    return AlreadyExists("coupon template exists: " + t.id.value());
  }
  const TemplateId id = t.id;
  templates_.emplace(id, std::move(t));
  return Status::Ok();
}

const CouponTemplate* CouponBook::FindTemplate(const TemplateId& id) const {
  auto it = templates_.find(id);
  return it == templates_.end() ? nullptr : &it->second;
}

const CouponInstance* CouponBook::Find(const CouponId& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &coupons_[it->second];
}

int64_t CouponBook::IssuedCount(const TemplateId& id) const {
  auto it = issued_.find(id);
  return it == issued_.end() ? 0 : it->second;
}

std::vector<const CouponInstance*> CouponBook::WalletOf(
    const MemberId& member) const {
  std::vector<const CouponInstance*> out;
  if (auto owned = by_owner_.find(member.value()); owned != by_owner_.end()) {
    for (const size_t i : owned->second) out.push_back(&coupons_[i]);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return a->valid_until < b->valid_until;
  });
  return out;
}

StatusOr<const CouponEvent*> CouponBook::Replay(
    std::string_view key, const std::string& request) const {
  if (key.empty() || key.size() > 256) {
    return InvalidArgument("idempotency key must have 1 to 256 bytes");
  }
  if (key.rfind("expire:", 0) == 0 || key.rfind("lapse:", 0) == 0) {
    return InvalidArgument("keys starting with expire: or lapse: are reserved");
  }
  auto it = by_key_.find(std::string(key));
  if (it == by_key_.end()) return static_cast<const CouponEvent*>(nullptr);
  const CouponEvent& first = events_[it->second];
  if (first.request != request) {
    return AlreadyExists("idempotency key reused for a different request: " +
                         std::string(key));
  }
  return &first;
}

CouponEvent CouponBook::Record(std::string_view key, CouponOp op,
                               const CouponInstance& c, Timestamp at,
                               std::string request) {
  CouponEvent e;
  e.seq = static_cast<int64_t>(events_.size()) + 1;
  e.key = key;
  e.op = op;
  e.coupon = c.id;
  e.at = at;
  e.status_after = c.status;
  e.request = std::move(request);
  by_key_.emplace(e.key, events_.size());
  events_.push_back(e);
  return e;
}

Status CouponBook::CheckClaim(const CouponTemplate& t, const Claimant& member,
                              IssueChannel channel, Timestamp at) const {
  if (t.validity.until && at >= *t.validity.until) {
    return FailedPrecondition("coupon " + t.id.value() + " has expired");
  }
  if (channel == IssueChannel::kCampaign ||
      channel == IssueChannel::kOperator) {
    return Status::Ok();  // grants choose their members themselves
  }
  // A coupon sold for points or money is not free for the claiming.
  if (channel == IssueChannel::kClaim && t.acquisition != Acquisition::kFree) {
    return FailedPrecondition(t.id.value() +
                              (t.acquisition == Acquisition::kPoints
                                   ? " is exchanged for points, not claimed"
                                   : " is bought, not claimed"));
  }
  if (!t.tiers.empty() && !Contains(t.tiers, member.tier)) {
    return FailedPrecondition("the member's tier may not claim " +
                              t.id.value());
  }
  if (!t.tags.empty() &&
      std::none_of(t.tags.begin(), t.tags.end(), [&](const std::string& tag) {
        return Contains(member.tags, tag);
      })) {
    return FailedPrecondition("the member lacks a tag " + t.id.value() +
                              " needs");
  }
  if (t.new_member_days > 0 && at >= member.registered_at.PlusSeconds(
                                         t.new_member_days * kSecondsPerDay)) {
    return FailedPrecondition(t.id.value() + " is for new members only");
  }
  int64_t early = 0;
  for (const TierClaimRule& r : t.tier_rules) {
    if (r.tier == member.tier) early = r.early_seconds;
  }
  if (t.claim_from && at < t.claim_from->PlusSeconds(-early)) {
    return FailedPrecondition("claims for " + t.id.value() + " are not open");
  }
  if (t.claim_until && at >= *t.claim_until) {
    return FailedPrecondition("claims for " + t.id.value() + " have closed");
  }
  return Status::Ok();
}

Status CouponBook::CheckLimits(const CouponTemplate& t, const Claimant& member,
                               Timestamp at) const {
  if (t.total_stock > 0 &&
      IssuedCount(t.id) + HeldCount(t.id) >= t.total_stock) {
    return ResourceExhausted("coupon " + t.id.value() + " is out of stock");
  }
  const int32_t total_limit = t.PerMemberTotalFor(member.tier);
  if (total_limit == 0 && t.per_member_per_day == 0) return Status::Ok();
  const Date today = calendar_.DateOf(at);
  int32_t total = 0;
  int32_t on_day = 0;
  static const std::vector<size_t> kNone;
  const auto owned = by_owner_.find(member.id.value());
  const std::vector<size_t>& mine =
      owned == by_owner_.end() ? kNone : owned->second;
  for (const size_t i : mine) {
    const CouponInstance& c = coupons_[i];
    if (c.template_id != t.id) continue;
    ++total;
    if (calendar_.DateOf(c.issued_at) == today) ++on_day;
  }
  if (total_limit > 0 && total >= total_limit) {
    return ResourceExhausted("the member holds the most " + t.id.value() +
                             " allowed");
  }
  if (t.per_member_per_day > 0 && on_day >= t.per_member_per_day) {
    return ResourceExhausted("the member reached today's limit for " +
                             t.id.value());
  }
  return Status::Ok();
}

namespace {

std::string IssueRequest(const TemplateId& id, const Claimant& member,
                         IssueChannel channel, Timestamp at) {
  return Join({"issue", id.value(), member.id.value(),
               Num(static_cast<int>(channel)), Num(at.unix_seconds())});
}

}  // namespace

Status CouponBook::CheckIssue(std::string_view key, const TemplateId& id,
                              const Claimant& member, IssueChannel channel,
                              Timestamp at) const {
  StatusOr<const CouponEvent*> replay =
      Replay(key, IssueRequest(id, member, channel, at));
  if (!replay.ok()) return replay.status();
  if (*replay != nullptr) return Status::Ok();
  ATRIUM_RETURN_IF_ERROR(ValidateId(member.id.value(), "member id"));
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(at, "issue time"));
  const CouponTemplate* t = FindTemplate(id);
  if (t == nullptr) return NotFound("unknown coupon template " + id.value());
  ATRIUM_RETURN_IF_ERROR(CheckClaim(*t, member, channel, at));
  return CheckLimits(*t, member, at);
}

StatusOr<CouponEvent> CouponBook::Issue(std::string_view key,
                                        const TemplateId& id,
                                        const Claimant& member,
                                        IssueChannel channel, Timestamp at) {
  return Issue(key, id, member, channel, at,
               CouponId("c-" + Num(static_cast<int64_t>(coupons_.size()) + 1)));
}

StatusOr<CouponEvent> CouponBook::Issue(std::string_view key,
                                        const TemplateId& id,
                                        const Claimant& member,
                                        IssueChannel channel, Timestamp at,
                                        const CouponId& coupon) {
  const std::string request = IssueRequest(id, member, channel, at);
  StatusOr<const CouponEvent*> replay = Replay(key, request);
  if (!replay.ok()) return replay.status();
  if (*replay != nullptr) return **replay;
  ATRIUM_RETURN_IF_ERROR(CheckIssue(key, id, member, channel, at));
  if (by_id_.contains(coupon)) {
    return AlreadyExists("coupon id " + coupon.value() + " is taken");
  }
  const CouponTemplate* t = FindTemplate(id);

  CouponInstance c;
  c.id = coupon;
  c.template_id = id;
  c.owner = member.id;
  c.channel = channel;
  c.issued_at = at;
  std::tie(c.valid_from, c.valid_until) = t->validity.WindowFor(calendar_, at);
  by_id_.emplace(c.id, coupons_.size());
  by_owner_[c.owner.value()].push_back(coupons_.size());
  coupons_.push_back(c);
  ++issued_[id];
  return Record(key, CouponOp::kIssue, c, at, request);
}

Status CouponBook::HoldStock(const TemplateId& id, int64_t count) {
  const CouponTemplate* t = FindTemplate(id);
  if (t == nullptr) return NotFound("unknown coupon template " + id.value());
  if (count < 1) return InvalidArgument("hold at least one coupon");
  if (t->total_stock > 0 &&
      count > t->total_stock - IssuedCount(id) - HeldCount(id)) {
    return ResourceExhausted("coupon " + id.value() +
                             " has too little stock left to hold");
  }
  held_[id] += count;
  return Status::Ok();
}

void CouponBook::ReleaseHold(const TemplateId& id, int64_t count) {
  auto it = held_.find(id);
  if (it == held_.end()) return;
  it->second -= std::min(count, it->second);
}

int64_t CouponBook::HeldCount(const TemplateId& id) const {
  auto it = held_.find(id);
  return it == held_.end() ? 0 : it->second;
}

StatusOr<CouponInstance*> CouponBook::Owned(const CouponId& id,
                                            const MemberId& member) {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return NotFound("unknown coupon " + id.value());
  CouponInstance* c = &coupons_[it->second];
  if (c->owner != member) {
    return PermissionDenied("coupon " + id.value() +
                            " belongs to another member");
  }
  return c;
}

StatusOr<CouponEvent> CouponBook::Reserve(std::string_view key,
                                          const CouponId& coupon,
                                          const MemberId& member,
                                          std::string_view checkout,
                                          Timestamp at, int64_t hold_seconds) {
  const std::string request =
      Join({"reserve", coupon.value(), member.value(), checkout,
            Num(at.unix_seconds()), Num(hold_seconds)});
  StatusOr<const CouponEvent*> replay = Replay(key, request);
  if (!replay.ok()) return replay.status();
  if (*replay != nullptr) return **replay;
  ATRIUM_RETURN_IF_ERROR(ValidateId(checkout, "checkout id"));
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(at, "reserve time"));
  if (hold_seconds < 1 || hold_seconds > kMaxHoldSeconds) {
    return InvalidArgument("a hold lasts 1 to 3600 seconds");
  }
  StatusOr<CouponInstance*> c = Owned(coupon, member);
  if (!c.ok()) return c.status();
  ATRIUM_RETURN_IF_ERROR(CheckUsable(**c, checkout, at));
  (*c)->status = CouponStatus::kReserved;
  (*c)->reserved_for = checkout;
  (*c)->reserved_until = at.PlusSeconds(hold_seconds);
  return Record(key, CouponOp::kReserve, **c, at, request);
}

StatusOr<CouponEvent> CouponBook::Release(std::string_view key,
                                          const CouponId& coupon,
                                          const MemberId& member,
                                          std::string_view checkout,
                                          Timestamp at) {
  const std::string request = Join({"release", coupon.value(), member.value(),
                                    checkout, Num(at.unix_seconds())});
  StatusOr<const CouponEvent*> replay = Replay(key, request);
  if (!replay.ok()) return replay.status();
  if (*replay != nullptr) return **replay;
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(at, "release time"));
  StatusOr<CouponInstance*> c = Owned(coupon, member);
  if (!c.ok()) return c.status();
  if ((*c)->StatusAt(at) != CouponStatus::kReserved ||
      (*c)->reserved_for != checkout) {
    return FailedPrecondition("coupon " + coupon.value() +
                              " is not reserved by this checkout");
  }
  (*c)->status = CouponStatus::kAvailable;
  (*c)->reserved_for.clear();
  return Record(key, CouponOp::kRelease, **c, at, request);
}

StatusOr<CouponEvent> CouponBook::Redeem(std::string_view key,
                                         const CouponId& coupon,
                                         const MemberId& member,
                                         const Redemption& r, Timestamp at) {
  const std::string request = Join(
      {"redeem", coupon.value(), member.value(), r.checkout, r.receipt.value(),
       r.store.value(), r.device, Num(at.unix_seconds())});
  StatusOr<const CouponEvent*> replay = Replay(key, request);
  if (!replay.ok()) return replay.status();
  if (*replay != nullptr) return **replay;
  ATRIUM_RETURN_IF_ERROR(ValidateId(r.checkout, "checkout id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(r.receipt.value(), "receipt id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(r.store.value(), "store id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(r.device, "device id"));
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(at, "redeem time"));
  StatusOr<CouponInstance*> c = Owned(coupon, member);
  if (!c.ok()) return c.status();
  ATRIUM_RETURN_IF_ERROR(CheckUsable(**c, r.checkout, at));
  (*c)->status = CouponStatus::kRedeemed;
  (*c)->reserved_for.clear();
  (*c)->redemption = r;
  return Record(key, CouponOp::kRedeem, **c, at, request);
}

StatusOr<CouponEvent> CouponBook::Reverse(std::string_view key,
                                          const CouponId& coupon,
                                          const MemberId& member,
                                          Timestamp at) {
  const std::string request =
      Join({"reverse", coupon.value(), member.value(), Num(at.unix_seconds())});
  StatusOr<const CouponEvent*> replay = Replay(key, request);
  if (!replay.ok()) return replay.status();
  if (*replay != nullptr) return **replay;
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(at, "reverse time"));
  StatusOr<CouponInstance*> c = Owned(coupon, member);
  if (!c.ok()) return c.status();
  if ((*c)->status != CouponStatus::kRedeemed) {
    return FailedPrecondition("coupon " + coupon.value() + " is not redeemed");
  }
  (*c)->status = (*c)->ValidAt(at) ? CouponStatus::kAvailable
                                   : CouponStatus::kRefundedExpired;
  (*c)->redemption = {};  // the events keep the history
  return Record(key, CouponOp::kReverse, **c, at, request);
}

std::vector<CouponEvent> CouponBook::ExpireDue(Timestamp at) {
  std::vector<CouponEvent> out;
  for (CouponInstance& c : coupons_) {
    const bool lapsed =
        c.status == CouponStatus::kReserved && c.reserved_until <= at;
    const bool ended =
        (c.status == CouponStatus::kAvailable || lapsed) && c.valid_until <= at;
    if (ended) {
      c.status = CouponStatus::kExpired;
      c.reserved_for.clear();
      out.push_back(
          Record("expire:" + c.id.value(), CouponOp::kExpire, c, at, "expire"));
    } else if (lapsed) {
      c.status = CouponStatus::kAvailable;
      c.reserved_for.clear();
      const std::string key = "lapse:" + c.id.value() + ":" +
                              Num(static_cast<int64_t>(events_.size()) + 1);
      out.push_back(Record(key, CouponOp::kRelease, c, at, "lapse"));
    }
  }
  return out;
}

}  // namespace atrium
