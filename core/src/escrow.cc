#include "atrium/escrow.h"

namespace atrium {
namespace {

int64_t Get(const auto& map, const auto& key) {
  const auto it = map.find(key);
  return it == map.end() ? 0 : it->second;
}

}  // namespace

Status Escrow::CheckUsable(Timestamp made_at) const {
  if (!open_) return FailedPrecondition("escrow " + grant_.id + " is closed");
  if (made_at >= grant_.expires_at) {
    return FailedPrecondition("escrow " + grant_.id + " had expired");
  }
  return Status::Ok();
}

Status Escrow::CheckPoints(const MemberId& member, int64_t points,
                           Timestamp made_at) const {
  ATRIUM_RETURN_IF_ERROR(CheckUsable(made_at));
  if (points < 1) return InvalidArgument("points must be positive");
  if (points > grant_.points_budget - points_used_) {
    return ResourceExhausted("beyond escrow " + grant_.id +
                             "'s points budget: wait for the network");
  }
  if (grant_.per_member_points > 0 &&
      points > grant_.per_member_points - points_of(member)) {
    return ResourceExhausted("beyond escrow " + grant_.id +
                             "'s points for one member: wait for the network");
  }
  return Status::Ok();
}

void Escrow::ChargePoints(const MemberId& member, int64_t points) {
  points_used_ += points;
  points_by_member_[member] += points;
}

Status Escrow::CheckCoupon(const TemplateId& id, Timestamp made_at) const {
  ATRIUM_RETURN_IF_ERROR(CheckUsable(made_at));
  if (coupons_left(id) < 1) {
    return ResourceExhausted("escrow " + grant_.id + " holds no more " +
                             id.value() + ": wait for the network");
  }
  return Status::Ok();
}

void Escrow::ChargeCoupon(const TemplateId& id) { ++coupons_used_[id]; }

int64_t Escrow::points_of(const MemberId& member) const {
  return Get(points_by_member_, member);
}

int64_t Escrow::coupons_used(const TemplateId& id) const {
  return Get(coupons_used_, id);
}

int64_t Escrow::coupons_left(const TemplateId& id) const {
  return Get(grant_.coupons, id) - coupons_used(id);
}

}  // namespace atrium
