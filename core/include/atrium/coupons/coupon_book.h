// CouponBook holds a mall's coupon templates, every coupon issued from them
// and the events of their lives.
//
// Life of a coupon: issue → (reserve → release)* → redeem → reverse, or
// expire. Contract:
// - Every operation carries an idempotency key. The same key with the same
//   request returns the first event and changes nothing; with another
//   request it fails with AlreadyExists.
// - Stock and per-member limits (in total, tier-adjusted, and per mall-local
//   day) hold whatever the order or repetition of operations: an issue that
//   would pass one fails with ResourceExhausted and changes nothing.
// - Claims (and points exchanges and sales) check who may claim and when;
//   campaign and operator grants skip those checks but not stock or limits.
//   An exchange or sale does not move points or money: the caller records
//   that with the same key.
// - A reservation locks a coupon to one checkout for a hold period; once
//   the hold lapses the coupon is available again, to anyone's checkout.
// - Redeeming needs the owner, a valid coupon, and no live reservation by
//   another checkout.
// - Reversing a redemption (a refund) restores the coupon if it is still
//   valid; otherwise it becomes kRefundedExpired and stays unusable.
// - ExpireDue(at) records expiries and lapsed reservations; running it again
//   at the same instant finds nothing.
#ifndef ATRIUM_COUPONS_COUPON_BOOK_H_
#define ATRIUM_COUPONS_COUPON_BOOK_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "atrium/coupons/coupon_template.h"
#include "atrium/ids.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

using CouponId = Id<struct CouponTag>;

inline constexpr int64_t kMaxHoldSeconds = 3600;

enum class CouponStatus {
  kAvailable,
  kReserved,
  kRedeemed,
  kExpired,
  kRefundedExpired,
};
enum class IssueChannel {
  kClaim,
  kPointsExchange,
  kPurchase,
  kCampaign,
  kOperator
};
enum class CouponOp { kIssue, kReserve, kRedeem, kRelease, kReverse, kExpire };

std::string_view CouponStatusName(CouponStatus s);
std::string_view CouponOpName(CouponOp op);

// What eligibility needs to know about the member claiming.
struct Claimant {
  MemberId id;
  TierId tier;
  std::vector<std::string> tags;
  Timestamp registered_at;
};

struct Redemption {
  std::string checkout;
  ReceiptId receipt;
  StoreId store;
  std::string device;  // the till or staff member
};

struct CouponInstance {
  CouponId id;
  TemplateId template_id;
  MemberId owner;
  IssueChannel channel = IssueChannel::kClaim;
  Timestamp issued_at;
  Timestamp valid_from;
  Timestamp valid_until;
  CouponStatus status = CouponStatus::kAvailable;
  std::string reserved_for;  // the checkout holding it
  Timestamp reserved_until;
  Redemption redemption;

  // Its status at `t`, with a lapsed reservation counted as available.
  CouponStatus StatusAt(Timestamp t) const;
  bool ValidAt(Timestamp t) const { return valid_from <= t && t < valid_until; }
};

struct CouponEvent {
  int64_t seq = 0;
  std::string key;
  CouponOp op = CouponOp::kIssue;
  CouponId coupon;
  Timestamp at;
  CouponStatus status_after = CouponStatus::kAvailable;
  std::string request;  // what was asked, to recognise a repeated key
};

class CouponBook {
 public:
  // `calendar` is the mall's: it decides daily limits and validity days.
  explicit CouponBook(LocalCalendar calendar) : calendar_(calendar) {}

  // Validates and adds a template; AlreadyExists if its id is taken.
  Status AddTemplate(CouponTemplate t);
  const CouponTemplate* FindTemplate(const TemplateId& id) const;
  const std::map<TemplateId, CouponTemplate>& templates() const {
    return templates_;
  }

  StatusOr<CouponEvent> Issue(std::string_view key, const TemplateId& id,
                              const Claimant& member, IssueChannel channel,
                              Timestamp at);
  // The same, naming the coupon: replicas that see only some issues give a
  // coupon the id the server gave it. AlreadyExists if the id is taken.
  StatusOr<CouponEvent> Issue(std::string_view key, const TemplateId& id,
                              const Claimant& member, IssueChannel channel,
                              Timestamp at, const CouponId& coupon);
  // What Issue would answer, without issuing: OK, or the error it would
  // give. A key already used counts as OK (Issue would replay it).
  Status CheckIssue(std::string_view key, const TemplateId& id,
                    const Claimant& member, IssueChannel channel,
                    Timestamp at) const;
  StatusOr<CouponEvent> Reserve(std::string_view key, const CouponId& coupon,
                                const MemberId& member,
                                std::string_view checkout, Timestamp at,
                                int64_t hold_seconds);
  StatusOr<CouponEvent> Release(std::string_view key, const CouponId& coupon,
                                const MemberId& member,
                                std::string_view checkout, Timestamp at);
  StatusOr<CouponEvent> Redeem(std::string_view key, const CouponId& coupon,
                               const MemberId& member,
                               const Redemption& redemption, Timestamp at);
  StatusOr<CouponEvent> Reverse(std::string_view key, const CouponId& coupon,
                                const MemberId& member, Timestamp at);
  std::vector<CouponEvent> ExpireDue(Timestamp at);

  const CouponInstance* Find(const CouponId& id) const;
  // The member's coupons, soonest expiry first.
  std::vector<const CouponInstance*> WalletOf(const MemberId& member) const;
  int64_t IssuedCount(const TemplateId& id) const;
  // Stock held out for escrows: online issues see only what is neither
  // issued nor held. HoldStock fails (ResourceExhausted) if the stock left
  // is short; ReleaseHold gives back at most what is held.
  Status HoldStock(const TemplateId& id, int64_t count);
  void ReleaseHold(const TemplateId& id, int64_t count);
  int64_t HeldCount(const TemplateId& id) const;
  const std::vector<CouponEvent>& events() const { return events_; }

 private:
  // The earlier event under `key`, if the request matches; else an error.
  // Null when the key is new.
  StatusOr<const CouponEvent*> Replay(std::string_view key,
                                      const std::string& request) const;
  Status CheckClaim(const CouponTemplate& t, const Claimant& member,
                    IssueChannel channel, Timestamp at) const;
  Status CheckLimits(const CouponTemplate& t, const Claimant& member,
                     Timestamp at) const;
  // The coupon, if `member` owns it; NotFound or PermissionDenied.
  StatusOr<CouponInstance*> Owned(const CouponId& id, const MemberId& member);
  CouponEvent Record(std::string_view key, CouponOp op, const CouponInstance& c,
                     Timestamp at, std::string request);

  LocalCalendar calendar_;
  std::map<TemplateId, CouponTemplate> templates_;
  std::vector<CouponInstance> coupons_;
  std::map<CouponId, size_t> by_id_;
  // Each member's coupons (positions in coupons_), so that a wallet or a
  // claim's limits cost what the member holds, not what everyone holds.
  std::unordered_map<std::string, std::vector<size_t>> by_owner_;
  std::map<TemplateId, int64_t> issued_;
  std::map<TemplateId, int64_t> held_;
  std::vector<CouponEvent> events_;
  std::unordered_map<std::string, size_t> by_key_;
};

}  // namespace atrium

#endif  // ATRIUM_COUPONS_COUPON_BOOK_H_
