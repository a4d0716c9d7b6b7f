// Erasing an account in the log: the tables and the stored operations lose
// the member's phone and profile, the ledger stays, and the log replays to
// the same state after a restart.
#include <gtest/gtest.h>

#include "demo_log.h"

namespace atrium::store {
namespace {

using sync::Operation;

const Timestamp kAt = *ParseIso8601("2026-04-08T08:00:00Z");

Operation Op(std::string id, std::string origin, int64_t seq, std::string type,
             codec::Json payload) {
  Operation op;
  op.id = std::move(id);
  op.origin = *sync::Origin::Parse(origin);
  op.seq = seq;
  op.type = std::move(type);
  op.client_time = kAt;
  op.payload = std::move(payload);
  return op;
}

class EraseMemberTest : public ::testing::Test {
 protected:
  std::unique_ptr<OpLog> Open() { return testing::OpenDemoLog(dir_); }
  void Apply(OpLog& log, std::vector<Operation> ops) {
    StatusOr<std::vector<OpResult>> r = log.ApplyBatch(ops, kAt);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    for (const OpResult& one : *r) {
      ASSERT_TRUE(one.applied) << one.error.ToString();
    }
  }
  // Rows of `sql` (a count).
  int64_t Count(OpLog& log, const std::string& sql) {
    return *log.db().QueryInt(sql);
  }
  testing::TempDir dir_;
};

TEST_F(EraseMemberTest, PersonalDataLeavesTheTablesAndTheLog) {
  auto log = Open();
  const codec::Json card = {{"kind", "card"}, {"value", "6222-0001"}};
  Apply(
      *log,
      {Op("reg", "device:desk", 1, "register",
          {{"member_id", "M1"},
           {"phone", "13812345678"},
           {"name", "林小姐"},
           {"identity", card}}),
       Op("prof", "member:M1", 1, "update_profile",
          {{"member_id", "M1"}, {"name", "林晓"}, {"birthday", "02-14"}}),
       Op("earn", "device:pos-01", 1, "earn",
          {{"receipt",
            {{"id", "R1"},
             {"member_id", "M1"},
             {"mall_id", "m-xinjie"},
             {"store_id", "s-101"},
             {"at", "2026-04-08T07:00:00Z"},
             {"lines", {{{"category", "fashion"}, {"amount_fen", 10000}}}}}}}),
       Op("bye", "member:M1", 2, "erase_member", {{"member_id", "M1"}})});
  const auto entries =
      log->state().accounts.at(MemberId("M1")).ledger().entries().size();
  EXPECT_EQ(entries, 1u);  // the ledger stays

  auto no_trace = [&](OpLog& l) {
    EXPECT_EQ(Count(l,
                    "SELECT count(*) FROM identities WHERE member_id = "
                    "'M1'"),
              0);
    EXPECT_EQ(Count(l,
                    "SELECT count(*) FROM members WHERE id = 'M1' AND "
                    "name = '' AND birthday IS NULL AND erased_at IS NOT "
                    "NULL"),
              1);
    EXPECT_EQ(Count(l,
                    "SELECT count(*) FROM operations WHERE body LIKE "
                    "'%13812345678%' OR body LIKE '%林%' OR body LIKE "
                    "'%02-14%'"),
              0);
  };
  no_trace(*log);
  // Replayed after a restart, the rewritten log gives the same state.
  log.reset();
  log = Open();
  ASSERT_NE(log, nullptr);
  const Member* m = log->state().directory.Find(MemberId("M1"));
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->erased_at.has_value());
  EXPECT_TRUE(m->phone.empty());
  EXPECT_EQ(log->state().accounts.at(MemberId("M1")).ledger().entries().size(),
            entries);
  EXPECT_FALSE(log->state().identity_owner.contains("card:6222-0001"));
  no_trace(*log);
  // The phone is free: a new member may register with it.
  Apply(*log, {Op("reg2", "device:desk", 2, "register",
                  {{"member_id", "M2"}, {"phone", "13812345678"}})});
}

}  // namespace
}  // namespace atrium::store
