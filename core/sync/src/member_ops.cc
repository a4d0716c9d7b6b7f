// A member's own data: the profile and consents they keep, unbinding an
// identity (a plate they no longer drive, a card they cut up), and erasing
// the account.
#include <array>
#include <span>

#include "apply_internal.h"
#include "registry.h"

namespace atrium::sync::internal {

StatusOr<Effects> UpdateProfile(GroupState& state, const Operation& op) {
  codec::JsonReader r(op.payload, "payload");
  const MemberId member(r.Str("member_id"));
  Profile profile;
  profile.name = r.OptStr("name");
  const std::string birthday = r.OptStr("birthday");
  Consents consents;
  consents.marketing = r.OptBool("consent_marketing", false);
  consents.profiling = r.OptBool("consent_profiling", false);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(CheckActor(op, member));
  if (!birthday.empty()) {
    StatusOr<MonthDay> md = ParseMonthDay(birthday);
    if (!md.ok()) {
      return InvalidArgument("payload.birthday: " + md.status().message());
    }
    profile.birthday = *md;
  }
  StatusOr<const Member*> m =
      state.directory.Update(member, std::move(profile), consents);
  if (!m.ok()) return m.status();
  StatusOr<MemberAccount*> account = AccountOf(state, member);
  if (!account.ok()) return account.status();
  (*account)->UpdateMember(**m);
  Effects fx;
  fx.member = member;
  fx.updated = **m;
  fx.result = {{"member_id", member.value()}};
  return fx;
}

StatusOr<Effects> UnlinkIdentity(GroupState& state, const Operation& op) {
  codec::JsonReader r(op.payload, "payload");
  const MemberId member(r.Str("member_id"));
  const codec::Json* identity_json = r.Raw("identity", true);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(CheckActor(op, member));
  // Named by kind and value alone: a plate's masked form is not needed.
  codec::JsonReader ir(*identity_json, "payload.identity");
  Identity identity{ir.Str("kind"), ir.Str("value"), ir.OptStr("display")};
  ir.Finish();
  ATRIUM_RETURN_IF_ERROR(ir.status());
  const auto it = state.identity_owner.find(identity.Key());
  // Another member's identity is as unknown as no identity at all.
  if (it == state.identity_owner.end() || it->second != member) {
    if (identity.kind == "plate" &&
        DropPlateClaim(state, member, identity.value)) {
      Effects fx;
      fx.member = member;
      fx.result = {{"member_id", member.value()}};
      return fx;
    }
    return NotFound("the member holds no such " + identity.kind);
  }
  state.identity_owner.erase(it);
  if (identity.kind == "plate") state.auto_pay.erase(identity.value);
  Effects fx;
  fx.member = member;
  fx.unlinked = std::move(identity);
  fx.result = {{"member_id", member.value()}};
  return fx;
}

StatusOr<Effects> EraseMember(GroupState& state, const Operation& op,
                              Timestamp now) {
  codec::JsonReader r(op.payload, "payload");
  const MemberId member(r.Str("member_id"));
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(CheckActor(op, member));
  StatusOr<MemberAccount*> account = AccountOf(state, member);
  if (!account.ok()) return account.status();
  StatusOr<const Member*> m = state.directory.Erase(member, now);
  if (!m.ok()) return m.status();
  (*account)->UpdateMember(**m);
  // Every key they were known by goes: plates, cards, open ids.
  std::erase_if(state.identity_owner,
                [&](const auto& entry) { return entry.second == member; });
  std::erase_if(state.auto_pay, [&](const auto& entry) {
    return entry.second.member == member;
  });
  DropPlateClaims(state, member);
  Effects fx;
  fx.member = member;
  fx.erased = **m;
  fx.result = {{"member_id", member.value()},
               {"erased_at", FormatIso8601(*(*m)->erased_at)}};
  return fx;
}

}  // namespace atrium::sync::internal

namespace atrium::sync {

// The operation types of members: their profile, identities let go, erasure:
// their entries in the registry (registry.h), beside their handlers.
std::span<const OpPolicy> registry::MemberOps() {
  static constexpr std::array<OpPolicy, 3> kOps = {{
      {"update_profile", Senders({K::kMember, K::kSystem}), 0, nullptr,
       NoClock<internal::UpdateProfile>},
      {"unlink_identity", Senders({K::kMember, K::kTill, K::kSystem}), 0,
       nullptr, NoClock<internal::UnlinkIdentity>},
      {"erase_member", Senders({K::kMember, K::kOperator, K::kSystem}), kAdmin,
       nullptr, internal::EraseMember},
  }};
  return kOps;
}

}  // namespace atrium::sync
