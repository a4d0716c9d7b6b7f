// atriumctl seed: a new atriumd data folder holding the demo mall (its
// coupons, members with a year of history, escrows, devices and operators),
// all written through the operation log, as atriumd would have made it.
#include <ctime>
#include <filesystem>

#include "atrium/auth/data_folder.h"
#include "cli.h"
#include "demo_seed.h"

namespace atrium::cli {

int SeedCommand(const Flags& flags) {
  auth::RestrictNewFiles();  // the folder's files are the server's alone
  if (flags.reset) {
    namespace fs = std::filesystem;
    for (const char* name : {"atrium.db", "atrium.db-wal", "atrium.db-shm",
                             "auth.db", "auth.db-wal", "auth.db-shm",
                             "codes.db", "codes.db-wal", "codes.db-shm"}) {
      fs::remove(fs::path(flags.data) / name);
    }
  }
  const Timestamp now = Timestamp::FromUnixSeconds(std::time(nullptr));
  StatusOr<demo::SeedCounts> seeded = demo::SeedDataFolder(
      flags.data, flags.demo,
      {flags.members, static_cast<int>(flags.member_visits)}, now);
  if (!seeded.ok()) return Fail(seeded.status());
  return PrintJson({{"data", flags.data},
                    {"members", seeded->members},
                    {"operations", seeded->operations}});
}

}  // namespace atrium::cli
