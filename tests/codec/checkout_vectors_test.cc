// Runs the golden checkout vectors in shared/vectors/checkout.json.
#include <gtest/gtest.h>

#include <map>

#include "atrium/codec/coupon_json.h"
#include "shared_files.h"

namespace atrium::codec {
namespace {

TEST(CheckoutVectorsTest, EveryCaseMatches) {
  const Json doc = testing::ReadSharedJson("vectors/checkout.json");
  ASSERT_EQ(doc.value("version", 0), 1);
  ASSERT_GE(doc["cases"].size(), 10u);
  for (const Json& c : doc["cases"]) {
    const std::string name = c["name"].get<std::string>();
    StatusOr<Basket> basket = BasketFromJson(c["basket"]);
    ASSERT_TRUE(basket.ok()) << name << ": " << basket.status().ToString();
    std::vector<CouponTemplate> templates;
    for (const Json& t : c["templates"]) {
      StatusOr<CouponTemplate> tmpl = TemplateFromJson(t);
      ASSERT_TRUE(tmpl.ok()) << name << ": " << tmpl.status().ToString();
      templates.push_back(*tmpl);
    }
    std::vector<CouponInstance> coupons;
    for (const Json& w : c["wallet"]) {
      StatusOr<CouponInstance> coupon = CouponFromJson(w);
      ASSERT_TRUE(coupon.ok()) << name << ": " << coupon.status().ToString();
      coupons.push_back(*coupon);
    }
    std::vector<WalletCoupon> wallet;
    for (const CouponInstance& ci : coupons) {
      const CouponTemplate* t = nullptr;
      for (const CouponTemplate& x : templates) {
        if (x.id == ci.template_id) t = &x;
      }
      ASSERT_NE(t, nullptr) << name;
      wallet.push_back({&ci, t});
    }
    StatusOr<CheckoutResult> r = PriceCheckout(
        *basket, wallet, c["points"].get<int64_t>(), PointsAsCash());
    ASSERT_TRUE(r.ok()) << name << ": " << r.status().ToString();

    const Json got = CheckoutToJson(*r, wallet);
    const Json& want = c["expect"];
    EXPECT_EQ(got["to_pay_fen"], want["to_pay_fen"]) << name;
    EXPECT_EQ(got["discount_fen"], want["discount_fen"]) << name;
    EXPECT_EQ(got["points_used"], want["points_used"]) << name;
    EXPECT_EQ(got["used"], want["used"]) << name;
    Json unused = Json::object();
    for (const Json& u : got["unused"]) unused[u["coupon_id"]] = u["reason"];
    EXPECT_EQ(unused, want["unused"]) << name;
  }
}

}  // namespace
}  // namespace atrium::codec
