// Payments: a fee above zero is paid through the payment provider. The
// payer's route opens an order (open_payment) and answers the provider's
// checkout (a page for the phone, a QR code for the kiosk); the provider's
// signed notification confirms it here; payers poll the order's status.
#include "api/payment_routes.h"

#include "api/access.h"
#include "api/idempotent_op.h"
#include "api/json_response.h"
#include "api/routes.h"
#include "pay/payment_desk.h"

namespace atrium::server {
namespace {

// What the payments' routes use.
struct Uses {
  Service& service;
  OpDesk& ops;
  PaymentDesk* const& payments;  // set once the desk is up
  const std::function<void(std::string_view)>& log;
};

Response Unconfigured() {
  return ErrorResponse(503, "UNAVAILABLE",
                       "payments are not available now: pay at the exit "
                       "booth, or try again later");
}

// The order number of an open_payment: from its operation's id, which the
// server keys from the caller's Idempotency-Key ("k-" + 32 hex).
std::string OrderNoOf(const std::string& op_id) {
  return "PK" + op_id.substr(2, 30);
}

// The provider's notification: verified, confirmed, acknowledged. An error
// (not 2xx) makes the provider send it again.
void Notify(const Uses& ctx, const Caller&, const Request& req,
            const Respond& respond) {
  if (ctx.payments == nullptr) return respond(Unconfigured());
  const bool posted = ctx.payments->Post([ctx, req, respond] {
    StatusOr<ProviderOrder> o =
        ctx.payments->provider().ReadNotification(req, ctx.service.Now());
    if (!o.ok()) {
      ctx.log("a payment notification was refused: " + o.status().message());
      return respond(StatusResponse(o.status()));
    }
    if (o->state != "SUCCESS") {  // a declined charge: nothing to confirm
      return respond(JsonResponse(200, {{"code", "SUCCESS"}}));
    }
    StatusOr<sync::OpResult> r = ctx.payments->Confirm(*o);
    if (!r.ok()) return respond(StatusResponse(r.status()));
    respond(JsonResponse(200, {{"code", "SUCCESS"}}));
  });
  if (!posted) respond(ErrorResponse(503, "BUSY", "try again"));
}

// An order's status for its payer: a member, their own; a kiosk, its mall's.
void OrderStatus(const Uses& ctx, const Caller& payer, const Request&,
                 const PathParams& params, const Respond& respond) {
  if (ctx.payments == nullptr) return respond(Unconfigured());
  const std::string no = params.at("order_no");
  std::optional<std::string> member, mall;
  if (payer.kind == Caller::Kind::kDevice) {
    mall = payer.device.mall_id;
  } else {
    member = payer.id;
  }
  const bool theirs = ctx.service.ReadState([&](const sync::GroupState& s) {
    const auto it = s.payments.find(no);
    if (it == s.payments.end()) return false;
    const codec::Json& settles = it->second.settles;
    return member ? settles.value("member_id", "") == *member
                  : settles.value("mall_id", "") == *mall;
  });
  std::optional<codec::Json> j =
      theirs ? ctx.payments->OrderJson(no) : std::nullopt;
  if (!j) {
    return respond(ErrorResponse(404, "NOT_FOUND", "no such payment order"));
  }
  respond(JsonResponse(200, *j));
}

// The member's latest payment orders, newest first: their receipts,
// sensorless exits among them.
void MyPayments(const Uses& ctx, const Caller& me, const Request&,
                const Respond& respond) {
  constexpr size_t kLatest = 20;
  codec::Json list = ctx.service.ReadState([&](const sync::GroupState& s) {
    codec::Json out = codec::Json::array();
    const auto mine = s.member_payments.find(MemberId(me.id));
    if (mine == s.member_payments.end()) return out;
    const std::vector<std::string>& nos = mine->second;
    for (auto no = nos.rbegin(); no != nos.rend() && out.size() < kLatest;
         ++no) {
      const sync::PaymentOrder& o = s.payments.at(*no);
      codec::Json j = sync::PaymentOrderJson(o);
      j["mall_id"] = o.settles.value("mall_id", "");
      if (const auto p = o.settles.find("plate");
          p != o.settles.end() && p->is_object()) {
        j["plate"] = p->value("display", "");
      }
      out.push_back(std::move(j));
    }
    return out;
  });
  respond(JsonResponse(200, {{"payments", std::move(list)}}));
}

}  // namespace

void RunPayment(OpDesk& ops, PaymentDesk* payments, const Request& req,
                OpRequest op, const std::string& payer,
                const Respond& respond) {
  const codec::Json* due =
      op.payload.contains("due_fen") ? &op.payload["due_fen"] : nullptr;
  if (due == nullptr || !due->is_number_integer() || due->get<int64_t>() <= 0) {
    return RunIdempotent(ops, req, std::move(op), respond);  // nothing to pay
  }
  if (payments == nullptr) return respond(Unconfigured());
  op.type = "open_payment";
  op.payload["payer"] = payer;
  op.finish = [](sync::Operation& o) {
    o.payload["order_no"] = OrderNoOf(o.id);
  };
  op.then = [payments](const sync::OpResult& r, const Respond& answer) {
    const std::string no = r.result.value("order_no", "");
    const bool posted = payments->Post([payments, no, answer] {
      StatusOr<codec::Json> c = payments->Checkout(no, "停车费 Parking fee");
      if (!c.ok()) return answer(StatusResponse(c.status()));
      answer(JsonResponse(201, *c));
    });
    if (!posted) answer(ErrorResponse(503, "BUSY", "try again"));
  };
  RunIdempotent(ops, req, std::move(op), respond);
}

void AddPaymentRoutes(Router& r, ApiContext& ctx) {
  const Uses uses{ctx.service, ctx.ops, ctx.payments, ctx.log};
  // The provider signs its notifications (checked by the route).
  AddRoute(r, ctx.gate, "POST", "/api/v1/payments/notify", Anyone(), uses,
           Notify);
  AddRoute(r, ctx.gate, "GET", "/api/v1/me/payments/{order_no}", Members(),
           uses, OrderStatus);
  AddRoute(r, ctx.gate, "GET", "/api/v1/me/payments", Members(), uses,
           MyPayments);
  AddRoute(r, ctx.gate, "GET", "/api/v1/parking/payments/{order_no}",
           Devices({"kiosk"}), uses, OrderStatus);
}

}  // namespace atrium::server
