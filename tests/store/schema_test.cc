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
