// Runs the golden earning vectors in shared/vectors/earning.json. The same
// file is checked by every surface that computes points.
#include <gtest/gtest.h>

#include "atrium/codec/domain_json.h"
#include "atrium/codec/program_json.h"
#include "shared_files.h"

namespace atrium::codec {
namespace {

TEST(EarningVectorsTest, EveryCaseMatches) {
  const Json doc = testing::ReadSharedJson("vectors/earning.json");
  ASSERT_EQ(doc.value("version", 0), 1);
  const Json demo = testing::ReadSharedJson(doc["program"].get<std::string>());
  const StatusOr<Program> demo_program = ProgramFromJson(demo);
  ASSERT_TRUE(demo_program.ok()) << demo_program.status().ToString();
  ASSERT_GE(doc["cases"].size(), 20u);

  for (const Json& c : doc["cases"]) {
    const std::string name = c["name"].get<std::string>();
    // A case may replace some of the programme's earning fields.
    StatusOr<Program> program = demo_program;
    if (c.contains("earning")) {
      Json changed = demo;
      changed["earning"].update(c["earning"]);
      program = ProgramFromJson(changed);
    }
    ASSERT_TRUE(program.ok()) << name << ": " << program.status().ToString();
    StatusOr<Receipt> receipt = ReceiptFromJson(c["receipt"]);
    ASSERT_TRUE(receipt.ok()) << name << ": " << receipt.status().ToString();
    const Mall* mall = program->group.FindMall(receipt->mall);
    ASSERT_NE(mall, nullptr) << name;
    StatusOr<EarnResult> r = ComputeEarn(
        program->earning, mall->calendar, *receipt,
        TierId(c["tier"].get<std::string>()), c["earned_today"].get<int64_t>());
    ASSERT_TRUE(r.ok()) << name << ": " << r.status().ToString();

    const Json got = EarnResultToJson(program->earning, *receipt, *r);
    const Json& want = c["expect"];
    EXPECT_EQ(got["points"], want["points"]) << name;
    EXPECT_EQ(got["uncapped_points"], want["uncapped_points"]) << name;
    EXPECT_EQ(got["cap"], want["cap"]) << name;
    Json applied = Json::array();
    for (const Json& rule : got["applied_rules"]) applied.push_back(rule["id"]);
    EXPECT_EQ(applied, want["applied_rules"]) << name;
    Json multipliers = Json::array();
    for (const Json& line : got["lines"]) {
      multipliers.push_back(line["multiplier_permille"]);
    }
    EXPECT_EQ(multipliers, want["multipliers_permille"]) << name;
  }
}

}  // namespace
}  // namespace atrium::codec
