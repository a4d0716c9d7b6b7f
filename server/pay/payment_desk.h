// PaymentDesk: the server's side of payment orders (payment_order.h). It
// asks the provider for a checkout once an order is open, turns the
// provider's signed word into confirm_payment, and sweeps: an open order
// not confirmed within `query_after` is queried (a notification may never
// come), an expired one is closed at the provider and then here, and
// money that came for what is gone is refunded.
//
// Contract:
// - Provider calls block, so they run on the desk's own threads (Post):
//   the HTTP threads never wait for the provider.
// - Every change is an operation of the server's own (origin
//   operator:atrium) keyed by (step, order number): a notification that
//   comes twice, or races a query, confirms once.
// - Sweep() is one pass, callable directly (tests); Start() runs it every
//   `sweep_every` on a thread until the desk is destroyed.
#ifndef ATRIUM_SERVER_PAY_PAYMENT_DESK_H_
#define ATRIUM_SERVER_PAY_PAYMENT_DESK_H_

#include <chrono>

#include "app/periodic.h"
#include "app/service.h"
#include "app/slow_work.h"
#include "pay/payment_provider.h"

namespace atrium::server {

struct PayDeskOptions {
  int64_t query_after_seconds = 10;
  std::chrono::milliseconds sweep_every{1000};
};

class PaymentDesk {
 public:
  PaymentDesk(Service& service, PaymentProvider& provider,
              PayDeskOptions options = {});
  ~PaymentDesk();
  PaymentDesk(const PaymentDesk&) = delete;
  PaymentDesk& operator=(const PaymentDesk&) = delete;

  void Start();
  // Runs `task` on the desk's threads; false when too many wait (busy).
  bool Post(std::function<void()> task) { return calls_.Post(std::move(task)); }
  PaymentProvider& provider() { return provider_; }

  // The order as its payer sees it, with the provider's checkout (pay_url,
  // code_url) while it is open. Blocks on the provider.
  StatusOr<codec::Json> Checkout(const std::string& order_no,
                                 const std::string& description,
                                 const std::string& agreement = "");
  // Sensorless exit: opens the order `open_payment` describes (payer
  // auto_pay), charges the member's withholding `agreement` at the
  // provider and confirms it once the provider says it is paid. Ok when
  // the stay is paid; otherwise why not (declined, the quote changed).
  // Blocks on the provider and the service.
  Status AutoPay(const codec::Json& open_payment, const std::string& agreement);
  // The provider's word of an order (a notification or a query): confirms
  // a paid order. Blocks on the service.
  StatusOr<sync::OpResult> Confirm(const ProviderOrder& o);
  void Sweep();

  // The order as the payer sees it, if the state holds it.
  std::optional<codec::Json> OrderJson(const std::string& order_no) const;

 private:
  StatusOr<sync::OpResult> Run(const std::string& id, const std::string& type,
                               codec::Json payload);

  Service& service_;
  PaymentProvider& provider_;
  PayDeskOptions o_;
  SlowWork calls_{4, 256};
  Periodic sweeper_;  // last: stops first
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_PAY_PAYMENT_DESK_H_
