#include "atrium/money.h"

#include <gtest/gtest.h>

#include "atrium/status.h"

namespace atrium {
namespace {

TEST(MoneyTest, FormatsFenAsYuan) {
  const struct {
    int64_t fen;
    const char* text;
  } cases[] = {
      {0, "¥0.00"},
      {5, "¥0.05"},
      {100, "¥1.00"},
      {123450, "¥1234.50"},
      {-5, "-¥0.05"},
      {-100001, "-¥1000.01"},
      {INT64_MIN, "-¥92233720368547758.08"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Money::Fen(c.fen).ToString(), c.text) << c.fen;
  }
}

TEST(MoneyTest, ArithmeticIsExact) {
  Money m = Money::Yuan(10);
  m -= Money::Fen(1);
  EXPECT_EQ(m.fen(), 999);
  EXPECT_EQ(m.whole_yuan(), 9);
  EXPECT_EQ((Money::Fen(10) + Money::Fen(20)).fen(), 30);
  EXPECT_LT(Money::Fen(-1), Money());
  EXPECT_TRUE(Money::Fen(-1).is_negative());
}

TEST(StatusTest, NamesTheCodeAndMessage) {
  EXPECT_EQ(Status::Ok().ToString(), "OK");
  EXPECT_EQ(InvalidArgument("bad phone").ToString(),
            "INVALID_ARGUMENT: bad phone");
  StatusOr<int> failed = NotFound("no member");
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kNotFound);
  StatusOr<int> value = 7;
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, 7);
}

}  // namespace
}  // namespace atrium
