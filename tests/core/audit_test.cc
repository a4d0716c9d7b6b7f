#include "atrium/points/audit.h"

#include <gtest/gtest.h>

#include <functional>

#include "atrium/points/ledger.h"
#include "test_util.h"

namespace atrium {
namespace {

using testing::Local;

// A ledger that has seen every kind of entry.
PointsLedger BusyLedger() {
  PointsLedger l;
  const LotSpec to2027{Local("2026-01-05 10:00:00"),
                       Local("2027-01-01 00:00:00")};
  const LotSpec to2028{Local("2026-01-06 10:00:00"),
                       Local("2028-01-01 00:00:00")};
  EXPECT_TRUE(
      l.Earn("e1", Local("2026-01-05 10:00:00"), 100, to2027, "", "").ok());
  EXPECT_TRUE(
      l.Earn("e2", Local("2026-01-06 10:00:00"), 100, to2028, "", "").ok());
  EXPECT_TRUE(l.Spend("s1", Local("2026-02-01 10:00:00"), 150, "", "").ok());
  EXPECT_TRUE(l.Reverse("r1", Local("2026-02-02 10:00:00"), "s1", 20, "").ok());
  EXPECT_TRUE(l.Reverse("r2", Local("2026-02-03 10:00:00"), "e2", 60, "").ok());
  EXPECT_TRUE(
      l.Adjust("a1", Local("2026-02-04 10:00:00"), -10, {}, "fix").ok());
  const LotSpec short_lived{Local("2026-02-05 10:00:00"),
                            Local("2027-01-01 00:00:00")};
  EXPECT_TRUE(
      l.Earn("e3", Local("2026-02-05 10:00:00"), 30, short_lived, "", "").ok());
  EXPECT_TRUE(l.Expire(Local("2027-01-01 00:00:00")).ok());
  return l;
}

TEST(AuditTest, ACorrectLedgerIsClean) {
  const PointsLedger l = BusyLedger();
  const AuditReport report = Audit(l);
  EXPECT_TRUE(report.clean()) << report.findings.front().problem;
  EXPECT_EQ(l.entries().size(), 8u);
  EXPECT_EQ(l.entries().back().kind, EntryKind::kExpire);
  EXPECT_EQ(report.total, l.BalanceAt(Local("2027-01-01 00:00:00")).total());
}

// Each tampering of stored entries must be found.
TEST(AuditTest, FindsEveryKindOfTampering) {
  const PointsLedger original = BusyLedger();
  const struct {
    const char* what;
    std::function<void(std::vector<LedgerEntry>&)> tamper;
  } cases[] = {
      {"points of an earn raised", [](auto& e) { e[0].points += 1; }},
      {"a draw moved to another lot", [](auto& e) { e[2].draws[0].lot = 2; }},
      {"a draw from a lot not yet made",
       [](auto& e) { e[2].draws[0].lot = 7; }},
      {"a spend whose draws do not sum to it",
       [](auto& e) { e[2].points = -140; }},
      {"a repeated idempotency key", [](auto& e) { e[1].key = "e1"; }},
      {"entries out of time order",
       [](auto& e) { e[3].at = Local("2026-01-01 00:00:00"); }},
      {"a sequence gap", [](auto& e) { e[4].seq = 9; }},
      {"an expiry before its time",
       [](auto& e) { e.back().at = Local("2026-12-31 23:59:59"); }},
      {"a reversal of more than its target",
       [](auto& e) { e[3].requested = 200; }},
      {"a reversal of an adjustment", [](auto& e) { e[3].target = 6; }},
      {"a lot usable before it was earned",
       [](auto& e) { e[0].usable_from = Local("2026-01-01 00:00:00"); }},
      {"an entry removed", [](auto& e) { e.erase(e.begin() + 2); }},
      {"spend of pending points",
       [](auto& e) { e[1].usable_from = Local("2026-03-01 00:00:00"); }},
  };
  for (const auto& c : cases) {
    std::vector<LedgerEntry> entries = original.entries();
    c.tamper(entries);
    const AuditReport report = AuditEntries(entries, nullptr);
    EXPECT_FALSE(report.clean()) << "not found: " << c.what;
    EXPECT_EQ(PointsLedger::FromEntries(entries).status().code(),
              StatusCode::kDataLoss)
        << c.what;
  }
}

TEST(AuditTest, FindsLotsThatDisagreeWithTheEntries) {
  const PointsLedger l = BusyLedger();
  std::vector<Lot> lots = l.lots();
  lots[1].remaining += 5;
  const AuditReport report = AuditEntries(l.entries(), &lots);
  ASSERT_FALSE(report.clean());
  EXPECT_EQ(report.findings[0].seq, 2);
  lots.pop_back();
  EXPECT_FALSE(AuditEntries(l.entries(), &lots).clean());
}

TEST(AuditTest, EmptyLedgerIsClean) {
  EXPECT_TRUE(Audit(PointsLedger()).clean());
}

}  // namespace
}  // namespace atrium
