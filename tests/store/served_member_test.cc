// A kiosk serving a member who signs in there: it gets the member's
// history and from then on their changes, and its view of them ends equal
// to the server's, whatever order the history and the pulls arrive in.
#include <gtest/gtest.h>

#include "atrium/store/op_log.h"
#include "atrium/sync/replica.h"
#include "shared_files.h"
#include "sync/sync_ops.h"
#include "temp_dir.h"

namespace atrium::store {
namespace {

using sync::Operation;
using sync::Origin;
using testing::DemoProgram;
using testing::Op;

const MemberId kMember("M1");
const Origin kKiosk = *Origin::Parse("device:kiosk-1");

Operation Earn(const std::string& receipt, int64_t fen) {
  return Op("earn-" + receipt, "device:pos-01", "earn",
            {{"receipt",
              {{"id", receipt},
               {"mall_id", "m-xinjie"},
               {"store_id", "s-101"},
               {"member_id", kMember.value()},
               {"at", "2026-04-08T07:00:00Z"},
               {"lines", {{{"category", "fashion"}, {"amount_fen", fen}}}}}}});
}

Operation Grant(const std::string& id, const std::string& device) {
  return Op(id, "operator:console", "grant_escrow",
            {{"escrow_id", id},
             {"device_id", device},
             {"expires_at", "2026-05-01T00:00:00Z"},
             {"points_budget", 500}});
}

Operation Spend(const std::string& id, const std::string& device,
                const std::string& escrow, int64_t points) {
  return Op(id, "device:" + device, "spend_points",
            {{"member_id", kMember.value()},
             {"points", points},
             {"ref", id},
             {"escrow_id", escrow}});
}

class ServedMemberTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_ =
        std::move(OpLog::Open(dir_.File("server.db"), DemoProgram()).value());
    Server({Op("reg", "device:desk", "register",
               {{"member_id", kMember.value()}, {"phone", "13800000001"}}),
            Earn("R1", 50'000)});
    now_ = now_.PlusSeconds(2 * 86'400);  // past the points' pending days
  }
  void Server(std::vector<Operation> ops) {
    // Each origin numbers its operations.
    for (Operation& op : ops) op.seq = ++seq_[op.origin.ToString()];
    StatusOr<std::vector<OpResult>> r = log_->ApplyBatch(ops, now_);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    for (const OpResult& x : *r) {
      EXPECT_TRUE(x.applied) << x.op_id << ": " << x.error.ToString();
    }
  }
  std::vector<Change> PullPage(const sync::Replica& kiosk) {
    StatusOr<std::vector<Change>> page =
        log_->Pull(kKiosk, kiosk.cursor(), kMaxPull);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? *page : std::vector<Change>{};
  }
  void Pull(sync::Replica& kiosk) {
    const int64_t after = kiosk.cursor();
    ASSERT_TRUE(kiosk.Pulled(after, PullPage(kiosk)).ok());
  }
  std::vector<Change> History() {
    StatusOr<std::vector<Change>> h =
        log_->History(kKiosk, kMember, 0, kMaxPull);
    EXPECT_TRUE(h.ok()) << h.status().ToString();
    return h.ok() ? *h : std::vector<Change>{};
  }
  // The kiosk holds the member as the server does.
  void ExpectSameMember(const sync::Replica& kiosk) {
    const auto held = kiosk.view().accounts.find(kMember);
    ASSERT_NE(held, kiosk.view().accounts.end()) << "the kiosk lacks them";
    EXPECT_EQ(held->second.ledger().entries(),
              log_->state().accounts.at(kMember).ledger().entries());
  }

  testing::TempDir dir_;
  std::unique_ptr<OpLog> log_;
  std::map<std::string, int64_t> seq_;
  Timestamp now_ = testing::kOpsNow;
};

TEST_F(ServedMemberTest, ASignedInMemberIsHeldWithTheirHistory) {
  sync::Replica kiosk(DemoProgram(), kKiosk);
  Pull(kiosk);
  EXPECT_FALSE(kiosk.view().accounts.contains(kMember));

  ASSERT_TRUE(log_->Serve(kKiosk, kMember, now_).ok());
  ASSERT_TRUE(kiosk.HistoryPulled(History()).ok());
  ExpectSameMember(kiosk);
  // Later changes come with the pull.
  Server({Earn("R2", 20'000)});
  Pull(kiosk);
  ExpectSameMember(kiosk);
  EXPECT_EQ(kiosk.view().accounts.at(kMember).ledger().entries().size(), 2U);
  // A history that arrives twice changes nothing.
  ASSERT_TRUE(kiosk.HistoryPulled(History()).ok());
  ExpectSameMember(kiosk);
}

TEST_F(ServedMemberTest, APageReadBeforeTheSignInMissesNothing) {
  sync::Replica kiosk(DemoProgram(), kKiosk);
  Pull(kiosk);
  Server({Earn("R2", 20'000)});
  // A pull read now, before the sign-in, carries none of the member's
  // changes; it arrives after the history.
  const int64_t after = kiosk.cursor();
  const std::vector<Change> stale = PullPage(kiosk);
  ASSERT_TRUE(log_->Serve(kKiosk, kMember, now_).ok());
  Server({Earn("R3", 30'000)});
  ASSERT_TRUE(kiosk.HistoryPulled(History()).ok());
  ASSERT_TRUE(kiosk.Pulled(after, stale).ok());
  Pull(kiosk);
  ExpectSameMember(kiosk);
  EXPECT_EQ(kiosk.view().accounts.at(kMember).ledger().entries().size(), 3U);
}

TEST_F(ServedMemberTest, AnEscrowedSpendMadeBeforeTheSignInCountsOnce) {
  Server({Grant("esc-1", "kiosk-1")});
  sync::Replica kiosk(DemoProgram(), kKiosk);
  Pull(kiosk);
  // Offline, for a member it does not hold: charged to the escrow only.
  StatusOr<Operation> spend = kiosk.Submit("spend_points",
                                           {{"member_id", kMember.value()},
                                            {"points", 120},
                                            {"ref", "p-1"},
                                            {"escrow_id", "esc-1"}},
                                           now_);
  ASSERT_TRUE(spend.ok()) << spend.status().ToString();
  StatusOr<std::vector<OpResult>> r = log_->ApplyBatch(kiosk.ToPush(), now_);
  ASSERT_TRUE(r.ok());
  kiosk.Acknowledge(*r);
  Pull(kiosk);
  ASSERT_TRUE(log_->Serve(kKiosk, kMember, now_).ok());
  ASSERT_TRUE(kiosk.HistoryPulled(History()).ok());
  ExpectSameMember(kiosk);
  EXPECT_EQ(kiosk.view().escrows.at("esc-1").points_used(), 120);
  EXPECT_EQ(log_->state().escrows.at("esc-1").points_used(), 120);
}

TEST_F(ServedMemberTest, AnotherKiosksEscrowedSpendShowsOnTheMember) {
  // Kiosk 2 spends under its own escrow, which kiosk 1 never sees.
  Server({Grant("esc-2", "kiosk-2"), Spend("p-2", "kiosk-2", "esc-2", 80)});
  sync::Replica kiosk(DemoProgram(), kKiosk);
  ASSERT_TRUE(log_->Serve(kKiosk, kMember, now_).ok());
  Pull(kiosk);
  ExpectSameMember(kiosk);
  EXPECT_FALSE(kiosk.view().escrows.contains("esc-2"));
}

TEST_F(ServedMemberTest, OnlyADeviceIsServedAndOnlyRegisteredMembers) {
  EXPECT_EQ(log_->Serve(*Origin::Parse("member:M1"), kMember, now_).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(log_->Serve(kKiosk, MemberId("M404"), now_).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(log_->History(kKiosk, kMember, 0, 10).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(log_->History(kKiosk, kMember, -1, 10).status().code(),
            StatusCode::kInvalidArgument);
  sync::Replica phone(DemoProgram(), *Origin::Parse("member:M1"));
  EXPECT_EQ(phone.HistoryPulled({}).code(), StatusCode::kFailedPrecondition);
  // Serving twice is serving once.
  ASSERT_TRUE(log_->Serve(kKiosk, kMember, now_).ok());
  ASSERT_TRUE(log_->Serve(kKiosk, kMember, now_).ok());
  EXPECT_EQ(*log_->db().QueryInt("SELECT count(*) FROM device_members "
                                 "WHERE device = 'device:kiosk-1'"),
            1);
}

TEST_F(ServedMemberTest, TheDeskWhereTheyRegisteredKeepsUpWithThem) {
  sync::Replica desk(DemoProgram(), *Origin::Parse("device:desk"));
  Server({Earn("R2", 20'000)});
  StatusOr<std::vector<Change>> page =
      log_->Pull(*Origin::Parse("device:desk"), 0, kMaxPull);
  ASSERT_TRUE(page.ok());
  ASSERT_TRUE(desk.Pulled(0, *page).ok());
  ASSERT_TRUE(desk.view().accounts.contains(kMember));
  EXPECT_EQ(desk.view().accounts.at(kMember).ledger().entries(),
            log_->state().accounts.at(kMember).ledger().entries());
}

}  // namespace
}  // namespace atrium::store
