// Readers: read-only connections beside a writer under WAL. A report reads
// what is committed while a write is under way, never waits for it, and
// never writes.
#include "atrium/store/readers.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace atrium::store {
namespace {

std::unique_ptr<Db> Writer(const std::string& path) {
  StatusOr<std::unique_ptr<Db>> db = Db::Open(path);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_TRUE((*db)
                  ->Exec("PRAGMA journal_mode = WAL;"
                         "CREATE TABLE receipts (fen INTEGER NOT NULL);"
                         "INSERT INTO receipts VALUES (100);")
                  .ok());
  return std::move(*db);
}

int64_t Count(Readers& readers) {
  StatusOr<StatusOr<int64_t>> n = readers.With(
      [](Db& db) { return db.QueryInt("SELECT COUNT(*) FROM receipts"); });
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_TRUE(n->ok()) << n->status().ToString();
  return **n;
}

TEST(ReadersTest, ReadWhatIsCommittedWhileTheWriterWrites) {
  testing::TempDir dir;
  std::unique_ptr<Db> writer = Writer(dir.File("log.db"));
  Readers readers(dir.File("log.db"));
  ASSERT_EQ(Count(readers), 1);
  ASSERT_TRUE(
      writer->Exec("BEGIN IMMEDIATE; INSERT INTO receipts VALUES (200);").ok());
  // The writer's transaction is open: the reader sees the last commit and
  // does not wait for this one.
  EXPECT_EQ(Count(readers), 1);
  ASSERT_TRUE(writer->Exec("COMMIT").ok());
  EXPECT_EQ(Count(readers), 2);
}

TEST(ReadersTest, AConnectionIsKeptForTheNextRead) {
  testing::TempDir dir;
  std::unique_ptr<Db> writer = Writer(dir.File("log.db"));
  Readers readers(dir.File("log.db"));
  for (int i = 0; i < 5; ++i) Count(readers);
  EXPECT_EQ(readers.opened(), 1U);
}

TEST(ReadersTest, AReaderCannotWrite) {
  testing::TempDir dir;
  std::unique_ptr<Db> writer = Writer(dir.File("log.db"));
  Readers readers(dir.File("log.db"));
  StatusOr<bool> wrote = readers.With(
      [](Db& db) { return db.Exec("INSERT INTO receipts VALUES (300)").ok(); });
  ASSERT_TRUE(wrote.ok());
  EXPECT_FALSE(*wrote);
  EXPECT_EQ(Count(readers), 1);
}

TEST(ReadersTest, NoDatabaseIsUnavailableNotMade) {
  testing::TempDir dir;
  Readers readers(dir.File("missing.db"));
  StatusOr<int> r = readers.With([](Db&) { return 1; });
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace atrium::store
