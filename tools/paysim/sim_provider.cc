#include "sim_provider.h"

#include "atrium/auth/pay_signature.h"
#include "atrium/codec/json_reader.h"

namespace atrium::paysim {
namespace {

using net::Request;
using net::Response;

Response Json(int status, const codec::Json& j) {
  Response r;
  r.status = status;
  r.body = j.dump();
  return r;
}

Response Error(int status, const Status& s) {
  const std::string& m = s.message();
  const size_t colon = m.find(':');
  return Json(status,
              {{"code", colon == std::string::npos ? std::string("PARAM_ERROR")
                                                   : m.substr(0, colon)},
               {"message", m}});
}

codec::Json OrderJson(const SimOrder& o) {
  codec::Json j = {{"out_trade_no", o.no},
                   {"trade_state", o.state},
                   {"amount_fen", o.amount_fen}};
  if (!o.transaction_id.empty()) {
    j["transaction_id"] = o.transaction_id;
    j["success_time"] = o.paid_at;
  }
  return j;
}

std::string Escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Yuan(int64_t fen) {
  std::string cents = std::to_string(fen % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return std::to_string(fen / 100) + "." + cents;
}

// The order number after `prefix` in `path`, up to the next '/'.
std::string NoAfter(const std::string& path, std::string_view prefix) {
  const std::string rest = path.substr(prefix.size());
  return rest.substr(0, rest.find('/'));
}

}  // namespace

SimProvider::SimProvider(std::string key, std::string public_url,
                         std::function<int64_t()> clock)
    : key_(key),
      public_url_(std::move(public_url)),
      clock_(clock),
      notifier_(std::move(key), std::move(clock)) {}

void SimProvider::Handle(const Request& req, const net::Respond& respond) {
  const std::string path = req.Path();
  if (path.starts_with("/v3/")) {
    Status signed_ok = auth::VerifyPayMessage(
        key_, req.Header(std::string(auth::kPaySignatureHeader)), req.method,
        req.target, req.body, clock_());
    if (!signed_ok.ok()) {
      return respond(Error(401, Status(StatusCode::kPermissionDenied,
                                       "SIGN_ERROR: " + signed_ok.message())));
    }
  }
  constexpr std::string_view kOrders = "/v3/pay/transactions/";
  if (req.method == "POST" && path == "/v3/pay/transactions") {
    return respond(CreateOrder(req));
  }
  if (path.starts_with(kOrders)) {
    const std::string no = NoAfter(path, kOrders);
    if (req.method == "GET" && path == std::string(kOrders) + no) {
      return respond(QueryOrder(no));
    }
    if (req.method == "POST" && path.ends_with("/close")) {
      return respond(CloseOrder(no));
    }
  }
  if (req.method == "POST" && path == "/v3/refund/domestic/refunds") {
    return respond(RefundOrder(req));
  }
  if (req.method == "GET" && path.starts_with("/h5/")) {
    return respond(CashierPage(NoAfter(path, "/h5/")));
  }
  if (req.method == "POST" && path.starts_with("/h5/") &&
      path.ends_with("/pay")) {
    return respond(PayByPage(NoAfter(path, "/h5/"), true));
  }
  if (req.method == "POST" && path.starts_with("/sim/pay/")) {
    return respond(PayByPage(NoAfter(path, "/sim/pay/"), false));
  }
  if (req.method == "POST" && path == "/sim/faults") {
    return respond(SetFaults(req));
  }
  if (req.method == "POST" && path.starts_with("/sim/agreements/") &&
      path.ends_with("/decline")) {
    std::lock_guard lock(mu_);
    ledger_.Decline(NoAfter(path, "/sim/agreements/"));
    return respond(Json(200, {{"declined", true}}));
  }
  respond(Json(404, {{"code", "NOT_FOUND"}, {"message", "no such route"}}));
}

Response SimProvider::CreateOrder(const Request& req) {
  StatusOr<codec::Json> body = codec::ParseJson(req.body);
  if (!body.ok()) return Error(400, body.status());
  codec::JsonReader r(*body, "body");
  SimOrder o;
  o.no = r.Str("out_trade_no");
  o.amount_fen = r.Int("amount_fen", 1, int64_t{1} << 40);
  o.description = r.OptStr("description");
  o.notify_url = r.Str("notify_url");
  o.return_url = r.OptStr("return_url");
  o.expires = r.Int("time_expire", 0, int64_t{1} << 40);
  o.agreement = r.OptStr("agreement");
  r.Finish();
  if (!r.ok()) {
    return Error(400, InvalidArgument("PARAM_ERROR: " + r.status().message()));
  }
  std::lock_guard lock(mu_);
  StatusOr<SimOrder> made = ledger_.Create(std::move(o), clock_());
  if (!made.ok()) return Error(400, made.status());
  if (!made->agreement.empty()) Notify(*made);
  codec::Json j = OrderJson(*made);
  j["h5_url"] = public_url_ + "/h5/" + made->no;
  j["code_url"] = j["h5_url"];
  return Json(200, j);
}

Response SimProvider::QueryOrder(const std::string& no) {
  std::lock_guard lock(mu_);
  const SimOrder* o = ledger_.Find(no);
  if (o == nullptr) return Error(404, NotFound("ORDER_NOT_EXIST: no order"));
  return Json(200, OrderJson(*o));
}

Response SimProvider::CloseOrder(const std::string& no) {
  std::lock_guard lock(mu_);
  Status closed = ledger_.Close(no);
  if (!closed.ok()) {
    return Error(closed.code() == StatusCode::kNotFound ? 404 : 400, closed);
  }
  Response r;
  r.status = 204;
  return r;
}

Response SimProvider::RefundOrder(const Request& req) {
  StatusOr<codec::Json> body = codec::ParseJson(req.body);
  if (!body.ok()) return Error(400, body.status());
  codec::JsonReader r(*body, "body");
  const std::string no = r.Str("out_trade_no");
  const std::string refund_no = r.Str("out_refund_no");
  const int64_t amount = r.Int("amount_fen", 1, int64_t{1} << 40);
  r.Finish();
  if (!r.ok()) {
    return Error(400, InvalidArgument("PARAM_ERROR: " + r.status().message()));
  }
  std::lock_guard lock(mu_);
  StatusOr<std::string> id = ledger_.Refund(no, refund_no, amount);
  if (!id.ok()) return Error(400, id.status());
  return Json(200, {{"refund_id", *id}, {"status", "SUCCESS"}});
}

Response SimProvider::CashierPage(const std::string& no) {
  std::lock_guard lock(mu_);
  const SimOrder* o = ledger_.Find(no);
  Response r;
  r.content_type = "text/html; charset=utf-8";
  if (o == nullptr) {
    r.status = 404;
    r.body = "<p>订单不存在 / No such order</p>";
    return r;
  }
  const bool open = o->state == "NOTPAY" && clock_() < o->expires;
  r.body =
      "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width\">"
      "<link rel=\"icon\" href=\"data:,\">"  // no favicon request
      "<title>收银台 Cashier (simulator)</title>"
      "<body style=\"font-family:sans-serif;text-align:center;padding:2em\">"
      "<p>支付模拟器 · Payment simulator</p><h2>" +
      Escape(o->description) +
      "</h2><p id=\"amount\" style=\"font-size:2em\">¥" + Yuan(o->amount_fen) +
      "</p>" +
      (open ? "<form method=\"post\" action=\"/h5/" + Escape(no) +
                  "/pay\"><button id=\"pay\" style=\"font-size:1.4em;padding:"
                  ".6em 3em\">确认支付 Pay</button></form>"
            : "<p id=\"state\">" +
                  std::string(o->state == "SUCCESS"
                                  ? "已支付 · Paid"
                                  : "订单已关闭，请返回重新下单 · This order "
                                    "is closed: go back and pay again") +
                  "</p>") +
      (o->return_url.empty() ? ""
                             : "<p><a href=\"" + Escape(o->return_url) +
                                   "\">返回商户 · Back to the mall</a></p>") +
      "</body></html>";
  return r;
}

Response SimProvider::PayByPage(const std::string& no, bool redirect) {
  std::lock_guard lock(mu_);
  StatusOr<SimOrder> paid = ledger_.Pay(no, clock_());
  if (!paid.ok()) {
    if (!redirect) return Error(400, paid.status());
    return CashierPage(no);
  }
  Notify(*paid);
  if (!redirect || paid->return_url.empty()) return Json(200, OrderJson(*paid));
  Response r;
  r.status = 303;
  r.headers.emplace_back("Location", paid->return_url);
  return r;
}

Response SimProvider::SetFaults(const Request& req) {
  StatusOr<codec::Json> body = codec::ParseJson(req.body);
  if (!body.ok()) return Error(400, body.status());
  codec::JsonReader r(*body, "body");
  static constexpr std::array<std::pair<std::string_view, NotifyFault>, 4>
      kFaults = {{{"none", NotifyFault::kNone},
                  {"drop", NotifyFault::kDrop},
                  {"duplicate", NotifyFault::kDuplicate},
                  {"delay", NotifyFault::kDelay}}};
  const NotifyFault fault =
      codec::ReadEnum(r, "notify", kFaults, NotifyFault::kNone);
  const int64_t delay = r.OptInt("delay_ms", 0, 0, 600'000);
  r.Finish();
  if (!r.ok()) return Error(400, r.status());
  notifier_.SetFault(fault, std::chrono::milliseconds(delay));
  return Json(200, {{"notify", body->value("notify", "none")}});
}

void SimProvider::Notify(const SimOrder& o) {
  notifier_.Send(o.notify_url, OrderJson(o).dump());
}

}  // namespace atrium::paysim
