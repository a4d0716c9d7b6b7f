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
    // A client reads back what the server wrote, and what paying uses.
    StatusOr<ParkingQuote> back = QuoteFromJson(got);
    ASSERT_TRUE(back.ok()) << name << ": " << back.status().ToString();
    EXPECT_EQ(QuoteToJson(*back), got) << name;
    EXPECT_EQ(back->use.minutes(), q->use.minutes()) << name;
  }
}

TEST(QuoteJsonTest, AQuoteReadBackRefusesWhatIsMissingOrUnknown) {
  const Json good = {
      {"session", "S1"},
      {"at", "2026-04-08T10:00:00Z"},
      {"entry", "2026-04-08T08:00:00Z"},
      {"parked_seconds", 7200},
      {"tariff_id", "t1"},
      {"tariff_version", 1},
      {"gross_fen", 1200},
      {"lines",
       {{{"kind", "tier_minutes"}, {"minutes", 60}, {"off_fen", 600}}}},
      {"paid_before_fen", 0},
      {"due_fen", 600},
      {"points_used", 0},
      {"coupons_used", Json::array()},
      {"exit_by", "2026-04-08T10:15:00Z"},
      {"plate", "沪A***45"}};
  StatusOr<ParkingQuote> q = QuoteFromJson(good);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->due, Money::Fen(600));
  EXPECT_EQ(q->use.tier_minutes, 60);
  Json missing = good;
  missing.erase("due_fen");
  EXPECT_EQ(QuoteFromJson(missing).status().code(),
            StatusCode::kInvalidArgument);
  Json unknown = good;
  unknown["lines"][0]["kind"] = "free_lunch";
  EXPECT_EQ(QuoteFromJson(unknown).status().code(),
            StatusCode::kInvalidArgument);
  Json negative = good;
  negative["due_fen"] = -1;
  EXPECT_EQ(QuoteFromJson(negative).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace atrium::codec
