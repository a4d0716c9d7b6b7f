// HttpProvider: PaymentProvider over HTTP to an API shaped like WeChat Pay
// v3's, as tools/paysim serves it (sim_provider.h has the routes). Every
// request is signed with the merchant's key, and every notification
// checked against it (atrium/auth/pay_signature.h). Calls block for up to the
// endpoint's timeout: make them off the HTTP threads.
#ifndef ATRIUM_SERVER_PAY_HTTP_PROVIDER_H_
#define ATRIUM_SERVER_PAY_HTTP_PROVIDER_H_

#include <functional>

#include "atrium/net/http_client.h"
#include "pay/payment_provider.h"

namespace atrium::server {

using net::HttpEndpoint;

struct HttpProviderOptions {
  HttpEndpoint endpoint;
  std::string key;         // the merchant's API key
  std::string notify_url;  // the server's notification route, as reachable
  std::string return_url;  // where the cashier page sends the payer back
};

class HttpProvider : public PaymentProvider {
 public:
  HttpProvider(HttpProviderOptions options, std::function<Timestamp()> clock)
      : o_(std::move(options)), clock_(std::move(clock)) {}

  StatusOr<Checkout> Create(const PaymentRequest& request) override;
  StatusOr<ProviderOrder> Query(const std::string& order_no) override;
  Status Close(const std::string& order_no) override;
  Status Refund(const std::string& order_no, const std::string& refund_no,
                Money amount) override;
  StatusOr<ProviderOrder> ReadNotification(const Request& req,
                                           Timestamp now) override;

 private:
  // The provider's answer to a signed request, or its error as a Status.
  StatusOr<Response> Call(const std::string& method, const std::string& target,
                          const std::string& body);

  HttpProviderOptions o_;
  std::function<Timestamp()> clock_;
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_PAY_HTTP_PROVIDER_H_
