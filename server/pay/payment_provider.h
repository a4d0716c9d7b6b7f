// PaymentProvider: a mobile-payment API as the server uses it (WeChat Pay,
// Alipay, UnionPay; tools/paysim in the demo). A real adapter replaces
// only the implementation (HttpProvider speaks the simulator's API).
//
// Contract:
// - Create is idempotent by the merchant's order number: a retry gets the
//   same checkout. With an agreement (a member's standing 免密支付 contract)
//   the provider charges at once and notifies the outcome.
// - The outcome reaches the server as a signed notification, which may
//   come late, twice or never; Query asks for it.
// - Close fails with FailedPrecondition when the order was paid meanwhile
//   (query it and confirm instead).
// - Refund is idempotent by refund number.
// - Unavailable: the provider could not be reached; try again later.
#ifndef ATRIUM_SERVER_PAY_PAYMENT_PROVIDER_H_
#define ATRIUM_SERVER_PAY_PAYMENT_PROVIDER_H_

#include <string>

#include "atrium/money.h"
#include "atrium/status.h"
#include "atrium/time.h"
#include "http/messages.h"

namespace atrium::server {

struct PaymentRequest {
  std::string order_no;
  Money amount;
  std::string description;  // what the payer sees on the cashier page
  Timestamp expires;
  std::string agreement;  // charge this standing agreement now; or none
};

// Where the payer pays: a page for a phone, and the same as a QR code for
// a kiosk's screen.
struct Checkout {
  std::string pay_url;
  std::string code_url;
};

struct ProviderOrder {
  std::string order_no;
  // NOTPAY, SUCCESS, CLOSED, PAYERROR (an agreement declined), REFUND.
  std::string state;
  std::string transaction_id;
  Money amount;
  Timestamp paid_at;
};

class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  virtual StatusOr<Checkout> Create(const PaymentRequest& request) = 0;
  virtual StatusOr<ProviderOrder> Query(const std::string& order_no) = 0;
  virtual Status Close(const std::string& order_no) = 0;
  virtual Status Refund(const std::string& order_no,
                        const std::string& refund_no, Money amount) = 0;
  // A notification as it reached the server: its order once its signature
  // is verified, PermissionDenied otherwise.
  virtual StatusOr<ProviderOrder> ReadNotification(const Request& req,
                                                   Timestamp now) = 0;
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_PAY_PAYMENT_PROVIDER_H_
