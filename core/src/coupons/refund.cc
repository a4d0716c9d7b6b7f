#include "atrium/coupons/refund.h"

#include <algorithm>

#include "wide_math.h"

namespace atrium {
namespace {

// Points returned once the lines marked in `refunded` are refunded.
int64_t PointsReturned(const CheckoutResult& sale,
                       const std::vector<bool>& refunded) {
  Money cash;
  bool all = true;
  for (size_t i = 0; i < sale.lines.size(); ++i) {
    if (refunded[i]) {
      cash += sale.lines[i].points_cash;
    } else {
      all = all && sale.lines[i].points_cash.is_zero();
    }
  }
  if (all) return sale.points_used;
  if (sale.points_cash.is_zero()) return 0;
  return internal::MulDiv(sale.points_used, cash.fen(), sale.points_cash.fen())
      .quotient;
}

// The discount kept lines hold but no longer earn, summed over coupons.
Money Clawback(const Basket& basket, std::span<const WalletCoupon> wallet,
               const CheckoutResult& sale, const std::vector<bool>& refunded) {
  Money total;
  for (const size_t w : sale.used) {
    const CouponTemplate& t = *wallet[w].tmpl;
    Money held;
    for (const CouponAllocation& a : sale.allocations) {
      if (a.wallet_index == w && !refunded[a.line]) held += a.amount;
    }
    if (held.is_zero()) continue;
    Money eligible;
    for (size_t i = 0; i < basket.lines.size(); ++i) {
      const BasketLine& l = basket.lines[i];
      if (!refunded[i] && t.scope.Covers(l.store, l.category)) {
        eligible += l.amount;
      }
    }
    const Money earned =
        eligible < t.min_spend ? Money() : t.DiscountOn(eligible);
    if (held > earned) total += held - earned;
  }
  return total;
}

Status MarkLines(std::span<const size_t> lines, size_t n,
                 std::vector<bool>& marks, bool must_be_new) {
  for (const size_t i : lines) {
    if (i >= n) return InvalidArgument("no such sale line");
    if (marks[i]) {
      return InvalidArgument(must_be_new ? "line already refunded"
                                         : "line listed twice");
    }
    marks[i] = true;
  }
  return Status::Ok();
}

}  // namespace

StatusOr<RefundPlan> PlanRefund(const Basket& basket,
                                std::span<const WalletCoupon> wallet,
                                const CheckoutResult& sale,
                                std::span<const size_t> before,
                                std::span<const size_t> now,
                                Money clawed_so_far) {
  const size_t n = basket.lines.size();
  if (sale.lines.size() != n) {
    return InvalidArgument("the sale does not match its basket");
  }
  for (const size_t w : sale.used) {
    if (w >= wallet.size() || wallet[w].tmpl == nullptr) {
      return InvalidArgument("the sale names a coupon not in the wallet");
    }
  }
  if (now.empty()) return InvalidArgument("nothing to refund");
  std::vector<bool> done(n, false);
  ATRIUM_RETURN_IF_ERROR(MarkLines(before, n, done, false));
  std::vector<bool> after = done;
  ATRIUM_RETURN_IF_ERROR(MarkLines(now, n, after, true));

  RefundPlan plan;
  Money paid;
  for (const size_t i : now) paid += sale.lines[i].paid;
  plan.points_back = PointsReturned(sale, after) - PointsReturned(sale, done);
  plan.clawback = Clawback(basket, wallet, sale, after) - clawed_so_far;
  if (plan.clawback > paid) {
    plan.outstanding = plan.clawback - paid;
    plan.clawback = paid;
  }
  plan.money_back = paid - plan.clawback;

  for (const size_t w : sale.used) {
    bool all_after = true;
    bool all_before = true;
    for (const CouponAllocation& a : sale.allocations) {
      if (a.wallet_index != w) continue;
      all_after = all_after && after[a.line];
      all_before = all_before && done[a.line];
    }
    if (all_after && !all_before) plan.coupons_restored.push_back(w);
  }
  return plan;
}

}  // namespace atrium
