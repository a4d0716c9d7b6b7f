#include "atrium/members/account.h"

#include <gtest/gtest.h>

#include "atrium/points/audit.h"
#include "atrium/points/ledger.h"
#include "test_util.h"

namespace atrium {
namespace {

using testing::Local;

Program SmallProgram() {
  Program p;
  p.group.id = GroupId("g1");
  p.group.name = "Group";
  Mall mall;
  mall.id = MallId("m1");
  mall.stores = {{StoreId("s1"), "店一", "Store 1", "fashion", "dian yi"},
                 {StoreId("s2"), "店二", "Store 2", "beauty", "dian er"}};
  p.group.malls = {mall};
  p.tiers.levels = {
      {TierId("normal"), "普通", "Normal", Money(), 0, 0},
      {TierId("gold"), "金卡", "Gold", Money::Yuan(1000), 0, 120}};
  p.tiers.evaluation_days = {MonthDay{1, 1}};
  EarningRule gold;
  gold.id = RuleId("gold");
  gold.name = "金卡1.5倍";
  gold.multiplier_permille = 1500;
  gold.tiers = {TierId("gold")};
  p.earning.rules = {gold};
  p.earning.max_points_per_day = 2000;
  p.expiry = {ExpiryKind::kEndOfYear, 1, 0};
  p.max_receipt_age_days = 30;
  EXPECT_TRUE(p.Validate().ok()) << p.Validate().ToString();
  return p;
}

class AccountTest : public ::testing::Test {
 protected:
  AccountTest()
      : account_(Member{MemberId("M1"), GroupId("g1"),
                        *Phone::Parse("13812345678"), Profile{}, Consents{},
                        Local("2026-01-01 09:00:00"), std::nullopt},
                 program_.tiers) {}

  Receipt MakeReceipt(const std::string& id, const std::string& at,
                      int64_t yuan) {
    return Receipt{ReceiptId(id), MallId("m1"),
                   StoreId("s1"), MemberId("M1"),
                   Local(at),     {{"fashion", Money::Yuan(yuan)}}};
  }
  StatusOr<EarnOutcome> Earn(const Receipt& r) {
    return account_.EarnForReceipt(program_, r, r.at);
  }
  void ExpectUnchanged() {
    EXPECT_TRUE(account_.ledger().entries().empty());
    EXPECT_TRUE(account_.spend().empty());
  }

  Program program_ = SmallProgram();
  MemberAccount account_;
};

TEST_F(AccountTest, AReceiptEarnsOnceHoweverOftenItArrives) {
  const Receipt r = MakeReceipt("R1", "2026-03-02 12:00:00", 300);
  StatusOr<EarnOutcome> first = Earn(r);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_FALSE(first->replayed);
  EXPECT_EQ(first->record->points, 300);
  StatusOr<EarnOutcome> again = Earn(r);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->record, first->record);
  EXPECT_EQ(again->entry, first->entry);
  EXPECT_EQ(account_.ledger().entries().size(), 1u);
  EXPECT_EQ(account_.spend().size(), 1u);
}

TEST_F(AccountTest, AReceiptThatEarnsNothingIsStillRecordedOnce) {
  Receipt r = MakeReceipt("R1", "2026-03-02 12:00:00", 0);
  r.lines[0].amount = Money::Fen(50);
  ASSERT_TRUE(Earn(r).ok());
  StatusOr<EarnOutcome> again = Earn(r);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_FALSE(again->entry.has_value());
  EXPECT_EQ(account_.spend().size(), 1u);
}

TEST_F(AccountTest, BadReceiptsGetAClearStatusAndChangeNothing) {
  Receipt other_member = MakeReceipt("R1", "2026-03-02 12:00:00", 10);
  other_member.member = MemberId("M2");
  Receipt unknown_mall = MakeReceipt("R2", "2026-03-02 12:00:00", 10);
  unknown_mall.mall = MallId("m9");
  Receipt unknown_store = MakeReceipt("R3", "2026-03-02 12:00:00", 10);
  unknown_store.store = StoreId("s9");
  Receipt empty = MakeReceipt("R4", "2026-03-02 12:00:00", 10);
  empty.lines.clear();
  const Receipt future = MakeReceipt("R5", "2026-03-02 12:00:01", 10);
  const Receipt stale = MakeReceipt("R6", "2026-01-31 11:59:59", 10);
  const Timestamp now = Local("2026-03-02 12:00:00");
  const struct {
    const char* what;
    const Receipt& receipt;
    StatusCode code;
  } cases[] = {
      {"another member's", other_member, StatusCode::kPermissionDenied},
      {"unknown mall", unknown_mall, StatusCode::kNotFound},
      {"unknown store", unknown_store, StatusCode::kNotFound},
      {"no lines", empty, StatusCode::kInvalidArgument},
      {"in the future", future, StatusCode::kInvalidArgument},
      {"older than 30 days", stale, StatusCode::kFailedPrecondition},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(account_.EarnForReceipt(program_, c.receipt, now).status().code(),
              c.code)
        << c.what;
  }
  ExpectUnchanged();
}

TEST_F(AccountTest, ReusedReceiptIdWithOtherContentIsRefused) {
  ASSERT_TRUE(Earn(MakeReceipt("R1", "2026-03-02 12:00:00", 300)).ok());
  EXPECT_EQ(Earn(MakeReceipt("R1", "2026-03-02 12:00:00", 301)).status().code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(account_.ledger().entries().size(), 1u);
}

TEST_F(AccountTest, TwoReceiptsAppliedTogetherUpgradeTogether) {
  // A till's batch: both applied at the same instant; together they reach
  // Gold's ¥1,000, each alone does not.
  const Timestamp batch = Local("2026-03-02 13:00:00");
  ASSERT_TRUE(account_
                  .EarnForReceipt(program_,
                                  MakeReceipt("R1", "2026-03-02 12:00:00", 600),
                                  batch)
                  .ok());
  StatusOr<EarnOutcome> second = account_.EarnForReceipt(
      program_, MakeReceipt("R2", "2026-03-02 12:30:00", 400), batch);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->tier_after, TierId("gold"));
  ASSERT_EQ(account_.tier().history.size(), 1u);
  EXPECT_EQ(account_.tier().history[0].at, batch);
}

TEST_F(AccountTest, TierAtPurchaseDecidesTheRateAndUpgradesAfter) {
  StatusOr<EarnOutcome> first =
      Earn(MakeReceipt("R1", "2026-03-02 12:00:00", 1000));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->record->points, 1000);  // bought as Normal
  EXPECT_EQ(first->record->tier, TierId("normal"));
  EXPECT_EQ(first->tier_after, TierId("gold"));
  StatusOr<EarnOutcome> second =
      Earn(MakeReceipt("R2", "2026-03-03 12:00:00", 100));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->record->points, 150);
  EXPECT_EQ(second->record->rules, (std::vector<RuleId>{RuleId("gold")}));
}

TEST_F(AccountTest, LateReceiptExpiresByPurchaseDateAndIsUsableFromNow) {
  const Receipt r = MakeReceipt("R1", "2026-12-30 12:00:00", 100);
  StatusOr<EarnOutcome> out =
      account_.EarnForReceipt(program_, r, Local("2027-01-02 08:00:00"));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->entry->at, Local("2027-01-02 08:00:00"));
  EXPECT_EQ(out->entry->usable_from, Local("2027-01-02 08:00:00"));
  EXPECT_EQ(out->entry->expires_at, Local("2028-01-01 00:00:00"));
}

TEST_F(AccountTest, DailyCapSpansTheDaysReceipts) {
  ASSERT_TRUE(Earn(MakeReceipt("R1", "2026-03-02 10:00:00", 1500)).ok());
  StatusOr<EarnOutcome> second =
      Earn(MakeReceipt("R2", "2026-03-02 20:00:00", 1000));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->record->points, 500);
  EXPECT_EQ(second->record->cap, EarnCap::kDay);
  StatusOr<EarnOutcome> next_day =
      Earn(MakeReceipt("R3", "2026-03-03 00:00:00", 100));
  ASSERT_TRUE(next_day.ok());
  EXPECT_EQ(next_day->record->points, 150);
}

TEST_F(AccountTest, PartialRefundsTogetherReverseExactlyWhatWasEarned) {
  ASSERT_TRUE(Earn(MakeReceipt("R0", "2026-03-01 10:00:00", 1000)).ok());
  const Receipt r = MakeReceipt("R1", "2026-03-02 12:00:00", 100);
  ASSERT_TRUE(Earn(r).ok());
  ASSERT_EQ(account_.FindReceipt(r.Key())->points, 150);
  const Timestamp t = Local("2026-03-03 12:00:00");
  const int64_t parts[] = {3333, 3333, 3334};
  const int64_t expected[] = {49, 50, 51};
  int64_t reversed = 0;
  for (int i = 0; i < 3; ++i) {
    StatusOr<RefundOutcome> out = account_.RefundReceipt(
        r.Key(), "RF" + std::to_string(i), Money::Fen(parts[i]), t);
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_EQ(out->points_reversed, expected[i]) << i;
    reversed += out->points_reversed;
  }
  EXPECT_EQ(reversed, 150);
  EXPECT_EQ(account_.FindReceipt(r.Key())->refunded, Money::Yuan(100));
  EXPECT_EQ(
      account_.RefundReceipt(r.Key(), "RF9", Money::Fen(1), t).status().code(),
      StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Audit(account_.ledger()).clean());
}

TEST_F(AccountTest, RefundAfterSpendingNeverLeavesANegativeBalance) {
  const Receipt r = MakeReceipt("R1", "2026-03-02 12:00:00", 500);
  ASSERT_TRUE(Earn(r).ok());
  ASSERT_TRUE(account_.ledger()
                  .Spend("pay", Local("2026-03-02 13:00:00"), 400, "", "")
                  .ok());
  StatusOr<RefundOutcome> out = account_.RefundReceipt(
      r.Key(), "RF1", Money::Yuan(500), Local("2026-03-03 12:00:00"));
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->points_reversed, 500);
  EXPECT_EQ(out->shortfall, 400);
  EXPECT_EQ(account_.ledger().BalanceAt(Local("2026-03-03 12:00:00")).total(),
            0);
  EXPECT_TRUE(Audit(account_.ledger()).clean());
}

TEST_F(AccountTest, RefundsAreIdempotentByRefundId) {
  const Receipt r = MakeReceipt("R1", "2026-03-02 12:00:00", 500);
  ASSERT_TRUE(Earn(r).ok());
  const Timestamp t = Local("2026-03-03 12:00:00");
  StatusOr<RefundOutcome> first =
      account_.RefundReceipt(r.Key(), "RF1", Money::Yuan(100), t);
  ASSERT_TRUE(first.ok());
  StatusOr<RefundOutcome> again =
      account_.RefundReceipt(r.Key(), "RF1", Money::Yuan(100), t);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->points_reversed, first->points_reversed);
  EXPECT_EQ(account_.ledger().entries().size(), 2u);
  EXPECT_EQ(account_.RefundReceipt(r.Key(), "RF1", Money::Yuan(99), t)
                .status()
                .code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(account_.RefundReceipt("receipt:m1:nope", "RF2", Money::Yuan(1), t)
                .status()
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(account_.RefundReceipt(r.Key(), "RF3", Money(), t).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace atrium
