// A coupon in a member's wallet with its template: what checkout pricing
// and a parking quote are given of the wallet. Points into the coupon book,
// valid as long as it is.
#ifndef ATRIUM_COUPONS_WALLET_COUPON_H_
#define ATRIUM_COUPONS_WALLET_COUPON_H_

#include "atrium/coupons/coupon_book.h"
#include "atrium/coupons/coupon_template.h"

namespace atrium {

struct WalletCoupon {
  const CouponInstance* coupon = nullptr;
  const CouponTemplate* tmpl = nullptr;
};

}  // namespace atrium

#endif  // ATRIUM_COUPONS_WALLET_COUPON_H_
