// Members of a group's membership, and the directory that registers them.
//
// A member registers with a mainland mobile number, which is unique in the
// group. The profile keeps a birthday as month and day only (no year: the
// year is personal data the mall does not need). Consents are explicit and
// default to no.
#ifndef ATRIUM_MEMBERS_MEMBER_H_
#define ATRIUM_MEMBERS_MEMBER_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "atrium/ids.h"
#include "atrium/members/phone.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

inline constexpr size_t kMaxNameLength = 64;  // bytes of UTF-8

struct Profile {
  std::string name;
  std::optional<MonthDay> birthday;
};

struct Consents {
  bool marketing = false;  // promotional SMS and push messages
  bool profiling = false;  // use of purchase history for segments and offers
};

struct Member {
  MemberId id;
  GroupId group;
  Phone phone;
  Profile profile;
  Consents consents;
  Timestamp registered_at;
  // Set when the member erased their account: phone, profile and consents
  // are gone; the id and the ledger stay, anonymous.
  std::optional<Timestamp> erased_at;
};

// Checks a profile a member typed: name length, no control characters.
Status ValidateProfile(const Profile& profile);

class MemberDirectory {
 public:
  explicit MemberDirectory(GroupId group) : group_(std::move(group)) {}

  // Registers a new member. Fails with InvalidArgument for a malformed id,
  // phone or profile, AlreadyExists if the id or phone is taken, OutOfRange
  // for an impossible time. Nothing changes on failure.
  StatusOr<const Member*> Register(const MemberId& id, std::string_view phone,
                                   Profile profile, Consents consents,
                                   Timestamp at);

  // A member registered and later erased, as a rewritten log replays them:
  // no phone, no profile; the erase that follows in the log marks them
  // erased. AlreadyExists if the id is taken.
  StatusOr<const Member*> RegisterErased(const MemberId& id, Timestamp at);
  // A member as a device's replica knows them: the phone masked
  // (Phone::FromMasked), no profile. AlreadyExists if the id is taken.
  StatusOr<const Member*> RegisterMasked(const MemberId& id, Phone masked,
                                         Timestamp at);
  // Erases a member's personal data and frees their phone; erasing again
  // changes nothing. NotFound for an unknown member.
  StatusOr<const Member*> Erase(const MemberId& id, Timestamp at);

  // Replaces a member's profile and consents. InvalidArgument for a bad
  // profile, NotFound for an unknown member, FailedPrecondition for an
  // erased one; nothing changes on failure.
  StatusOr<const Member*> Update(const MemberId& id, Profile profile,
                                 Consents consents);

  const Member* Find(const MemberId& id) const;
  const Member* FindByPhone(const Phone& phone) const;
  size_t size() const { return members_.size(); }

 private:
  GroupId group_;
  std::map<MemberId, Member> members_;
  std::map<std::string, MemberId> by_phone_;
};

}  // namespace atrium

#endif  // ATRIUM_MEMBERS_MEMBER_H_
