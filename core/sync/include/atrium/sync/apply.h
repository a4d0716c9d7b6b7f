// Applying operations to the group's state: the same code on the server
// (authoritative) and on a client (optimistic).
//
// Apply is deterministic: the same state, operation and `now` give the same
// result and the same changes, which is what lets the server rebuild its
// state by applying its log again and lets a client rebase on the server's
// answer. It checks everything before it changes anything, so a rejected
// operation leaves the state as it was.
//
// Payloads (shared/formats/operation.md):
//   register      {member_id, phone, name?, identity?}  member or device
//   earn          {receipt: <receipt>, identity?}       device (a till)
//   link_identity {member_id, identity: {kind, value, display?}}  member
//                                                      or device
//   merge_receipt {identity, receipt}                   the server itself
//   refund        {mall_id, receipt_id, refund_id, amount_fen}   device
//   spend_points  {member_id, points, ref, note?}      the member, or a device
//   add_coupon_template  {template: <coupon template>}  an operator
//   claim_coupon  {member_id, template_id}              the member, or a device
//   redeem_coupon {member_id, coupon_id, receipt_id, store_id}   a device
//   grant_escrow  {escrow_id, device_id, expires_at, points_budget,
//                  per_member_points?, coupons?: {template_id: count}}
//                                                       an operator
//   return_escrow {escrow_id}                  the escrow's device, operator
//   update_profile {member_id, name?, birthday? ("MM-DD"),
//                  consent_marketing?, consent_profiling?}  the member:
//                 replaces the whole profile (absent means empty or no)
//   unlink_identity {member_id, identity}   the member, or a device
//   erase_member  {member_id}   the member, or a device (a service desk):
//                 phone, profile, consents and identities erased; the id,
//                 ledger, receipts and coupons stay, anonymous. The log
//                 then rewrites the member's register (to {member_id,
//                 erased: true, identity?}) and update_profile payloads
//   grant_coupon  {member_id, template_id}  an operator (targeted issuance)
//   park_enter    {mall_id, plate, vehicle?, bay?, ticket?, entered_at?}
//                 a device (the gate); entered_at, the gate's record when
//                 it reports late: not after now, at most 7 days before
//   park_pay      {mall_id, plate, member_id?, due_fen, points?, coupon_id?}
//                 the member for themselves, or a device: pays the stay's
//                 fee as quoted now; refused unless the fee, the points and
//                 the coupon are what the payer was quoted
//                 A fee above 0 is paid only through a payment order:
//   open_payment  {order_no, payer, <park_pay's fields>}  the member, a
//                 kiosk, or the server (auto-pay at the exit); unpaid, it
//                 expires kPaymentOrderSeconds after it opened
//   confirm_payment {order_no, transaction_id, amount_fen, paid_at}
//   close_payment {order_no}   refund_payment {order_no, refund_no}
//                 the server alone (payment_order.h)
//   park_exit     {mall_id, plate}                      a device (the gate)
//   day_job       {job, business_day}   the server alone (day_jobs.h)
//   set_auto_pay  {member_id, plate, limit_fen}  the member, for a plate
//                 proven theirs: charge its fee at the exit up to
//                 limit_fen (0: stop); unbinding or losing the plate stops
//                 it
//   update_program {tiers, earning, expiry, max_receipt_age_days?}
//                 an operator: the programme's rules replaced (as in
//                 program.json); what members hold is not recomputed, and
//                 no tier may be removed
// A plate in a parking operation is {value, display, new_energy?}: the
// server's keyed hash of the plate and its masked form (Plate::Keyed).
// A device's spend_points, claim_coupon and exchange_points may name its
// `escrow_id`: they then count against the escrow (escrow.h) as well.
// Who may send each type, and within what scope, is authority.h's: the
// server checks it before Apply. Apply itself still refuses a member
// acting for another (PermissionDenied), so a replica cannot either. A
// claimed coupon's id is "c-" + the operation's id, so that every replica
// names it as the server does.
#ifndef ATRIUM_SYNC_APPLY_H_
#define ATRIUM_SYNC_APPLY_H_

#include <map>
#include <optional>
#include <vector>

#include "atrium/coupons/coupon_book.h"
#include "atrium/escrow.h"
#include "atrium/members/account.h"
#include "atrium/members/member.h"
#include "atrium/parking/parking_lot.h"
#include "atrium/program.h"
#include "atrium/sync/operation.h"
#include "atrium/sync/payment_order.h"

namespace atrium::sync {

// The operator origin of operations the server makes itself (merges).
inline constexpr std::string_view kSystemOperator = "atrium";

// A key a shopper is known by besides their phone: a paying card, a
// mini-program open id, or a car's plate. A plate travels and is kept only
// as the server's keyed hash of it (64 hex digits), with its masked form
// to show; the server makes both when a member binds the plate.
struct Identity {
  std::string kind;  // "card", "open_id" or "plate"
  std::string value;
  std::string display;  // a plate's masked form, "沪A***45"; else empty
  std::string Key() const { return kind + ":" + value; }
  bool operator==(const Identity&) const = default;
};

// A member's word that a plate is theirs, not yet proven. Until a proof
// (verify_plate: the stay's ticket at a kiosk, the vehicle licence at the
// service desk) the plate shows the member nothing of the car, and anyone
// else may claim it too.
struct PlateClaim {
  MemberId member;
  std::string display;  // the plate's masked form
  Timestamp since;
};

// A member's standing permission to charge a proven plate's parking fee at
// the exit (无感支付): up to `limit` a stay, through the payment provider's
// withholding agreement `agreement`.
struct AutoPay {
  MemberId member;
  Money limit;
  std::string agreement;
};
// The most a member may let one stay charge without them: ¥1,000.
inline constexpr int64_t kMaxAutoPayFen = 100'000;

// Members, their accounts and the programme they live under.
struct GroupState {
  explicit GroupState(Program p);

  Program program;
  MemberDirectory directory;
  std::map<MemberId, MemberAccount> accounts;
  std::map<std::string, MemberId> receipt_owner;   // by Receipt::Key()
  std::map<MallId, CouponBook> coupons;            // by the templates' mall
  std::map<std::string, Escrow> escrows;           // by id
  std::map<std::string, MemberId> identity_owner;  // by Identity::Key()
  // Unproven plates, by the plate's hash (a proven one is in identity_owner).
  std::map<std::string, std::vector<PlateClaim>> plate_claims;
  std::map<MallId, ParkingLot> parking;  // one per car park of the programme
  std::map<std::string, PaymentOrder> payments;  // by order number
  // Each member's order numbers, oldest first (their receipts).
  std::map<MemberId, std::vector<std::string>> member_payments;
  std::map<std::string, AutoPay> auto_pay;  // by the plate's hash
  // The programme's rules as the last update_program gave them; null while
  // they are the programme's first.
  codec::Json rules;
  // Receipts of shoppers known only by an identity, waiting for a member.
  std::map<std::string, std::vector<Receipt>> guest_receipts;
  // Whose escrows this state checks. The server checks every device's. A
  // member's replica holds none, and a device's replica only its own
  // (`own_device`): an operation under another's escrow applies there
  // without the escrow's check, which the server made.
  bool checks_escrows = true;
  std::string own_device;  // a device's replica: its id
};

// What an applied operation changed, for the store to record and for the
// client to show.
struct Effects {  // NOLINT(bugprone-exception-escape): holds a nlohmann::json
  codec::Json result;                    // the answer, as the client sees it
  std::optional<MemberId> member;        // whose data changed
  std::optional<Member> registered;      // a new member
  std::optional<Member> updated;         // a member's new profile
  std::optional<Member> erased;          // a member who erased their account
  std::optional<TierPolicy> tiers;       // the programme's, changed
  std::vector<LedgerEntry> entries;      // new ledger entries, in order
  std::optional<ReceiptRecord> receipt;  // a receipt as it now stands
  bool everyone = false;                 // catalogue: every client sees it
  std::optional<CouponTemplate> coupon_template;  // added
  std::optional<codec::Json> coupon_template_json;
  std::optional<CouponInstance> coupon;  // a coupon as it now stands
  std::optional<CouponEvent> coupon_event;
  std::optional<std::string> device;   // a device's own data (its escrow)
  std::optional<Escrow> escrow;        // an escrow as it now stands
  std::optional<Identity> identity;    // linked to `member`
  std::optional<Identity> unlinked;    // no longer `member`'s
  std::optional<MallId> parking_mall;  // with `parking_session`
  std::optional<ParkingSession> parking_session;  // as it now stands
  // A day job's changes to many members (day_jobs.h): each one's new
  // ledger entries, and those whose tier was reviewed.
  std::vector<std::pair<MemberId, std::vector<LedgerEntry>>> member_entries;
  std::vector<MemberId> reviewed;
  // Operations the server appends after this one (a merge per receipt
  // that waited for the identity); a client ignores them and pulls them.
  std::vector<Operation> follow_ups;
};

StatusOr<Effects> Apply(GroupState& state, const Operation& op, Timestamp now);

// For a device's replica: counts an operation made under an escrow against
// the escrow alone, when the device does not hold the member it concerns.
// Fails as the escrow check would (beyond the escrow: wait).
Status ChargeEscrow(GroupState& state, const Operation& op);
// A stay's fee at `mall` now, with `member`'s benefits (tier minutes, the
// day's spend there, its coupons, up to `points_offered` points) when
// given: the quote a park_pay must match.
StatusOr<ParkingQuote> QuoteParking(const GroupState& state, const MallId& mall,
                                    const Plate& plate, const MemberId* member,
                                    int64_t points_offered, Timestamp now);
// What a member's claim_coupon of `template_id` would answer now, without
// applying it (stock, limits, tiers, windows): lets a server refuse a
// claim a sold-out flash sale cannot meet before it reaches the log.
Status CheckClaim(const GroupState& state, const MemberId& member,
                  const TemplateId& template_id, Timestamp now);
// An escrow as clients and the store see it: id, open, what is left.
codec::Json EscrowJson(const Escrow& e);

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_APPLY_H_
