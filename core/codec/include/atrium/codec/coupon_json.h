// JSON forms of coupon templates, coupons, baskets and checkout results,
// documented in shared/formats/coupons.md.
#ifndef ATRIUM_CODEC_COUPON_JSON_H_
#define ATRIUM_CODEC_COUPON_JSON_H_

#include <span>

#include "atrium/codec/json_reader.h"
#include "atrium/coupons/checkout.h"
#include "atrium/coupons/coupon_book.h"
#include "atrium/coupons/coupon_template.h"
#include "atrium/coupons/refund.h"

namespace atrium::codec {

// Decodes and validates a template.
StatusOr<CouponTemplate> TemplateFromJson(const Json& j);
// A coupon as a wallet holds it.
StatusOr<CouponInstance> CouponFromJson(const Json& j);
Json CouponToJson(const CouponInstance& c);
StatusOr<Basket> BasketFromJson(const Json& j);
StatusOr<PointsAsCash> PointsPolicyFromJson(const Json& j);
StatusOr<Claimant> ClaimantFromJson(const Json& j);
Json CouponEventToJson(const CouponEvent& e);
// A checkout result; coupons named by id from `wallet`.
Json CheckoutToJson(const CheckoutResult& r,
                    std::span<const WalletCoupon> wallet);

}  // namespace atrium::codec

#endif  // ATRIUM_CODEC_COUPON_JSON_H_
