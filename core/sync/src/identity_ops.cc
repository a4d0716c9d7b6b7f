// ID-mapping: a shopper first known only by a paying card or a mini-program
// open id. A till's earn may name such an identity instead of a member; if
// no member holds it, the receipt waits with the identity. Linking the
// identity to a member (link_identity, or register with an identity) maps
// it and appends one merge_receipt operation per waiting receipt, which
// earns it for the member; the merges are operations of their own so that
// the member's phone, which never saw the guest's receipts, replays them.
#include <algorithm>
#include <array>
#include <span>

#include "apply_internal.h"
#include "atrium/codec/domain_json.h"
#include "registry.h"

namespace atrium::sync::internal {
namespace {

constexpr size_t kMaxIdentityValue = 64;

bool ValueChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// A plate: the server's keyed hash and the masked plate, never the plate.
Status CheckPlate(const Identity& id) {
  StatusOr<Plate> plate = Plate::Keyed(id.value, id.display, false);
  if (!plate.ok()) {
    return InvalidArgument("payload.identity: " + plate.status().message());
  }
  return Status::Ok();
}

}  // namespace

StatusOr<Identity> IdentityFromJson(const codec::Json& j, bool plates) {
  codec::JsonReader r(j, "payload.identity");
  Identity id{r.Str("kind"), r.Str("value"), r.OptStr("display")};
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  if (plates && id.kind == "plate") {
    ATRIUM_RETURN_IF_ERROR(CheckPlate(id));
    return id;
  }
  if (id.kind != "card" && id.kind != "open_id") {
    return InvalidArgument(plates ? "payload.identity.kind: card, open_id or "
                                    "plate"
                                  : "payload.identity.kind: card or open_id");
  }
  if (!id.display.empty()) {
    return InvalidArgument("payload.identity.display: only for a plate");
  }
  if (id.value.empty() || id.value.size() > kMaxIdentityValue ||
      !std::all_of(id.value.begin(), id.value.end(), ValueChar)) {
    return InvalidArgument(
        "payload.identity.value: 1..64 letters, digits, - or _");
  }
  return id;
}

Status Link(GroupState& state, const Operation& op, const MemberId& member,
            const Identity& identity, Timestamp now, Effects& fx) {
  if (identity.kind == "plate") {
    return ClaimPlate(state, member, identity, now, fx);
  }
  const auto [it, added] = state.identity_owner.emplace(identity.Key(), member);
  if (!added && it->second != member) {
    return AlreadyExists("the " + identity.kind + " belongs to another member");
  }
  fx.identity = identity;
  const auto waiting = state.guest_receipts.find(identity.Key());
  const size_t n =
      waiting == state.guest_receipts.end() ? 0 : waiting->second.size();
  for (size_t i = 0; i < n; ++i) {
    const Receipt& r = waiting->second[i];
    Operation merge;
    merge.id = op.id + ":merge";  // the server names and numbers it
    merge.origin = {OriginKind::kOperator, std::string(kSystemOperator)};
    merge.type = "merge_receipt";
    merge.client_time = now;
    codec::Json receipt = codec::ReceiptToJson(r);
    receipt["member_id"] = member.value();
    merge.payload = {
        {"identity", {{"kind", identity.kind}, {"value", identity.value}}},
        {"receipt", std::move(receipt)}};
    fx.follow_ups.push_back(std::move(merge));
  }
  fx.result["receipts_waiting"] = n;
  return Status::Ok();
}

StatusOr<Effects> LinkIdentity(GroupState& state, const Operation& op,
                               Timestamp now) {
  codec::JsonReader r(op.payload, "payload");
  const MemberId member(r.Str("member_id"));
  const codec::Json* identity_json = r.Raw("identity", true);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(CheckActor(op, member));
  StatusOr<Identity> identity = IdentityFromJson(*identity_json, true);
  if (!identity.ok()) return identity.status();
  ATRIUM_RETURN_IF_ERROR(AccountOf(state, member).status());
  Effects fx;
  fx.member = member;
  fx.result = {{"member_id", member.value()}};
  ATRIUM_RETURN_IF_ERROR(Link(state, op, member, *identity, now, fx));
  return fx;
}

StatusOr<Effects> EarnAsGuest(GroupState& state, const Receipt& receipt,
                              const Identity& identity) {
  std::vector<Receipt>& waiting = state.guest_receipts[identity.Key()];
  for (const Receipt& r : waiting) {
    if (r.Key() == receipt.Key()) {
      return AlreadyExists("the receipt is already waiting");
    }
  }
  if (state.receipt_owner.contains(receipt.Key())) {
    return AlreadyExists("the receipt was earned by a member");
  }
  waiting.push_back(receipt);
  Effects fx;
  fx.result = {{"guest", true}, {"receipts_waiting", waiting.size()}};
  return fx;
}

StatusOr<Effects> MergeReceipt(GroupState& state, const Operation& op,
                               Timestamp now) {
  if (op.origin.kind != OriginKind::kOperator) {
    return PermissionDenied("receipts are merged only by the system");
  }
  codec::JsonReader r(op.payload, "payload");
  const codec::Json* identity_json = r.Raw("identity", true);
  const codec::Json* receipt_json = r.Raw("receipt", true);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<Identity> identity = IdentityFromJson(*identity_json, false);
  if (!identity.ok()) return identity.status();
  StatusOr<Receipt> receipt = codec::ReceiptFromJson(*receipt_json);
  if (!receipt.ok()) return receipt.status();
  StatusOr<Effects> fx = EarnFor(state, *receipt, now);
  if (!fx.ok()) return fx;
  // Earned: it waits no more (a phone's replica never held it).
  const auto waiting = state.guest_receipts.find(identity->Key());
  if (waiting != state.guest_receipts.end()) {
    std::erase_if(waiting->second,
                  [&](const Receipt& w) { return w.Key() == receipt->Key(); });
  }
  return fx;
}

}  // namespace atrium::sync::internal

namespace atrium::sync {

// The operation types of identities (cards, open ids) and guests' receipts:
// their entries in the registry (registry.h), beside their handlers.
std::span<const OpPolicy> registry::IdentityOps() {
  static constexpr std::array<OpPolicy, 2> kOps = {{
      {"link_identity", Senders({K::kMember, K::kTill, K::kSystem}), 0,
       CheckIdentity, internal::LinkIdentity},
      {"merge_receipt", Senders({K::kSystem}), 0, nullptr,
       internal::MergeReceipt},
  }};
  return kOps;
}

}  // namespace atrium::sync
