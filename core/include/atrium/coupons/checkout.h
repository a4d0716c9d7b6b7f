// Checkout pricing: given a basket, the member's wallet and points, the
// combination of coupons and points-as-cash that leaves the least to pay,
// with every discount allocated to a line.
//
// The rules of a combination:
// - A coupon can be used if the member owns it, it is valid at the basket's
//   time, not redeemed, not reserved by another checkout, of the basket's
//   mall, and of a money-off kind (percent, cash, threshold). Its eligible
//   amount is the original price of the basket lines in its scope; it must
//   meet the coupon's minimum spend and threshold and give a discount.
// - At most one coupon per stacking group; a coupon with no stacking group
//   is grouped by its kind (同类券不叠加: one threshold, one cash, one
//   percent coupon at most). An exclusive coupon is used alone.
// - Each coupon's discount is computed on the original price of its lines
//   (满减门槛按原价), then taken off in a fixed order (threshold, cash,
//   percent; then by coupon id) and never beyond what is left of its
//   lines, so no line goes below zero.
// - Points pay whole yuan (PointsAsCash, the programme's: demo 100 points a
//   yuan) up to a share (demo 50%) of what is left after coupons, unless a
//   chosen coupon does not combine with points.
// - Among combinations leaving the least to pay, fewer coupons win, then
//   the combination whose coupons expire earliest, then coupon ids.
// Allocation: a coupon's discount, and the points cash, are spread over
// their lines in proportion to what is left of each, to the fen, remainders
// to the largest shares (ties to the earlier line). Refunds and tenant
// settlement read this allocation.
#ifndef ATRIUM_COUPONS_CHECKOUT_H_
#define ATRIUM_COUPONS_CHECKOUT_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "atrium/coupons/coupon_book.h"
#include "atrium/coupons/coupon_template.h"
#include "atrium/coupons/wallet_coupon.h"
#include "atrium/ids.h"
#include "atrium/money.h"
#include "atrium/points/earning.h"
#include "atrium/points/points_as_cash.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

inline constexpr size_t kMaxBasketLines = 200;
inline constexpr size_t kMaxWalletCoupons = 100;

struct BasketLine {
  StoreId store;
  std::string category;
  Money amount;  // the line's price before coupons
};

struct Basket {
  std::string checkout_id;
  MallId mall;
  MemberId member;
  Timestamp at;
  std::vector<BasketLine> lines;

  Money Total() const;
};

enum class UnusedReason {
  kNotYours,
  kAlreadyUsed,
  kReservedElsewhere,
  kExpired,
  kNotYetValid,
  kOtherMall,
  kNotForBaskets,  // gift, free delivery, parking
  kOutOfScope,     // no line of the basket is in its scope
  kBelowMinimum,   // minimum spend or threshold not met
  kNotStackable,   // another coupon of its stacking group is better
  kExclusive,      // an exclusive coupon was chosen, or it is exclusive
  kNoGain,         // it would not lower what is paid
};
std::string_view UnusedReasonName(UnusedReason r);

struct CouponAllocation {
  size_t wallet_index = 0;
  size_t line = 0;
  Money amount;
};

struct CheckoutLine {
  Money gross;
  Money coupon_discount;
  Money points_cash;
  Money paid;
};

struct UnusedCoupon {
  size_t wallet_index = 0;
  UnusedReason reason = UnusedReason::kNoGain;
  // kNotStackable, kExclusive: the chosen coupon it yields to, if any.
  std::optional<size_t> yields_to;
};

struct CheckoutResult {
  std::vector<size_t> used;  // wallet indices, in the order applied
  std::vector<CouponAllocation> allocations;
  std::vector<CheckoutLine> lines;
  int64_t points_used = 0;
  Money points_cash;
  Money gross;
  Money discount;  // coupons only
  Money to_pay;
  std::vector<UnusedCoupon> unused;
  int64_t combinations_priced = 0;  // work done by the search
};

// The best legal combination. InvalidArgument for a malformed basket,
// wallet or policy; never fails on coupons that cannot be used (they are
// listed as unused with the reason).
StatusOr<CheckoutResult> PriceCheckout(const Basket& basket,
                                       std::span<const WalletCoupon> wallet,
                                       int64_t usable_points,
                                       const PointsAsCash& policy);

// Prices the basket with exactly the coupons `chosen` (wallet indices).
// FailedPrecondition if that combination is not legal. Used when a shopper
// picks coupons by hand, and by tests to search exhaustively.
StatusOr<CheckoutResult> PriceWith(const Basket& basket,
                                   std::span<const WalletCoupon> wallet,
                                   int64_t usable_points,
                                   const PointsAsCash& policy,
                                   std::span<const size_t> chosen);

// The points a priced checkout earns: each store's lines, at what was
// actually paid for them after coupons and points, as one receipt under the
// earning rules (per-receipt caps apply per store; the day cap across them,
// starting from `earned_today`).
StatusOr<int64_t> PointsEarnedBy(const Basket& basket,
                                 const CheckoutResult& result,
                                 const EarningPolicy& policy,
                                 const LocalCalendar& calendar,
                                 const TierId& tier, int64_t earned_today);

}  // namespace atrium

#endif  // ATRIUM_COUPONS_CHECKOUT_H_
