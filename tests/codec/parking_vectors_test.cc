// Runs the golden parking vectors in shared/vectors/parking.json against the
// demo mall's tariffs in shared/demo-mall/parking.json.
#include <gtest/gtest.h>

#include "atrium/codec/parking_json.h"
#include "atrium/codec/program_json.h"
#include "shared_files.h"

namespace atrium::codec {
namespace {

std::string CodeName(const Status& s) {
  std::string name(StatusCodeName(s.code()));
  for (char& c : name) c = static_cast<char>(std::tolower(c));
  return name;
}

TEST(ParkingVectorsTest, EveryCaseMatches) {
  StatusOr<std::vector<MallParking>> parking =
      ParkingFileFromJson(testing::ReadSharedJson("demo-mall/parking.json"));
  ASSERT_TRUE(parking.ok()) << parking.status().ToString();
  StatusOr<Program> program =
      ProgramFromJson(testing::ReadSharedJson("demo-mall/program.json"));
  ASSERT_TRUE(program.ok()) << program.status().ToString();
  const Json doc = testing::ReadSharedJson("vectors/parking.json");
  ASSERT_EQ(doc.value("version", 0), 1);
  ASSERT_GE(doc["cases"].size(), 40u);
  for (const Json& c : doc["cases"]) {
    const std::string name = c["name"].get<std::string>();
    StatusOr<QuoteRequest> req = QuoteRequestFromJson(c["request"]);
    ASSERT_TRUE(req.ok()) << name << ": " << req.status().ToString();
    const MallParking* mall = nullptr;
    for (const MallParking& m : *parking) {
      if (m.mall == req->mall) mall = &m;
    }
    ASSERT_NE(mall, nullptr) << name;
    const Mall* m = program->group.FindMall(req->mall);
    ASSERT_NE(m, nullptr) << name;
    StatusOr<const Tariff*> tariff =
        mall->schedule.InForceAt(mall->tariff, req->stay.entry);
    ASSERT_TRUE(tariff.ok()) << name;
    StatusOr<ParkingQuote> q =
        QuoteStay(req->stay, **tariff, m->calendar, mall->policy,
                  req->member ? &*req->member : nullptr, req->usage, req->at);
    if (c.contains("expect_error")) {
      ASSERT_FALSE(q.ok()) << name;
      EXPECT_EQ(CodeName(q.status()), c["expect_error"].get<std::string>())
          << name;
      continue;
    }
    ASSERT_TRUE(q.ok()) << name << ": " << q.status().ToString();
    const Json got = QuoteToJson(*q);
    const Json& want = c["expect"];
    EXPECT_EQ(got["gross_fen"], want["gross_fen"]) << name;
    EXPECT_EQ(got["due_fen"], want["due_fen"]) << name;
    EXPECT_EQ(got["lines"], want["lines"]) << name;
    EXPECT_EQ(got["points_used"], want["points_used"]) << name;
    EXPECT_EQ(got["coupons_used"], want["coupons_used"]) << name;
  }
}

}  // namespace
}  // namespace atrium::codec
