// Partial refunds of a checkout, by its recorded allocation.
//
// Refunding some lines of a sale returns, for those lines, what the shopper
// paid in money and in points, following CheckoutResult's allocation:
// - Money: the lines' paid amounts, less any clawback (below).
// - Points: the sale's points-as-cash in proportion to the refunded lines'
//   points cash, rounded down, counted over all refunds of the sale so far,
//   so that refunding every line returns every point.
// - Coupons: a coupon is restored (CouponBook::Reverse) once every line it
//   discounted is refunded; until then it stays used.
// - Clawback: a coupon's discount on the lines kept must still be earned.
//   For each coupon, the discount allocated to the kept lines beyond what
//   the coupon would give on those lines alone (zero when they no longer
//   meet its threshold or minimum spend) is kept back from the refund
//   (满减退货扣回优惠). It is counted over the whole sale: each refund
//   keeps back what is due now less what earlier refunds kept, so a later
//   refund of the kept lines gives the earlier clawback back, and refunding
//   every line returns everything paid. A refund never goes below zero:
//   clawback that does not fit is reported as outstanding, for a later
//   refund of the sale to recover (or the coupon's funder to absorb).
#ifndef ATRIUM_COUPONS_REFUND_H_
#define ATRIUM_COUPONS_REFUND_H_

#include <span>
#include <vector>

#include "atrium/coupons/checkout.h"

namespace atrium {

struct RefundPlan {
  Money money_back;
  int64_t points_back = 0;
  // Kept back from the lines' paid amounts; negative when this refund gives
  // back clawback kept earlier. Add it to what the sale has kept so far.
  Money clawback;
  Money outstanding;  // clawback due that did not fit in this refund
  std::vector<size_t> coupons_restored;  // wallet indices
};

// Plans the refund of lines `now` of a sale after lines `before` were
// refunded, keeping back `clawed_so_far` in all. `basket`, `wallet` and
// `sale` are the sale's, as priced. InvalidArgument for an empty, repeated,
// unknown or already refunded line.
StatusOr<RefundPlan> PlanRefund(const Basket& basket,
                                std::span<const WalletCoupon> wallet,
                                const CheckoutResult& sale,
                                std::span<const size_t> before,
                                std::span<const size_t> now,
                                Money clawed_so_far);

}  // namespace atrium

#endif  // ATRIUM_COUPONS_REFUND_H_
