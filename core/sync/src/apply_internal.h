// What the operations of apply.cc and coupon_ops.cc share.
#ifndef ATRIUM_SYNC_SRC_APPLY_INTERNAL_H_
#define ATRIUM_SYNC_SRC_APPLY_INTERNAL_H_

#include "atrium/sync/apply.h"

namespace atrium::sync::internal {

// A member origin may act only on its own data.
Status CheckActor(const Operation& op, const MemberId& member);
Status DeviceOnly(const Operation& op);
StatusOr<MemberAccount*> AccountOf(GroupState& state, const MemberId& id);

StatusOr<Effects> AddCouponTemplate(GroupState& state, const Operation& op);
StatusOr<Effects> ClaimCoupon(GroupState& state, const Operation& op,
                              Timestamp now);
StatusOr<Effects> RedeemCoupon(GroupState& state, const Operation& op,
                               Timestamp now);

}  // namespace atrium::sync::internal

#endif  // ATRIUM_SYNC_SRC_APPLY_INTERNAL_H_
