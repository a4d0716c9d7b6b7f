#include "atrium/members/account.h"

#include <algorithm>

#include "wide_math.h"

namespace atrium {
namespace {

std::string RuleNames(const EarningPolicy& policy, const EarnResult& earn) {
  std::string out;
  for (const uint16_t i : earn.applied_rules) {
    if (!out.empty()) out += ", ";
    out += policy.rules[i].name;
  }
  return out.size() > kMaxNoteLength ? out.substr(0, kMaxNoteLength) : out;
}

}  // namespace

MemberAccount::MemberAccount(Member member, const TierPolicy& tiers)
    : member_(std::move(member)),
      tier_(InitialTierState(tiers, member_.registered_at)) {}

Money MemberAccount::SpentAt(const MallId& mall, const LocalCalendar& calendar,
                             Timestamp at) const {
  const Date day = calendar.BusinessDateOf(at);
  Money total;
  for (const auto& [key, r] : receipts_) {
    if (r.receipt.mall == mall &&
        calendar.BusinessDateOf(r.receipt.at) == day) {
      total += r.receipt.Total() - r.refunded;
    }
  }
  return total;
}

const ReceiptRecord* MemberAccount::FindReceipt(const std::string& key) const {
  auto it = receipts_.find(key);
  return it == receipts_.end() ? nullptr : &it->second;
}

int64_t MemberAccount::EarnedOnDay(const LocalCalendar& calendar,
                                   Timestamp at) const {
  const auto it = earned_by_day_.find(calendar.BusinessDateOf(at));
  return it == earned_by_day_.end() ? 0 : it->second;
}

StatusOr<EarnOutcome> MemberAccount::EarnForReceipt(const Program& program,
                                                    const Receipt& receipt,
                                                    Timestamp now) {
  ATRIUM_RETURN_IF_ERROR(ValidateReceipt(receipt));
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(now, "application time"));
  if (receipt.member != member_.id) {
    return PermissionDenied("receipt belongs to another member");
  }
  const std::string key = receipt.Key();
  if (auto it = receipts_.find(key); it != receipts_.end()) {
    if (!(it->second.receipt == receipt)) {
      return AlreadyExists("receipt id already used for a different receipt: " +
                           key);
    }
    const LedgerEntry* entry = ledger_.FindByKey(key);
    return EarnOutcome{
        &it->second, entry ? std::optional<LedgerEntry>(*entry) : std::nullopt,
        true, tier_.tier};
  }
  const Mall* mall = program.group.FindMall(receipt.mall);
  if (mall == nullptr) return NotFound("unknown mall " + receipt.mall.value());
  if (mall->FindStore(receipt.store) == nullptr) {
    return NotFound("unknown store " + receipt.store.value());
  }
  if (receipt.at > now) return InvalidArgument("receipt time is in the future");
  if (receipt.at <
      now.PlusSeconds(-program.max_receipt_age_days * kSecondsPerDay)) {
    return FailedPrecondition("receipt is older than " +
                              std::to_string(program.max_receipt_age_days) +
                              " days");
  }
  if (!ledger_.entries().empty() && now < ledger_.entries().back().at) {
    return FailedPrecondition("application time is before the last entry");
  }

  // Decide everything first; change state only when nothing can fail.
  const LocalCalendar& group_cal = program.group.calendar;
  StatusOr<TierState> before = atrium::ReviewTier(
      program.tiers, group_cal, tier_, spend_, receipt.at.PlusSeconds(-1));
  if (!before.ok()) return before.status();
  StatusOr<EarnResult> earn =
      ComputeEarn(program.earning, mall->calendar, receipt, before->tier,
                  EarnedOnDay(group_cal, receipt.at));
  if (!earn.ok()) return earn.status();
  std::vector<SpendRecord> spend = spend_;
  spend.push_back({receipt.at, receipt.Total()});
  StatusOr<TierState> after =
      atrium::ReviewTier(program.tiers, group_cal, *before, spend, now);
  if (!after.ok()) return after.status();

  std::optional<LedgerEntry> entry;
  if (earn->points > 0) {
    const LotSpec lot{std::max(earn->usable_from, now),
                      program.expiry.ExpiresAt(group_cal, receipt.at)};
    if (lot.expires_at <= lot.usable_from) {
      return FailedPrecondition(
          "the receipt's points would expire before "
          "they become usable");
    }
    StatusOr<LedgerEntry> e = ledger_.Earn(key, now, earn->points, lot, key,
                                           RuleNames(program.earning, *earn));
    if (!e.ok()) return e.status();
    entry = std::move(*e);
  }

  ReceiptRecord record;
  record.receipt = receipt;
  record.points = earn->points;
  record.cap = earn->cap;
  record.tier = before->tier;
  for (const uint16_t i : earn->applied_rules) {
    record.rules.push_back(program.earning.rules[i].id);
  }
  spend_ = std::move(spend);
  tier_ = std::move(*after);
  earned_by_day_[group_cal.BusinessDateOf(receipt.at)] += earn->points;
  const ReceiptRecord* stored =
      &receipts_.emplace(key, std::move(record)).first->second;
  return EarnOutcome{stored, std::move(entry), false, tier_.tier};
}

StatusOr<RefundOutcome> MemberAccount::RefundReceipt(
    const std::string& receipt_key, const std::string& refund_id, Money amount,
    Timestamp now) {
  ATRIUM_RETURN_IF_ERROR(ValidateId(refund_id, "refund id"));
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(now, "refund time"));
  if (amount <= Money())
    return InvalidArgument("refund amount must be positive");
  const std::string key = "refund:" + receipt_key + ":" + refund_id;
  if (auto it = refunds_.find(key); it != refunds_.end()) {
    if (it->second.receipt_key != receipt_key || it->second.amount != amount) {
      return AlreadyExists("refund id already used for a different refund");
    }
    RefundOutcome replay = it->second.outcome;
    replay.replayed = true;
    return replay;
  }
  auto rec = receipts_.find(receipt_key);
  if (rec == receipts_.end()) {
    return NotFound("no receipt under " + receipt_key);
  }
  ReceiptRecord& r = rec->second;
  const Money total = r.receipt.Total();
  if (amount > total - r.refunded) {
    return FailedPrecondition("only " + (total - r.refunded).ToString() +
                              " of the receipt is left to refund");
  }
  // Cumulative, so that the parts of a receipt reverse exactly its points.
  const Money refunded = r.refunded + amount;
  const int64_t due =
      internal::MulDiv(r.points, refunded.fen(), total.fen()).quotient;
  RefundOutcome out;
  out.amount = amount;
  out.points_reversed = due - r.points_reversed;
  if (out.points_reversed > 0) {
    StatusOr<LedgerEntry> e = ledger_.Reverse(
        key, now, receipt_key, out.points_reversed, "refund " + refund_id);
    if (!e.ok()) return e.status();
    out.shortfall = e->shortfall;
  }
  r.refunded = refunded;
  r.points_reversed = due;
  spend_.push_back({r.receipt.at, Money() - amount});
  refunds_.emplace(key, RefundRecord{receipt_key, amount, out});
  return out;
}

Status MemberAccount::ReviewTier(const Program& program, Timestamp now) {
  StatusOr<TierState> next = atrium::ReviewTier(
      program.tiers, program.group.calendar, tier_, spend_, now);
  if (!next.ok()) return next.status();
  tier_ = std::move(*next);
  return Status::Ok();
}

}  // namespace atrium
