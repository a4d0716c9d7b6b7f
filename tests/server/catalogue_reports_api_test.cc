// The public catalogue and the operators' reports.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <thread>

#include "atrium/codec/parking_json.h"
#include "atrium/codec/program_json.h"
#include "atrium/sync/member_views.h"
#include "atrium/sync/replica.h"
#include "test_server.h"

namespace atrium::testing {
namespace {

// Reports read the database on connections of their own: they answer
// while the writer holds the log (a long batch, a day's jobs).
TEST(ReportsApiTest, AReportAnswersWhileTheWriterHoldsTheLog) {
  TestServer s;
  const std::string admin =
      "Bearer " + s.OperatorToken("admin", "demo-admin-pass");
  std::promise<void> held;
  std::promise<void> release;
  std::thread writer([&] {
    s.service().WithLog([&](store::OpLog&) {
      held.set_value();
      release.get_future().wait();
      return 0;
    });
  });
  held.get_future().wait();
  std::future<HttpReply> report = std::async(std::launch::async, [&] {
    return s.Get("/api/v1/operator/reports/sales-by-tenant", admin);
  });
  // A guard against a hang, not a speed limit: waiting on the writer would
  // never end while it holds the log.
  const bool answered =
      report.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
  release.set_value();
  writer.join();
  ASSERT_TRUE(answered) << "the report waited for the writer";
  const HttpReply r = report.get();
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.Json().contains("rows"));
}

TEST(CatalogueApiTest, AnyoneReadsTheMallsStoresAndCoupons) {
  TestServer s;
  HttpReply c = s.Get("/api/v1/catalogue");
  ASSERT_EQ(c.status, 200) << c.body;
  ASSERT_EQ(c.Json()["malls"].size(), 2u);
  EXPECT_EQ(c.Json()["malls"][0]["id"], "m-xinjie");
  EXPECT_GE(c.Json()["malls"][0]["stores"].size(), 10u);
  EXPECT_EQ(c.Json()["coupon_templates"].size(), 0u);

  const std::string admin = s.OperatorToken("admin", "demo-admin-pass");
  ASSERT_EQ(s.Post("/api/v1/operator/coupon-templates",
                   {{"template",
                     {{"id", "welcome"},
                      {"name", "新人券"},
                      {"mall_id", "m-xinjie"},
                      {"kind", "cash_off"},
                      {"amount_fen", 500},
                      {"valid_from", "2026-11-01T00:00:00+08:00"},
                      {"valid_until", "2027-01-01T00:00:00+08:00"}}}},
                   Bearer(admin), "t1")
                .status,
            201);
  c = s.Get("/api/v1/catalogue");
  ASSERT_EQ(c.Json()["coupon_templates"].size(), 1u);
  EXPECT_EQ(c.Json()["coupon_templates"][0]["id"], "welcome");
}

// A phone's replica starts from the served programme and car parks, pulls
// the member's changes, and then shows the card the server shows.
TEST(CatalogueApiTest, AReplicaStartsFromTheServedProgrammeAndShowsTheCard) {
  TestServer s;
  HttpReply served = s.Get("/api/v1/catalogue/program");
  ASSERT_EQ(served.status, 200) << served.body;
  const codec::Json files = served.Json();
  StatusOr<Program> program = codec::ProgramFromJson(files["program"]);
  ASSERT_TRUE(program.ok()) << program.status().ToString();
  StatusOr<std::vector<CarPark>> parks =
      codec::CarParksFromJson(files["parking"]);
  ASSERT_TRUE(parks.ok()) << parks.status().ToString();
  EXPECT_GE(parks->size(), 1u);
  program->car_parks = std::move(*parks);
  ASSERT_TRUE(program->Validate().ok());

  const std::string token = s.SignIn("13912345678");
  const std::string member = s.MemberId(token);
  HttpReply pulled = s.Get("/api/v1/sync/pull?after=0", Bearer(token));
  ASSERT_EQ(pulled.status, 200) << pulled.body;
  std::vector<sync::Change> changes;
  const codec::Json page = pulled.Json();
  for (const codec::Json& c : page["changes"]) {
    StatusOr<sync::Change> change = sync::ChangeFromJson(c);
    ASSERT_TRUE(change.ok()) << change.status().ToString();
    changes.push_back(std::move(*change));
  }
  sync::Replica phone(*program, *sync::Origin::Parse("member:" + member));
  ASSERT_TRUE(phone.Pulled(0, changes).ok());
  auto account = phone.view().accounts.find(MemberId(member));
  ASSERT_NE(account, phone.view().accounts.end());
  const codec::Json card =
      sync::ProfileJson(phone.view(), account->second, s.Now());
  HttpReply me = s.Get("/api/v1/me", Bearer(token));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(card, me.Json());
}

TEST(CatalogueApiTest, TheMapAndTheStoreDirectory) {
  TestServer s;
  HttpReply map = s.Get("/api/v1/catalogue/map");
  ASSERT_EQ(map.status, 200) << map.body;
  EXPECT_EQ(map.Json()["mall_id"], "m-xinjie");
  EXPECT_EQ(map.Json()["floors"].size(), 5u);  // B2 car park, B1..3F
  EXPECT_GE(map.Json()["stores"].size(), 60u);

  HttpReply found = s.Get("/api/v1/catalogue/stores?q=xbk");
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_GE(found.Json()["stores"].size(), 1u);
  EXPECT_EQ(found.Json()["stores"][0]["name"], "星巴克");
  EXPECT_EQ(found.Json()["stores"][0]["floor"], "1F");
  // Percent-encoded Chinese, and filters.
  found = s.Get("/api/v1/catalogue/stores?q=%E6%98%9F%E5%B7%B4");  // 星巴
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(found.Json()["stores"][0]["name"], "星巴克");
  found = s.Get("/api/v1/catalogue/stores?category=kids&floor=3F");
  ASSERT_EQ(found.status, 200);
  EXPECT_GE(found.Json()["stores"].size(), 4u);
  const codec::Json kids = found.Json()["stores"];
  for (const auto& store : kids) {
    EXPECT_EQ(store["floor"], "3F");
    EXPECT_EQ(store["category"], "kids");
  }
  EXPECT_EQ(s.Get("/api/v1/catalogue/stores?q=" + std::string(65, 'x')).status,
            400);
}

// The phone's directory offers the filters the mall has: the main mall's
// retail floors (not the car park) and its categories; the other mall of
// the group, which has no floor plan, by name and category only.
TEST(CatalogueApiTest, EachMallHasADirectoryWithTheFiltersItCanOffer) {
  TestServer s;
  HttpReply main = s.Get("/api/v1/catalogue/stores?mall_id=m-xinjie");
  ASSERT_EQ(main.status, 200) << main.body;
  const codec::Json floors = main.Json()["floors"];
  ASSERT_EQ(floors.size(), 4u);
  EXPECT_EQ(floors[0]["id"], "B1");
  for (const auto& f : floors) EXPECT_NE(f["id"], "B2");
  const codec::Json categories = main.Json()["categories"];
  EXPECT_NE(std::find(categories.begin(), categories.end(), "kids"),
            categories.end());

  HttpReply other = s.Get("/api/v1/catalogue/stores?mall_id=m-binjiang");
  ASSERT_EQ(other.status, 200) << other.body;
  EXPECT_EQ(other.Json()["mall_id"], "m-binjiang");
  EXPECT_TRUE(other.Json()["floors"].empty());
  const codec::Json stores = other.Json()["stores"];
  ASSERT_FALSE(stores.empty());
  EXPECT_FALSE(stores[0].contains("floor"));
  const std::string category = stores[0]["category"];
  HttpReply filtered =
      s.Get("/api/v1/catalogue/stores?mall_id=m-binjiang&category=" + category);
  ASSERT_EQ(filtered.status, 200);
  const codec::Json some = filtered.Json()["stores"];
  EXPECT_FALSE(some.empty());
  for (const auto& store : some) EXPECT_EQ(store["category"], category);
  EXPECT_EQ(
      s.Get("/api/v1/catalogue/stores?mall_id=m-binjiang&floor=1F").status,
      400);
  EXPECT_EQ(s.Get("/api/v1/catalogue/stores?mall_id=m-nowhere").status, 404);
}

TEST(ReportsApiTest, SalesByTenantAndCouponsByTemplate) {
  TestServer s;
  const std::string token = s.SignIn("13912345678");
  const std::string member = s.MemberId(token);
  ASSERT_EQ(
      s.Post("/api/v1/pos/scan", {{"code", s.MemberCode(token)}}, kTill).status,
      200);
  for (int i = 1; i <= 2; ++i) {
    ASSERT_EQ(
        s.Post(
             "/api/v1/pos/receipts",
             {{"receipt",
               {{"id", "R" + std::to_string(i)},
                {"mall_id", "m-xinjie"},
                {"store_id", "s-105"},
                {"member_id", member},
                {"at", "2026-11-26T11:00:00Z"},
                {"lines", {{{"category", "beauty"}, {"amount_fen", 10000}}}}}}},
             kTill, "k" + std::to_string(i))
            .status,
        200);
  }
  const std::string finance = s.OperatorToken("finance", "demo-finance-pass");
  HttpReply sales =
      s.Get("/api/v1/operator/reports/sales-by-tenant", Bearer(finance));
  ASSERT_EQ(sales.status, 200) << sales.body;
  ASSERT_EQ(sales.Json()["rows"].size(), 1u);
  EXPECT_EQ(sales.Json()["rows"][0]["store_id"], "s-105");
  EXPECT_EQ(sales.Json()["rows"][0]["receipts"], 2);
  EXPECT_EQ(sales.Json()["rows"][0]["spend_fen"], 20000);

  HttpReply liability =
      s.Get("/api/v1/operator/reports/points-liability", Bearer(finance));
  ASSERT_EQ(liability.status, 200);
  EXPECT_EQ(liability.Json()["issued"],
            liability.Json()["outstanding_pending"]);
  EXPECT_EQ(
      s.Get("/api/v1/operator/reports/coupons-by-template", Bearer(finance))
          .Json()["rows"]
          .size(),
      0u);
  // A member may not read reports.
  EXPECT_EQ(
      s.Get("/api/v1/operator/reports/sales-by-tenant", Bearer(token)).status,
      403);
}

}  // namespace
}  // namespace atrium::testing
