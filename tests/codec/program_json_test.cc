#include "atrium/codec/program_json.h"

#include <gtest/gtest.h>

#include "shared_files.h"

namespace atrium::codec {
namespace {

Json LoadDemoProgram() {
  return testing::ReadSharedJson("demo-mall/program.json");
}

TEST(ProgramJsonTest, LoadsTheDemoMall) {
  StatusOr<Program> p = ProgramFromJson(LoadDemoProgram());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->group.malls.size(), 2u);
  EXPECT_GE(p->group.malls[0].stores.size(), 20u);
  EXPECT_EQ(p->tiers.levels.size(), 4u);
  EXPECT_EQ(p->tiers.levels[2].name_en, "Gold");
  EXPECT_EQ(p->earning.fen_per_point, 100);
  EXPECT_EQ(p->expiry.kind, ExpiryKind::kEndOfYear);
  const EarningRule& late = p->earning.rules[6];
  EXPECT_EQ(late.id, RuleId("r-late-cinema"));
  EXPECT_EQ(late.window.start_second, 22 * 3600);
  EXPECT_EQ(late.window.end_second, 2 * 3600);
}

TEST(ProgramJsonTest, RejectsMistakesOperatorsMake) {
  const struct {
    const char* what;
    const char* pointer;  // the field to change
    Json value;
    const char* message;
  } cases[] = {
      {"typo in a field", "/earning/rules/1/multipler", 1500,
       "is not a known field"},
      {"multiplier as a float", "/earning/rules/1/multiplier_permille", 1.5,
       "must be an integer"},
      {"unknown store", "/earning/rules/1/stores", Json::array({"s-999"}),
       "unknown store s-999"},
      {"unknown tier", "/earning/rules/1/tiers", Json::array({"platinum"}),
       "unknown tier platinum"},
      {"bad window time", "/earning/rules/6/window/start", "25:00",
       "time of day"},
      {"bad weekday", "/earning/rules/5/window/weekdays", Json::array({"sa"}),
       "mon, tue"},
      {"bad offset", "/group/utc_offset", "GMT+8", "UTC offset"},
      {"tier thresholds falling", "/tiers/levels/2/min_spend_fen", 100,
       "must rise"},
      {"negative threshold", "/tiers/levels/1/min_spend_fen", -1,
       "must lie in"},
      {"unknown combine mode", "/earning/combine", "sum", "combine"},
      {"repeated store", "/group/malls/0/stores/1/id", "s-101", "repeated"},
      {"expiry kind", "/expiry/kind", "someday", "must be never"},
  };
  for (const auto& c : cases) {
    Json j = LoadDemoProgram();
    j[Json::json_pointer(c.pointer)] = c.value;
    StatusOr<Program> p = ProgramFromJson(j);
    ASSERT_FALSE(p.ok()) << c.what;
    EXPECT_NE(p.status().message().find(c.message), std::string::npos)
        << c.what << ": " << p.status().message();
  }
}

}  // namespace
}  // namespace atrium::codec
