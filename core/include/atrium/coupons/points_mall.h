// The points mall: exchanging points for a coupon, as one operation.
//
// Everything that could fail is checked before anything changes: the
// template must be sold for points, the coupon book must be willing to
// issue (stock, limits, who may claim), and the member must have the
// usable points. Then the points are spent and the coupon issued, both
// under the same idempotency key, so a repeated exchange replays both and
// never charges twice.
#ifndef ATRIUM_COUPONS_POINTS_MALL_H_
#define ATRIUM_COUPONS_POINTS_MALL_H_

#include <string_view>

#include "atrium/coupons/coupon_book.h"
#include "atrium/points/ledger.h"

namespace atrium {

struct Exchange {
  LedgerEntry spend;
  CouponEvent issue;
};

StatusOr<Exchange> ExchangePointsForCoupon(
    CouponBook& book, PointsLedger& ledger, std::string_view key,
    const TemplateId& id, const Claimant& member, Timestamp at);
// The same, naming the coupon (as replicas must: see CouponBook::Issue).
StatusOr<Exchange> ExchangePointsForCoupon(CouponBook& book,
                                           PointsLedger& ledger,
                                           std::string_view key,
                                           const TemplateId& id,
                                           const Claimant& member, Timestamp at,
                                           const CouponId& coupon);

}  // namespace atrium

#endif  // ATRIUM_COUPONS_POINTS_MALL_H_
