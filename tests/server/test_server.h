// TestServer: a whole atriumd (the demo programme, its devices and
// operators, no generated members) on 127.0.0.1 at a free port, over a data
// folder of its own, with a clock the test moves.
#ifndef ATRIUM_TESTS_SERVER_TEST_SERVER_H_
#define ATRIUM_TESTS_SERVER_TEST_SERVER_H_

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "api/api.h"
#include "atrium/net/http_server.h"
#include "http_client.h"  // tools/load
#include "pay/http_provider.h"
#include "pay/payment_desk.h"
#include "sim_provider.h"  // tools/paysim

namespace atrium::testing {

using load::Call;
using load::Connection;
using load::HttpReply;
using load::SendRaw;

// Demo credentials (shared/demo-mall/access.json).
inline const std::string kTill = "Device pos-xinjie-01:demo-pos-xinjie-01-key";
inline const std::string kKiosk =
    "Device kiosk-xinjie-1f:demo-kiosk-xinjie-1f-key";
inline const std::string kGate =
    "Device gate-xinjie-b2:demo-gate-xinjie-b2-key";

class TestServer {
 public:
  explicit TestServer(server::ApiLimits limits = {});
  ~TestServer();

  uint16_t port() const { return port_; }
  Timestamp Now() const { return Timestamp::FromUnixSeconds(now_); }
  void Advance(int64_t seconds) { now_ += seconds; }
  server::Service& service() { return *service_; }
  const server::Api& api() const { return *api_; }
  // The payment desk (its sweeps run only when a test calls Sweep()), and
  // the simulated provider's port (tools/paysim's routes, in process).
  server::PaymentDesk& payments() { return *payments_; }
  uint16_t paysim_port() const { return sim_http_->port(); }
  // Pays order `order_no` as the payer's phone would on the cashier page.
  HttpReply PayAtProvider(const std::string& order_no);
  // An order opened by `opened` (a 201 with its order_no), paid at the
  // provider; its status for `auth` once the provider's notification has
  // confirmed it (or the last seen after a few seconds).
  codec::Json PayOrder(const HttpReply& opened, const std::string& auth);
  // The order's status for `auth`, polled until it is `status` or a few
  // seconds passed (the provider notifies on its own thread).
  codec::Json AwaitOrder(const std::string& order_no, const std::string& auth,
                         const std::string& status);

  // Stops everything and starts again over the same data folder, on the
  // same port.
  void Restart();
  // The same in two steps: between them the server is unreachable.
  void Stop();
  void Start();

  // The last sign-in code sent to `phone` (11 digits).
  std::string LastCode(const std::string& phone);
  // Signs `phone` in (registering it if new); the session token.
  std::string SignIn(const std::string& phone);
  std::string MemberId(const std::string& token);
  // A member code for the member of `token`; first moves the clock to the
  // next code window, so that each call gives a code not yet scanned.
  std::string MemberCode(const std::string& token);
  // An operator's session token.
  std::string OperatorToken(const std::string& name,
                            const std::string& password);

  HttpReply Get(const std::string& target, const std::string& auth = "");
  HttpReply Post(const std::string& target, const codec::Json& body,
                 const std::string& auth = "",
                 const std::string& idempotency_key = "");
  // Any method; a null body sends none.
  HttpReply Send(const std::string& method, const std::string& target,
                 const codec::Json& body, const std::string& auth = "",
                 const std::string& idempotency_key = "");

  // Every line the server has logged so far.
  std::string Logged();

 private:
  void AddAccess();

  std::string dir_;
  server::ApiLimits limits_;
  std::atomic<int64_t> now_;
  std::mutex codes_mu_;
  std::map<std::string, std::string> codes_;  // by phone digits
  std::string logged_;                        // under codes_mu_
  std::unique_ptr<server::Service> service_;
  std::unique_ptr<auth::Credentials> credentials_;
  std::unique_ptr<server::MemberCodes> member_codes_;
  std::unique_ptr<server::SignInCodes> sign_in_codes_;
  std::unique_ptr<server::ApiContext> ctx_;
  std::unique_ptr<server::Api> api_;
  std::unique_ptr<net::HttpServer> http_;
  uint16_t port_ = 0;  // 0 until first started
  // The provider outlives restarts, as a real one would.
  std::unique_ptr<paysim::SimProvider> sim_;
  std::unique_ptr<net::HttpServer> sim_http_;
  std::unique_ptr<server::HttpProvider> provider_;
  std::unique_ptr<server::PaymentDesk> payments_;
};

inline constexpr int64_t kMemberCodeStep = auth::kMemberCodeWindowSeconds;

// An operator's body adding a coupon template of m-xinjie, ¥10 off, one
// each, valid through December 2026; sold for `points_price` points if
// not 0.
codec::Json CouponTemplateBody(const std::string& id, int64_t points_price);

// "Bearer <token>".
inline std::string Bearer(const std::string& token) {
  return "Bearer " + token;
}

}  // namespace atrium::testing

#endif  // ATRIUM_TESTS_SERVER_TEST_SERVER_H_
