// Bad requests to the API get a 4xx with a JSON error body; the server
// keeps answering.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "http/static_files.h"
#include "test_server.h"

namespace atrium::testing {
namespace {

void ExpectJsonError(const HttpReply& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.headers.at("content-type"), "application/json");
  EXPECT_EQ(r.Json()["error"]["code"], code) << r.body;
}

TEST(BadInputApiTest, UnknownRoutesAndMethods) {
  TestServer s;
  ExpectJsonError(s.Get("/api/v1/nothing"), 404, "NOT_FOUND");
  ExpectJsonError(s.Get("/api/v1/pos/receipts", kTill), 405,
                  "METHOD_NOT_ALLOWED");
  ExpectJsonError(s.Get("/nowhere"), 404, "NOT_FOUND");
}

TEST(BadInputApiTest, MalformedBodiesAndWrongTypes) {
  TestServer s;
  ExpectJsonError(Call(s.port(), "POST", "/api/v1/pos/scan", "{not json",
                       {{"Authorization", kTill}}),
                  400, "INVALID_ARGUMENT");
  ExpectJsonError(Call(s.port(), "POST", "/api/v1/pos/scan", "[1,2]",
                       {{"Authorization", kTill}}),
                  400, "INVALID_ARGUMENT");
  ExpectJsonError(s.Post("/api/v1/pos/scan", {{"code", 12}}, kTill), 400,
                  "INVALID_ARGUMENT");
  ExpectJsonError(s.Post("/api/v1/pos/scan", codec::Json::object(), kTill), 400,
                  "INVALID_ARGUMENT");
  ExpectJsonError(
      s.Post("/api/v1/pos/scan", {{"code", "x"}, {"extra", 1}}, kTill), 400,
      "INVALID_ARGUMENT");
  ExpectJsonError(
      s.Post("/api/v1/pos/refunds",
             {{"receipt_id", "R"}, {"refund_id", "F"}, {"amount_fen", 1.5}},
             kTill, "k"),
      400, "INVALID_ARGUMENT");
  ExpectJsonError(
      s.Post("/api/v1/pos/receipts", {{"receipt", {{"id", "R"}}}}, kTill, "k"),
      400, "INVALID_ARGUMENT");
}

TEST(BadInputApiTest, AnOversizedBodyIs413) {
  TestServer s;
  std::string big = R"({"code":")" + std::string(2 << 20, 'a') + R"("})";
  ExpectJsonError(Call(s.port(), "POST", "/api/v1/pos/scan", big,
                       {{"Authorization", kTill}}),
                  413, "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(s.Get("/healthz").status, 200);
}

TEST(BadInputApiTest, RestartKeepsTheData) {
  TestServer s;
  const std::string token = s.SignIn("13912345678");
  ASSERT_EQ(
      s.Post("/api/v1/pos/scan", {{"code", s.MemberCode(token)}}, kTill).status,
      200);
  const std::string member = s.MemberId(token);
  ASSERT_EQ(
      s.Post("/api/v1/pos/receipts",
             {{"receipt",
               {{"id", "R1"},
                {"mall_id", "m-xinjie"},
                {"store_id", "s-105"},
                {"member_id", member},
                {"at", "2026-11-26T11:00:00Z"},
                {"lines", {{{"category", "beauty"}, {"amount_fen", 88800}}}}}}},
             kTill, "k1")
          .status,
      200);
  const codec::Json before = s.Get("/api/v1/me", Bearer(token)).Json();
  s.Restart();
  const codec::Json after = s.Get("/api/v1/me", Bearer(token)).Json();
  EXPECT_EQ(after, before);
  EXPECT_GT(after["points"]["pending"].get<int64_t>(), 0);
}

TEST(StaticFilesTest, ServesTheConsoleWithTypesAndCacheHeaders) {
  TestServer s;
  HttpReply page = s.Get("/console/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_EQ(page.headers["cache-control"], "no-cache");
  EXPECT_NE(page.body.find("Operator console"), std::string::npos);
  EXPECT_EQ(s.Get("/console/../main.cc").status, 404);
  EXPECT_EQ(s.Get("/console/%2e%2e/main.cc").status, 404);
  EXPECT_EQ(s.Get("/console").status, 308);
}

// 15. The console runs only its own scripts, is never framed, and no
// answer's type is sniffed.
TEST(StaticFilesTest, TheConsoleIsServedWithItsSecurityHeaders) {
  TestServer s;
  for (const char* file : {"/console/", "/console/console.js"}) {
    HttpReply r = s.Get(file);
    ASSERT_EQ(r.status, 200) << file;
    const std::string csp = r.headers["content-security-policy"];
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << file;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(r.headers["x-frame-options"], "DENY");
    EXPECT_EQ(r.headers["x-content-type-options"], "nosniff");
  }
  // The page holds no inline script for the policy to block.
  EXPECT_EQ(s.Get("/console/").body.find("<script>"), std::string::npos);
  EXPECT_EQ(s.Get("/healthz").headers["x-content-type-options"], "nosniff");
}

TEST(StaticFilesTest, PrefersAPrecompressedFileTheClientAccepts) {
  const std::string dir =
      ::testing::TempDir() + "static-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/app.0123abcd.wasm") << "plain";
  std::ofstream(dir + "/app.0123abcd.wasm.br") << "brotli";
  server::StaticFiles files("/app/", dir);
  net::Request req;
  req.method = "GET";
  req.target = "/app/app.0123abcd.wasm";
  net::Response plain = files.Serve(req);
  EXPECT_EQ(plain.content_type, "application/wasm");
  EXPECT_EQ(plain.body, "plain");
  req.headers["accept-encoding"] = "gzip, deflate, br";
  net::Response br = files.Serve(req);
  EXPECT_EQ(br.body, "brotli");
  EXPECT_EQ(br.content_type, "application/wasm");
  auto has = [&](const std::string& k, const std::string& v) {
    for (const auto& h : br.headers) {
      if (h.first == k && h.second == v) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("Content-Encoding", "br"));
  EXPECT_TRUE(has("Cache-Control", "public, max-age=31536000, immutable"));
  std::filesystem::remove_all(dir);
}

// A phone must see a new build's service worker on its next visit, or it
// keeps the old cached app until the worker's HTTP cache entry expires.
TEST(StaticFilesTest, TheServiceWorkerIsRevalidatedOnEveryVisit) {
  const std::string dir =
      ::testing::TempDir() + "static-sw-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/sw.js") << "self;";
  std::ofstream(dir + "/app.js") << "app;";
  server::StaticFiles files("/app/", dir);
  net::Request req;
  req.method = "GET";
  auto cache = [&](const std::string& target) {
    req.target = target;
    for (const auto& h : files.Serve(req).headers) {
      if (h.first == "Cache-Control") return h.second;
    }
    return std::string();
  };
  EXPECT_EQ(cache("/app/sw.js"), "no-cache");
  EXPECT_EQ(cache("/app/app.js"), "public, max-age=3600");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace atrium::testing
