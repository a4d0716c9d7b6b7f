#include "net/http_parking_desk.h"

#include <random>

#include "atrium/codec/parking_json.h"
#include "net/member_summary.h"

namespace atrium::kiosk {
namespace {

// The server answered, but not with what it promised.
Status Garbled(const Status& s) {
  return Status(StatusCode::kInternal, "the server's answer: " + s.message());
}

}  // namespace

StatusOr<ParkingQuote> HttpParkingDesk::Quote(const Plate& plate,
                                              const MemberId* member,
                                              int64_t points) {
  codec::Json body = {{"plate", plate.text()}};
  if (member != nullptr) {
    body["member_id"] = member->value();
    if (points > 0) body["points"] = points;
  }
  StatusOr<codec::Json> answer = link_.Post("/api/v1/parking/quotes", body);
  if (!answer.ok()) return answer.status();
  StatusOr<ParkingQuote> q = codec::QuoteFromJson(*answer);
  if (!q.ok()) return Garbled(q.status());
  return q;
}

StatusOr<KioskMember> HttpParkingDesk::SignIn(std::string_view member_code) {
  StatusOr<codec::Json> answer =
      link_.Post("/api/v1/kiosk/sign-in", {{"code", std::string(member_code)}});
  if (!answer.ok()) return answer.status();
  StatusOr<KioskMember> m = KioskMemberFromSummary(*answer);
  if (!m.ok()) return Garbled(m.status());
  return m;
}

StatusOr<std::string> HttpParkingDesk::FindCar(const Plate& plate) {
  StatusOr<codec::Json> answer =
      link_.Post("/api/v1/parking/cars", {{"plate", plate.text()}});
  if (!answer.ok()) return answer.status();
  codec::JsonReader r(*answer, "car");
  std::string bay = r.Str("bay");
  if (!r.ok()) return Garbled(r.status());
  return bay;
}

namespace {

// The body and key of paying `quote`.
std::pair<codec::Json, std::string> PayRequest(const Plate& plate,
                                               const ParkingQuote& quote) {
  codec::Json body = {{"plate", plate.text()}, {"due_fen", quote.due.fen()}};
  if (quote.member) body["member_id"] = quote.member->value();
  if (quote.use.points > 0) body["points"] = quote.use.points;
  if (!quote.use.coupons.empty()) {
    body["coupon_id"] = quote.use.coupons.front().value();
  }
  return {body, "park:" + quote.session + ":" +
                    std::to_string(quote.paid_before.fen()) + ":" +
                    std::to_string(quote.due.fen())};
}

}  // namespace

StatusOr<ParkingReceipt> HttpParkingDesk::Pay(const Plate& plate,
                                              const ParkingQuote& quote) {
  const auto [body, key] = PayRequest(plate, quote);
  StatusOr<codec::Json> answer =
      link_.Post("/api/v1/parking/payments", body, key);
  if (!answer.ok()) return answer.status();
  codec::JsonReader r(*answer, "payment");
  ParkingReceipt receipt;
  receipt.paid = r.Fen("paid_fen");
  receipt.points = r.OptInt("points", 0, 0, INT64_MAX);
  receipt.session = r.OptStr("session_id");
  receipt.exit_by = r.Time("exit_by");
  if (!r.ok()) return Garbled(r.status());
  return receipt;
}

StatusOr<PendingPayment> HttpParkingDesk::OpenPayment(
    const Plate& plate, const ParkingQuote& quote) {
  const auto [body, key] = PayRequest(plate, quote);
  StatusOr<codec::Json> answer =
      link_.Post("/api/v1/parking/payments", body, key);
  if (!answer.ok()) return answer.status();
  codec::JsonReader r(*answer, "payment");
  PendingPayment p;
  p.order_no = r.Str("order_no");
  p.code_url = r.OptStr("code_url");
  p.amount = r.Fen("amount_fen");
  if (!r.ok()) return Garbled(r.status());
  if (p.code_url.empty()) {
    return FailedPrecondition("the payment closed before it was paid");
  }
  return p;
}

StatusOr<std::optional<ParkingReceipt>> HttpParkingDesk::PaymentStatus(
    const std::string& order_no) {
  StatusOr<codec::Json> answer =
      link_.Get("/api/v1/parking/payments/" + order_no);
  if (!answer.ok()) return answer.status();
  codec::JsonReader r(*answer, "payment");
  const std::string status = r.Str("status");
  if (!r.ok()) return Garbled(r.status());
  if (status == "open") return std::optional<ParkingReceipt>();
  if (status != "paid") {
    return FailedPrecondition("the payment closed before it was paid");
  }
  ParkingReceipt receipt;
  receipt.paid = r.Fen("amount_fen");
  receipt.points = r.OptInt("points", 0, 0, INT64_MAX);
  receipt.exit_by = r.Time("exit_by");
  if (!r.ok()) return Garbled(r.status());
  return std::optional<ParkingReceipt>(std::move(receipt));
}

Status HttpParkingDesk::ProvePlate(const Plate& plate, const MemberId& member,
                                   std::string_view ticket) {
  // Keyed by the member and a random nonce, never by the plate or the
  // ticket (the server keeps its keys); a count would repeat after a
  // restart and replay another plate's answer.
  std::random_device random;
  const std::string key = "prove:" + member.value() + ":" +
                          std::to_string(random()) + std::to_string(random());
  return link_
      .Post("/api/v1/kiosk/plates",
            {{"member_id", member.value()},
             {"plate", plate.text()},
             {"ticket", std::string(ticket)}},
            key)
      .status();
}

}  // namespace atrium::kiosk
