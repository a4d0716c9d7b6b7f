#include "pay/payment_desk.h"

namespace atrium::server {

using sync::PaymentStatus;

PaymentDesk::PaymentDesk(Service& service, PaymentProvider& provider,
                         PayDeskOptions options)
    : service_(service),
      provider_(provider),
      o_(options),
      sweeper_(o_.sweep_every, Periodic::First::kAfterAPeriod,
               [this] { Sweep(); }) {}

PaymentDesk::~PaymentDesk() { sweeper_.Stop(); }

void PaymentDesk::Start() { sweeper_.Start(); }

StatusOr<sync::OpResult> PaymentDesk::Run(const std::string& id,
                                          const std::string& type,
                                          codec::Json payload) {
  sync::Operation op;
  op.id = id;
  op.origin = {sync::OriginKind::kOperator, std::string(sync::kSystemOperator)};
  op.type = type;
  op.client_time = service_.Now();
  op.payload = std::move(payload);
  return service_.SubmitAndWait(std::move(op), sync::SystemSender());
}

std::optional<codec::Json> PaymentDesk::OrderJson(
    const std::string& order_no) const {
  return service_.ReadState(
      [&](const sync::GroupState& s) -> std::optional<codec::Json> {
        const auto it = s.payments.find(order_no);
        if (it == s.payments.end()) return std::nullopt;
        codec::Json j = sync::PaymentOrderJson(it->second);
        j["points"] = it->second.settles.value("points", int64_t{0});
        // What a paid stay answers: leave by then.
        if (it->second.status == PaymentStatus::kPaid) {
          const auto& settles = it->second.settles;
          const auto lot = s.parking.find(MallId(settles.value("mall_id", "")));
          if (lot != s.parking.end()) {
            j["exit_by"] = FormatIso8601(it->second.opened.PlusSeconds(
                int64_t{lot->second.policy().exit_grace_minutes} * 60));
          }
        }
        return j;
      });
}

StatusOr<codec::Json> PaymentDesk::Checkout(const std::string& order_no,
                                            const std::string& description,
                                            const std::string& agreement) {
  std::optional<sync::PaymentOrder> order = service_.ReadState(
      [&](const sync::GroupState& s) -> std::optional<sync::PaymentOrder> {
        const auto it = s.payments.find(order_no);
        if (it == s.payments.end()) return std::nullopt;
        return it->second;
      });
  if (!order) return NotFound("no such payment order");
  std::optional<codec::Json> j = OrderJson(order_no);
  if (order->status != PaymentStatus::kOpen) return *j;
  StatusOr<server::Checkout> c = provider_.Create(
      {order_no, order->amount, description, order->expires, agreement});
  if (!c.ok()) return c.status();
  (*j)["pay_url"] = c->pay_url;
  (*j)["code_url"] = c->code_url;
  return *j;
}

Status PaymentDesk::AutoPay(const codec::Json& open_payment,
                            const std::string& agreement) {
  const std::string no = open_payment.value("order_no", "");
  StatusOr<sync::OpResult> opened =
      Run("pay-open-" + no, "open_payment", open_payment);
  if (!opened.ok()) return opened.status();
  if (!opened->applied) return opened->error;
  StatusOr<codec::Json> c = Checkout(no, "停车费 Parking fee", agreement);
  if (!c.ok()) return c.status();
  // Charged at once, or declined; the notification may come later.
  StatusOr<ProviderOrder> o = provider_.Query(no);
  if (!o.ok()) return o.status();
  if (o->state != "SUCCESS") {
    return FailedPrecondition("the automatic payment was declined");
  }
  StatusOr<sync::OpResult> confirmed = Confirm(*o);
  if (!confirmed.ok()) return confirmed.status();
  return confirmed->applied ? Status::Ok() : confirmed->error;
}

StatusOr<sync::OpResult> PaymentDesk::Confirm(const ProviderOrder& o) {
  if (o.state != "SUCCESS") {
    return FailedPrecondition("the provider has not taken the money");
  }
  return Run("pay-confirm-" + o.order_no, "confirm_payment",
             {{"order_no", o.order_no},
              {"transaction_id", o.transaction_id},
              {"amount_fen", o.amount.fen()},
              {"paid_at", FormatIso8601(o.paid_at)}});
}

void PaymentDesk::Sweep() {
  struct Due {
    std::string no;
    PaymentStatus status;
    Timestamp opened, expires;
    Money amount;
  };
  const Timestamp now = service_.Now();
  const std::vector<Due> due =
      service_.ReadState([&](const sync::GroupState& s) {
        std::vector<Due> out;
        for (const auto& [no, o] : s.payments) {
          const bool waits =
              o.status == PaymentStatus::kOpen &&
              now >= o.opened.PlusSeconds(o_.query_after_seconds);
          if (waits || o.status == PaymentStatus::kRefundDue) {
            out.push_back({no, o.status, o.opened, o.expires, o.amount});
          }
        }
        return out;
      });
  for (const Due& d : due) {
    if (d.status == PaymentStatus::kRefundDue) {
      const std::string refund_no = "RF" + d.no.substr(2);
      if (provider_.Refund(d.no, refund_no, d.amount).ok()) {
        (void)Run("pay-refund-" + d.no, "refund_payment",
                  {{"order_no", d.no}, {"refund_no", refund_no}});
      }
      continue;
    }
    // No word yet: ask. Paid, it is confirmed; expired, closed (unless the
    // provider took the money meanwhile: then it is paid).
    StatusOr<ProviderOrder> o = provider_.Query(d.no);
    if (o.ok() && o->state == "SUCCESS") {
      (void)Confirm(*o);
      continue;
    }
    if (now < d.expires ||
        (!o.ok() && o.status().code() != StatusCode::kNotFound)) {
      continue;
    }
    const Status closed = provider_.Close(d.no);
    if (closed.code() == StatusCode::kFailedPrecondition) {
      if (StatusOr<ProviderOrder> paid = provider_.Query(d.no); paid.ok()) {
        (void)Confirm(*paid);
      }
      continue;
    }
    if (closed.ok() || closed.code() == StatusCode::kNotFound) {
      (void)Run("pay-close-" + d.no, "close_payment", {{"order_no", d.no}});
    }
  }
}

}  // namespace atrium::server
