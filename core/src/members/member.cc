#include "atrium/members/member.h"

namespace atrium {

Status ValidateProfile(const Profile& profile) {
  if (profile.name.size() > kMaxNameLength) {
    return InvalidArgument("name is longer than 64 bytes");
  }
  for (const unsigned char c : profile.name) {
    if (c < 0x20 || c == 0x7f) {
      return InvalidArgument("name may not hold control characters");
    }
  }
  return Status::Ok();
}

StatusOr<const Member*> MemberDirectory::Register(const MemberId& id,
                                                  std::string_view phone_text,
                                                  Profile profile,
                                                  Consents consents,
                                                  Timestamp at) {
  ATRIUM_RETURN_IF_ERROR(ValidateId(id.value(), "member id"));
  StatusOr<Phone> phone = Phone::Parse(phone_text);
  if (!phone.ok()) return phone.status();
  ATRIUM_RETURN_IF_ERROR(ValidateProfile(profile));
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(at, "registration time"));
  if (members_.count(id) != 0) {
    return AlreadyExists("member id already registered: " + id.value());
  }
  if (by_phone_.count(phone->digits()) != 0) {
    return AlreadyExists("phone already registered: " + phone->Masked());
  }
  by_phone_.emplace(phone->digits(), id);
  auto it = members_
                .emplace(id, Member{id, group_, *phone, std::move(profile),
                                    consents, at, std::nullopt})
                .first;
  return &it->second;
}

StatusOr<const Member*> MemberDirectory::Update(const MemberId& id,
                                                Profile profile,
                                                Consents consents) {
  auto it = members_.find(id);
  if (it == members_.end()) return NotFound("no such member");
  if (it->second.erased_at) return FailedPrecondition("the member is erased");
  ATRIUM_RETURN_IF_ERROR(ValidateProfile(profile));
  it->second.profile = std::move(profile);
  it->second.consents = consents;
  return &it->second;
}

StatusOr<const Member*> MemberDirectory::RegisterErased(const MemberId& id,
                                                        Timestamp at) {
  ATRIUM_RETURN_IF_ERROR(ValidateId(id.value(), "member id"));
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(at, "registration time"));
  if (members_.count(id) != 0) {
    return AlreadyExists("member id already registered: " + id.value());
  }
  Member m{id, group_, Phone(), {}, {}, at, std::nullopt};
  return &members_.emplace(id, std::move(m)).first->second;
}

StatusOr<const Member*> MemberDirectory::RegisterMasked(const MemberId& id,
                                                        Phone masked,
                                                        Timestamp at) {
  StatusOr<const Member*> m = RegisterErased(id, at);
  if (!m.ok()) return m;
  Member& member = members_.at(id);
  member.phone = std::move(masked);
  return &member;
}

StatusOr<const Member*> MemberDirectory::Erase(const MemberId& id,
                                               Timestamp at) {
  auto it = members_.find(id);
  if (it == members_.end()) return NotFound("no such member");
  Member& m = it->second;
  if (m.erased_at) return &m;
  by_phone_.erase(m.phone.digits());
  m.phone = Phone();
  m.profile = Profile{};
  m.consents = Consents{};
  m.erased_at = at;
  return &m;
}

const Member* MemberDirectory::Find(const MemberId& id) const {
  auto it = members_.find(id);
  return it == members_.end() ? nullptr : &it->second;
}

const Member* MemberDirectory::FindByPhone(const Phone& phone) const {
  auto it = by_phone_.find(phone.digits());
  return it == by_phone_.end() ? nullptr : Find(it->second);
}

}  // namespace atrium
