// A client's replica in its own SQLite file: what it queued offline and
// what it pulled (a kiosk: its served members' history too) outlive a
// restart, the server's answers are kept to show, and a file is never read
// as another member's.
#include "atrium/store/replica_store.h"

#include <gtest/gtest.h>

#include "atrium/store/op_log.h"
#include "atrium/store/sqlite.h"
#include "logged_op.h"
#include "shared_files.h"
#include "temp_dir.h"

namespace atrium::store {
namespace {

using sync::Operation;
using testing::DemoProgram;

Timestamp At(const char* iso) { return *ParseIso8601(iso); }

const sync::Origin kPhone = *sync::Origin::Parse("member:M0001");

using testing::DeviceOp;

class ReplicaStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ =
        std::move(OpLog::Open(dir_.File("server.db"), DemoProgram()).value());
    Apply(
        {DeviceOp("reg-1", "desk", 1, "register",
                  {{"member_id", "M0001"}, {"phone", "13800000001"}}),
         DeviceOp("earn-R1", "desk", 2, "earn",
                  {{"receipt",
                    {{"id", "R1"},
                     {"mall_id", "m-xinjie"},
                     {"store_id", "s-101"},
                     {"member_id", "M0001"},
                     {"at", "2026-04-08T07:00:00Z"},
                     {"lines",
                      {{{"category", "fashion"}, {"amount_fen", 12800}}}}}}})});
  }
  std::vector<OpResult> Apply(const std::vector<Operation>& ops) {
    StatusOr<std::vector<OpResult>> r = server_->ApplyBatch(ops, now_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::vector<OpResult>{};
  }
  std::unique_ptr<ReplicaStore> OpenPhone(int64_t next_seq = 1) {
    StatusOr<std::unique_ptr<ReplicaStore>> s = ReplicaStore::Open(
        dir_.File("phone.db"), DemoProgram(), kPhone, next_seq);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }
  void Pull(ReplicaStore& phone) {
    const int64_t after = phone.replica().cursor();
    StatusOr<std::vector<Change>> changes = server_->Pull(kPhone, after, 100);
    ASSERT_TRUE(changes.ok());
    ASSERT_TRUE(phone.Pulled(after, *changes).ok());
  }
  static int64_t Usable(const sync::GroupState& s) {
    return s.accounts.at(MemberId("M0001"))
        .ledger()
        .BalanceAt(At("2026-04-20T00:00:00Z"))
        .usable;
  }
  static int64_t Usable(const ReplicaStore& phone) {
    return Usable(phone.replica().view());
  }
  int64_t ServerUsable() const { return Usable(server_->state()); }
  StatusOr<Operation> Spend(ReplicaStore& phone, int64_t points,
                            const char* ref) {
    return phone.Submit(
        "spend_points",
        {{"member_id", "M0001"}, {"points", points}, {"ref", ref}},
        At("2026-04-10T08:05:00Z"));
  }

  testing::TempDir dir_;
  std::unique_ptr<OpLog> server_;
  Timestamp now_ = At("2026-04-08T08:00:00Z");
};

TEST_F(ReplicaStoreTest, WhatWasPulledAndQueuedOutlivesARestart) {
  {
    std::unique_ptr<ReplicaStore> phone = OpenPhone();
    ASSERT_NE(phone, nullptr);
    Pull(*phone);
    ASSERT_GT(ServerUsable(), 50);
    ASSERT_EQ(Usable(*phone), ServerUsable());
    // Offline: two spends queued.
    ASSERT_TRUE(Spend(*phone, 20, "o-1").ok());
    ASSERT_TRUE(Spend(*phone, 30, "o-2").ok());
    EXPECT_EQ(Usable(*phone), ServerUsable() - 50);
  }
  const int64_t after_spends = ServerUsable() - 50;
  std::unique_ptr<ReplicaStore> phone = OpenPhone();
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->replica().queued(), 2u);
  EXPECT_EQ(Usable(*phone), after_spends);
  EXPECT_EQ(phone->replica().next_seq(), 3);
  EXPECT_EQ(phone->replica().cursor(),
            server_->Pull(kPhone, 0, 100)->back().cursor);

  // Online again: pushed, answered, pulled; the view is the server's.
  now_ = At("2026-04-10T08:10:00Z");
  const std::vector<OpResult> answers = Apply(phone->ToPush());
  ASSERT_EQ(answers.size(), 2u);
  ASSERT_TRUE(phone->Acknowledge(answers).ok());
  Pull(*phone);
  EXPECT_EQ(phone->replica().queued(), 0u);
  EXPECT_EQ(ServerUsable(), after_spends);
  EXPECT_EQ(Usable(*phone), after_spends);
  // And after another restart the outcomes are still there to show.
  phone.reset();
  phone = OpenPhone();
  ASSERT_NE(phone, nullptr);
  ASSERT_EQ(phone->outcomes().size(), 2u);
  EXPECT_TRUE(phone->outcomes()[0].applied);
  EXPECT_EQ(phone->outcomes()[1].op_id, "member:M0001:2");
  EXPECT_TRUE(phone->ToPush().empty());
  EXPECT_EQ(Usable(*phone), after_spends);
}

TEST_F(ReplicaStoreTest, ARefusalIsKeptWithItsReasonAndTheSpendUndone) {
  std::unique_ptr<ReplicaStore> phone = OpenPhone();
  ASSERT_NE(phone, nullptr);
  Pull(*phone);
  ASSERT_TRUE(Spend(*phone, 100, "o-1").ok());
  // Meanwhile the till spends all but 28 of the points.
  const int64_t till_spends = ServerUsable() - 28;
  ASSERT_GT(till_spends, 0);
  const Operation pos = DeviceOp(
      "pay-1", "pos-01", 1, "spend_points",
      {{"member_id", "M0001"}, {"points", till_spends}, {"ref", "p-1"}});
  now_ = At("2026-04-10T08:01:00Z");
  ASSERT_TRUE(Apply({pos})[0].applied);

  ASSERT_TRUE(phone->Acknowledge(Apply(phone->ToPush())).ok());
  Pull(*phone);
  phone.reset();
  phone = OpenPhone();
  ASSERT_NE(phone, nullptr);
  ASSERT_EQ(phone->outcomes().size(), 1u);
  EXPECT_FALSE(phone->outcomes()[0].applied);
  EXPECT_EQ(phone->outcomes()[0].error.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Usable(*phone), 28);
}

TEST_F(ReplicaStoreTest, ARefusedSubmitQueuesNothing) {
  std::unique_ptr<ReplicaStore> phone = OpenPhone();
  ASSERT_NE(phone, nullptr);
  Pull(*phone);
  EXPECT_EQ(Spend(*phone, 1000, "o-1").status().code(),
            StatusCode::kFailedPrecondition);
  phone.reset();
  phone = OpenPhone();
  EXPECT_EQ(phone->replica().queued(), 0u);
  EXPECT_EQ(phone->replica().next_seq(), 1);
}

TEST_F(ReplicaStoreTest, TheServersNextSeqIsTakenWhenItIsAhead) {
  // Signed in again on a new phone after sending 7 operations elsewhere.
  std::unique_ptr<ReplicaStore> phone = OpenPhone(8);
  ASSERT_NE(phone, nullptr);
  Pull(*phone);
  StatusOr<Operation> op = Spend(*phone, 1, "o-1");
  ASSERT_TRUE(op.ok());
  EXPECT_EQ(op->id, "member:M0001:8");
  phone.reset();
  // A stale next_seq from the server does not take it back.
  phone = OpenPhone(2);
  EXPECT_EQ(phone->replica().next_seq(), 9);
}

TEST_F(ReplicaStoreTest, AnotherMembersFileIsRefused) {
  ASSERT_NE(OpenPhone(), nullptr);
  StatusOr<std::unique_ptr<ReplicaStore>> other =
      ReplicaStore::Open(dir_.File("phone.db"), DemoProgram(),
                         *sync::Origin::Parse("member:M0002"), 1);
  EXPECT_EQ(other.status().code(), StatusCode::kFailedPrecondition);
}

TEST_F(ReplicaStoreTest, AFileFromANewerAtriumIsNotTouched) {
  ASSERT_NE(OpenPhone(), nullptr);
  {
    std::unique_ptr<Db> db = std::move(Db::Open(dir_.File("phone.db")).value());
    ASSERT_TRUE(db->Exec("PRAGMA user_version = 99").ok());
  }
  StatusOr<std::unique_ptr<ReplicaStore>> s =
      ReplicaStore::Open(dir_.File("phone.db"), DemoProgram(), kPhone, 1);
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  std::unique_ptr<Db> db = std::move(Db::Open(dir_.File("phone.db")).value());
  EXPECT_EQ(*db->QueryInt("PRAGMA user_version"), 99);
}

// A kiosk served a member keeps their history: restarted, it still holds
// them and can act for them before the network is back.
TEST_F(ReplicaStoreTest, AKioskStillHoldsAServedMemberAfterARestart) {
  const sync::Origin kiosk = *sync::Origin::Parse("device:kiosk-1");
  auto open = [&] {
    return std::move(
        ReplicaStore::Open(dir_.File("kiosk.db"), DemoProgram(), kiosk, 1)
            .value());
  };
  {
    std::unique_ptr<ReplicaStore> k = open();
    const int64_t after = k->replica().cursor();
    ASSERT_TRUE(k->Pulled(after, *server_->Pull(kiosk, after, 100)).ok());
    EXPECT_FALSE(k->replica().view().accounts.contains(MemberId("M0001")));
    ASSERT_TRUE(server_->Serve(kiosk, MemberId("M0001"), now_).ok());
    ASSERT_TRUE(
        k->HistoryPulled(*server_->History(kiosk, MemberId("M0001"), 0, 100))
            .ok());
    ASSERT_EQ(Usable(k->replica().view()), ServerUsable());
  }
  std::unique_ptr<ReplicaStore> k = open();
  ASSERT_TRUE(k->replica().view().accounts.contains(MemberId("M0001")));
  EXPECT_EQ(Usable(k->replica().view()), ServerUsable());
  EXPECT_EQ(k->Submit("spend_points",
                      {{"member_id", "M0001"}, {"points", 10}, {"ref", "k"}},
                      At("2026-04-10T08:05:00Z"))
                .status()
                .code(),
            StatusCode::kOk);
  EXPECT_EQ(Usable(k->replica().view()), ServerUsable() - 10);
}

// A file written before kiosks kept history opens, and keeps what it held.
TEST_F(ReplicaStoreTest, AFileFromAnOlderAtriumIsBroughtUpToDate) {
  {
    std::unique_ptr<ReplicaStore> phone = OpenPhone();
    Pull(*phone);
    ASSERT_TRUE(Spend(*phone, 20, "o-1").ok());
  }
  {
    std::unique_ptr<Db> db = std::move(Db::Open(dir_.File("phone.db")).value());
    ASSERT_TRUE(db->Exec("DROP TABLE replica_history").ok());
    ASSERT_TRUE(db->Exec("PRAGMA user_version = 1").ok());
  }
  std::unique_ptr<ReplicaStore> phone = OpenPhone();
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->replica().queued(), 1u);
  EXPECT_EQ(Usable(*phone), ServerUsable() - 20);
  std::unique_ptr<Db> db = std::move(Db::Open(dir_.File("phone.db")).value());
  EXPECT_EQ(*db->QueryInt("PRAGMA user_version"), 2);
}

TEST_F(ReplicaStoreTest, APushAnswerAndAPullPageRoundTripThroughJson) {
  std::unique_ptr<ReplicaStore> phone = OpenPhone();
  ASSERT_NE(phone, nullptr);
  StatusOr<std::vector<Change>> changes = server_->Pull(kPhone, 0, 100);
  ASSERT_TRUE(changes.ok());
  ASSERT_FALSE(changes->empty());
  for (const Change& c : *changes) {
    // As the server writes a change, and as a client reads it back.
    const codec::Json j = {{"cursor", c.cursor},
                           {"op_id", c.op_id},
                           {"operation", codec::Json::parse(c.operation)},
                           {"result", codec::Json::parse(c.result)},
                           {"applied_at", FormatIso8601(c.applied_at)},
                           {"applied", c.applied}};
    StatusOr<Change> back = sync::ChangeFromJson(j);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->cursor, c.cursor);
    EXPECT_EQ(codec::Json::parse(back->operation),
              codec::Json::parse(c.operation));
    EXPECT_EQ(back->applied_at, c.applied_at);
  }
  EXPECT_EQ(sync::ChangeFromJson({{"cursor", 1}}).status().code(),
            StatusCode::kInvalidArgument);

  Pull(*phone);
  ASSERT_TRUE(Spend(*phone, 5, "o-1").ok());
  for (const OpResult& r : Apply(phone->ToPush())) {
    StatusOr<OpResult> back = sync::OpResultFromJson(sync::OpResultToJson(r));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->op_id, r.op_id);
    EXPECT_EQ(back->applied, r.applied);
    EXPECT_EQ(back->cursor, r.cursor);
    EXPECT_EQ(back->result, r.result);
  }
}

}  // namespace
}  // namespace atrium::store
