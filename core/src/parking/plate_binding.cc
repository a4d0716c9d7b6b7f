#include "atrium/parking/plate_binding.h"

#include <algorithm>

namespace atrium {

PlateBindings::Binding* PlateBindings::Find(const MemberId& member,
                                            const Plate& plate) {
  for (Binding& b : bindings_) {
    if (b.member == member && b.plate == plate) return &b;
  }
  return nullptr;
}

Status PlateBindings::Bind(const MemberId& member, const Plate& plate,
                           bool auto_pay) {
  ATRIUM_RETURN_IF_ERROR(ValidateId(member.value(), "member id"));
  if (plate.text().empty()) return InvalidArgument("no plate");
  const std::optional<MemberId> payer = AutoPayer(plate);
  if (auto_pay && payer && *payer != member) {
    return FailedPrecondition("plate " + plate.Masked() +
                              " already pays automatically for another "
                              "member, who must switch it off first");
  }
  if (Binding* b = Find(member, plate)) {
    b->auto_pay = auto_pay;
    return Status::Ok();
  }
  if (MembersOf(plate).size() >= kMaxMembersPerPlate) {
    return ResourceExhausted("plate " + plate.Masked() +
                             " is bound by 5 members already");
  }
  if (PlatesOf(member).size() >= kMaxPlatesPerMember) {
    return ResourceExhausted("a member binds at most 5 plates");
  }
  bindings_.push_back({member, plate, auto_pay});
  return Status::Ok();
}

Status PlateBindings::Unbind(const MemberId& member, const Plate& plate) {
  const auto it = std::find_if(
      bindings_.begin(), bindings_.end(),
      [&](const Binding& b) { return b.member == member && b.plate == plate; });
  if (it == bindings_.end()) {
    return NotFound("plate " + plate.Masked() + " is not bound to this member");
  }
  bindings_.erase(it);
  return Status::Ok();
}

std::vector<MemberId> PlateBindings::MembersOf(const Plate& plate) const {
  std::vector<MemberId> out;
  for (const Binding& b : bindings_) {
    if (b.plate == plate) out.push_back(b.member);
  }
  return out;
}

std::vector<Plate> PlateBindings::PlatesOf(const MemberId& member) const {
  std::vector<Plate> out;
  for (const Binding& b : bindings_) {
    if (b.member == member) out.push_back(b.plate);
  }
  return out;
}

std::optional<MemberId> PlateBindings::AutoPayer(const Plate& plate) const {
  for (const Binding& b : bindings_) {
    if (b.plate == plate && b.auto_pay) return b.member;
  }
  return std::nullopt;
}

}  // namespace atrium
