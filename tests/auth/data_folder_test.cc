// 13. The data folder is the server's user's alone: its key made 0600 from
// the start, databases created owner-only, and an older folder narrowed.
#include "atrium/auth/data_folder.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "../store/temp_dir.h"
#include "atrium/store/sqlite.h"

namespace atrium::auth {
namespace {

mode_t ModeOf(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 0777;
}

TEST(DataFolderTest, TheKeyAndTheDatabasesAreTheOwnersAlone) {
  testing::TempDir dir;
  const mode_t before = umask(022);
  RestrictNewFiles();
  const std::string data = dir.File("data");
  StatusOr<std::vector<std::string>> narrowed = PrepareDataFolder(data);
  ASSERT_TRUE(narrowed.ok()) << narrowed.status().ToString();
  EXPECT_EQ(ModeOf(data), 0700u);

  StatusOr<std::string> key = LoadOrMakeKey(data + "/server.key");
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(key->size(), 32u);
  EXPECT_EQ(ModeOf(data + "/server.key"), 0600u);
  EXPECT_EQ(*LoadOrMakeKey(data + "/server.key"), *key);  // read back

  {
    StatusOr<std::unique_ptr<store::Db>> db =
        store::Db::Open(data + "/atrium.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("PRAGMA journal_mode = WAL; "
                           "CREATE TABLE t (x INTEGER) STRICT; "
                           "INSERT INTO t VALUES (1);")
                    .ok());
    for (const char* name : {"/atrium.db", "/atrium.db-wal"}) {
      EXPECT_EQ(ModeOf(data + name), 0600u) << name;
    }
  }
  umask(before);
}

TEST(DataFolderTest, AnOlderFolderIsNarrowedAndAnOpenKeyRefused) {
  testing::TempDir dir;
  const std::string data = dir.File("old");
  std::filesystem::create_directories(data);
  chmod(data.c_str(), 0755);
  for (const char* name : {"/atrium.db", "/server.key"}) {
    std::ofstream(data + name) << std::string(32, 'k');
    chmod((data + name).c_str(), 0644);
  }
  // Before the folder is prepared, a key others may read is refused.
  EXPECT_EQ(LoadOrMakeKey(data + "/server.key").status().code(),
            StatusCode::kFailedPrecondition);
  StatusOr<std::vector<std::string>> narrowed = PrepareDataFolder(data);
  ASSERT_TRUE(narrowed.ok());
  EXPECT_EQ(narrowed->size(), 3u);  // the folder and both files
  EXPECT_EQ(ModeOf(data), 0700u);
  EXPECT_EQ(ModeOf(data + "/atrium.db"), 0600u);
  EXPECT_TRUE(LoadOrMakeKey(data + "/server.key").ok());
  // A key of the wrong size is not a key.
  std::ofstream(data + "/bad.key") << "short";
  chmod((data + "/bad.key").c_str(), 0600);
  EXPECT_EQ(LoadOrMakeKey(data + "/bad.key").status().code(),
            StatusCode::kDataLoss);
}

}  // namespace
}  // namespace atrium::auth
