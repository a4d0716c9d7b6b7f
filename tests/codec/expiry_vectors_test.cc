// Runs the golden expiry vectors in shared/vectors/expiry.json: when points
// expire under each kind of a programme's `expiry`, in a group's clock, and
// the expiry objects that must be refused.
#include <gtest/gtest.h>

#include "atrium/codec/program_json.h"
#include "shared_files.h"

namespace atrium::codec {
namespace {

// "+08:00" -> seconds east of UTC.
int32_t OffsetSeconds(const std::string& text) {
  const int32_t sign = text[0] == '-' ? -1 : 1;
  return sign * (std::stoi(text.substr(1, 2)) * 3600 +
                 std::stoi(text.substr(4, 2)) * 60);
}

TEST(ExpiryVectorsTest, EveryCaseMatches) {
  const Json doc = testing::ReadSharedJson("vectors/expiry.json");
  ASSERT_GE(doc["cases"].size(), 15u);
  for (const Json& c : doc["cases"]) {
    const std::string name = c["name"].get<std::string>();
    StatusOr<ExpiryPolicy> policy = ExpiryFromJson(c["expiry"]);
    ASSERT_TRUE(policy.ok()) << name << ": " << policy.status().ToString();
    StatusOr<LocalCalendar> calendar = LocalCalendar::Create(
        OffsetSeconds(c["utc_offset"].get<std::string>()), 0);
    ASSERT_TRUE(calendar.ok()) << name;
    StatusOr<Timestamp> earned = ParseIso8601(c["earned"].get<std::string>());
    ASSERT_TRUE(earned.ok()) << name;
    EXPECT_EQ(FormatIso8601(policy->ExpiresAt(*calendar, *earned)),
              c["expect_expires_at"].get<std::string>())
        << name;
  }
}

TEST(ExpiryVectorsTest, BadExpiriesAreRefusedByName) {
  const Json doc = testing::ReadSharedJson("vectors/expiry.json");
  ASSERT_GE(doc["errors"].size(), 5u);
  for (const Json& c : doc["errors"]) {
    StatusOr<ExpiryPolicy> policy = ExpiryFromJson(c["expiry"]);
    ASSERT_FALSE(policy.ok()) << c["name"].get<std::string>();
    EXPECT_EQ(policy.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(policy.status().message().find("expiry"), std::string::npos)
        << policy.status().message();
  }
}

TEST(ExpiryVectorsTest, TheDocumentedExamplesAreValid) {
  const Json examples = testing::ReadSharedJson("formats/examples/expiry.json");
  ASSERT_EQ(examples.size(), 5u);
  for (const auto& [name, expiry] : examples.items()) {
    EXPECT_TRUE(ExpiryFromJson(expiry).ok()) << name;
  }
}

}  // namespace
}  // namespace atrium::codec
