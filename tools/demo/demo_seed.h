// Seeds an empty server's data with the demo mall: the coupon templates of
// shared/demo-mall/coupons.json, the members of
// shared/demo-mall/members.json and their activity, the kiosks' escrows of
// shared/demo-mall/escrows.json, then `generated`
// synthetic members, each with a year of receipts before `now` in the
// group's malls, all as operations through the log (so the log, not a
// side door, holds everything). Deterministic for given counts and `now`.
#ifndef ATRIUM_TOOLS_DEMO_DEMO_SEED_H_
#define ATRIUM_TOOLS_DEMO_DEMO_SEED_H_

#include <string>

#include "atrium/auth/credentials.h"
#include "atrium/store/op_log.h"

namespace atrium::demo {

// Generated members, each shopping 2..max_visits times in the year.
struct GeneratedMembers {
  int64_t count = 1000;
  int max_visits = 24;
};

struct SeedCounts {
  int64_t members = 0;
  int64_t operations = 0;
};

StatusOr<SeedCounts> SeedDemo(store::OpLog& log, const std::string& demo_dir,
                              GeneratedMembers generated, Timestamp now);

// The devices and operators of `demo_dir`/access.json (their keys and
// passwords hashed; `cost` lower only in tests).
Status SeedAccess(auth::Credentials& credentials, const std::string& demo_dir,
                  auth::PasswordCost cost = auth::PasswordCost::kInteractive);

// A new atriumd data folder `data_dir` (made private, with its key) holding
// all of the above. FailedPrecondition if it already holds a log: seeding
// twice would give every member twice the history.
StatusOr<SeedCounts> SeedDataFolder(const std::string& data_dir,
                                    const std::string& demo_dir,
                                    GeneratedMembers generated, Timestamp now);

}  // namespace atrium::demo

#endif  // ATRIUM_TOOLS_DEMO_DEMO_SEED_H_
