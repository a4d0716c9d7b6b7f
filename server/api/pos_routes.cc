// A tenant's till (a "pos" device): scan a member code, price a checkout,
// submit a receipt, refund, redeem a coupon, pay with points. A till acts for a
// member only within ApiLimits::scan_grant_seconds of scanning their code, and
// only in its own mall.
#include "api/access.h"
#include "api/idempotent_op.h"
#include "api/json_response.h"
#include "api/routes.h"
#include "atrium/codec/coupon_json.h"
#include "atrium/codec/domain_json.h"
#include "atrium/coupons/checkout.h"
#include "atrium/sync/member_views.h"

namespace atrium::server {
namespace {

// What the tills' routes use.
struct Uses {
  Service& service;
  Gate& gate;
  OpDesk& ops;
};

// Refuses a quote for a member the till has not scanned lately (the core
// refuses the till's operations for them: sync::Authorize).
OpRequest::Guard ScanGuard(const Uses& ctx, const Caller& till,
                           MemberId member) {
  return [ctx, till = till.id,
          member = std::move(member)]() -> std::optional<Response> {
    if (ctx.gate.scan_grants.Allowed(till, member, ctx.service.Now())) {
      return std::nullopt;
    }
    return ErrorResponse(403, "PERMISSION_DENIED",
                         "scan the member's code at this till first");
  };
}

void Scan(const Uses& ctx, const Caller& till, const Request& req,
          const Respond& respond) {
  StatusOr<MemberId> member = ctx.gate.ScanCode(req);
  if (!member.ok()) return respond(StatusResponse(member.status()));
  const Timestamp now = ctx.service.Now();
  Response out = ctx.service.ReadState([&](const sync::GroupState& s) {
    auto it = s.accounts.find(*member);
    // An erased member's phone may still make codes: they scan as no one.
    if (it == s.accounts.end() || it->second.member().erased_at) {
      return ErrorResponse(404, "NOT_FOUND", "no such member");
    }
    return JsonResponse(200, sync::SummaryJson(s, it->second, now));
  });
  if (out.status == 200) {
    ctx.gate.scan_grants.Grant(
        till.id, *member,
        Timestamp::FromUnixSeconds(now.unix_seconds() +
                                   ctx.gate.limits.scan_grant_seconds));
  }
  respond(std::move(out));
}

void Earn(const Uses& ctx, const Caller& till, const Request& req,
          const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  const codec::Json* receipt_json = r.Raw("receipt", true);
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  StatusOr<Receipt> receipt = codec::ReceiptFromJson(*receipt_json);
  if (!receipt.ok()) return respond(StatusResponse(receipt.status()));
  if (receipt->mall.value() != till.device.mall_id) {
    return respond(ErrorResponse(403, "PERMISSION_DENIED",
                                 "a till submits receipts of its own mall"));
  }
  RunIdempotent(ctx.ops, req,
                {.scope = "device:" + till.id,
                 .origin = ApiOrigin(),
                 .sender = ctx.gate.SenderOf(till, true),
                 .type = "earn",
                 .payload = {{"receipt", *receipt_json}}},
                respond);
}

void Refund(const Uses& ctx, const Caller& till, const Request& req,
            const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  std::string receipt_id = r.Str("receipt_id");
  std::string refund_id = r.Str("refund_id");
  Money amount = r.Fen("amount_fen", Money::Fen(1));
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  RunIdempotent(ctx.ops, req,
                {.scope = "device:" + till.id,
                 .origin = ApiOrigin(),
                 .sender = ctx.gate.SenderOf(till, true),
                 .type = "refund",
                 .payload = {{"mall_id", till.device.mall_id},
                             {"receipt_id", receipt_id},
                             {"refund_id", refund_id},
                             {"amount_fen", amount.fen()}}},
                respond);
}

void Redeem(const Uses& ctx, const Caller& till, const Request& req,
            const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  std::string member_id = r.Str("member_id");
  std::string coupon_id = r.Str("coupon_id");
  std::string receipt_id = r.Str("receipt_id");
  std::string store_id = r.Str("store_id");
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  RunIdempotent(ctx.ops, req,
                {.scope = "device:" + till.id,
                 .origin = ApiOrigin(),
                 .sender = ctx.gate.SenderOf(till, true),
                 .type = "redeem_coupon",
                 .payload = {{"member_id", member_id},
                             {"coupon_id", coupon_id},
                             {"receipt_id", receipt_id},
                             {"store_id", store_id}}},
                respond);
}

void PayWithPoints(const Uses& ctx, const Caller& till, const Request& req,
                   const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  std::string member_id = r.Str("member_id");
  int64_t points = r.Int("points", 1, 1'000'000'000);
  std::string ref = r.Str("ref");
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  RunIdempotent(
      ctx.ops, req,
      {.scope = "device:" + till.id,
       .origin = ApiOrigin(),
       .sender = ctx.gate.SenderOf(till, true),
       .type = "spend_points",
       .payload = {{"member_id", member_id}, {"points", points}, {"ref", ref}}},
      respond);
}

// Prices a basket for a scanned member: the coupons and points that leave
// the least to pay, each line's share, and why each other coupon is unused.
// Nothing is reserved: the till then redeems and pays with points.
void Quote(const Uses& ctx, const Caller& till, const Request& req,
           const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  if (!body->is_object() || body->contains("mall_id") || body->contains("at")) {
    return respond(ErrorResponse(
        400, "INVALID_ARGUMENT",
        "the body is {checkout_id, member_id, lines, use_points?}: the mall "
        "and time are the till's"));
  }
  const Timestamp now = ctx.service.Now();
  codec::Json basket_json = *body;
  bool use_points = true;
  if (auto it = body->find("use_points"); it != body->end()) {
    if (!it->is_boolean()) {
      return respond(ErrorResponse(400, "INVALID_ARGUMENT",
                                   "body.use_points: must be true or false"));
    }
    use_points = it->get<bool>();
    basket_json.erase("use_points");
  }
  basket_json["mall_id"] = till.device.mall_id;
  basket_json["at"] = FormatIso8601(now);
  StatusOr<Basket> basket = codec::BasketFromJson(basket_json);
  if (!basket.ok()) return respond(StatusResponse(basket.status()));
  if (auto refused = ScanGuard(ctx, till, basket->member)()) {
    return respond(std::move(*refused));
  }
  Response out = ctx.service.ReadState([&](const sync::GroupState& s) {
    auto account = s.accounts.find(basket->member);
    if (account == s.accounts.end()) {
      return ErrorResponse(404, "NOT_FOUND", "no such member");
    }
    std::vector<WalletCoupon> wallet;
    auto book = s.coupons.find(basket->mall);
    if (book != s.coupons.end()) {
      for (const CouponInstance* c : book->second.WalletOf(basket->member)) {
        if (wallet.size() == kMaxWalletCoupons) break;
        wallet.push_back({c, book->second.FindTemplate(c->template_id)});
      }
    }
    const int64_t points =
        use_points ? account->second.ledger().BalanceAt(now).usable : 0;
    StatusOr<CheckoutResult> priced =
        PriceCheckout(*basket, wallet, points, s.program.points_as_cash);
    if (!priced.ok()) return StatusResponse(priced.status());
    return JsonResponse(200, codec::CheckoutToJson(*priced, wallet));
  });
  respond(std::move(out));
}

}  // namespace

void AddPosRoutes(Router& r, ApiContext& ctx) {
  const Uses uses{ctx.service, ctx.gate, ctx.ops};
  AddRoute(r, ctx.gate, "POST", "/api/v1/pos/scan", Devices({"pos"}), uses,
           Scan);
  AddRoute(r, ctx.gate, "POST", "/api/v1/pos/checkout-quotes", Devices({"pos"}),
           uses, Quote);
  AddRoute(r, ctx.gate, "POST", "/api/v1/pos/receipts", Devices({"pos"}), uses,
           Earn);
  AddRoute(r, ctx.gate, "POST", "/api/v1/pos/refunds", Devices({"pos"}), uses,
           Refund);
  AddRoute(r, ctx.gate, "POST", "/api/v1/pos/redemptions", Devices({"pos"}),
           uses, Redeem);
  AddRoute(r, ctx.gate, "POST", "/api/v1/pos/points-payments", Devices({"pos"}),
           uses, PayWithPoints);
}

}  // namespace atrium::server
