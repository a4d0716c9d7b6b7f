#include "pay/http_provider.h"

#include "atrium/auth/pay_signature.h"
#include "atrium/codec/json_reader.h"

namespace atrium::server {
namespace {

StatusOr<ProviderOrder> OrderFrom(const std::string& body) {
  StatusOr<codec::Json> j = codec::ParseJson(body);
  if (!j.ok()) return Unavailable("the payment provider's answer is not JSON");
  codec::JsonReader r(*j, "provider");
  ProviderOrder o;
  o.order_no = r.Str("out_trade_no");
  o.state = r.Str("trade_state");
  o.amount = Money::Fen(r.Int("amount_fen", 0, int64_t{1} << 40));
  o.transaction_id = r.OptStr("transaction_id");
  o.paid_at = Timestamp::FromUnixSeconds(
      r.OptInt("success_time", 0, 0, int64_t{1} << 40));
  for (const char* extra : {"h5_url", "code_url"}) r.Raw(extra, false);
  r.Finish();
  if (!r.ok()) {
    return Unavailable("the payment provider's answer is malformed: " +
                       r.status().message());
  }
  return o;
}

}  // namespace

StatusOr<Response> HttpProvider::Call(const std::string& method,
                                      const std::string& target,
                                      const std::string& body) {
  Request req;
  req.method = method;
  req.target = target;
  req.body = body;
  req.headers = {{"content-type", "application/json"},
                 {std::string(auth::kPaySignatureHeader),
                  auth::SignPayMessage(o_.key, clock_().unix_seconds(), method,
                                       target, body)}};
  StatusOr<Response> res = net::HttpFetch(o_.endpoint, req);
  if (!res.ok()) return res.status();
  if (res->status >= 500) {
    return Unavailable("the payment provider failed (" +
                       std::to_string(res->status) + ")");
  }
  if (res->status >= 400) {
    StatusOr<codec::Json> j = codec::ParseJson(res->body);
    const std::string code =
        j.ok() && j->is_object() ? j->value("code", "") : "";
    const std::string message = "the payment provider refused: " + code;
    if (res->status == 404) return NotFound(message);
    if (code == "ORDERPAID" || code == "ORDER_CLOSED" ||
        code == "REFUND_NOT_ALLOWED") {
      return FailedPrecondition(message);
    }
    if (code == "ORDER_NO_USED" || code == "REFUND_NO_USED") {
      return AlreadyExists(message);
    }
    return Status(StatusCode::kInternal, message);
  }
  return res;
}

StatusOr<Checkout> HttpProvider::Create(const PaymentRequest& request) {
  codec::Json body = {{"out_trade_no", request.order_no},
                      {"amount_fen", request.amount.fen()},
                      {"description", request.description},
                      {"notify_url", o_.notify_url},
                      {"time_expire", request.expires.unix_seconds()}};
  if (!o_.return_url.empty()) body["return_url"] = o_.return_url;
  if (!request.agreement.empty()) body["agreement"] = request.agreement;
  StatusOr<Response> res = Call("POST", "/v3/pay/transactions", body.dump());
  if (!res.ok()) return res.status();
  StatusOr<codec::Json> j = codec::ParseJson(res->body);
  if (!j.ok() || !j->is_object()) {
    return Unavailable("the payment provider's answer is not JSON");
  }
  return Checkout{j->value("h5_url", ""), j->value("code_url", "")};
}

StatusOr<ProviderOrder> HttpProvider::Query(const std::string& order_no) {
  StatusOr<Response> res = Call("GET", "/v3/pay/transactions/" + order_no, "");
  if (!res.ok()) return res.status();
  return OrderFrom(res->body);
}

Status HttpProvider::Close(const std::string& order_no) {
  return Call("POST", "/v3/pay/transactions/" + order_no + "/close", "")
      .status();
}

Status HttpProvider::Refund(const std::string& order_no,
                            const std::string& refund_no, Money amount) {
  const codec::Json body = {{"out_trade_no", order_no},
                            {"out_refund_no", refund_no},
                            {"amount_fen", amount.fen()}};
  return Call("POST", "/v3/refund/domestic/refunds", body.dump()).status();
}

StatusOr<ProviderOrder> HttpProvider::ReadNotification(const Request& req,
                                                       Timestamp now) {
  ATRIUM_RETURN_IF_ERROR(auth::VerifyPayMessage(
      o_.key, req.Header(std::string(auth::kPaySignatureHeader)), req.method,
      req.target, req.body, now.unix_seconds()));
  StatusOr<ProviderOrder> o = OrderFrom(req.body);
  if (!o.ok()) return InvalidArgument(o.status().message());
  return o;
}

}  // namespace atrium::server
