// Paying a fee through the payment provider (payment_routes.cc).
#ifndef ATRIUM_SERVER_API_PAYMENT_ROUTES_H_
#define ATRIUM_SERVER_API_PAYMENT_ROUTES_H_

#include <string>

#include "api/context.h"
#include "api/idempotent_op.h"
#include "api/router.h"

namespace atrium::server {

// Runs `op`, a park_pay: as it is when nothing is due; otherwise as an
// open_payment of `payer` ("member", "kiosk"), answered 201 with the order
// and the provider's checkout (pay_url, code_url), or 503 when the server
// has no payment provider.
void RunPayment(OpDesk& ops, PaymentDesk* payments, const Request& req,
                OpRequest op, const std::string& payer, const Respond& respond);

// The provider's notifications; an order's status for its payer.
void AddPaymentRoutes(Router& r, ApiContext& ctx);

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_PAYMENT_ROUTES_H_
