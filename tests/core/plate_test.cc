#include "atrium/parking/plate.h"

#include <gtest/gtest.h>

#include "atrium/parking/plate_binding.h"

namespace atrium {
namespace {

TEST(PlateTest, NormalisesWhatCamerasAndPeopleSend) {
  struct Case {
    const char* in;
    const char* want;
    bool new_energy;
  };
  const Case cases[] = {
      {"沪A12345", "沪A12345", false},   {"沪A·12345", "沪A12345", false},
      {"沪 a-12345", "沪A12345", false}, {"沪Ａ１２３４５", "沪A12345", false},
      {"粤BD12345", "粤BD12345", true},  {"粤B12345F", "粤B12345F", true},
      {"京A1234学", "京A1234学", false}, {"川a 9z8y7", "川A9Z8Y7", false},
  };
  for (const Case& c : cases) {
    StatusOr<Plate> p = Plate::Parse(c.in);
    ASSERT_TRUE(p.ok()) << c.in << ": " << p.status().ToString();
    EXPECT_EQ(p->text(), c.want) << c.in;
    EXPECT_EQ(p->new_energy(), c.new_energy) << c.in;
  }
}

TEST(PlateTest, RefusesMalformedPlates) {
  for (const char* bad : {"", "沪", "沪A1234", "沪A1234567", "A12345",
                          "沪112345", "沪AI2345", "沪A1234O", "沪A12345学",
                          "粤BX12345", "东A12345", "沪A12\xff", "沪A123😀5",
                          "沪A12345                                          "
                          "                           "}) {
    StatusOr<Plate> p = Plate::Parse(bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(PlateTest, MaskedShowsProvinceAndLastTwo) {
  EXPECT_EQ(Plate::Parse("沪A12345")->Masked(), "沪A***45");
  EXPECT_EQ(Plate::Parse("粤BD12345")->Masked(), "粤B****45");
}

TEST(PlateBindingTest, APlateBoundToTwoMembersHasOneAutoPayer) {
  const Plate car = *Plate::Parse("沪A12345");
  PlateBindings b;
  ASSERT_TRUE(b.Bind(MemberId("M1"), car, true).ok());
  ASSERT_TRUE(b.Bind(MemberId("M2"), car, false).ok());
  EXPECT_EQ(b.MembersOf(car).size(), 2u);
  EXPECT_EQ(b.AutoPayer(car), MemberId("M1"));
  // The second member cannot take over auto-pay while the first has it.
  EXPECT_EQ(b.Bind(MemberId("M2"), car, true).code(),
            StatusCode::kFailedPrecondition);
  ASSERT_TRUE(b.Bind(MemberId("M1"), car, false).ok());
  ASSERT_TRUE(b.Bind(MemberId("M2"), car, true).ok());
  EXPECT_EQ(b.AutoPayer(car), MemberId("M2"));
  ASSERT_TRUE(b.Unbind(MemberId("M2"), car).ok());
  EXPECT_FALSE(b.AutoPayer(car).has_value());
  EXPECT_EQ(b.Unbind(MemberId("M2"), car).code(), StatusCode::kNotFound);
}

TEST(PlateBindingTest, LimitsMembersPerPlateAndPlatesPerMember) {
  const Plate car = *Plate::Parse("沪A12345");
  PlateBindings b;
  for (size_t i = 0; i < kMaxMembersPerPlate; ++i) {
    ASSERT_TRUE(b.Bind(MemberId("M" + std::to_string(i)), car, false).ok());
  }
  EXPECT_EQ(b.Bind(MemberId("M9"), car, false).code(),
            StatusCode::kResourceExhausted);
  for (const char* p : {"沪B11111", "沪B22222", "沪B33333", "沪B44333"}) {
    ASSERT_TRUE(b.Bind(MemberId("M0"), *Plate::Parse(p), false).ok()) << p;
  }
  EXPECT_EQ(b.Bind(MemberId("M0"), *Plate::Parse("沪B55555"), false).code(),
            StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace atrium
