// A member's phone syncing with the server's log in-process: optimistic
// apply offline, a rejection the server decides, a lost answer, and a view
// that ends equal to the server's.
#include <gtest/gtest.h>

#include "atrium/store/op_log.h"
#include "atrium/sync/replica.h"
#include "logged_op.h"
#include "shared_files.h"
#include "temp_dir.h"

namespace atrium::store {
namespace {

using sync::Operation;

using testing::DemoProgram;

Timestamp At(const char* iso) { return *ParseIso8601(iso); }

// Balances are read after every operation of a test.
const Timestamp kLater = At("2026-04-20T00:00:00Z");

using testing::DeviceOp;

Operation EarnOp(const std::string& receipt, int64_t fen, int64_t seq) {
  return DeviceOp(
      "earn-" + receipt, "pos-01", seq, "earn",
      {{"receipt",
        {{"id", receipt},
         {"mall_id", "m-xinjie"},
         {"store_id", "s-101"},
         {"member_id", "M0001"},
         {"at", "2026-04-08T07:00:00Z"},
         {"lines", {{{"category", "fashion"}, {"amount_fen", fen}}}}}}});
}

const std::vector<LedgerEntry>& Entries(const sync::GroupState& s) {
  return s.accounts.at(MemberId("M0001")).ledger().entries();
}

class ReplicaSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_ =
        std::move(OpLog::Open(dir_.File("server.db"), DemoProgram()).value());
    Server({DeviceOp("reg-1", "desk", 1, "register",
                     {{"member_id", "M0001"}, {"phone", "13800000001"}})});
  }
  std::vector<OpResult> Server(const std::vector<Operation>& ops) {
    StatusOr<std::vector<OpResult>> r = log_->ApplyBatch(ops, now_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::vector<OpResult>{};
  }
  void Pull(sync::Replica& phone) {
    StatusOr<std::vector<Change>> changes =
        log_->Pull(*sync::Origin::Parse("member:M0001"), phone.cursor(), 100);
    ASSERT_TRUE(changes.ok());
    ASSERT_TRUE(phone.Pulled(phone.cursor(), *changes).ok());
  }
  int64_t ServerTotal() {
    return log_->state()
        .accounts.at(MemberId("M0001"))
        .ledger()
        .BalanceAt(kLater)
        .total();
  }

  testing::TempDir dir_;
  std::unique_ptr<OpLog> log_;
  Timestamp now_ = At("2026-04-08T08:00:00Z");
};

TEST_F(ReplicaSyncTest, TheServerDecidesAndThePhoneShowsWhy) {
  Server({EarnOp("R1", 12800, 1)});
  now_ = At("2026-04-10T08:00:00Z");  // past the points' pending day
  sync::Replica phone(DemoProgram(), *sync::Origin::Parse("member:M0001"));
  Pull(phone);
  ASSERT_EQ(Entries(phone.view()), Entries(log_->state()));
  const int64_t points = ServerTotal();
  ASSERT_GT(points, 50);

  // Offline: the phone spends 50 points; its view shows it at once.
  StatusOr<Operation> spend = phone.Submit(
      "spend_points", {{"member_id", "M0001"}, {"points", 50}, {"ref", "o-1"}},
      At("2026-04-10T08:05:00Z"));
  ASSERT_TRUE(spend.ok()) << spend.status().ToString();
  EXPECT_EQ(phone.queued(), 1u);
  // More than the view holds is refused on the phone, not queued.
  EXPECT_EQ(
      phone
          .Submit(
              "spend_points",
              {{"member_id", "M0001"}, {"points", 1'000'000}, {"ref", "o-2"}},
              At("2026-04-10T08:05:00Z"))
          .status()
          .code(),
      StatusCode::kFailedPrecondition);
  EXPECT_EQ(phone.queued(), 1u);

  // Meanwhile the till refunds the purchase: the points are gone.
  Server({DeviceOp("refund-1", "pos-01", 2, "refund",
                   {{"mall_id", "m-xinjie"},
                    {"receipt_id", "R1"},
                    {"refund_id", "F1"},
                    {"amount_fen", 12800}})});
  ASSERT_EQ(ServerTotal(), 0);

  // Back online: the server refuses the spend; the phone keeps the reason.
  const std::vector<OpResult> answers = Server(phone.ToPush());
  phone.Acknowledge(answers);
  ASSERT_EQ(phone.outcomes().size(), 1u);
  EXPECT_FALSE(phone.outcomes()[0].applied);
  EXPECT_EQ(phone.outcomes()[0].error.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(phone.queued(), 0u);
  Pull(phone);
  EXPECT_EQ(Entries(phone.view()), Entries(log_->state()));
}

TEST_F(ReplicaSyncTest, ALostAnswerIsPushedAgainAndAppliedOnce) {
  Server({EarnOp("R1", 12800, 1)});
  now_ = At("2026-04-10T08:00:00Z");  // past the points' pending day
  sync::Replica phone(DemoProgram(), *sync::Origin::Parse("member:M0001"));
  Pull(phone);
  ASSERT_TRUE(
      phone
          .Submit("spend_points",
                  {{"member_id", "M0001"}, {"points", 10}, {"ref", "o-1"}},
                  At("2026-04-10T08:05:00Z"))
          .ok());
  const int64_t before = ServerTotal();
  Server(phone.ToPush());  // the answer never reaches the phone
  const std::vector<OpResult> again = Server(phone.ToPush());
  ASSERT_EQ(again.size(), 1u);
  EXPECT_TRUE(again[0].replayed);
  EXPECT_TRUE(again[0].applied) << again[0].error.ToString();
  phone.Acknowledge(again);
  EXPECT_TRUE(phone.ToPush().empty());
  EXPECT_EQ(ServerTotal(), before - 10);
  // Until the pull the view already shows it; after, it is the server's.
  EXPECT_EQ(phone.view()
                .accounts.at(MemberId("M0001"))
                .ledger()
                .BalanceAt(kLater)
                .total(),
            before - 10);
  Pull(phone);
  EXPECT_EQ(phone.queued(), 0u);
  EXPECT_EQ(Entries(phone.view()).size(), Entries(log_->state()).size());
  EXPECT_EQ(phone.view()
                .accounts.at(MemberId("M0001"))
                .ledger()
                .BalanceAt(kLater)
                .total(),
            ServerTotal());
}

// Two kiosks offline redeem the same coupon. Whichever the server applies
// first wins, whatever the kiosks' clocks say; the other is rejected, and
// its kiosk drops it from its view and keeps the outcome to report.
TEST_F(ReplicaSyncTest, TwoOfflineKiosksRedeemTheSameCoupon) {
  for (const bool a_first : {true, false}) {
    SCOPED_TRACE(a_first ? "a syncs first" : "b syncs first");
    const std::string coupon = std::string("c-claim-") + (a_first ? "1" : "2");
    Operation add = DeviceOp(std::string("tpl-") + (a_first ? "1" : "2"),
                             "unused", 1, "add_coupon_template", {});
    add.origin = *sync::Origin::Parse("operator:console");
    add.seq = a_first ? 1 : 2;
    add.payload = {{"template",
                    {{"id", std::string("t") + (a_first ? "1" : "2")},
                     {"name", "券"},
                     {"mall_id", "m-xinjie"},
                     {"kind", "cash_off"},
                     {"amount_fen", 1000},
                     {"valid_from", "2026-03-01T00:00:00+08:00"},
                     {"valid_until", "2026-06-01T00:00:00+08:00"}}}};
    Operation claim = add;
    claim.id = std::string("claim-") + (a_first ? "1" : "2");
    claim.origin = *sync::Origin::Parse("member:M0001");
    claim.type = "claim_coupon";
    claim.payload = {{"member_id", "M0001"},
                     {"template_id", std::string("t") + (a_first ? "1" : "2")}};
    for (const OpResult& r : Server({add, claim})) {
      ASSERT_TRUE(r.applied) << r.error.ToString();
    }

    sync::Replica a(DemoProgram(), *sync::Origin::Parse("device:kiosk-a"),
                    a_first ? 1 : 10);
    sync::Replica b(DemoProgram(), *sync::Origin::Parse("device:kiosk-b"),
                    a_first ? 1 : 10);
    const codec::Json redeem = {{"member_id", "M0001"},
                                {"coupon_id", coupon},
                                {"receipt_id", "R9"},
                                {"store_id", "s-101"}};
    // b's clock says it redeemed first; it does not matter.
    ASSERT_TRUE(
        a.Submit("redeem_coupon", redeem, At("2026-04-08T07:30:00Z")).ok());
    ASSERT_TRUE(
        b.Submit("redeem_coupon", redeem, At("2026-04-08T07:10:00Z")).ok());
    sync::Replica& first = a_first ? a : b;
    sync::Replica& second = a_first ? b : a;
    const std::vector<Operation> losing = second.ToPush();
    const std::vector<OpResult> won = Server(first.ToPush());
    const std::vector<OpResult> lost = Server(losing);
    ASSERT_EQ(won.size(), 1u);
    ASSERT_EQ(lost.size(), 1u);
    EXPECT_TRUE(won[0].applied) << won[0].error.ToString();
    EXPECT_FALSE(lost[0].applied);
    EXPECT_EQ(lost[0].error.code(), StatusCode::kFailedPrecondition);
    const CouponInstance* c =
        log_->state().coupons.at(MallId("m-xinjie")).Find(CouponId(coupon));
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->status, CouponStatus::kRedeemed);
    EXPECT_EQ(c->redemption.device, a_first ? "kiosk-a" : "kiosk-b");

    // The loser's answer is lost; it learns by pulling what it sent.
    StatusOr<std::vector<Change>> changes = log_->Pull(
        *sync::Origin::Parse(a_first ? "device:kiosk-b" : "device:kiosk-a"),
        second.cursor(), 100);
    ASSERT_TRUE(changes.ok());
    ASSERT_TRUE(second.Pulled(second.cursor(), *changes).ok());
    EXPECT_EQ(second.queued(), 0u);
    ASSERT_EQ(second.outcomes().size(), 1u);
    EXPECT_FALSE(second.outcomes()[0].applied);
    EXPECT_EQ(second.outcomes()[0].error.code(),
              StatusCode::kFailedPrecondition);
    // Pushed again, it answers the same: the decision does not change.
    const std::vector<OpResult> again = Server(losing);
    ASSERT_EQ(again.size(), 1u);
    EXPECT_TRUE(again[0].replayed);
    EXPECT_EQ(again[0].error.code(), StatusCode::kFailedPrecondition);
  }
}

}  // namespace
}  // namespace atrium::store
