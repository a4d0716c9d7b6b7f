#include "atrium/points/ledger.h"

#include <gtest/gtest.h>

#include "atrium/points/audit.h"
#include "test_util.h"

namespace atrium {
namespace {

using testing::Local;

// Lots here are usable at once and expire at the given local instant.
LotSpec Until(const std::string& earned, const std::string& expires) {
  return {Local(earned), Local(expires)};
}

class LedgerTest : public ::testing::Test {
 protected:
  LedgerEntry Earn(const std::string& key, const std::string& at,
                   int64_t points, const std::string& expires) {
    StatusOr<LedgerEntry> e =
        ledger_.Earn(key, Local(at), points, Until(at, expires), key, "");
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? *e : LedgerEntry{};
  }
  StatusOr<LedgerEntry> Spend(const std::string& key, const std::string& at,
                              int64_t points) {
    return ledger_.Spend(key, Local(at), points, "order", "");
  }
  void ExpectAuditClean() {
    const AuditReport report = Audit(ledger_);
    EXPECT_TRUE(report.clean()) << report.findings.front().seq << ": "
                                << report.findings.front().problem;
  }
  PointsLedger ledger_;
};

TEST_F(LedgerTest, SpendsEarliestExpiringLotsFirst) {
  Earn("e1", "2026-01-05 10:00:00", 100, "2028-01-01 00:00:00");
  Earn("e2", "2026-01-06 10:00:00", 100, "2027-01-01 00:00:00");
  Earn("e3", "2026-01-07 10:00:00", 100, "2027-01-01 00:00:00");
  StatusOr<LedgerEntry> s = Spend("s1", "2026-02-01 10:00:00", 150);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  // e2 and e3 expire first; between them the older lot goes first.
  EXPECT_EQ(s->draws, (std::vector<Draw>{{2, 100}, {3, 50}}));
  EXPECT_EQ(s->points, -150);
  EXPECT_EQ(ledger_.BalanceAt(Local("2026-02-01 10:00:00")).usable, 150);
  ExpectAuditClean();
}

TEST_F(LedgerTest, PendingPointsCannotBeSpent) {
  ASSERT_TRUE(
      ledger_
          .Earn("e1", Local("2026-03-01 10:00:00"), 100,
                {Local("2026-03-02 10:00:00"), Local("2027-01-01 00:00:00")},
                "r", "")
          .ok());
  const Balance before = ledger_.BalanceAt(Local("2026-03-02 09:59:59"));
  EXPECT_EQ(before.pending, 100);
  EXPECT_EQ(before.usable, 0);
  StatusOr<LedgerEntry> early = Spend("s1", "2026-03-02 09:59:59", 1);
  EXPECT_EQ(early.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Spend("s2", "2026-03-02 10:00:00", 100).ok());
}

TEST_F(LedgerTest, ExpiryIsExactToTheSecondAndIdempotent) {
  Earn("e1", "2025-03-01 10:00:00", 100, "2027-01-01 00:00:00");
  EXPECT_EQ(ledger_.BalanceAt(Local("2026-12-31 23:59:59")).usable, 100);
  EXPECT_EQ(ledger_.BalanceAt(Local("2027-01-01 00:00:00")).usable, 0);
  EXPECT_EQ(ledger_.BalanceAt(Local("2027-01-01 00:00:00")).expired_unrecorded,
            100);
  StatusOr<std::vector<LedgerEntry>> none =
      ledger_.Expire(Local("2026-12-31 23:59:59"));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_TRUE(Spend("last-minute", "2026-12-31 23:59:59", 40).ok());
  StatusOr<std::vector<LedgerEntry>> run =
      ledger_.Expire(Local("2027-01-01 00:00:00"));
  ASSERT_TRUE(run.ok());
  ASSERT_EQ(run->size(), 1u);
  EXPECT_EQ((*run)[0].points, -60);
  EXPECT_EQ((*run)[0].kind, EntryKind::kExpire);
  StatusOr<std::vector<LedgerEntry>> again =
      ledger_.Expire(Local("2027-01-01 00:00:00"));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  EXPECT_EQ(ledger_.entries().size(), 3u);
  EXPECT_EQ(ledger_.BalanceAt(Local("2027-01-02 00:00:00")).total(), 0);
  ExpectAuditClean();
}

TEST_F(LedgerTest, ExpiredPointsCannotBeSpentBeforeTheRun) {
  Earn("e1", "2025-03-01 10:00:00", 100, "2027-01-01 00:00:00");
  EXPECT_EQ(Spend("s1", "2027-01-01 00:00:00", 1).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(LedgerTest, SameKeyReplaysTheFirstAnswer) {
  const LedgerEntry first =
      Earn("e1", "2026-01-05 10:00:00", 100, "2028-01-01 00:00:00");
  StatusOr<LedgerEntry> s1 = Spend("s1", "2026-01-06 10:00:00", 30);
  ASSERT_TRUE(s1.ok());
  const LedgerEntry again =
      Earn("e1", "2026-01-05 10:00:00", 100, "2028-01-01 00:00:00");
  EXPECT_EQ(again, first);
  StatusOr<LedgerEntry> s2 = Spend("s1", "2026-01-06 10:00:00", 30);
  ASSERT_TRUE(s2.ok());
  EXPECT_EQ(*s2, *s1);
  EXPECT_EQ(ledger_.entries().size(), 2u);
  EXPECT_EQ(ledger_.BalanceAt(Local("2026-01-07 00:00:00")).usable, 70);
}

TEST_F(LedgerTest, SameKeyForAnotherRequestIsRefused) {
  Earn("e1", "2026-01-05 10:00:00", 100, "2028-01-01 00:00:00");
  StatusOr<LedgerEntry> other = ledger_.Earn(
      "e1", Local("2026-01-05 10:00:00"), 101,
      Until("2026-01-05 10:00:00", "2028-01-01 00:00:00"), "e1", "");
  EXPECT_EQ(other.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(Spend("e1", "2026-01-06 10:00:00", 10).status().code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(ledger_.entries().size(), 1u);
}

TEST_F(LedgerTest, BadRequestsChangeNothing) {
  Earn("e1", "2026-01-05 10:00:00", 100, "2028-01-01 00:00:00");
  const std::string later = "2026-02-01 10:00:00";
  const struct {
    const char* what;
    Status status;
    StatusCode code;
  } cases[] = {
      {"zero points", Spend("a", later, 0).status(),
       StatusCode::kInvalidArgument},
      {"negative points", Spend("b", later, -5).status(),
       StatusCode::kInvalidArgument},
      {"too many points", Spend("c", later, kMaxPointsPerEntry + 1).status(),
       StatusCode::kInvalidArgument},
      {"more than the balance", Spend("d", later, 101).status(),
       StatusCode::kFailedPrecondition},
      {"empty key", Spend("", later, 1).status(), StatusCode::kInvalidArgument},
      {"reserved key", Spend("expire:1", later, 1).status(),
       StatusCode::kInvalidArgument},
      {"long key", Spend(std::string(257, 'k'), later, 1).status(),
       StatusCode::kInvalidArgument},
      {"before the last entry", Spend("e", "2026-01-05 09:59:59", 1).status(),
       StatusCode::kFailedPrecondition},
      {"lot expiring before usable",
       ledger_.Earn("f", Local(later), 1, Until(later, later), "", "").status(),
       StatusCode::kInvalidArgument},
      {"lot usable before earned",
       ledger_
           .Earn("g", Local(later), 1,
                 Until("2026-01-30 00:00:00", "2027-01-01 00:00:00"), "", "")
           .status(),
       StatusCode::kInvalidArgument},
      {"adjustment without a note",
       ledger_.Adjust("h", Local(later), -1, {}, "").status(),
       StatusCode::kInvalidArgument},
      {"adjustment below zero",
       ledger_.Adjust("i", Local(later), -101, {}, "fix").status(),
       StatusCode::kFailedPrecondition},
      {"reverse of nothing",
       ledger_.Reverse("j", Local(later), "nope", 1, "").status(),
       StatusCode::kNotFound},
      {"reverse beyond the earn",
       ledger_.Reverse("k", Local(later), "e1", 101, "").status(),
       StatusCode::kFailedPrecondition},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(c.status.code(), c.code) << c.what << ": " << c.status.ToString();
  }
  EXPECT_EQ(ledger_.entries().size(), 1u);
  EXPECT_EQ(ledger_.BalanceAt(Local(later)).usable, 100);
  ExpectAuditClean();
}

TEST_F(LedgerTest, RefundAfterPartialSpendTakesFromOtherLotsThenWritesOff) {
  Earn("old", "2026-01-05 10:00:00", 50, "2027-01-01 00:00:00");
  Earn("buy", "2026-02-01 10:00:00", 200, "2028-01-01 00:00:00");
  // 50 from "old" (expires first) and 100 from "buy".
  ASSERT_TRUE(Spend("s1", "2026-02-02 10:00:00", 150).ok());
  StatusOr<LedgerEntry> r = ledger_.Reverse(
      "refund", Local("2026-02-03 10:00:00"), "buy", 200, "refund");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // 100 left in its own lot; nothing elsewhere; 100 written off.
  EXPECT_EQ(r->points, -100);
  EXPECT_EQ(r->shortfall, 100);
  EXPECT_EQ(ledger_.BalanceAt(Local("2026-02-03 10:00:00")).total(), 0);
  ExpectAuditClean();
}

TEST_F(LedgerTest, RefundTakesSpentPartFromOtherLotsEarliestExpiryFirst) {
  Earn("buy", "2026-02-01 10:00:00", 200, "2028-01-01 00:00:00");
  ASSERT_TRUE(Spend("s1", "2026-02-02 10:00:00", 120).ok());
  Earn("later", "2026-02-05 10:00:00", 300, "2027-06-01 00:00:00");
  StatusOr<LedgerEntry> r = ledger_.Reverse(
      "refund", Local("2026-02-06 10:00:00"), "buy", 200, "refund");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->draws, (std::vector<Draw>{{1, 80}, {3, 120}}));
  EXPECT_EQ(r->shortfall, 0);
  EXPECT_EQ(ledger_.BalanceAt(Local("2026-02-06 10:00:00")).usable, 180);
  ExpectAuditClean();
}

TEST_F(LedgerTest, PartialReversalsNeverExceedTheOriginal) {
  Earn("buy", "2026-02-01 10:00:00", 100, "2028-01-01 00:00:00");
  const Timestamp t = Local("2026-02-02 10:00:00");
  ASSERT_TRUE(ledger_.Reverse("r1", t, "buy", 30, "").ok());
  ASSERT_TRUE(ledger_.Reverse("r2", t, "buy", 70, "").ok());
  EXPECT_EQ(ledger_.Reverse("r3", t, "buy", 1, "").status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ledger_.Reversible(1), 0);
  ExpectAuditClean();
}

TEST_F(LedgerTest, ReversingASpendReturnsPointsToTheirLots) {
  Earn("a", "2026-01-05 10:00:00", 100, "2027-01-01 00:00:00");
  Earn("b", "2026-01-06 10:00:00", 100, "2028-01-01 00:00:00");
  ASSERT_TRUE(Spend("pay", "2026-02-01 10:00:00", 150).ok());
  // Latest-expiring lot first: 50 back to b, then 10 to a.
  StatusOr<LedgerEntry> r1 = ledger_.Reverse(
      "ref1", Local("2026-02-02 10:00:00"), "pay", 60, "partial refund");
  ASSERT_TRUE(r1.ok());
  EXPECT_EQ(r1->draws, (std::vector<Draw>{{2, -50}, {1, -10}}));
  StatusOr<LedgerEntry> r2 =
      ledger_.Reverse("ref2", Local("2026-02-03 10:00:00"), "pay", 90, "rest");
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->draws, (std::vector<Draw>{{1, -90}}));
  EXPECT_EQ(ledger_.BalanceAt(Local("2026-02-03 10:00:00")).usable, 200);
  ExpectAuditClean();
}

TEST_F(LedgerTest, SpendReturnedAfterItsLotExpiredIsForfeited) {
  Earn("a", "2026-01-05 10:00:00", 100, "2027-01-01 00:00:00");
  ASSERT_TRUE(Spend("pay", "2026-12-30 10:00:00", 100).ok());
  StatusOr<LedgerEntry> r = ledger_.Reverse("ref", Local("2027-01-02 10:00:00"),
                                            "pay", 100, "refund");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->points, 0);
  EXPECT_EQ(r->shortfall, 100);
  EXPECT_EQ(ledger_.BalanceAt(Local("2027-01-02 10:00:00")).total(), 0);
  ExpectAuditClean();
}

TEST_F(LedgerTest, AdjustmentsAddLotsOrDrawIncludingPending) {
  ASSERT_TRUE(
      ledger_
          .Adjust("adj1", Local("2026-01-05 10:00:00"), 500,
                  {Local("2026-01-06 10:00:00"), Local("2027-01-01 00:00:00")},
                  "goodwill")
          .ok());
  StatusOr<LedgerEntry> minus = ledger_.Adjust(
      "adj2", Local("2026-01-05 11:00:00"), -200, {}, "correction");
  ASSERT_TRUE(minus.ok());
  EXPECT_EQ(ledger_.BalanceAt(Local("2026-01-05 11:00:00")).pending, 300);
  ExpectAuditClean();
}

TEST_F(LedgerTest, ARestoredLedgerEqualsTheOriginal) {
  Earn("a", "2026-01-05 10:00:00", 100, "2027-01-01 00:00:00");
  Earn("b", "2026-01-06 10:00:00", 100, "2028-01-01 00:00:00");
  ASSERT_TRUE(Spend("pay", "2026-02-01 10:00:00", 150).ok());
  ASSERT_TRUE(
      ledger_.Reverse("ref", Local("2026-02-02 10:00:00"), "pay", 20, "").ok());
  ASSERT_TRUE(ledger_.Expire(Local("2027-01-01 00:00:00")).ok());
  StatusOr<PointsLedger> copy = PointsLedger::FromEntries(ledger_.entries());
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  EXPECT_EQ(copy->lots(), ledger_.lots());
  EXPECT_EQ(copy->BalanceAt(Local("2027-01-01 00:00:00")).total(),
            ledger_.BalanceAt(Local("2027-01-01 00:00:00")).total());
  // The copy keeps idempotency: the same key replays.
  StatusOr<LedgerEntry> replay =
      copy->Spend("pay", Local("2026-02-01 10:00:00"), 150, "order", "");
  ASSERT_TRUE(replay.ok());
  EXPECT_EQ(replay->seq, 3);
}

}  // namespace
}  // namespace atrium
