// Coupon operations: templates from the console, claims from phones and
// devices, redemptions at tills.
#include <array>
#include <span>

#include "apply_internal.h"
#include "atrium/codec/coupon_json.h"
#include "atrium/coupons/points_mall.h"
#include "registry.h"

namespace atrium::sync::internal {
namespace {

// The mall's coupon book, made on first use with the mall's calendar.
StatusOr<CouponBook*> BookOf(GroupState& state, const MallId& mall) {
  auto it = state.coupons.find(mall);
  if (it != state.coupons.end()) return &it->second;
  const Mall* m = state.program.group.FindMall(mall);
  if (m == nullptr) return NotFound("no such mall");
  return &state.coupons.emplace(mall, CouponBook(m->calendar)).first->second;
}

// The mall's book holding coupon `id`.
StatusOr<CouponBook*> BookWithCoupon(GroupState& state, const CouponId& id) {
  for (auto& [mall, book] : state.coupons) {
    if (book.Find(id) != nullptr) return &book;
  }
  return NotFound("no such coupon");
}

// A coupon is redeemed at a store of its mall that its scope covers.
Status CheckStoreScope(const GroupState& state, const CouponBook& book,
                       const CouponId& coupon, const Redemption& r) {
  const CouponInstance* c = book.Find(coupon);
  const CouponTemplate* t = book.FindTemplate(c->template_id);
  const Mall* mall = state.program.group.FindMall(t->mall);
  const Store* store = mall == nullptr ? nullptr : mall->FindStore(r.store);
  if (store == nullptr) {
    return InvalidArgument(
        "payload.store_id: no such store in the coupon's "
        "mall");
  }
  if (!t->scope.Covers(store->id, store->category)) {
    return FailedPrecondition("the coupon is not valid at this store");
  }
  return Status::Ok();
}

codec::Json CouponResult(const CouponInstance& c) {
  return {{"coupon_id", c.id.value()},
          {"status", std::string(CouponStatusName(c.status))},
          {"valid_until", FormatIso8601(c.valid_until)}};
}

Effects CouponEffects(const CouponBook& book, const CouponEvent& e,
                      const MemberId& member) {
  Effects fx;
  fx.member = member;
  fx.coupon = *book.Find(e.coupon);
  fx.coupon_event = e;
  fx.result = CouponResult(*fx.coupon);
  return fx;
}

}  // namespace

StatusOr<CouponBook*> BookWithTemplate(GroupState& state,
                                       const TemplateId& id) {
  for (auto& [mall, book] : state.coupons) {
    if (book.FindTemplate(id) != nullptr) return &book;
  }
  return NotFound("unknown coupon template");
}

StatusOr<Effects> AddCouponTemplate(GroupState& state, const Operation& op) {
  if (op.origin.kind != OriginKind::kOperator) {
    return PermissionDenied("coupon templates come only from an operator");
  }
  codec::JsonReader r(op.payload, "payload");
  const codec::Json* json = r.Raw("template", true);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<CouponTemplate> t = codec::TemplateFromJson(*json);
  if (!t.ok()) return t.status();
  if (BookWithTemplate(state, t->id).ok()) {
    return AlreadyExists("coupon template " + t->id.value() + " exists");
  }
  StatusOr<CouponBook*> book = BookOf(state, t->mall);
  if (!book.ok()) return book.status();
  ATRIUM_RETURN_IF_ERROR((*book)->AddTemplate(*t));
  Effects fx;
  fx.everyone = true;
  fx.coupon_template = std::move(*t);
  fx.coupon_template_json = *json;
  fx.result = {{"template_id", fx.coupon_template->id.value()}};
  return fx;
}

StatusOr<Effects> ClaimCoupon(GroupState& state, const Operation& op,
                              Timestamp now) {
  codec::JsonReader r(op.payload, "payload");
  const MemberId member(r.Str("member_id"));
  const TemplateId template_id(r.Str("template_id"));
  r.OptStr("escrow_id");  // read by EscrowFor
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(CheckActor(op, member));
  StatusOr<MemberAccount*> account = AccountOf(state, member);
  if (!account.ok()) return account.status();
  StatusOr<CouponBook*> book = BookWithTemplate(state, template_id);
  if (!book.ok()) return book.status();
  StatusOr<Escrow*> escrow = EscrowFor(state, op);
  if (!escrow.ok()) return escrow.status();
  if (*escrow != nullptr) {
    ATRIUM_RETURN_IF_ERROR((*escrow)->CheckCoupon(template_id, op.client_time));
    (*book)->ReleaseHold(template_id, 1);  // the escrow's slice issues it
  }
  const Claimant claimant = ClaimantOf(**account);
  StatusOr<CouponEvent> e =
      (*book)->Issue("op:" + op.id, template_id, claimant, IssueChannel::kClaim,
                     now, CouponId("c-" + op.id));
  if (!e.ok()) {
    if (*escrow != nullptr) (void)(*book)->HoldStock(template_id, 1);
    return e.status();
  }
  Effects fx = CouponEffects(**book, *e, member);
  if (*escrow != nullptr) {
    (*escrow)->ChargeCoupon(template_id);
    fx.escrow = **escrow;
  }
  return fx;
}

}  // namespace atrium::sync::internal

namespace atrium::sync {

Status CheckClaim(const GroupState& state, const MemberId& member,
                  const TemplateId& template_id, Timestamp now) {
  const auto account = state.accounts.find(member);
  if (account == state.accounts.end()) return NotFound("no such member");
  for (const auto& [mall, book] : state.coupons) {
    if (book.FindTemplate(template_id) == nullptr) continue;
    return book.CheckIssue("check", template_id,
                           internal::ClaimantOf(account->second),
                           IssueChannel::kClaim, now);
  }
  return NotFound("unknown coupon template");
}

}  // namespace atrium::sync

namespace atrium::sync::internal {

StatusOr<Effects> GrantCoupon(GroupState& state, const Operation& op,
                              Timestamp now) {
  if (op.origin.kind != OriginKind::kOperator) {
    return PermissionDenied("coupons are granted only by an operator");
  }
  codec::JsonReader r(op.payload, "payload");
  const MemberId member(r.Str("member_id"));
  const TemplateId template_id(r.Str("template_id"));
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<MemberAccount*> account = AccountOf(state, member);
  if (!account.ok()) return account.status();
  StatusOr<CouponBook*> book = BookWithTemplate(state, template_id);
  if (!book.ok()) return book.status();
  const Claimant claimant = ClaimantOf(**account);
  StatusOr<CouponEvent> e =
      (*book)->Issue("op:" + op.id, template_id, claimant,
                     IssueChannel::kOperator, now, CouponId("c-" + op.id));
  if (!e.ok()) return e.status();
  return CouponEffects(**book, *e, member);
}

StatusOr<Effects> ExchangePoints(GroupState& state, const Operation& op,
                                 Timestamp now) {
  codec::JsonReader r(op.payload, "payload");
  const MemberId member(r.Str("member_id"));
  const TemplateId template_id(r.Str("template_id"));
  r.OptStr("escrow_id");  // read by EscrowFor
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(CheckActor(op, member));
  StatusOr<MemberAccount*> account = AccountOf(state, member);
  if (!account.ok()) return account.status();
  StatusOr<CouponBook*> book = BookWithTemplate(state, template_id);
  if (!book.ok()) return book.status();
  StatusOr<Escrow*> escrow = EscrowFor(state, op);
  if (!escrow.ok()) return escrow.status();
  const int64_t price = (*book)->FindTemplate(template_id)->points_price;
  if (*escrow != nullptr) {
    ATRIUM_RETURN_IF_ERROR((*escrow)->CheckCoupon(template_id, op.client_time));
    ATRIUM_RETURN_IF_ERROR(
        (*escrow)->CheckPoints(member, price, op.client_time));
    (*book)->ReleaseHold(template_id, 1);  // the escrow's slice issues it
  }
  const Claimant claimant = ClaimantOf(**account);
  const size_t before = (*account)->ledger().entries().size();
  StatusOr<Exchange> x = ExchangePointsForCoupon(
      **book, (*account)->ledger(), "op:" + op.id, template_id, claimant, now,
      CouponId("c-" + op.id));
  if (!x.ok()) {
    if (*escrow != nullptr) (void)(*book)->HoldStock(template_id, 1);
    return x.status();
  }
  Effects fx = CouponEffects(**book, x->issue, member);
  CollectEntries(**account, before, fx);
  if (*escrow != nullptr) {
    (*escrow)->ChargeCoupon(template_id);
    (*escrow)->ChargePoints(member, price);
    fx.escrow = **escrow;
  }
  fx.result["points"] = x->spend.requested;
  fx.result["balance"] = (*account)->ledger().BalanceAt(now).usable;
  return fx;
}

StatusOr<Effects> RedeemCoupon(GroupState& state, const Operation& op,
                               Timestamp now) {
  ATRIUM_RETURN_IF_ERROR(DeviceOnly(op));
  codec::JsonReader r(op.payload, "payload");
  const MemberId member(r.Str("member_id"));
  const CouponId coupon(r.Str("coupon_id"));
  Redemption redemption;
  redemption.checkout = op.id;
  redemption.receipt = ReceiptId(r.Str("receipt_id"));
  redemption.store = StoreId(r.Str("store_id"));
  redemption.device = op.origin.id;
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<CouponBook*> book = BookWithCoupon(state, coupon);
  if (!book.ok()) return book.status();
  ATRIUM_RETURN_IF_ERROR(CheckStoreScope(state, **book, coupon, redemption));
  StatusOr<CouponEvent> e =
      (*book)->Redeem("op:" + op.id, coupon, member, redemption, now);
  if (!e.ok()) return e.status();
  return CouponEffects(**book, *e, member);
}

}  // namespace atrium::sync::internal

namespace atrium::sync {

// The operation types of coupons: templates, claims, grants, redemption, points
// exchanged for coupons: their entries in the registry (registry.h), beside
// their handlers.
std::span<const OpPolicy> registry::CouponOps() {
  static constexpr std::array<OpPolicy, 5> kOps = {{
      {"add_coupon_template", Senders({K::kOperator, K::kSystem}), kMarketing,
       nullptr, NoClock<internal::AddCouponTemplate>},
      {"claim_coupon", Senders({K::kMember, K::kKiosk, K::kSystem}), 0,
       CheckOwnEscrow, internal::ClaimCoupon},
      {"redeem_coupon", Senders({K::kTill, K::kSystem}), 0, nullptr,
       internal::RedeemCoupon},
      {"grant_coupon", Senders({K::kOperator, K::kSystem}), kMarketing, nullptr,
       internal::GrantCoupon},
      {"exchange_points", Senders({K::kMember, K::kKiosk, K::kSystem}), 0,
       CheckOwnEscrow, internal::ExchangePoints},
  }};
  return kOps;
}

}  // namespace atrium::sync
