// The simulated provider's book of orders: what a mobile-payment API keeps
// for a merchant. Pure (time passed in), so its rules are tested alone.
//
// Contract, as the real APIs behave:
// - Create is idempotent by the merchant's order number: the same number
//   with the same amount is the same order; with another amount,
//   AlreadyExists (the APIs' ORDER_NO_USED / 订单号重复).
// - An order is paid once (NOTPAY -> SUCCESS), never after it closed or
//   expired; a closed order stays closed; a paid one cannot close
//   (FailedPrecondition: ORDERPAID).
// - An order with an agreement (a standing 免密支付 / withholding
//   contract) is charged at once: SUCCESS, or PAYERROR when the agreement
//   is declined (no balance, revoked).
// - Refunds are idempotent by refund number and never exceed what was paid.
#ifndef ATRIUM_TOOLS_PAYSIM_SIM_LEDGER_H_
#define ATRIUM_TOOLS_PAYSIM_SIM_LEDGER_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "atrium/status.h"

namespace atrium::paysim {

struct SimOrder {
  std::string no;
  int64_t amount_fen = 0;
  std::string description;
  std::string notify_url;
  std::string return_url;
  std::string agreement;
  int64_t expires = 0;           // unix seconds
  std::string state = "NOTPAY";  // SUCCESS, CLOSED, PAYERROR
  std::string transaction_id;
  int64_t paid_at = 0;
  int64_t refunded_fen = 0;
  std::map<std::string, int64_t> refunds;  // by refund number
};

class SimLedger {
 public:
  StatusOr<SimOrder> Create(SimOrder order, int64_t now);
  StatusOr<SimOrder> Pay(const std::string& no, int64_t now);
  Status Close(const std::string& no);
  // The refund's id (the provider's).
  StatusOr<std::string> Refund(const std::string& no,
                               const std::string& refund_no,
                               int64_t amount_fen);
  const SimOrder* Find(const std::string& no) const;
  void Decline(const std::string& agreement) { declined_.insert(agreement); }

 private:
  std::map<std::string, SimOrder> orders_;
  std::set<std::string> declined_;
  int64_t next_transaction_ = 4200000000;
};

}  // namespace atrium::paysim

#endif  // ATRIUM_TOOLS_PAYSIM_SIM_LEDGER_H_
