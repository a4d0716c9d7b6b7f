// Every route of the API refuses the callers its entry in the route table
// does not admit (api/access.h): no credentials, a member's session, each
// kind of device and each operator role. The routes are read from the
// table itself, so a route is covered the day it is added.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "atrium/codec/mall_files.h"
#include "test_server.h"

namespace atrium::testing {
namespace {

struct Knock {
  std::string name;  // as the table says it: "members", "devices:pos", ...
  std::string auth;  // the Authorization header
};

// Whether the table's `who` ("members | devices:kiosk") admits `name`.
bool Admits(const std::string& who, const std::string& name) {
  if (who == "anyone") return true;
  const size_t colon = name.find(':');
  for (size_t at = 0; at < who.size();) {
    size_t end = who.find(" | ", at);
    if (end == std::string::npos) end = who.size();
    const std::string part = who.substr(at, end - at);
    at = end + 3;
    if (part == name) return true;
    if (colon == std::string::npos) continue;
    // "devices:gate,kiosk" admits "devices:kiosk".
    const std::string prefix = name.substr(0, colon + 1);
    if (!part.starts_with(prefix)) continue;
    const std::string list = "," + part.substr(prefix.size()) + ",";
    if (list.find("," + name.substr(colon + 1) + ",") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// A pattern's parameters filled with made-up values.
std::string Concrete(const std::string& pattern) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    i = pattern.find('}', i);
    out += "x1";
  }
  return out;
}

TEST(RouteAccessTest, TheTableSaysWhoMayCallEveryRoute) {
  TestServer server;
  const std::vector<server::Router::Entry> routes = server.api().Routes();
  ASSERT_GT(routes.size(), 40U);
  for (const server::Router::Entry& r : routes) {
    EXPECT_FALSE(r.who.empty()) << r.method << " " << r.pattern;
  }
}

TEST(RouteAccessTest, EveryRouteRefusesWhomItIsNotFor) {
  TestServer server;
  StatusOr<codec::Json> access = codec::ReadJsonFile(
      std::string(ATRIUM_SHARED_DIR) + "/demo-mall/access.json");
  ASSERT_TRUE(access.ok());
  std::vector<Knock> callers = {
      {"nobody", ""}, {"members", "Bearer " + server.SignIn("13800138000")}};
  for (const char* kind : {"pos", "gate", "kiosk"}) {
    for (const auto& d : (*access)["devices"]) {
      if (d["kind"] != kind) continue;
      callers.push_back({std::string("devices:") + kind,
                         "Device " + d["id"].get<std::string>() + ":" +
                             d["key"].get<std::string>()});
      break;
    }
  }
  for (const auto& o : (*access)["operators"]) {
    callers.push_back(
        {"operators:" + o["role"].get<std::string>(),
         "Bearer " + server.OperatorToken(o["name"], o["password"])});
  }
  ASSERT_EQ(callers.size(), 8U);

  int refused = 0;
  for (const server::Router::Entry& r : server.api().Routes()) {
    const std::string target = Concrete(r.pattern);
    for (const Knock& k : callers) {
      // Only those it refuses: an admitted DELETE would sign the caller
      // out or erase the member (the routes' own tests cover them).
      if (Admits(r.who, k.name)) continue;
      ++refused;
      const HttpReply reply = server.Send(
          r.method, target,
          r.method == "GET" ? codec::Json() : codec::Json::object(), k.auth);
      const std::string what =
          r.method + " " + r.pattern + " (" + r.who + ") by " + k.name;
      EXPECT_TRUE(reply.status == 401 || reply.status == 403)
          << what << ": " << reply.status << " " << reply.body;
      if (k.name == "nobody") {
        EXPECT_EQ(reply.status, 401) << what;
      }
    }
  }
  EXPECT_GT(refused, 200);
}

}  // namespace
}  // namespace atrium::testing
