// Payment orders (payment_order.h): a parking fee opened with its quote,
// settled only by the provider's confirmation, closed when unpaid, and
// refunded when the money came for what is no longer there to pay.
#include <array>
#include <span>

#include "apply_internal.h"
#include "atrium/sync/payment_order.h"
#include "registry.h"

namespace atrium::sync {

std::string_view PaymentStatusName(PaymentStatus s) {
  switch (s) {
    case PaymentStatus::kOpen: return "open";
    case PaymentStatus::kPaid: return "paid";
    case PaymentStatus::kClosed: return "closed";
    case PaymentStatus::kRefundDue: return "refund_due";
    case PaymentStatus::kRefunded: return "refunded";
  }
  return "unknown";
}

std::string_view PayerName(Payer p) {
  switch (p) {
    case Payer::kMember: return "member";
    case Payer::kKiosk: return "kiosk";
    case Payer::kAutoPay: return "auto_pay";
  }
  return "unknown";
}

bool IsOrderNo(std::string_view text) {
  if (text.size() < 6 || text.size() > kMaxOrderNoLength) return false;
  for (const char c : text) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                    (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

codec::Json PaymentOrderJson(const PaymentOrder& o) {
  codec::Json j = {{"order_no", o.order_no},
                   {"status", PaymentStatusName(o.status)},
                   {"amount_fen", o.amount.fen()},
                   {"payer", PayerName(o.payer)},
                   {"opened_at", FormatIso8601(o.opened)},
                   {"expires_at", FormatIso8601(o.expires)}};
  if (!o.transaction.empty()) {
    j["transaction_id"] = o.transaction;
    j["paid_at"] = FormatIso8601(o.paid_at);
  }
  if (!o.refund_reason.empty()) j["refund_reason"] = o.refund_reason;
  return j;
}

namespace internal {
namespace {

constexpr std::array<std::pair<std::string_view, Payer>, 3> kPayers = {
    {{"member", Payer::kMember},
     {"kiosk", Payer::kKiosk},
     {"auto_pay", Payer::kAutoPay}}};

StatusOr<PaymentOrder*> OrderOf(GroupState& state, const std::string& no) {
  const auto it = state.payments.find(no);
  if (it == state.payments.end()) return NotFound("no such payment order");
  return &it->second;
}

Effects OrderEffects(const PaymentOrder& o) {
  Effects fx;
  if (const auto it = o.settles.find("member_id");
      it != o.settles.end() && it->is_string()) {
    fx.member = MemberId(it->get<std::string>());
  }
  fx.result = PaymentOrderJson(o);
  return fx;
}

// The park_pay an order settles, as its opener's operation under `id`.
Operation Settlement(const Origin& opener, const codec::Json& settles,
                     const std::string& id) {
  Operation pay;
  pay.id = id;
  pay.origin = opener;
  pay.type = "park_pay";
  pay.payload = settles;
  return pay;
}

}  // namespace

StatusOr<Effects> OpenPayment(GroupState& state, const Operation& op,
                              Timestamp now) {
  codec::JsonReader r(op.payload, "payload");
  const std::string order_no = r.Str("order_no");
  const Payer payer = codec::ReadEnum(r, "payer", kPayers, Payer::kMember);
  codec::Json settles = op.payload;
  settles.erase("order_no");
  settles.erase("payer");
  for (const char* key :
       {"mall_id", "plate", "member_id", "due_fen", "points", "coupon_id"}) {
    r.Raw(key, false);  // ParkPayAt reads them
  }
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  if (!IsOrderNo(order_no)) {
    return InvalidArgument(
        "payload.order_no: 6 to 32 letters, digits, '-' or '_'");
  }
  if (state.payments.contains(order_no)) {
    return AlreadyExists("a payment order has this number");
  }
  // What it will settle must pay now, as quoted, and cost something:
  // a free stay is paid by a park_pay of 0.
  StatusOr<Effects> would = ParkPayAt(
      state, Settlement(op.origin, settles, op.id), now, now, /*dry_run=*/true);
  if (!would.ok()) return would.status();
  const Money amount = Money::Fen(settles.value("due_fen", int64_t{0}));
  if (amount <= Money()) {
    return InvalidArgument("payload.due_fen: a payment order takes money");
  }
  PaymentOrder& o = state.payments[order_no];
  o.order_no = order_no;
  o.payer = payer;
  o.origin = op.origin;
  o.settles = std::move(settles);
  o.amount = amount;
  o.opened = now;
  o.expires = now.PlusSeconds(kPaymentOrderSeconds);
  if (const auto m = o.settles.find("member_id");
      m != o.settles.end() && m->is_string()) {
    state.member_payments[MemberId(m->get<std::string>())].push_back(order_no);
  }
  return OrderEffects(o);
}

StatusOr<Effects> ConfirmPayment(GroupState& state, const Operation& op,
                                 Timestamp now) {
  codec::JsonReader r(op.payload, "payload");
  const std::string order_no = r.Str("order_no");
  const std::string transaction = r.Str("transaction_id");
  const Money amount = r.Fen("amount_fen", Money::Fen(1));
  const Timestamp paid_at = r.Time("paid_at");
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<PaymentOrder*> o = OrderOf(state, order_no);
  if (!o.ok()) return o.status();
  PaymentOrder& order = **o;
  if (amount != order.amount) {
    return InvalidArgument("payload.amount_fen: not the order's amount");
  }
  if (order.status != PaymentStatus::kOpen &&
      order.status != PaymentStatus::kClosed) {
    return FailedPrecondition("the order was confirmed before");
  }
  order.transaction = transaction;
  order.paid_at = paid_at;
  if (order.status == PaymentStatus::kClosed) {
    order.status = PaymentStatus::kRefundDue;
    order.refund_reason = "closed";
    return OrderEffects(order);
  }
  // The stay as quoted when the order opened: the shopper paid that fee.
  StatusOr<Effects> paid =
      ParkPayAt(state, Settlement(order.origin, order.settles, op.id),
                order.opened, now, false);
  if (!paid.ok()) {
    order.status = PaymentStatus::kRefundDue;
    order.refund_reason = paid.status().message();
    return OrderEffects(order);
  }
  order.status = PaymentStatus::kPaid;
  Effects fx = std::move(*paid);
  const codec::Json stay = std::move(fx.result);
  fx.result = PaymentOrderJson(order);
  for (const char* key : {"session_id", "exit_by", "points", "coupon_id"}) {
    if (stay.contains(key)) fx.result[key] = stay[key];
  }
  return fx;
}

StatusOr<Effects> ClosePayment(GroupState& state, const Operation& op,
                               Timestamp now) {
  codec::JsonReader r(op.payload, "payload");
  const std::string order_no = r.Str("order_no");
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<PaymentOrder*> o = OrderOf(state, order_no);
  if (!o.ok()) return o.status();
  if ((*o)->status != PaymentStatus::kOpen) {
    return FailedPrecondition("only an open order closes");
  }
  if (now < (*o)->expires)
    return FailedPrecondition("the order has not expired");
  (*o)->status = PaymentStatus::kClosed;
  return OrderEffects(**o);
}

StatusOr<Effects> RefundPayment(GroupState& state, const Operation& op) {
  codec::JsonReader r(op.payload, "payload");
  const std::string order_no = r.Str("order_no");
  const std::string refund_no = r.Str("refund_no");
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<PaymentOrder*> o = OrderOf(state, order_no);
  if (!o.ok()) return o.status();
  if ((*o)->status != PaymentStatus::kRefundDue) {
    return FailedPrecondition("only an order due a refund is refunded");
  }
  (*o)->status = PaymentStatus::kRefunded;
  (*o)->refund_no = refund_no;
  return OrderEffects(**o);
}

}  // namespace internal
// The operation types of payment orders with the provider: their entries in the
// registry (registry.h), beside their handlers.
std::span<const OpPolicy> registry::PaymentOps() {
  static constexpr std::array<OpPolicy, 4> kOps = {{
      {"open_payment", Senders({K::kMember, K::kKiosk, K::kSystem}), 0,
       CheckParkPay, internal::OpenPayment},
      {"confirm_payment", Senders({K::kSystem}), 0, nullptr,
       internal::ConfirmPayment},
      {"close_payment", Senders({K::kSystem}), 0, nullptr,
       internal::ClosePayment},
      {"refund_payment", Senders({K::kSystem}), 0, nullptr,
       NoClock<internal::RefundPayment>},
  }};
  return kOps;
}

}  // namespace atrium::sync
