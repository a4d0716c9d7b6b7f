// atriumctl checkout: the best combination of coupons and points for a
// basket, with the allocation and why each other coupon was left out.
#include <map>

#include "atrium/codec/coupon_json.h"
#include "atrium/codec/mall_files.h"
#include "atrium/coupons/checkout.h"
#include "atrium/points/ledger.h"
#include "cli.h"

namespace atrium::cli {
namespace {

struct Request {
  Basket basket;
  std::vector<CouponTemplate> templates;
  std::vector<CouponInstance> coupons;
  int64_t points = 0;
  PointsAsCash policy;
  TierId tier;
  int64_t earned_today = 0;
};

StatusOr<Request> ReadRequest(const codec::Json& j) {
  codec::JsonReader r(j, "request");
  Request req;
  const codec::Json* basket = r.Raw("basket", true);
  req.points = r.OptInt("points", 0, 0, kMaxPointsPerEntry);
  const codec::Json* policy = r.Raw("points_policy", false);
  req.tier = TierId(r.OptStr("tier"));
  req.earned_today = r.OptInt("earned_today", 0, 0, kMaxPointsPerEntry);
  const codec::Json* template_list = r.Raw("templates", false);
  const codec::Json* wallet = r.Raw("wallet", false);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());

  StatusOr<Basket> b = codec::BasketFromJson(*basket);
  if (!b.ok()) return b.status();
  req.basket = std::move(*b);
  if (policy != nullptr) {
    StatusOr<PointsAsCash> p = codec::PointsPolicyFromJson(*policy);
    if (!p.ok()) return p.status();
    req.policy = *p;
  }
  if (template_list != nullptr) {
    if (!template_list->is_array() ||
        template_list->size() > kMaxWalletCoupons) {
      return InvalidArgument(
          "request.templates: an array of at most 100 templates");
    }
    for (const codec::Json& t : *template_list) {
      StatusOr<CouponTemplate> tmpl = codec::TemplateFromJson(t);
      if (!tmpl.ok()) return tmpl.status();
      req.templates.push_back(std::move(*tmpl));
    }
  }
  if (wallet != nullptr) {
    if (!wallet->is_array() || wallet->size() > kMaxWalletCoupons) {
      return InvalidArgument("request.wallet: an array of at most 100 coupons");
    }
    for (const codec::Json& c : *wallet) {
      StatusOr<CouponInstance> coupon = codec::CouponFromJson(c);
      if (!coupon.ok()) return coupon.status();
      req.coupons.push_back(std::move(*coupon));
    }
  }
  return req;
}

StatusOr<codec::Json> Checkout(const Flags& flags) {
  StatusOr<codec::Json> input = ReadInput(flags);
  if (!input.ok()) return input.status();
  StatusOr<Request> req = ReadRequest(*input);
  if (!req.ok()) return req.status();

  std::map<TemplateId, const CouponTemplate*> by_id;
  for (const CouponTemplate& t : req->templates) by_id[t.id] = &t;
  std::vector<WalletCoupon> wallet;
  for (const CouponInstance& c : req->coupons) {
    auto it = by_id.find(c.template_id);
    if (it == by_id.end()) {
      return NotFound("coupon " + c.id.value() + " names unknown template " +
                      c.template_id.value());
    }
    wallet.push_back({&c, it->second});
  }
  StatusOr<CheckoutResult> result =
      PriceCheckout(req->basket, wallet, req->points, req->policy);
  if (!result.ok()) return result.status();
  codec::Json out = codec::CheckoutToJson(*result, wallet);

  if (!flags.program.empty()) {
    StatusOr<Program> program = codec::LoadProgramFile(flags.program);
    if (!program.ok()) return program.status();
    const Mall* mall = program->group.FindMall(req->basket.mall);
    if (mall == nullptr) {
      return NotFound("unknown mall " + req->basket.mall.value());
    }
    if (program->tiers.IndexOf(req->tier) < 0) {
      return NotFound("unknown tier '" + req->tier.value() + "'");
    }
    StatusOr<int64_t> earned =
        PointsEarnedBy(req->basket, *result, program->earning, mall->calendar,
                       req->tier, req->earned_today);
    if (!earned.ok()) return earned.status();
    out["points_earned"] = *earned;
  }
  return out;
}

}  // namespace

int CheckoutCommand(const Flags& flags) {
  StatusOr<codec::Json> out = Checkout(flags);
  return out.ok() ? PrintJson(*out) : Fail(out.status());
}

}  // namespace atrium::cli
