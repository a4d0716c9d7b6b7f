// Coupon templates of the kinds a mall runs, for the coupon tests.
#ifndef ATRIUM_TESTS_CORE_COUPON_FIXTURE_H_
#define ATRIUM_TESTS_CORE_COUPON_FIXTURE_H_

#include "atrium/coupons/coupon_template.h"
#include "test_util.h"

namespace atrium::testing {

// ¥20 off, valid through March 2026 in mall time, free to claim.
inline CouponTemplate CashOff(const std::string& id = "cash20") {
  CouponTemplate t;
  t.id = TemplateId(id);
  t.name = "立减20元";
  t.mall = MallId("m1");
  t.kind = CouponKind::kCashOff;
  t.amount = Money::Yuan(20);
  t.validity.from = Local("2026-03-01 00:00:00");
  t.validity.until = Local("2026-04-01 00:00:00");
  return t;
}

// 每满 300 减 50, at most ¥150 off.
inline CouponTemplate Threshold(const std::string& id = "300-50") {
  CouponTemplate t = CashOff(id);
  t.name = "每满300减50";
  t.kind = CouponKind::kThreshold;
  t.threshold = Money::Yuan(300);
  t.amount = Money::Yuan(50);
  t.repeating = true;
  t.max_discount = Money::Yuan(150);
  return t;
}

// 8.5 折.
inline CouponTemplate PercentOff(const std::string& id = "85") {
  CouponTemplate t = CashOff(id);
  t.name = "8.5折";
  t.kind = CouponKind::kPercentOff;
  t.amount = Money();
  t.pay_permille = 850;
  return t;
}

}  // namespace atrium::testing

#endif  // ATRIUM_TESTS_CORE_COUPON_FIXTURE_H_
