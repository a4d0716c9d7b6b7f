#include "atrium/store/schema.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "temp_dir.h"

namespace atrium::store {
namespace {

std::unique_ptr<Db> OpenAt(const std::string& path) {
  StatusOr<std::unique_ptr<Db>> db = Db::Open(path);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_TRUE(Configure(**db).ok());
  return std::move(*db);
}

TEST(SchemaTest, ANewDatabaseIsDurableStrictAndCurrent) {
  testing::TempDir dir;
  auto db = OpenAt(dir.File("a.db"));
  ASSERT_TRUE(Migrate(*db).ok());
  EXPECT_EQ(*db->QueryInt("PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(*db->QueryInt("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(*db->QueryInt("PRAGMA synchronous"), 2);  // FULL
  // WAL, unless this SQLite is the browser's, built without it.
  const bool wal_built = *db->QueryInt(
                             "SELECT count(*) FROM pragma_compile_options "
                             "WHERE compile_options = 'OMIT_WAL'") == 0;
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM pragma_journal_mode "
                          "WHERE journal_mode = 'wal'"),
            wal_built ? 1 : 0);
  // STRICT: a word in an integer column is refused, not stored.
  Status s = db->Exec(
      "INSERT INTO tiers(id, rank, name) VALUES ('gold', 'high', 'Gold')");
  EXPECT_FALSE(s.ok());
  // Foreign keys: a ledger entry of nobody is refused.
  s = db->Exec(
      "INSERT INTO ledger_entries(member_id, seq, key, kind, at, points, "
      "requested, target, shortfall, ref, note) VALUES "
      "('M404', 1, 'k', 'earn', 0, 1, 1, 0, 0, '', '')");
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists) << s.ToString();
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM ledger_entries"), 0);
}

TEST(SchemaTest, EveryEarlierVersionUpgrades) {
  for (int from = 0; from < kSchemaVersion; ++from) {
    testing::TempDir dir;
    const std::string path = dir.File("old.db");
    {
      auto db = OpenAt(path);
      ASSERT_TRUE(Migrate(*db, from).ok());
      ASSERT_EQ(*db->QueryInt("PRAGMA user_version"), from);
    }
    auto db = OpenAt(path);
    ASSERT_TRUE(Migrate(*db).ok()) << "from version " << from;
    EXPECT_EQ(*db->QueryInt("PRAGMA user_version"), kSchemaVersion);
    EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM pragma_integrity_check "
                            "WHERE integrity_check = 'ok'"),
              1);
    // Migrating again is a no-op.
    EXPECT_TRUE(Migrate(*db).ok());
  }
}

// Version 2 derives what a lot has left from its draws: a version 1 ledger
// (which kept it in a column) keeps every lot's points left, reversals
// giving back included.
TEST(SchemaTest, AVersionOneLedgerKeepsWhatItsLotsHaveLeft) {
  testing::TempDir dir;
  const std::string path = dir.File("v1.db");
  {
    auto db = OpenAt(path);
    ASSERT_TRUE(Migrate(*db, 1).ok());
    ASSERT_TRUE(db->Exec(R"sql(
      INSERT INTO members(id, group_id, registered_at) VALUES ('M1', 'g', 0);
      INSERT INTO ledger_entries(member_id, seq, key, kind, at, points,
          requested, target, shortfall, usable_from, expires_at, ref, note,
          op_id, remaining) VALUES
        ('M1', 1, 'e1', 'earn', 10, 500, 500, 0, 0, 10, 99, '', '', 'o1', 200),
        ('M1', 2, 'e2', 'earn', 20, 300, 300, 0, 0, 20, 99, '', '', 'o2', 300),
        ('M1', 3, 's1', 'spend', 30, -400, 400, 0, 0, NULL, NULL, '', '',
         'o3', NULL),
        ('M1', 4, 'r1', 'reverse', 40, 100, 100, 3, 0, NULL, NULL, '', '',
         'o4', NULL);
      INSERT INTO ledger_draws(member_id, seq, lot, points)
        VALUES ('M1', 3, 1, 400), ('M1', 4, 1, -100);
    )sql")
                    .ok());
  }
  auto db = OpenAt(path);
  ASSERT_TRUE(Migrate(*db).ok());
  EXPECT_EQ(*db->QueryInt("SELECT remaining FROM lots WHERE seq = 1"), 200);
  EXPECT_EQ(*db->QueryInt("SELECT remaining FROM lots WHERE seq = 2"), 300);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM lots"), 2);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM ledger_draws"), 2);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

TEST(SchemaTest, ADatabaseFromANewerProgramIsLeftAlone) {
  testing::TempDir dir;
  auto db = OpenAt(dir.File("new.db"));
  ASSERT_TRUE(db->Exec("PRAGMA user_version = 99").ok());
  const Status s = Migrate(*db);
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(*db->QueryInt("PRAGMA user_version"), 99);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM sqlite_schema"), 0);
}

TEST(SchemaTest, ANonDatabaseFileIsDataLoss) {
  testing::TempDir dir;
  const std::string path = dir.File("junk.db");
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("this is not a database, just some text long enough", f);
    std::fclose(f);
  }
  StatusOr<std::unique_ptr<Db>> db = Db::Open(path);
  ASSERT_TRUE(db.ok());
  const Status s = Migrate(**db);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss) << s.ToString();
}

}  // namespace
}  // namespace atrium::store
