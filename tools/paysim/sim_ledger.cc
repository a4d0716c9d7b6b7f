#include "sim_ledger.h"

namespace atrium::paysim {

StatusOr<SimOrder> SimLedger::Create(SimOrder order, int64_t now) {
  if (order.no.empty() || order.no.size() > 32 || order.amount_fen <= 0 ||
      order.expires <= now) {
    return InvalidArgument(
        "PARAM_ERROR: out_trade_no (1-32), amount_fen > 0, time_expire ahead");
  }
  if (const SimOrder* seen = Find(order.no)) {
    if (seen->amount_fen != order.amount_fen) {
      return AlreadyExists("ORDER_NO_USED: another order has this number");
    }
    return *seen;
  }
  const std::string no = order.no;
  const bool withhold = !order.agreement.empty();
  orders_.emplace(no, std::move(order));
  if (!withhold) return orders_.at(no);
  if (declined_.contains(orders_.at(no).agreement)) {
    orders_.at(no).state = "PAYERROR";
    return orders_.at(no);
  }
  return Pay(no, now);
}

StatusOr<SimOrder> SimLedger::Pay(const std::string& no, int64_t now) {
  const auto it = orders_.find(no);
  if (it == orders_.end()) return NotFound("ORDER_NOT_EXIST");
  SimOrder& o = it->second;
  if (o.state == "SUCCESS") return o;
  if (o.state != "NOTPAY" || now >= o.expires) {
    return FailedPrecondition("ORDER_CLOSED: this order can no longer be paid");
  }
  o.state = "SUCCESS";
  o.transaction_id = std::to_string(next_transaction_++);
  o.paid_at = now;
  return o;
}

Status SimLedger::Close(const std::string& no) {
  const auto it = orders_.find(no);
  if (it == orders_.end()) return NotFound("ORDER_NOT_EXIST");
  if (it->second.state == "SUCCESS") {
    return FailedPrecondition("ORDERPAID: the order is paid");
  }
  it->second.state = "CLOSED";
  return Status::Ok();
}

StatusOr<std::string> SimLedger::Refund(const std::string& no,
                                        const std::string& refund_no,
                                        int64_t amount_fen) {
  const auto it = orders_.find(no);
  if (it == orders_.end()) return NotFound("ORDER_NOT_EXIST");
  SimOrder& o = it->second;
  if (const auto seen = o.refunds.find(refund_no); seen != o.refunds.end()) {
    if (seen->second != amount_fen) {
      return AlreadyExists("REFUND_NO_USED: another refund has this number");
    }
    return "R" + o.transaction_id + "-" + refund_no;
  }
  if (o.state != "SUCCESS" || amount_fen <= 0 ||
      o.refunded_fen + amount_fen > o.amount_fen) {
    return FailedPrecondition("REFUND_NOT_ALLOWED: more than was paid");
  }
  o.refunds.emplace(refund_no, amount_fen);
  o.refunded_fen += amount_fen;
  return "R" + o.transaction_id + "-" + refund_no;
}

const SimOrder* SimLedger::Find(const std::string& no) const {
  const auto it = orders_.find(no);
  return it == orders_.end() ? nullptr : &it->second;
}

}  // namespace atrium::paysim
