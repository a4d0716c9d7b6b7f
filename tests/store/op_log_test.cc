#include "atrium/store/op_log.h"

#include <gtest/gtest.h>

#include "logged_op.h"
#include "shared_files.h"
#include "temp_dir.h"

namespace atrium::store {
namespace {

using sync::Operation;

using testing::DemoProgram;

Timestamp At(const char* iso) { return *ParseIso8601(iso); }

using testing::LoggedOp;

Operation Register(const std::string& member, const std::string& phone,
                   int64_t seq) {
  return LoggedOp("reg-" + member, "device:desk-1", seq, "register",
                  {{"member_id", member}, {"phone", phone}});
}

Operation Earn(const std::string& id, const std::string& member,
               int64_t amount_fen, int64_t seq) {
  codec::Json receipt = {
      {"id", id},
      {"mall_id", "m-xinjie"},
      {"store_id", "s-101"},
      {"member_id", member},
      {"at", "2026-04-08T07:00:00Z"},
      {"lines", {{{"category", "fashion"}, {"amount_fen", amount_fen}}}}};
  return LoggedOp("earn-" + id, "device:pos-01", seq, "earn",
                  {{"receipt", receipt}});
}

Operation Spend(const std::string& id, const std::string& member,
                int64_t points, int64_t seq) {
  return LoggedOp(
      id, "member:" + member, seq, "spend_points",
      {{"member_id", member}, {"points", points}, {"ref", "order-1"}});
}

int64_t Usable(const OpLog& log, const std::string& member) {
  return log.state()
      .accounts.at(MemberId(member))
      .ledger()
      .BalanceAt(At("2026-05-01T00:00:00Z"))
      .usable;
}

// The text in the first column of the first row `sql` gives.
std::string QueryText(Db& db, const std::string& sql) {
  StatusOr<Statement*> s = db.Prepare(sql);
  if (!s.ok()) return s.status().ToString();
  StatusOr<bool> row = (*s)->Step();
  std::string out = row.ok() && *row ? std::string((*s)->Text(0)) : "";
  (*s)->Reset();
  return out;
}

class OpLogTest : public ::testing::Test {
 protected:
  std::unique_ptr<OpLog> Open() {
    StatusOr<std::unique_ptr<OpLog>> log =
        OpLog::Open(dir_.File("atrium.db"), DemoProgram());
    EXPECT_TRUE(log.ok()) << log.status().ToString();
    return log.ok() ? std::move(*log) : nullptr;
  }
  std::vector<OpResult> Apply(OpLog& log, std::vector<Operation> ops) {
    StatusOr<std::vector<OpResult>> r =
        log.ApplyBatch(ops, At("2026-04-08T08:00:00Z"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(*r) : std::vector<OpResult>{};
  }
  testing::TempDir dir_;
};

TEST_F(OpLogTest, AnOperationAppliesOnceAndAnswersTheSameAgain) {
  auto log = Open();
  auto first = Apply(*log, {Register("M0001", "13800000001", 1),
                            Earn("R1", "M0001", 10000, 1)});
  ASSERT_EQ(first.size(), 2u);
  ASSERT_TRUE(first[1].applied) << first[1].error.ToString();
  const int64_t points = first[1].result["points"].get<int64_t>();
  EXPECT_GT(points, 0);
  // The same operation again, alone and twice in one batch.
  auto again = Apply(
      *log, {Earn("R1", "M0001", 10000, 1), Earn("R1", "M0001", 10000, 1)});
  for (const OpResult& r : again) {
    EXPECT_TRUE(r.replayed);
    EXPECT_EQ(r.result, first[1].result);
    EXPECT_EQ(r.cursor, first[1].cursor);
  }
  EXPECT_EQ(
      log->state().accounts.at(MemberId("M0001")).ledger().entries().size(),
      1u);
  EXPECT_EQ(*log->db().QueryInt("SELECT count(*) FROM ledger_entries"), 1);
}

TEST_F(OpLogTest, APassedSequenceNumberAnswersWithItsFirstResult) {
  auto log = Open();
  Apply(*log, {Register("M0001", "13800000001", 1)});
  auto first = Apply(*log, {Earn("R1", "M0001", 10000, 5)});
  // Another id under the same (origin, seq): the first answer, no change.
  auto dup = Apply(*log, {Earn("R2", "M0001", 99900, 5)});
  EXPECT_TRUE(dup[0].replayed);
  EXPECT_EQ(dup[0].result, first[0].result);
  // A seq below the last that was never used: refused, not stored.
  auto old = Apply(*log, {Earn("R3", "M0001", 100, 4)});
  EXPECT_FALSE(old[0].applied);
  EXPECT_EQ(old[0].error.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(*log->db().QueryInt("SELECT count(*) FROM receipts"), 1);
}

TEST_F(OpLogTest, AReusedIdWithAnotherBodyIsRefused) {
  auto log = Open();
  Apply(*log,
        {Register("M0001", "13800000001", 1), Earn("R1", "M0001", 10000, 1)});
  Operation changed = Earn("R1", "M0001", 20000, 2);
  auto r = Apply(*log, {changed});
  EXPECT_FALSE(r[0].applied);
  EXPECT_EQ(r[0].error.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(*log->db().QueryInt("SELECT count(*) FROM operations"), 2);
  // Reopened, the log still knows every id: the log, not an index, keeps
  // them unique.
  log.reset();
  log = Open();
  EXPECT_EQ(Apply(*log, {changed})[0].error.code(), StatusCode::kAlreadyExists);
  const auto repeat = Apply(*log, {Earn("R1", "M0001", 10000, 1)});
  EXPECT_TRUE(repeat[0].replayed);
  EXPECT_TRUE(repeat[0].applied);
  EXPECT_EQ(*log->db().QueryInt("SELECT count(*) FROM operations"), 2);
}

TEST_F(OpLogTest, FindsAStoredOperationAndEachOriginsLastSequence) {
  auto log = Open();
  Apply(*log,
        {Register("M0001", "13800000001", 3), Earn("R1", "M0001", 10000, 7)});
  EXPECT_EQ(log->LastSeq(*sync::Origin::Parse("device:desk-1")), 3);
  EXPECT_EQ(log->LastSeq(*sync::Origin::Parse("device:pos-01")), 7);
  EXPECT_EQ(log->LastSeq(*sync::Origin::Parse("device:pos-02")), 0);
  EXPECT_TRUE(log->Contains("earn-R1"));
  EXPECT_FALSE(log->Contains("earn-R2"));
  StatusOr<std::optional<OpLog::Stored>> found = log->Find("earn-R1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->operation,
            sync::CanonicalJson(Earn("R1", "M0001", 10000, 7)));
  EXPECT_TRUE((*found)->result.applied);
  EXPECT_GT((*found)->result.result["points"].get<int64_t>(), 0);
  StatusOr<std::optional<OpLog::Stored>> missing = log->Find("earn-R2");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(OpLogTest, TheTierHistoryRecordsEveryChangeOnce) {
  // The tier a member joined at, and each upgrade with the operation that
  // made it, in the order they happened.
  const std::string history =
      "SELECT group_concat(tier_id || ':' || coalesce(op_id, ''), ' ') "
      "FROM (SELECT * FROM tier_history WHERE member_id = 'M0001' "
      "ORDER BY rowid)";
  // A purchase on April `day`, applied a minute later.
  const auto buy = [](OpLog& log, const std::string& id, int64_t fen,
                      int64_t seq, int day) {
    Operation op = Earn(id, "M0001", fen, seq);
    const std::string at = "2026-04-0" + std::to_string(day) + "T10:00:00Z";
    op.payload["receipt"]["at"] = at;
    StatusOr<std::vector<OpResult>> r = log.ApplyBatch(
        std::vector<Operation>{op}, At(at.c_str()).PlusSeconds(60));
    ASSERT_TRUE(r.ok() && (*r)[0].applied) << id;
  };
  {
    auto log = Open();
    const std::vector<Operation> join = {Register("M0001", "13800000001", 1)};
    ASSERT_TRUE(log->ApplyBatch(join, At("2026-04-01T08:00:00Z")).ok());
    buy(*log, "R1", 100'000, 1, 2);
    EXPECT_EQ(QueryText(log->db(), history), "normal:reg-M0001");
    buy(*log, "R2", 600'000, 2, 3);    // ¥7,000 in the year
    buy(*log, "R3", 1'400'000, 3, 4);  // ¥21,000
    EXPECT_EQ(QueryText(log->db(), history),
              "normal:reg-M0001 silver:earn-R2 gold:earn-R3");
    EXPECT_EQ(log->state().accounts.at(MemberId("M0001")).tier().tier,
              TierId("gold"));
  }
  // Reopened: nothing written twice, and the programme's tiers are there
  // for the history to name.
  auto log = Open();
  buy(*log, "R4", 100, 4, 5);
  EXPECT_EQ(QueryText(log->db(), history),
            "normal:reg-M0001 silver:earn-R2 gold:earn-R3");
  EXPECT_EQ(*log->db().QueryInt("SELECT count(*) FROM tiers"), 4);
}

// A claimed plate is stored only once proven; the licence moves it.
TEST_F(OpLogTest, APlateIsStoredAsItsKeyedHashAndMaskedForm) {
  auto log = Open();
  const std::string hash(64, 'c');
  const codec::Json plate = {{"value", hash}, {"display", "沪A***45"}};
  auto verify = [&](const std::string& id, const std::string& member,
                    int64_t seq) {
    return LoggedOp(
        id, "operator:desk", seq, "verify_plate",
        {{"member_id", member}, {"plate", plate}, {"proof", "licence"}});
  };
  const auto r = Apply(
      *log,
      {Register("M0001", "13800000001", 1), Register("M0002", "13800000002", 2),
       LoggedOp(
           "bind-1", "member:M0001", 1, "link_identity",
           {{"member_id", "M0001"},
            {"identity",
             {{"kind", "plate"}, {"value", hash}, {"display", "沪A***45"}}}})});
  ASSERT_TRUE(r[2].applied) << r[2].error.ToString();
  const char* kPlates =
      "SELECT value || ' ' || display || ' ' || member_id FROM identities "
      "WHERE kind = 'plate'";
  EXPECT_EQ(*log->db().QueryInt(
                "SELECT count(*) FROM identities WHERE kind = 'plate'"),
            0);
  ASSERT_TRUE(Apply(*log, {verify("v-1", "M0001", 1)})[0].applied);
  EXPECT_EQ(QueryText(log->db(), kPlates), hash + " 沪A***45 M0001");
  // Only the plate has a masked form: the phone identity has none.
  EXPECT_EQ(*log->db().QueryInt("SELECT count(*) FROM identities WHERE "
                                "display IS NOT NULL"),
            1);
  // A dispute the service desk settled for M0002.
  const auto moved = Apply(*log, {verify("v-2", "M0002", 2)});
  ASSERT_TRUE(moved[0].applied) << moved[0].error.ToString();
  EXPECT_EQ(QueryText(log->db(), kPlates), hash + " 沪A***45 M0002");
}

TEST_F(OpLogTest, RejectedOperationsAreKeptAndChangeNothing) {
  auto log = Open();
  auto r = Apply(
      *log,
      {Register("M0001", "13800000001", 1), Earn("R1", "M0001", 10000, 1),
       Spend("sp-1", "M0001", 1'000'000, 1), Spend("sp-2", "M0002", 1, 1)});
  EXPECT_EQ(r[2].error.code(), StatusCode::kFailedPrecondition);
  // A member spending someone else's points.
  Operation theft = Spend("sp-3", "M0001", 1, 2);
  theft.payload["member_id"] = "M0009";
  auto t = Apply(*log, {theft});
  EXPECT_EQ(t[0].error.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(*log->db().QueryInt(
                "SELECT count(*) FROM operations WHERE outcome = 'rejected'"),
            3);
  EXPECT_EQ(*log->db().QueryInt("SELECT count(*) FROM ledger_entries"), 1);
  // Pushed again, a rejection answers the same.
  auto again = Apply(*log, {Spend("sp-1", "M0001", 1'000'000, 1)});
  EXPECT_TRUE(again[0].replayed);
  EXPECT_EQ(again[0].error.code(), StatusCode::kFailedPrecondition);
}

TEST_F(OpLogTest, ReopeningRebuildsTheSameState) {
  int64_t usable = 0;
  {
    auto log = Open();
    Apply(*log, {Register("M0001", "13800000001", 1),
                 Earn("R1", "M0001", 10000, 1), Earn("R2", "M0001", 25000, 2)});
    Apply(*log, {Spend("sp-1", "M0001", 50, 1)});
    usable = Usable(*log, "M0001");
    ASSERT_GT(usable, 0);
  }
  auto log = Open();
  EXPECT_EQ(Usable(*log, "M0001"), usable);
  // The lots table agrees with the ledger.
  EXPECT_EQ(*log->db().QueryInt("SELECT sum(remaining) FROM lots"), usable);
  // And the log still refuses duplicates after the restart.
  auto again = Apply(*log, {Spend("sp-1", "M0001", 50, 1)});
  EXPECT_TRUE(again[0].replayed);
  EXPECT_EQ(Usable(*log, "M0001"), usable);
}

TEST_F(OpLogTest, AMemberPullsOnlyTheirOwnChangesPageByPage) {
  auto log = Open();
  Apply(*log, {Register("M0001", "13800000001", 1),
               Register("M0002", "13800000002", 2)});
  std::vector<Operation> earns;
  for (int i = 1; i <= 5; ++i) {
    earns.push_back(Earn("A" + std::to_string(i), "M0001", 1000 * i, 2 * i));
    earns.push_back(Earn("B" + std::to_string(i), "M0002", 1000, 2 * i + 1));
  }
  Apply(*log, earns);
  Apply(*log, {Spend("sp-1", "M0001", 1'000'000, 1)});  // rejected

  const sync::Origin me = *sync::Origin::Parse("member:M0001");
  std::vector<Change> all;
  int64_t cursor = 0;
  for (int page = 0; page < 10; ++page) {
    StatusOr<std::vector<Change>> got = log->Pull(me, cursor, 2);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    if (got->empty()) break;
    for (Change& c : *got) {
      EXPECT_GT(c.cursor, cursor);
      cursor = c.cursor;
      all.push_back(std::move(c));
    }
  }
  // Registration and five earns; nothing of M0002, no rejection.
  ASSERT_EQ(all.size(), 6u);
  for (size_t i = 0; i < all.size(); ++i) {
    StatusOr<Operation> op = sync::ParseOperation(all[i].operation);
    ASSERT_TRUE(op.ok()) << op.status().ToString();
    const codec::Json result = *codec::ParseJson(all[i].result);
    if (i == 0) {
      EXPECT_EQ(op->type, "register");
      continue;
    }
    EXPECT_EQ(op->payload["receipt"]["member_id"], "M0001");
    EXPECT_GT(result["points"].get<int64_t>(), 0);
  }
  // The till sees what it sent, for both members.
  StatusOr<std::vector<Change>> till =
      log->Pull(*sync::Origin::Parse("device:pos-01"), 0, 100);
  ASSERT_TRUE(till.ok());
  EXPECT_EQ(till->size(), 10u);
  EXPECT_EQ(log->Pull(me, 0, 0).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(log->Pull(me, -1, 5).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(OpLogTest, ALogThatDisagreesWithTheCodeIsDataLoss) {
  {
    auto log = Open();
    Apply(*log,
          {Register("M0001", "13800000001", 1), Earn("R1", "M0001", 10000, 1)});
    ASSERT_TRUE(log->db()
                    .Exec("UPDATE operations SET result = "
                          "'{\"points\":999999}' WHERE type = 'earn'")
                    .ok());
  }
  StatusOr<std::unique_ptr<OpLog>> log =
      OpLog::Open(dir_.File("atrium.db"), DemoProgram());
  ASSERT_FALSE(log.ok());
  EXPECT_EQ(log.status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace atrium::store
