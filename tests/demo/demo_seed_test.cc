// Seeding a new data folder with the demo mall: coupon templates, the
// hand-written members and generated ones, the kiosks' escrows, all
// through the log, and the same state when the log is replayed.
#include "demo_seed.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "atrium/codec/mall_files.h"

namespace atrium::testing {
namespace {

constexpr int64_t kNow = 1795694400;  // 2026-11-26T12:00:00Z

TEST(DemoSeedTest, SeedsCouponsAndMembersThroughTheLog) {
  const std::string dir =
      ::testing::TempDir() + "demo-seed-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string demo = std::string(ATRIUM_SHARED_DIR) + "/demo-mall";
  auto open = [&] {
    StatusOr<Program> program = codec::LoadProgramFile(demo + "/program.json");
    EXPECT_TRUE(program.ok()) << program.status().ToString();
    return store::OpLog::Open(dir + "/atrium.db", std::move(*program));
  };
  {
    StatusOr<std::unique_ptr<store::OpLog>> log = open();
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    StatusOr<demo::SeedCounts> seeded =
        demo::SeedDemo(**log, demo, {.count = 50, .max_visits = 4},
                       Timestamp::FromUnixSeconds(kNow));
    ASSERT_TRUE(seeded.ok()) << seeded.status().ToString();
    EXPECT_EQ(seeded->members, 52);  // two hand-written, fifty generated
    EXPECT_GT(seeded->operations, 52 + 7);
    const sync::GroupState& s = (*log)->state();
    EXPECT_EQ(s.accounts.size(), 52u);
    size_t templates = 0;
    for (const auto& [mall, book] : s.coupons) {
      templates += book.FindTemplate(TemplateId("welcome-10")) != nullptr;
      templates += book.FindTemplate(TemplateId("coffee-pts")) != nullptr;
      templates += book.FindTemplate(TemplateId("bj-welcome-5")) != nullptr;
    }
    EXPECT_EQ(templates, 3u);
    EXPECT_EQ(s.parking.size(), 2u);  // both malls' car parks
    // Each demo kiosk may grant from its escrow for 30 days.
    const Escrow& kiosk = s.escrows.at("demo-kiosk-xinjie-1f");
    EXPECT_EQ(kiosk.grant().device, "kiosk-xinjie-1f");
    EXPECT_EQ(kiosk.grant().expires_at,
              Timestamp::FromUnixSeconds(kNow + 30 * kSecondsPerDay));
    EXPECT_EQ(kiosk.coupons_left(TemplateId("coffee-pts")), 20);
    EXPECT_TRUE(s.escrows.contains("demo-kiosk-xinjie-b2"));
  }
  // Reopened: the log replays to the same members.
  StatusOr<std::unique_ptr<store::OpLog>> again = open();
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ((*again)->state().accounts.size(), 52u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace atrium::testing
