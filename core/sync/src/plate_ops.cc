// Plates: a member's claim, and its proof. A member says a plate is theirs
// (link_identity, register); the claim shows them nothing of the car and
// keeps no one else from claiming it. A proof (verify_plate) makes the
// plate theirs: at a kiosk, the code on the entry ticket of the car's open
// stay there (whoever holds the ticket was in the car); at the service
// desk, the vehicle licence, which also settles a dispute by taking the
// plate from whoever held it.
#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include "apply_internal.h"
#include "atrium/parking/plate_binding.h"
#include "registry.h"

namespace atrium::sync::internal {
namespace {

// Claims wait on a person's visit, so there are few: counting them all is
// cheap.
size_t PendingOf(const GroupState& state, const MemberId& member) {
  size_t n = 0;
  for (const auto& [hash, claims] : state.plate_claims) {
    n += std::count_if(claims.begin(), claims.end(),
                       [&](const PlateClaim& c) { return c.member == member; });
  }
  return n;
}

// The ticket of the plate's open stay at `mall` is `ticket`.
Status CheckTicket(const GroupState& state, const MallId& mall,
                   const std::string& plate, const std::string& ticket) {
  const auto lot = state.parking.find(mall);
  const ParkingSession* stay =
      lot == state.parking.end() ? nullptr : lot->second.OpenSession(plate);
  if (stay == nullptr || stay->ticket.empty() || stay->ticket != ticket) {
    return FailedPrecondition(
        "the ticket is not of this car's stay here: check both, or show the "
        "vehicle licence at the service desk");
  }
  return Status::Ok();
}

}  // namespace

bool IsKeyedHash(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Status ClaimPlate(GroupState& state, const MemberId& member,
                  const Identity& plate, Timestamp now, Effects& fx) {
  const auto owner = state.identity_owner.find(plate.Key());
  if (owner != state.identity_owner.end() && owner->second == member) {
    fx.result["plate_status"] = "verified";
    return Status::Ok();
  }
  std::vector<PlateClaim>& claims = state.plate_claims[plate.value];
  const bool claimed =
      std::any_of(claims.begin(), claims.end(),
                  [&](const PlateClaim& c) { return c.member == member; });
  if (!claimed) {
    if (PendingOf(state, member) >= kMaxPlatesPerMember) {
      if (claims.empty()) state.plate_claims.erase(plate.value);
      return ResourceExhausted(
          "5 plates wait for proof already: prove one at a kiosk or the "
          "service desk, or remove one");
    }
    claims.push_back({member, plate.display, now});
  }
  fx.result["plate_status"] = "pending";
  return Status::Ok();
}

bool DropPlateClaim(GroupState& state, const MemberId& member,
                    const std::string& hash) {
  const auto it = state.plate_claims.find(hash);
  if (it == state.plate_claims.end()) return false;
  const size_t n = std::erase_if(
      it->second, [&](const PlateClaim& c) { return c.member == member; });
  if (it->second.empty()) state.plate_claims.erase(it);
  return n > 0;
}

void DropPlateClaims(GroupState& state, const MemberId& member) {
  for (auto it = state.plate_claims.begin(); it != state.plate_claims.end();) {
    std::erase_if(it->second,
                  [&](const PlateClaim& c) { return c.member == member; });
    it = it->second.empty() ? state.plate_claims.erase(it) : std::next(it);
  }
}

StatusOr<Effects> VerifyPlate(GroupState& state, const Operation& op) {
  codec::JsonReader r(op.payload, "payload");
  const MemberId member(r.Str("member_id"));
  const codec::Json* plate_json = r.Raw("plate", true);
  const std::string proof = r.Str("proof");
  const MallId mall(r.OptStr("mall_id"));
  const std::string ticket = r.OptStr("ticket");
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  codec::JsonReader pr(*plate_json, "payload.plate");
  Identity plate{"plate", pr.Str("value"), pr.Str("display")};
  pr.Finish();
  ATRIUM_RETURN_IF_ERROR(pr.status());
  StatusOr<Plate> keyed = Plate::Keyed(plate.value, plate.display, false);
  if (!keyed.ok()) {
    return InvalidArgument("payload.plate: " + keyed.status().message());
  }
  ATRIUM_RETURN_IF_ERROR(AccountOf(state, member).status());
  if (proof == "ticket") {
    if (mall.empty() || !IsKeyedHash(ticket)) {
      return InvalidArgument(
          "payload: a ticket proof names the mall_id and the ticket's keyed "
          "hash");
    }
    // A member's own replica holds no stays: the server checked it.
    if (state.checks_escrows) {
      ATRIUM_RETURN_IF_ERROR(CheckTicket(state, mall, plate.value, ticket));
    }
  } else if (proof != "licence") {
    return InvalidArgument("payload.proof: ticket or licence");
  }
  Effects fx;
  fx.member = member;
  fx.result = {{"member_id", member.value()}, {"plate_status", "verified"}};
  const auto owner = state.identity_owner.find(plate.Key());
  if (owner != state.identity_owner.end() && owner->second != member) {
    // Only the licence settles whose car it is.
    if (proof != "licence") {
      return AlreadyExists(
          "the plate is held by another account: show the vehicle licence at "
          "the service desk to have it moved to yours");
    }
    fx.result["moved_from_another_account"] = true;
    owner->second = member;
    state.auto_pay.erase(plate.value);  // the other member's permission
  } else if (owner == state.identity_owner.end()) {
    state.identity_owner.emplace(plate.Key(), member);
  }
  DropPlateClaim(state, member, plate.value);
  fx.identity = std::move(plate);
  return fx;
}

StatusOr<Effects> SetAutoPay(GroupState& state, const Operation& op) {
  codec::JsonReader r(op.payload, "payload");
  const MemberId member(r.Str("member_id"));
  const codec::Json* plate_json = r.Raw("plate", true);
  const int64_t limit = r.Int("limit_fen", 0, kMaxAutoPayFen);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(CheckActor(op, member));
  codec::JsonReader pr(*plate_json, "payload.plate");
  const Identity plate{"plate", pr.Str("value"), pr.OptStr("display")};
  pr.Finish();
  ATRIUM_RETURN_IF_ERROR(pr.status());
  ATRIUM_RETURN_IF_ERROR(AccountOf(state, member).status());
  const auto owner = state.identity_owner.find(plate.Key());
  if (owner == state.identity_owner.end() || owner->second != member) {
    return FailedPrecondition(
        "prove the plate yours first: scan its entry ticket at a kiosk, or "
        "show the vehicle licence at the service desk");
  }
  Effects fx;
  fx.member = member;
  fx.result = {{"member_id", member.value()}, {"limit_fen", limit}};
  if (limit == 0) {
    state.auto_pay.erase(plate.value);
    return fx;
  }
  // The provider's withholding agreement, named by this operation.
  std::string agreement = "AG-" + op.id.substr(0, 29);
  for (char& c : agreement) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '-';
  }
  state.auto_pay[plate.value] = {member, Money::Fen(limit), agreement};
  fx.result["agreement"] = agreement;
  return fx;
}

}  // namespace atrium::sync::internal

namespace atrium::sync {

// The operation types of plates: proof, sensorless payment: their entries in
// the registry (registry.h), beside their handlers.
std::span<const OpPolicy> registry::PlateOps() {
  static constexpr std::array<OpPolicy, 2> kOps = {{
      {"verify_plate", Senders({K::kKiosk, K::kOperator, K::kSystem}), kAdmin,
       CheckPlateProof, NoClock<internal::VerifyPlate>},
      {"set_auto_pay", Senders({K::kMember, K::kSystem}), 0, nullptr,
       NoClock<internal::SetAutoPay>},
  }};
  return kOps;
}

}  // namespace atrium::sync
