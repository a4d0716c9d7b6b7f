// A guide kiosk's replica against a real atriumd: a member signs in and
// takes coupons online; the server goes away and the kiosk goes on within
// its escrow; the kiosk restarts with its outbox intact; the server comes
// back and gets everything once. And the member codes a kiosk checks alone.
#include "net/kiosk_replica.h"

#include <gtest/gtest.h>

#include <fstream>

#include "atrium/codec/mall_files.h"
#include "atrium/codec/program_json.h"
#include "server/test_server.h"
#include "store/temp_dir.h"

namespace atrium::testing {
namespace {

using kiosk::KioskReplica;
using kiosk::Outcome;

class KioskReplicaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string admin = s_.OperatorToken("admin", "demo-admin-pass");
    for (const auto& [id, price] :
         {std::pair{"free", 0}, std::pair{"pts", 500}}) {
      ASSERT_EQ(s_.Post("/api/v1/operator/coupon-templates",
                        CouponTemplateBody(id, price), Bearer(admin), id)
                    .status,
                201);
    }
    const codec::Json grant = {
        {"escrow_id", "e1"},
        {"device_id", "kiosk-xinjie-1f"},
        {"expires_at", FormatIso8601(s_.Now().PlusSeconds(7 * 86400))},
        {"points_budget", 2000},
        {"per_member_points", 1000},
        {"coupons", {{"pts", 1}}}};
    ASSERT_EQ(
        s_.Post("/api/v1/operator/escrows", grant, Bearer(admin), "g").status,
        201);
    // A member with 1,000 points or more.
    token_ = s_.SignIn("13912345678");
    member_ = MemberId(s_.MemberId(token_));
    ASSERT_EQ(
        s_.Post("/api/v1/pos/scan", {{"code", s_.MemberCode(token_)}}, kTill)
            .status,
        200);
    const codec::Json receipt = {
        {"receipt",
         {{"id", "R1"},
          {"mall_id", "m-xinjie"},
          {"store_id", "s-105"},
          {"member_id", member_.value()},
          {"at", FormatIso8601(s_.Now())},
          {"lines", {{{"category", "beauty"}, {"amount_fen", 200'000}}}}}}};
    ASSERT_EQ(s_.Post("/api/v1/pos/receipts", receipt, kTill, "e1").status,
              200);
    s_.Advance(2 * 86400);
    ASSERT_GE(Usable(), 1000);
  }
  std::unique_ptr<KioskReplica> OpenKiosk() {
    StatusOr<Program> program = codec::LoadProgramFile(
        std::string(ATRIUM_SHARED_DIR) + "/demo-mall/program.json");
    EXPECT_TRUE(program.ok());
    KioskReplica::Options o;
    o.path = dir_.File("kiosk.db");
    o.mall = MallId("m-xinjie");
    o.clock = [this] { return s_.Now(); };
    StatusOr<std::unique_ptr<KioskReplica>> k = KioskReplica::Open(
        {"127.0.0.1", s_.port(), "kiosk-xinjie-1f", "demo-kiosk-xinjie-1f-key",
         std::chrono::milliseconds(1000)},
        std::move(*program), std::move(o));
    EXPECT_TRUE(k.ok()) << k.status().ToString();
    return k.ok() ? std::move(*k) : nullptr;
  }
  int64_t Usable() {
    return s_.Get("/api/v1/me", Bearer(token_)).Json()["points"]["usable"];
  }
  size_t WalletSize() {
    return s_.Get("/api/v1/me/wallet", Bearer(token_)).Json()["coupons"].size();
  }
  static Status CanTake(kiosk::MemberDesk& k, const MemberId& m,
                        const std::string& id) {
    for (const kiosk::Offer& o : k.Offers(m)) {
      if (o.id.value() == id) return o.can;
    }
    return NotFound(id + " is not offered");
  }

  TestServer s_;
  TempDir dir_;
  std::string token_;
  MemberId member_;
};

TEST_F(KioskReplicaTest, OfflineWithinTheEscrowThenSentOnceWhenBack) {
  std::unique_ptr<KioskReplica> k = OpenKiosk();
  ASSERT_TRUE(k->SyncOnce().ok());
  EXPECT_TRUE(k->sync_state().online);
  const int64_t points = Usable();

  // Online: signed in by the server, a coupon claimed and confirmed.
  StatusOr<kiosk::KioskMember> m = k->SignIn(s_.MemberCode(token_));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->id, member_);
  EXPECT_EQ(m->phone, "139****5678");
  EXPECT_EQ(m->usable_points, points);
  StatusOr<std::string> claim = k->Take(member_, TemplateId("free"));
  ASSERT_TRUE(claim.ok()) << claim.status().ToString();
  ASSERT_TRUE(k->SyncOnce().ok());
  EXPECT_EQ(k->OutcomeOf(*claim).state, Outcome::State::kDone);
  EXPECT_EQ(WalletSize(), 1u);
  EXPECT_EQ(CanTake(*k, member_, "free").code(),
            StatusCode::kResourceExhausted);  // one each

  // The server goes away during the visit: the member, signed in, exchanges
  // points within the escrow. No one signs in without the server: the
  // kiosk holds no code secret.
  const std::string code = s_.MemberCode(token_);
  s_.Stop();
  EXPECT_EQ(k->SyncOnce().code(), StatusCode::kUnavailable);
  EXPECT_FALSE(k->sync_state().online);
  EXPECT_EQ(k->SignIn(code).status().code(), StatusCode::kUnavailable);
  // Its replica holds the member by the masked phone only.
  EXPECT_EQ(k->Member(member_)->phone, "139****5678");
  const Status can = CanTake(*k, member_, "pts");
  ASSERT_TRUE(can.ok()) << can.ToString();
  StatusOr<std::string> exchange = k->Take(member_, TemplateId("pts"));
  ASSERT_TRUE(exchange.ok()) << exchange.status().ToString();
  EXPECT_EQ(k->OutcomeOf(*exchange).state, Outcome::State::kQueued);
  EXPECT_EQ(k->Member(member_)->usable_points, points - 500);
  EXPECT_EQ(k->sync_state().queued, 1u);
  // The escrow's one coupon is gone: the next waits for the network.
  EXPECT_EQ(CanTake(*k, member_, "pts").code(), StatusCode::kUnavailable);

  // Restarted while still offline: the outbox is there.
  k.reset();
  k = OpenKiosk();
  EXPECT_EQ(k->SyncOnce().code(), StatusCode::kUnavailable);
  EXPECT_EQ(k->sync_state().queued, 1u);
  EXPECT_EQ(k->Member(member_)->usable_points, points - 500);
  EXPECT_EQ(k->SignIn(code).status().code(), StatusCode::kUnavailable);

  // Back: sent, applied once, confirmed, and the kiosk's view is the
  // server's.
  s_.Start();
  EXPECT_EQ(Usable(), points);  // none of it yet
  ASSERT_TRUE(k->SyncOnce().ok());
  EXPECT_EQ(k->sync_state().queued, 0u);
  EXPECT_EQ(k->OutcomeOf(*exchange).state, Outcome::State::kDone);
  EXPECT_EQ(Usable(), points - 500);
  EXPECT_EQ(WalletSize(), 2u);
  EXPECT_EQ(k->Member(member_)->usable_points, points - 500);
}

TEST_F(KioskReplicaTest, ANewFileNumbersOnFromTheServer) {
  // The kiosk sent two operations before its disk was replaced.
  for (int seq = 1; seq <= 2; ++seq) {
    const codec::Json op = {
        {"v", 1},
        {"id", "device:kiosk-xinjie-1f:" + std::to_string(seq)},
        {"origin", "device:kiosk-xinjie-1f"},
        {"seq", seq},
        {"type", "return_escrow"},
        {"at", FormatIso8601(s_.Now())},
        {"payload", {{"escrow_id", "e-none"}}}};
    ASSERT_EQ(
        s_.Post("/api/v1/sync/push", {{"operations", {op}}}, kKiosk).status,
        200);
  }
  std::unique_ptr<KioskReplica> k = OpenKiosk();
  EXPECT_EQ(k->Take(member_, TemplateId("free")).status().code(),
            StatusCode::kUnavailable);  // not before the server numbers it
  ASSERT_TRUE(k->SyncOnce().ok());
  ASSERT_TRUE(k->SignIn(s_.MemberCode(token_)).ok());
  StatusOr<std::string> claim = k->Take(member_, TemplateId("free"));
  ASSERT_TRUE(claim.ok()) << claim.status().ToString();
  EXPECT_EQ(*claim, "device:kiosk-xinjie-1f:3");
  ASSERT_TRUE(k->SyncOnce().ok());
  EXPECT_EQ(k->OutcomeOf(*claim).state, Outcome::State::kDone);
}

// Signed out, the member is the server's again: the kiosk tells the server
// (after what they took is sent), and can no longer act for them online.
TEST_F(KioskReplicaTest, ASignedOutMemberIsNoLongerServedOnline) {
  std::unique_ptr<KioskReplica> k = OpenKiosk();
  ASSERT_TRUE(k->SyncOnce().ok());
  ASSERT_TRUE(k->SignIn(s_.MemberCode(token_)).ok());
  StatusOr<std::string> claim = k->Take(member_, TemplateId("free"));
  ASSERT_TRUE(claim.ok()) << claim.status().ToString();
  k->SignOut(member_);
  ASSERT_TRUE(k->SyncOnce().ok());
  EXPECT_EQ(k->OutcomeOf(*claim).state, Outcome::State::kDone);  // sent first
  EXPECT_EQ(WalletSize(), 1u);
  // The server now refuses the kiosk's online exchange for them.
  StatusOr<std::string> again = k->Take(member_, TemplateId("pts"));
  if (again.ok()) {
    ASSERT_TRUE(k->SyncOnce().ok());
    EXPECT_NE(k->OutcomeOf(*again).state, Outcome::State::kDone);
  }
  EXPECT_EQ(WalletSize(), 1u);
  // Offline, their code is the server's to check: not taken.
  const std::string code = s_.MemberCode(token_);
  s_.Stop();
  EXPECT_EQ(k->SignIn(code).status().code(), StatusCode::kUnavailable);
}

// The kiosk's disk (its replica and the member's history) holds no phone
// number: members reach it masked.
TEST_F(KioskReplicaTest, TheKiosksDiskHoldsNoPhoneNumber) {
  std::unique_ptr<KioskReplica> k = OpenKiosk();
  ASSERT_TRUE(k->SyncOnce().ok());
  ASSERT_TRUE(k->SignIn(s_.MemberCode(token_)).ok());
  ASSERT_TRUE(k->SyncOnce().ok());
  EXPECT_EQ(k->Member(member_)->phone, "139****5678");
  k.reset();
  std::string bytes;
  for (const char* suffix : {"", "-wal"}) {
    std::ifstream in(dir_.File("kiosk.db") + suffix, std::ios::binary);
    bytes += std::string(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_NE(bytes.find(member_.value()), std::string::npos);  // it has them
  EXPECT_EQ(bytes.find("13912345678"), std::string::npos);
}

}  // namespace
}  // namespace atrium::testing
