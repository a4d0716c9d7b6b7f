#include "test_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "api/catalogue_files.h"
#include "atrium/auth/crypto.h"
#include "atrium/codec/mall_files.h"
#include "demo_seed.h"

namespace atrium::testing {
namespace {

// Thursday 26 November 2026, 12:00 UTC (20:00 in the mall).
constexpr int64_t kStart = 1795694400;
const std::string kKey(32, 'k');  // a fixed server key: tests only
const std::string kPayKey = "test-merchant-key-0123456789";

std::string FreshDir() {
  static std::atomic<int> n{0};
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string dir = ::testing::TempDir() + "atriumd-" +
                    std::to_string(getpid()) + "-" + info->name() + "-" +
                    std::to_string(n++);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TestServer::TestServer(server::ApiLimits limits)
    : dir_(FreshDir()), limits_(limits), now_(kStart) {
  EXPECT_TRUE(auth::InitCrypto().ok());
  sim_ = std::make_unique<paysim::SimProvider>(kPayKey, "http://127.0.0.1:0",
                                               [this] { return now_.load(); });
  net::HttpOptions sim_options;
  sim_options.port = 0;
  sim_http_ = std::make_unique<net::HttpServer>(
      sim_options, [this](net::Request req, net::Respond respond) {
        sim_->Handle(req, respond);
      });
  std::string error;
  EXPECT_TRUE(sim_http_->Start(error)) << error;
  Start();
  AddAccess();
}

void TestServer::AddAccess() {
  // The demo's devices and operators, the passwords hashed at the cheapest
  // cost (interactive argon2id is slow on purpose).
  ASSERT_TRUE(demo::SeedAccess(*credentials_,
                               std::string(ATRIUM_SHARED_DIR) + "/demo-mall",
                               auth::PasswordCost::kMinimumForTests)
                  .ok());
}

TestServer::~TestServer() {
  Stop();
  if (sim_http_) sim_http_->Stop();
  std::filesystem::remove_all(dir_);
}

void TestServer::Start() {
  StatusOr<Program> program = codec::LoadProgramFile(
      std::string(ATRIUM_SHARED_DIR) + "/demo-mall/program.json");
  ASSERT_TRUE(program.ok()) << program.status().ToString();
  auto service = server::Service::Open(dir_ + "/atrium.db", std::move(*program),
                                       [this] { return Now(); });
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  service_ = std::move(*service);
  auto credentials = auth::Credentials::Open(dir_ + "/auth.db", kKey);
  ASSERT_TRUE(credentials.ok()) << credentials.status().ToString();
  credentials_ = std::move(*credentials);
  member_codes_ = std::make_unique<server::MemberCodes>(kKey);
  ASSERT_TRUE(member_codes_->Persist(dir_ + "/codes.db").ok());
  auto log = [this](std::string_view line) {
    std::lock_guard lock(codes_mu_);
    logged_.append(line).append("\n");
  };
  // The demo's delivery (the log), and the code kept for LastCode.
  sign_in_codes_ = std::make_unique<server::SignInCodes>(
      [this, demo = server::LogCodeSender(log)](const Phone& phone,
                                                const std::string& code) {
        demo(phone, code);
        std::lock_guard lock(codes_mu_);
        codes_[phone.digits()] = code;
      });
  ctx_ = std::make_unique<server::ApiContext>(
      *service_, *credentials_, auth::TokenSigner(kKey), *member_codes_,
      *sign_in_codes_, limits_, log);
  ctx_->plates.key = "plate-key";
  ctx_->ops.op_id_key = "operation-id-key";
  StatusOr<codec::MallFiles> files =
      codec::LoadMallFiles(std::string(ATRIUM_SHARED_DIR) + "/demo-mall");
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  ctx_->catalogue = server::CatalogueOf(std::move(*files));
  api_ = std::make_unique<server::Api>(
      *ctx_,
      std::vector<server::StaticFiles>{server::StaticFiles(
          "/console/", std::string(ATRIUM_SOURCE_DIR) + "/server/console",
          server::ConsoleHeaders())});
  net::HttpOptions options;
  options.port = port_;
  options.max_connections = 64;
  http_ = std::make_unique<net::HttpServer>(
      options, [this](net::Request req, net::Respond respond) {
        api_->Handle(req, respond);
      });
  std::string error;
  ASSERT_TRUE(http_->Start(error)) << error;
  port_ = http_->port();
  const std::string base = "http://127.0.0.1:" + std::to_string(port_);
  net::HttpEndpoint sim;
  sim.port = sim_http_->port();
  provider_ = std::make_unique<server::HttpProvider>(
      server::HttpProviderOptions{sim, kPayKey,
                                  base + "/api/v1/payments/notify",
                                  base + "/app/#parking"},
      [this] { return Now(); });
  payments_ = std::make_unique<server::PaymentDesk>(*service_, *provider_);
  ctx_->payments = payments_.get();
}

HttpReply TestServer::PayAtProvider(const std::string& order_no) {
  return Call(paysim_port(), "POST", "/sim/pay/" + order_no, "", {});
}

codec::Json TestServer::AwaitOrder(const std::string& order_no,
                                   const std::string& auth,
                                   const std::string& status) {
  const bool kiosk = auth.starts_with("Device ");
  const std::string target =
      (kiosk ? "/api/v1/parking/payments/" : "/api/v1/me/payments/") + order_no;
  codec::Json last;
  for (int i = 0; i < 250; ++i) {
    last = Get(target, auth).Json();
    if (last.value("status", "") == status) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return last;
}

codec::Json TestServer::PayOrder(const HttpReply& opened,
                                 const std::string& auth) {
  const std::string no = opened.Json().value("order_no", "");
  EXPECT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(PayAtProvider(no).status, 200);
  return AwaitOrder(no, auth, "paid");
}

void TestServer::Stop() {
  if (http_) http_->Stop();
  payments_.reset();  // its calls out end before the store stops
  // The writer's callbacks hold sessions: done with before the server goes.
  if (service_) service_->Stop();
  http_.reset();
  api_.reset();
  ctx_.reset();
  service_.reset();
  credentials_.reset();
}

void TestServer::Restart() {
  Stop();
  Start();
}

std::string TestServer::LastCode(const std::string& phone) {
  std::lock_guard lock(codes_mu_);
  return codes_[phone];
}

std::string TestServer::SignIn(const std::string& phone) {
  HttpReply sent = Post("/api/v1/auth/code", {{"phone", phone}});
  EXPECT_EQ(sent.status, 202) << sent.body;
  HttpReply session = Post("/api/v1/auth/session",
                           {{"phone", phone}, {"code", LastCode(phone)}});
  EXPECT_TRUE(session.status == 200 || session.status == 201) << session.body;
  // The next code request for this phone waits a minute otherwise.
  Advance(61);
  return session.Json().value("token", "");
}

std::string TestServer::MemberId(const std::string& token) {
  return Get("/api/v1/me", Bearer(token)).Json().value("member_id", "");
}

std::string TestServer::MemberCode(const std::string& token) {
  Advance(kMemberCodeStep);
  return Get("/api/v1/me/code", Bearer(token)).Json().value("code", "");
}

std::string TestServer::OperatorToken(const std::string& name,
                                      const std::string& password) {
  HttpReply r = Post("/api/v1/operator/session",
                     {{"name", name}, {"password", password}});
  EXPECT_EQ(r.status, 200) << r.body;
  return r.Json().value("token", "");
}

HttpReply TestServer::Get(const std::string& target, const std::string& auth) {
  std::map<std::string, std::string> headers;
  if (!auth.empty()) headers["Authorization"] = auth;
  return Call(port(), "GET", target, "", headers);
}

HttpReply TestServer::Post(const std::string& target, const codec::Json& body,
                           const std::string& auth,
                           const std::string& idempotency_key) {
  return Send("POST", target, body, auth, idempotency_key);
}

HttpReply TestServer::Send(const std::string& method, const std::string& target,
                           const codec::Json& body, const std::string& auth,
                           const std::string& idempotency_key) {
  std::map<std::string, std::string> headers;
  if (!auth.empty()) headers["Authorization"] = auth;
  if (!idempotency_key.empty()) headers["Idempotency-Key"] = idempotency_key;
  return Call(port(), method, target, body.is_null() ? "" : body.dump(),
              headers);
}

std::string TestServer::Logged() {
  std::lock_guard lock(codes_mu_);
  return logged_;
}

codec::Json CouponTemplateBody(const std::string& id, int64_t points_price) {
  codec::Json t = {{"id", id},
                   {"name", id},
                   {"mall_id", "m-xinjie"},
                   {"kind", "cash_off"},
                   {"amount_fen", 1000},
                   {"valid_from", "2026-11-01T00:00:00+08:00"},
                   {"valid_until", "2027-01-01T00:00:00+08:00"},
                   {"total_stock", 100},
                   {"per_member_total", 1}};
  if (points_price > 0) {
    t["acquisition"] = "points";
    t["points_price"] = points_price;
  }
  return {{"template", t}};
}

}  // namespace atrium::testing
