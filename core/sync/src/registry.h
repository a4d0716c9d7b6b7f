// The operation registry's parts (internal). Each domain's file declares its
// operation types beside their handlers, as a table of OpPolicy entries
// (authority.h): its name, who may send it, which operator roles, its extra
// rule and its handler. authority.cc joins the tables (OperationPolicies)
// and applies the rules every type shares. A new type in a domain is one
// entry and one handler in that domain's file (shared/formats/operation.md).
#ifndef ATRIUM_SYNC_SRC_REGISTRY_H_
#define ATRIUM_SYNC_SRC_REGISTRY_H_

#include <initializer_list>
#include <span>

#include "atrium/sync/authority.h"

namespace atrium::sync::registry {

using K = SenderKind;

constexpr RoleSet Roles(std::initializer_list<OperatorRole> roles) {
  RoleSet s = 0;
  for (OperatorRole r : roles) {
    s |= static_cast<RoleSet>(1U << static_cast<unsigned>(r));
  }
  return s;
}
inline constexpr RoleSet kAdmin = Roles({OperatorRole::kAdmin});
inline constexpr RoleSet kMarketing =
    Roles({OperatorRole::kAdmin, OperatorRole::kMarketing});

// A handler that needs no clock, as the registry calls handlers.
template <StatusOr<Effects> (*F)(GroupState&, const Operation&)>
StatusOr<Effects> NoClock(GroupState& state, const Operation& op, Timestamp) {
  return F(state, op);
}

// Extra rules some types share (authority.cc).
Status CheckIdentity(const GroupState& state, const Operation& op,
                     const Sender& sender);
Status CheckPlateProof(const GroupState& state, const Operation& op,
                       const Sender& sender);
Status CheckParkPay(const GroupState& state, const Operation& op,
                    const Sender& sender);
Status CheckRefund(const GroupState& state, const Operation& op,
                   const Sender& sender);
Status CheckOwnEscrow(const GroupState& state, const Operation& op,
                      const Sender& sender);

// Each domain's types, in the file named.
std::span<const OpPolicy> PointsOps();    // apply.cc
std::span<const OpPolicy> CouponOps();    // coupon_ops.cc
std::span<const OpPolicy> EscrowOps();    // escrow_ops.cc
std::span<const OpPolicy> IdentityOps();  // identity_ops.cc
std::span<const OpPolicy> MemberOps();    // member_ops.cc
std::span<const OpPolicy> ParkingOps();   // parking_ops.cc
std::span<const OpPolicy> PlateOps();     // plate_ops.cc
std::span<const OpPolicy> PaymentOps();   // payment_ops.cc
std::span<const OpPolicy> ProgramOps();   // program_ops.cc
std::span<const OpPolicy> DayJobOps();    // day_job_ops.cc

}  // namespace atrium::sync::registry

#endif  // ATRIUM_SYNC_SRC_REGISTRY_H_
