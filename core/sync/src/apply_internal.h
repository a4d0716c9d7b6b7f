// What the operations of apply.cc and coupon_ops.cc share.
#ifndef ATRIUM_SYNC_SRC_APPLY_INTERNAL_H_
#define ATRIUM_SYNC_SRC_APPLY_INTERNAL_H_

#include "atrium/sync/apply.h"

namespace atrium::sync::internal {

// A member origin may act only on its own data.
Status CheckActor(const Operation& op, const MemberId& member);
Status DeviceOnly(const Operation& op);
StatusOr<MemberAccount*> AccountOf(GroupState& state, const MemberId& id);
// The ledger entries `account` gained since it had `before`, into `fx`.
void CollectEntries(const MemberAccount& account, size_t before, Effects& fx);
// What a coupon's claim rules know of the member.
Claimant ClaimantOf(const MemberAccount& account);

// The book holding template `id`, searched across the group's malls.
StatusOr<CouponBook*> BookWithTemplate(GroupState& state, const TemplateId& id);
// The escrow `op` names in its payload, checked to be the sender's; null
// when it names none.
StatusOr<Escrow*> EscrowFor(GroupState& state, const Operation& op);
StatusOr<Effects> GrantEscrow(GroupState& state, const Operation& op,
                              Timestamp now);
StatusOr<Effects> ReturnEscrow(GroupState& state, const Operation& op);
Status ChargeEscrow(GroupState& state, const Operation& op);

// The handlers of the members' and points' own types (apply.cc).
StatusOr<Effects> Register(GroupState& state, const Operation& op,
                           Timestamp now);
StatusOr<Effects> Earn(GroupState& state, const Operation& op, Timestamp now);
StatusOr<Effects> Refund(GroupState& state, const Operation& op, Timestamp now);
StatusOr<Effects> SpendPoints(GroupState& state, const Operation& op,
                              Timestamp now);

// Earns `receipt` for its member (who must exist).
StatusOr<Effects> EarnFor(GroupState& state, const Receipt& receipt,
                          Timestamp now);

// `plates`: whether a plate may be named (linked, not paid with).
StatusOr<Identity> IdentityFromJson(const codec::Json& j, bool plates);
// Maps `identity` to `member` and adds a merge for each receipt that waited
// for it to `fx` (follow-ups, and `receipts_waiting` in the result).
Status Link(GroupState& state, const Operation& op, const MemberId& member,
            const Identity& identity, Timestamp now, Effects& fx);
StatusOr<Effects> LinkIdentity(GroupState& state, const Operation& op,
                               Timestamp now);

// Plates (plate_ops.cc). Whether `text` is a keyed hash (64 lowercase hex).
bool IsKeyedHash(std::string_view text);
// The member's claim to `plate`, pending until proven (plate_status in the
// result); ResourceExhausted past kMaxPlatesPerMember.
Status ClaimPlate(GroupState& state, const MemberId& member,
                  const Identity& plate, Timestamp now, Effects& fx);
// Withdraws the member's claim to the plate of `hash`: whether it had one.
bool DropPlateClaim(GroupState& state, const MemberId& member,
                    const std::string& hash);
void DropPlateClaims(GroupState& state, const MemberId& member);
StatusOr<Effects> VerifyPlate(GroupState& state, const Operation& op);
// Keeps `receipt` waiting for whoever links `identity`.
StatusOr<Effects> EarnAsGuest(GroupState& state, const Receipt& receipt,
                              const Identity& identity);
StatusOr<Effects> MergeReceipt(GroupState& state, const Operation& op,
                               Timestamp now);

StatusOr<Effects> UpdateProfile(GroupState& state, const Operation& op);
StatusOr<Effects> UnlinkIdentity(GroupState& state, const Operation& op);
StatusOr<Effects> EraseMember(GroupState& state, const Operation& op,
                              Timestamp now);

MemberBenefits BenefitsOf(const GroupState& state, const MemberAccount& a,
                          const MallId& mall, const LocalCalendar& calendar,
                          int64_t points, Timestamp now);
StatusOr<Effects> ParkEnter(GroupState& state, const Operation& op,
                            Timestamp now);
StatusOr<Effects> ParkPay(GroupState& state, const Operation& op,
                          Timestamp now);
// A park_pay of the stay as quoted at `quote_at` (a payment order's
// opening), applied at `now`; `dry_run` checks it and changes nothing.
StatusOr<Effects> ParkPayAt(GroupState& state, const Operation& op,
                            Timestamp quote_at, Timestamp now, bool dry_run);
StatusOr<Effects> ParkExit(GroupState& state, const Operation& op,
                           Timestamp now);

// Sensorless parking's permission (plate_ops.cc).
StatusOr<Effects> SetAutoPay(GroupState& state, const Operation& op);
// The day's jobs (day_job_ops.cc, day_jobs.h).
StatusOr<Effects> DayJob(GroupState& state, const Operation& op, Timestamp now);
// Payment orders (payment_ops.cc, payment_order.h).
StatusOr<Effects> OpenPayment(GroupState& state, const Operation& op,
                              Timestamp now);
StatusOr<Effects> ConfirmPayment(GroupState& state, const Operation& op,
                                 Timestamp now);
StatusOr<Effects> ClosePayment(GroupState& state, const Operation& op,
                               Timestamp now);
StatusOr<Effects> RefundPayment(GroupState& state, const Operation& op);

// The programme's rules replaced (program_ops.cc).
StatusOr<Effects> UpdateProgram(GroupState& state, const Operation& op);

StatusOr<Effects> AddCouponTemplate(GroupState& state, const Operation& op);
StatusOr<Effects> ClaimCoupon(GroupState& state, const Operation& op,
                              Timestamp now);
// An operator's coupon for one member, outside the claim rules' channel.
StatusOr<Effects> GrantCoupon(GroupState& state, const Operation& op,
                              Timestamp now);
// Points for a coupon from the points mall: one spend and one issue.
StatusOr<Effects> ExchangePoints(GroupState& state, const Operation& op,
                                 Timestamp now);
StatusOr<Effects> RedeemCoupon(GroupState& state, const Operation& op,
                               Timestamp now);

}  // namespace atrium::sync::internal

#endif  // ATRIUM_SYNC_SRC_APPLY_INTERNAL_H_
