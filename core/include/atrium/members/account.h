// MemberAccount is everything the programme keeps about one member's
// activity: their receipts, their tier and their points ledger.
//
// EarnForReceipt and RefundReceipt are the operations a till causes. Both
// are idempotent (a receipt is keyed by mall and receipt id, a refund by its
// own id), both validate everything before they change anything, and both
// take `now`, the instant the operation is applied, apart from the
// receipt's own time: a till that was offline reports receipts late.
// - Points are computed with the rules, tier and calendar at the purchase;
//   they expire by the purchase date, and become usable after the pending
//   period, but never before `now`.
// - A receipt more than Program::max_receipt_age_days old, or in the
//   future, is refused.
// - A refund of part of a receipt reverses points in proportion, rounded in
//   the member's favour; the refunds of a receipt together reverse exactly
//   what it earned. Reversal follows PointsLedger::Reverse, so points
//   already spent are taken from other lots, and what the member no longer
//   has is written off (never a negative balance).
// - A refund lowers the rolling spend at the purchase's date; tiers fall
//   only at reviews, never at once.
#ifndef ATRIUM_MEMBERS_ACCOUNT_H_
#define ATRIUM_MEMBERS_ACCOUNT_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "atrium/members/member.h"
#include "atrium/members/receipt.h"
#include "atrium/members/tier.h"
#include "atrium/points/earning.h"
#include "atrium/points/ledger.h"
#include "atrium/program.h"

namespace atrium {

struct ReceiptRecord {
  Receipt receipt;
  int64_t points = 0;         // earned
  std::vector<RuleId> rules;  // that applied
  EarnCap cap = EarnCap::kNone;
  TierId tier;  // at the purchase
  Money refunded;
  int64_t points_reversed = 0;
};

// `record` points into the account and lives as long as it.
struct EarnOutcome {
  const ReceiptRecord* record = nullptr;
  std::optional<LedgerEntry> entry;  // none when the receipt earned nothing
  bool replayed = false;             // the receipt had been applied before
  TierId tier_after;
};

struct RefundOutcome {
  Money amount;
  int64_t points_reversed = 0;  // requested from the ledger
  int64_t shortfall = 0;        // of those, what the member no longer had
  bool replayed = false;
};

class MemberAccount {
 public:
  MemberAccount(Member member, const TierPolicy& tiers);

  const Member& member() const { return member_; }
  // Takes the directory's record after a profile change (same member).
  void UpdateMember(const Member& m) { member_ = m; }
  const TierState& tier() const { return tier_; }
  const PointsLedger& ledger() const { return ledger_; }
  PointsLedger& ledger() { return ledger_; }  // for spends and adjustments
  const std::vector<SpendRecord>& spend() const { return spend_; }
  const ReceiptRecord* FindReceipt(const std::string& key) const;
  // Spent at `mall` on the business day of `at` (`calendar`'s), net of
  // refunds: what parking's spend minutes count.
  Money SpentAt(const MallId& mall, const LocalCalendar& calendar,
                Timestamp at) const;

  StatusOr<EarnOutcome> EarnForReceipt(const Program& program,
                                       const Receipt& receipt, Timestamp now);
  // Refunds follow the receipt's record, not today's rules.
  StatusOr<RefundOutcome> RefundReceipt(const std::string& receipt_key,
                                        const std::string& refund_id,
                                        Money amount, Timestamp now);
  // Brings the tier up to `now` (evaluation days, grace ends).
  Status ReviewTier(const Program& program, Timestamp now);

 private:
  struct RefundRecord {
    std::string receipt_key;
    Money amount;
    RefundOutcome outcome;
  };
  // Points already earned on the business day of `at` (in the group's
  // calendar, the one earning uses).
  int64_t EarnedOnDay(const LocalCalendar& calendar, Timestamp at) const;

  Member member_;
  TierState tier_;
  PointsLedger ledger_;
  std::vector<SpendRecord> spend_;
  std::map<std::string, ReceiptRecord> receipts_;
  std::map<Date, int64_t> earned_by_day_;  // points by business day
  std::map<std::string, RefundRecord> refunds_;
};

}  // namespace atrium

#endif  // ATRIUM_MEMBERS_ACCOUNT_H_
