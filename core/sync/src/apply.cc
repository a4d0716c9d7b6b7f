#include "atrium/sync/apply.h"

#include <array>
#include <span>

#include "apply_internal.h"
#include "atrium/codec/domain_json.h"
#include "atrium/sync/authority.h"
#include "registry.h"

namespace atrium::sync {

GroupState::GroupState(Program p)
    : program(std::move(p)), directory(program.group.id) {
  for (const CarPark& c : program.car_parks) {
    const Mall* mall = program.group.FindMall(c.mall);
    parking.emplace(
        c.mall, ParkingLot(c.tariff, c.schedule,
                           mall != nullptr ? mall->calendar : LocalCalendar(),
                           c.policy));
  }
}

namespace internal {

Status CheckActor(const Operation& op, const MemberId& member) {
  if (op.origin.kind == OriginKind::kMember && op.origin.id != member.value()) {
    return PermissionDenied("a member may act only for themselves");
  }
  // The server itself acts for members (a sensorless exit's charge).
  if (op.origin.kind == OriginKind::kOperator &&
      op.origin.id != kSystemOperator) {
    return PermissionDenied(op.type + " does not come from an operator");
  }
  return Status::Ok();
}

Status DeviceOnly(const Operation& op) {
  if (op.origin.kind != OriginKind::kDevice) {
    return PermissionDenied(op.type + " comes only from a device");
  }
  return Status::Ok();
}

StatusOr<MemberAccount*> AccountOf(GroupState& state, const MemberId& id) {
  auto it = state.accounts.find(id);
  if (it == state.accounts.end()) return NotFound("no such member");
  return &it->second;
}

void CollectEntries(const MemberAccount& account, size_t before, Effects& fx) {
  const auto& all = account.ledger().entries();
  fx.entries.assign(all.begin() + static_cast<std::ptrdiff_t>(before),
                    all.end());
}

Claimant ClaimantOf(const MemberAccount& account) {
  return {account.member().id,
          account.tier().tier,
          {},
          account.member().registered_at};
}

}  // namespace internal

namespace internal {

StatusOr<Effects> Register(GroupState& state, const Operation& op,
                           Timestamp now) {
  codec::JsonReader r(op.payload, "payload");
  const MemberId id(r.Str("member_id"));
  // The form the log rewrites a registration to once the member erased
  // their account: no phone, no name.
  const bool erased = r.OptBool("erased", false);
  // The form a device is sent (MaskForDevice): the phone masked.
  const std::string masked = r.OptStr("phone_masked");
  const std::string phone = erased || !masked.empty() ? "" : r.Str("phone");
  Profile profile;
  if (!erased) profile.name = r.OptStr("name");
  const codec::Json* identity_json = r.Raw("identity", false);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(CheckActor(op, id));
  std::optional<Identity> identity;
  if (identity_json != nullptr) {
    StatusOr<Identity> i = internal::IdentityFromJson(*identity_json, true);
    if (!i.ok()) return i.status();
    // A plate is only claimed: whoever holds it does not stop the claim.
    const auto owner = state.identity_owner.find(i->Key());
    if (owner != state.identity_owner.end() && i->kind != "plate") {
      return AlreadyExists("the " + i->kind + " belongs to another member");
    }
    identity = std::move(*i);
  }
  const auto registered = [&]() -> StatusOr<const Member*> {
    if (erased) return state.directory.RegisterErased(id, now);
    if (masked.empty()) {
      return state.directory.Register(id, phone, std::move(profile), Consents{},
                                      now);
    }
    // Only a device's replica takes a member it may not know fully.
    if (state.own_device.empty()) {
      return InvalidArgument("payload.phone: the member's own number");
    }
    StatusOr<Phone> p = Phone::FromMasked(masked);
    if (!p.ok()) return p.status();
    return state.directory.RegisterMasked(id, std::move(*p), now);
  };
  StatusOr<const Member*> m = registered();
  if (!m.ok()) return m.status();
  state.accounts.emplace(id, MemberAccount(**m, state.program.tiers));
  Effects fx;
  fx.member = id;
  fx.registered = **m;
  fx.result = {{"member_id", id.value()}};
  if (identity) {
    ATRIUM_RETURN_IF_ERROR(internal::Link(state, op, id, *identity, now, fx));
  }
  return fx;
}

StatusOr<Effects> Earn(GroupState& state, const Operation& op, Timestamp now) {
  ATRIUM_RETURN_IF_ERROR(DeviceOnly(op));
  codec::JsonReader r(op.payload, "payload");
  const codec::Json* receipt_json = r.Raw("receipt", true);
  const codec::Json* identity_json = r.Raw("identity", false);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  if (identity_json == nullptr) {
    StatusOr<Receipt> receipt = codec::ReceiptFromJson(*receipt_json);
    if (!receipt.ok()) return receipt.status();
    return internal::EarnFor(state, *receipt, now);
  }
  // Known by a card or open id: the member holding it, or a guest.
  StatusOr<Identity> identity =
      internal::IdentityFromJson(*identity_json, false);
  if (!identity.ok()) return identity.status();
  if (receipt_json->contains("member_id")) {
    return InvalidArgument("payload: a receipt names a member or an identity");
  }
  codec::Json with_member = *receipt_json;
  const auto owner = state.identity_owner.find(identity->Key());
  with_member["member_id"] =
      owner != state.identity_owner.end() ? owner->second.value() : "guest";
  StatusOr<Receipt> receipt = codec::ReceiptFromJson(with_member);
  if (!receipt.ok()) return receipt.status();
  if (owner != state.identity_owner.end()) {
    return internal::EarnFor(state, *receipt, now);
  }
  return internal::EarnAsGuest(state, *receipt, *identity);
}

}  // namespace internal

StatusOr<Effects> internal::EarnFor(GroupState& state, const Receipt& receipt,
                                    Timestamp now) {
  StatusOr<MemberAccount*> account = AccountOf(state, receipt.member);
  if (!account.ok()) return account.status();
  const size_t before = (*account)->ledger().entries().size();
  StatusOr<EarnOutcome> out =
      (*account)->EarnForReceipt(state.program, receipt, now);
  if (!out.ok()) return out.status();
  state.receipt_owner.emplace(receipt.Key(), receipt.member);
  Effects fx;
  fx.member = receipt.member;
  CollectEntries(**account, before, fx);
  fx.receipt = *out->record;
  fx.result = {{"points", out->record->points},
               {"tier", out->tier_after.value()},
               {"balance", (*account)->ledger().BalanceAt(now).usable}};
  return fx;
}

namespace internal {

StatusOr<Effects> Refund(GroupState& state, const Operation& op,
                         Timestamp now) {
  ATRIUM_RETURN_IF_ERROR(DeviceOnly(op));
  codec::JsonReader r(op.payload, "payload");
  const MallId mall(r.Str("mall_id"));
  const ReceiptId receipt_id(r.Str("receipt_id"));
  const std::string refund_id = r.Str("refund_id");
  const Money amount = r.Fen("amount_fen", Money::Fen(1));
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  const std::string key = Receipt::KeyOf(mall, receipt_id);
  const auto owner = state.receipt_owner.find(key);
  if (owner != state.receipt_owner.end()) {
    MemberAccount& account = state.accounts.at(owner->second);
    const size_t before = account.ledger().entries().size();
    StatusOr<RefundOutcome> out =
        account.RefundReceipt(key, refund_id, amount, now);
    if (!out.ok()) return out.status();
    Effects fx;
    fx.member = owner->second;
    CollectEntries(account, before, fx);
    fx.receipt = *account.FindReceipt(key);
    fx.result = {{"points_reversed", out->points_reversed},
                 {"shortfall", out->shortfall}};
    return fx;
  }
  return NotFound("no such receipt");
}

StatusOr<Effects> SpendPoints(GroupState& state, const Operation& op,
                              Timestamp now) {
  codec::JsonReader r(op.payload, "payload");
  const MemberId member(r.Str("member_id"));
  const int64_t points = r.Int("points", 1, kMaxPointsPerEntry);
  const std::string ref = r.Str("ref");
  const std::string note = r.OptStr("note");
  r.OptStr("escrow_id");  // read by EscrowFor
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(CheckActor(op, member));
  StatusOr<Escrow*> escrow = internal::EscrowFor(state, op);
  if (!escrow.ok()) return escrow.status();
  if (*escrow != nullptr) {
    ATRIUM_RETURN_IF_ERROR(
        (*escrow)->CheckPoints(member, points, op.client_time));
  }
  StatusOr<MemberAccount*> account = AccountOf(state, member);
  if (!account.ok()) return account.status();
  const size_t before = (*account)->ledger().entries().size();
  StatusOr<LedgerEntry> e =
      (*account)->ledger().Spend("op:" + op.id, now, points, ref, note);
  if (!e.ok()) return e.status();
  Effects fx;
  fx.member = member;
  if (*escrow != nullptr) {
    (*escrow)->ChargePoints(member, points);
    fx.escrow = **escrow;
  }
  CollectEntries(**account, before, fx);
  fx.result = {{"entry_seq", e->seq},
               {"balance", (*account)->ledger().BalanceAt(now).usable}};
  return fx;
}

}  // namespace internal

StatusOr<Effects> Apply(GroupState& state, const Operation& op, Timestamp now) {
  // The type's entry in the registry (authority.cc) names its handler.
  const OpPolicy* type = PolicyFor(op.type);
  if (type == nullptr || type->apply == nullptr) {
    return InvalidArgument("unknown operation type");
  }
  return type->apply(state, op, now);
}

Status ChargeEscrow(GroupState& state, const Operation& op) {
  return internal::ChargeEscrow(state, op);
}

// The operation types of the points a till causes and members spend:
// registration, earning, refunds, spending: their entries in the registry
// (registry.h), beside their handlers.
std::span<const OpPolicy> registry::PointsOps() {
  static constexpr std::array<OpPolicy, 4> kOps = {{
      {"register", Senders({K::kMember, K::kSystem}), 0, nullptr,
       internal::Register},
      {"earn", Senders({K::kTill, K::kSystem}), 0, nullptr, internal::Earn},
      {"refund", Senders({K::kTill, K::kSystem}), 0, CheckRefund,
       internal::Refund},
      {"spend_points", Senders({K::kMember, K::kTill, K::kKiosk, K::kSystem}),
       0, CheckOwnEscrow, internal::SpendPoints},
  }};
  return kOps;
}

}  // namespace atrium::sync
