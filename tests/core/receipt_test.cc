#include "atrium/members/receipt.h"

#include <gtest/gtest.h>

#include <functional>

#include "test_util.h"

namespace atrium {
namespace {

Receipt Valid() {
  return Receipt{ReceiptId("R-1"),
                 MallId("m1"),
                 StoreId("s1"),
                 MemberId("M1"),
                 testing::T("2026-03-02T04:00:00Z"),
                 {{"beauty", Money::Yuan(100)}, {"gift", Money()}}};
}

TEST(ReceiptTest, AcceptsAValidReceiptAndKeysItByMall) {
  EXPECT_TRUE(ValidateReceipt(Valid()).ok());
  EXPECT_EQ(Valid().Key(), "receipt:m1:R-1");
  EXPECT_EQ(Valid().Total(), Money::Yuan(100));
}

TEST(ReceiptTest, RejectsEachKindOfBadReceipt) {
  const struct {
    const char* what;
    std::function<void(Receipt&)> change;
    StatusCode code;
  } cases[] = {
      {"empty id", [](Receipt& r) { r.id = ReceiptId(""); },
       StatusCode::kInvalidArgument},
      {"id with a space", [](Receipt& r) { r.id = ReceiptId("R 1"); },
       StatusCode::kInvalidArgument},
      {"no store", [](Receipt& r) { r.store = StoreId(""); },
       StatusCode::kInvalidArgument},
      {"no lines", [](Receipt& r) { r.lines.clear(); },
       StatusCode::kInvalidArgument},
      {"negative line", [](Receipt& r) { r.lines[0].amount = Money::Fen(-1); },
       StatusCode::kInvalidArgument},
      {"zero total",
       [](Receipt& r) {
         r.lines = {{"beauty", Money()}};
       },
       StatusCode::kInvalidArgument},
      {"empty category", [](Receipt& r) { r.lines[0].category = ""; },
       StatusCode::kInvalidArgument},
      {"long category",
       [](Receipt& r) { r.lines[0].category = std::string(33, 'c'); },
       StatusCode::kInvalidArgument},
      {"too many lines",
       [](Receipt& r) {
         r.lines.assign(201, {"x", Money::Fen(1)});
       },
       StatusCode::kInvalidArgument},
      {"line over the limit",
       [](Receipt& r) { r.lines[0].amount = kMaxAmount + Money::Fen(1); },
       StatusCode::kOutOfRange},
      {"total over the limit",
       [](Receipt& r) {
         r.lines.assign(2, {"x", kMaxAmount});
       },
       StatusCode::kOutOfRange},
      {"time out of range",
       [](Receipt& r) { r.at = Timestamp::FromUnixSeconds(0); },
       StatusCode::kOutOfRange},
  };
  for (const auto& c : cases) {
    Receipt r = Valid();
    c.change(r);
    EXPECT_EQ(ValidateReceipt(r).code(), c.code) << c.what;
  }
}

}  // namespace
}  // namespace atrium
