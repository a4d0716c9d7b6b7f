// Escrows: granted to a device by an operator, used by the device's
// offline claims and points spends, returned by either.
#include <array>
#include <span>

#include "apply_internal.h"
#include "registry.h"

namespace atrium::sync::internal {
namespace {

Effects EscrowEffects(const Escrow& e) {
  Effects fx;
  fx.device = e.grant().device;
  fx.escrow = e;
  fx.result = EscrowJson(e);
  return fx;
}

}  // namespace

StatusOr<Escrow*> EscrowFor(GroupState& state, const Operation& op) {
  const auto* id = op.payload.find("escrow_id") != op.payload.end()
                       ? &op.payload["escrow_id"]
                       : nullptr;
  if (id == nullptr) return static_cast<Escrow*>(nullptr);
  if (!id->is_string()) {
    return InvalidArgument("payload.escrow_id: must be a string");
  }
  if (op.origin.kind != OriginKind::kDevice) {
    return PermissionDenied("only a device works under an escrow");
  }
  const auto it = state.escrows.find(id->get<std::string>());
  if (it == state.escrows.end()) {
    const bool others =
        !state.own_device.empty() && state.own_device != op.origin.id;
    if (!state.checks_escrows || others) return static_cast<Escrow*>(nullptr);
    return NotFound("no such escrow");
  }
  if (it->second.grant().device != op.origin.id) {
    return PermissionDenied("the escrow belongs to another device");
  }
  return &it->second;
}

StatusOr<Effects> GrantEscrow(GroupState& state, const Operation& op,
                              Timestamp now) {
  if (op.origin.kind != OriginKind::kOperator) {
    return PermissionDenied("escrows are granted only by an operator");
  }
  codec::JsonReader r(op.payload, "payload");
  EscrowGrant g;
  g.id = r.Str("escrow_id");
  g.device = r.Str("device_id");
  g.expires_at = r.Time("expires_at");
  g.points_budget = r.Int("points_budget", 0, kMaxPointsPerEntry);
  g.per_member_points = r.OptInt("per_member_points", 0, 0, kMaxPointsPerEntry);
  const codec::Json* coupons = r.Raw("coupons", false);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  if (g.expires_at <= now) {
    return InvalidArgument("payload.expires_at: must be in the future");
  }
  if (state.escrows.contains(g.id)) {
    return AlreadyExists("escrow " + g.id + " exists");
  }
  if (coupons != nullptr) {
    if (!coupons->is_object()) {
      return InvalidArgument("payload.coupons: template id -> count");
    }
    for (const auto& [id, n] : coupons->items()) {
      if (!n.is_number_integer() || n.get<int64_t>() < 1) {
        return InvalidArgument("payload.coupons." + id +
                               ": must be a positive count");
      }
      g.coupons[TemplateId(id)] = n.get<int64_t>();
    }
  }
  // Hold every slice, or none.
  std::vector<std::pair<CouponBook*, TemplateId>> held;
  for (const auto& [id, n] : g.coupons) {
    StatusOr<CouponBook*> book = BookWithTemplate(state, id);
    Status s = book.ok() ? (*book)->HoldStock(id, n) : book.status();
    if (!s.ok()) {
      for (const auto& [b, t] : held) b->ReleaseHold(t, g.coupons.at(t));
      return s;
    }
    held.emplace_back(*book, id);
  }
  Escrow& e = state.escrows.emplace(g.id, Escrow(g)).first->second;
  return EscrowEffects(e);
}

StatusOr<Effects> ReturnEscrow(GroupState& state, const Operation& op) {
  codec::JsonReader r(op.payload, "payload");
  const std::string id = r.Str("escrow_id");
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  const auto it = state.escrows.find(id);
  if (it == state.escrows.end()) return NotFound("no such escrow");
  Escrow& e = it->second;
  const bool own_device =
      op.origin.kind == OriginKind::kDevice && op.origin.id == e.grant().device;
  if (op.origin.kind != OriginKind::kOperator && !own_device) {
    return PermissionDenied(
        "an escrow is returned by its device or an "
        "operator");
  }
  if (!e.open()) return FailedPrecondition("escrow " + id + " was returned");
  for (const auto& [t, n] : e.grant().coupons) {
    StatusOr<CouponBook*> book = BookWithTemplate(state, t);
    if (book.ok()) (*book)->ReleaseHold(t, e.coupons_left(t));
  }
  e.Close();
  return EscrowEffects(e);
}

Status ChargeEscrow(GroupState& state, const Operation& op) {
  StatusOr<Escrow*> e = EscrowFor(state, op);
  if (!e.ok()) return e.status();
  if (*e == nullptr) return InvalidArgument("not an escrowed operation");
  // Read strictly, as Apply reads them: a malformed payload is an error,
  // never a thrown type error.
  codec::JsonReader r(op.payload, "payload");
  if (op.type == "spend_points") {
    const MemberId member(r.Str("member_id"));
    const int64_t points = r.Int("points", 1, kMaxPointsPerEntry);
    ATRIUM_RETURN_IF_ERROR(r.status());
    ATRIUM_RETURN_IF_ERROR((*e)->CheckPoints(member, points, op.client_time));
    (*e)->ChargePoints(member, points);
    return Status::Ok();
  }
  if (op.type == "claim_coupon") {
    const TemplateId t(r.Str("template_id"));
    ATRIUM_RETURN_IF_ERROR(r.status());
    ATRIUM_RETURN_IF_ERROR((*e)->CheckCoupon(t, op.client_time));
    (*e)->ChargeCoupon(t);
    return Status::Ok();
  }
  if (op.type == "exchange_points") {
    const MemberId member(r.Str("member_id"));
    const TemplateId t(r.Str("template_id"));
    ATRIUM_RETURN_IF_ERROR(r.status());
    StatusOr<CouponBook*> book = BookWithTemplate(state, t);
    if (!book.ok()) return book.status();
    const int64_t price = (*book)->FindTemplate(t)->points_price;
    ATRIUM_RETURN_IF_ERROR((*e)->CheckCoupon(t, op.client_time));
    ATRIUM_RETURN_IF_ERROR((*e)->CheckPoints(member, price, op.client_time));
    (*e)->ChargeCoupon(t);
    (*e)->ChargePoints(member, price);
    return Status::Ok();
  }
  return InvalidArgument(op.type + " does not work under an escrow");
}

}  // namespace atrium::sync::internal

namespace atrium::sync {

codec::Json EscrowJson(const Escrow& e) {
  codec::Json coupons = codec::Json::object();
  for (const auto& [id, n] : e.grant().coupons) {
    coupons[id.value()] = e.coupons_left(id);
  }
  return {{"escrow_id", e.grant().id},
          {"device_id", e.grant().device},
          {"open", e.open()},
          {"expires_at", FormatIso8601(e.grant().expires_at)},
          {"points_left", e.grant().points_budget - e.points_used()},
          {"coupons_left", std::move(coupons)}};
}

// The operation types of escrows: what a kiosk may do offline: their entries in
// the registry (registry.h), beside their handlers.
std::span<const OpPolicy> registry::EscrowOps() {
  static constexpr std::array<OpPolicy, 2> kOps = {{
      {"grant_escrow", Senders({K::kOperator, K::kSystem}), kAdmin, nullptr,
       internal::GrantEscrow},
      {"return_escrow", Senders({K::kKiosk, K::kOperator, K::kSystem}),
       kMarketing, CheckOwnEscrow, NoClock<internal::ReturnEscrow>},
  }};
  return kOps;
}

}  // namespace atrium::sync
