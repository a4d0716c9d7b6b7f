#include "atrium/coupons/points_mall.h"

namespace atrium {
namespace {

StatusOr<Exchange> ExchangeImpl(CouponBook& book, PointsLedger& ledger,
                                std::string_view key, const TemplateId& id,
                                const Claimant& member, Timestamp at,
                                const CouponId* coupon) {
  const CouponTemplate* t = book.FindTemplate(id);
  if (t == nullptr) return NotFound("unknown coupon template " + id.value());
  if (t->acquisition != Acquisition::kPoints) {
    return FailedPrecondition("coupon " + id.value() +
                              " is not sold for points");
  }
  const std::string note = "exchanged for " + t->name;
  const bool repeat = ledger.FindByKey(key) != nullptr;
  if (!repeat) {
    ATRIUM_RETURN_IF_ERROR(
        book.CheckIssue(key, id, member, IssueChannel::kPointsExchange, at));
    if (ledger.BalanceAt(at).usable < t->points_price) {
      return FailedPrecondition("not enough usable points for " + id.value());
    }
  }
  // Both steps are checked or replays: neither fails on the state now.
  StatusOr<LedgerEntry> spend =
      ledger.Spend(key, at, t->points_price, id.value(), note);
  if (!spend.ok()) return spend.status();
  StatusOr<CouponEvent> issue =
      coupon == nullptr
          ? book.Issue(key, id, member, IssueChannel::kPointsExchange, at)
          : book.Issue(key, id, member, IssueChannel::kPointsExchange, at,
                       *coupon);
  if (!issue.ok()) return issue.status();
  return Exchange{std::move(*spend), std::move(*issue)};
}

}  // namespace

StatusOr<Exchange> ExchangePointsForCoupon(
    CouponBook& book, PointsLedger& ledger, std::string_view key,
    const TemplateId& id, const Claimant& member, Timestamp at) {
  return ExchangeImpl(book, ledger, key, id, member, at, nullptr);
}

StatusOr<Exchange> ExchangePointsForCoupon(CouponBook& book,
                                           PointsLedger& ledger,
                                           std::string_view key,
                                           const TemplateId& id,
                                           const Claimant& member, Timestamp at,
                                           const CouponId& coupon) {
  return ExchangeImpl(book, ledger, key, id, member, at, &coupon);
}

}  // namespace atrium
