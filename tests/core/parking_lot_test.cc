#include "atrium/parking/parking_lot.h"

#include <gtest/gtest.h>

#include "atrium/codec/parking_json.h"
#include "shared_files.h"
#include "test_util.h"

namespace atrium {
namespace {

using testing::Local;

// The demo mall's car park (m-xinjie: ¥6 an hour by day, 30 free minutes,
// 15 minutes' exit grace, Gold 2 h a day).
class ParkingLotTest : public ::testing::Test {
 protected:
  ParkingLotTest() {
    StatusOr<std::vector<codec::MallParking>> file = codec::ParkingFileFromJson(
        testing::ReadSharedJson("demo-mall/parking.json"));
    EXPECT_TRUE(file.ok()) << file.status().ToString();
    demo_ = std::move(file->front());
  }
  ParkingLot MakeLot(const ParkingPolicy* policy = nullptr) const {
    return ParkingLot(demo_.tariff, &demo_.schedule, LocalCalendar(),
                      policy ? *policy : demo_.policy);
  }
  static MemberBenefits Gold(const char* id) {
    MemberBenefits m;
    m.member = MemberId(id);
    m.tier_minutes_per_day = 120;
    return m;
  }

  codec::MallParking demo_;
};

TEST_F(ParkingLotTest, ASecondEntryForAParkedPlateIsReported) {
  ParkingLot lot = MakeLot();
  ASSERT_TRUE(
      lot.Enter("e1", "沪A12345", {}, "B2-031", Local("2026-03-16 10:00:00"))
          .ok());
  StatusOr<const ParkingSession*> again =
      lot.Enter("e2", "沪a·12345", {}, "", Local("2026-03-16 10:05:00"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(again.status().message().find("沪A***45"), std::string::npos);
  EXPECT_EQ(again.status().message().find("12345"), std::string::npos);
}

TEST_F(ParkingLotTest, EntryKeysApplyOnce) {
  ParkingLot lot = MakeLot();
  const Timestamp at = Local("2026-03-16 10:00:00");
  StatusOr<const ParkingSession*> first =
      lot.Enter("e1", "沪A12345", {}, "", at);
  StatusOr<const ParkingSession*> again =
      lot.Enter("e1", "沪A12345", {}, "", at);
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(*first, *again);
  EXPECT_EQ(lot.Enter("e1", "沪B12345", {}, "", at).status().code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(lot.OpenSession(*Plate::Parse("沪B12345")), nullptr);
}

TEST_F(ParkingLotTest, AFreeStayLeavesWithoutPaying) {
  ParkingLot lot = MakeLot();
  ASSERT_TRUE(
      lot.Enter("e1", "沪A12345", {}, "", Local("2026-03-16 10:00:00")).ok());
  EXPECT_EQ(lot.Exit("x1", "沪A12345", Local("2026-03-16 10:30:01"), nullptr)
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  EXPECT_TRUE(
      lot.Exit("x2", "沪A12345", Local("2026-03-16 10:30:00"), nullptr).ok());
  EXPECT_EQ(lot.OpenSession(*Plate::Parse("沪A12345")), nullptr);
}

TEST_F(ParkingLotTest, GraceExceededByOneSecondOwesTheTimeSincePayment) {
  for (const bool late : {false, true}) {
    ParkingLot lot = MakeLot();
    ASSERT_TRUE(
        lot.Enter("e1", "沪A12345", {}, "", Local("2026-03-16 10:00:00")).ok());
    StatusOr<ParkingQuote> q =
        lot.Quote("沪A12345", nullptr, Local("2026-03-16 12:00:00"));
    ASSERT_TRUE(q.ok());
    EXPECT_EQ(q->due, Money::Yuan(12));
    EXPECT_EQ(q->exit_by, Local("2026-03-16 12:15:00"));
    ASSERT_TRUE(lot.Pay("p1", *q).ok());
    const Timestamp at = late ? Local("2026-03-16 12:15:01") : q->exit_by;
    StatusOr<const ParkingSession*> out =
        lot.Exit("x1", "沪A12345", at, nullptr);
    EXPECT_EQ(out.ok(), !late) << late;
    if (!late) continue;
    EXPECT_EQ(out.status().code(), StatusCode::kFailedPrecondition);
    StatusOr<ParkingQuote> more = lot.Quote("沪A12345", nullptr, at);
    ASSERT_TRUE(more.ok());
    EXPECT_EQ(more->paid_before, Money::Yuan(12));
    EXPECT_EQ(more->due, Money::Yuan(6));  // the unit that began at 12:00
  }
}

// Paid at 11:59:59, a new hour begins a second later; within the grace the
// app and the kiosk must still say nothing is due, as the gate does.
TEST_F(ParkingLotTest, WithinTheGraceTheQuoteOwesNothingMore) {
  ParkingLot lot = MakeLot();
  ASSERT_TRUE(
      lot.Enter("e1", "沪A12345", {}, "", Local("2026-03-16 10:00:00")).ok());
  StatusOr<ParkingQuote> q =
      lot.Quote("沪A12345", nullptr, Local("2026-03-16 11:59:59"));
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(lot.Pay("p1", *q).ok());
  for (const char* at : {"2026-03-16 12:00:01", "2026-03-16 12:14:59"}) {
    StatusOr<ParkingQuote> after = lot.Quote("沪A12345", nullptr, Local(at));
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->due, Money()) << at;
    EXPECT_EQ(after->paid_before, q->due) << at;
    EXPECT_EQ(after->exit_by, q->exit_by) << at;
    EXPECT_EQ(
        after->parked_seconds,
        Local(at).unix_seconds() - Local("2026-03-16 10:00:00").unix_seconds());
  }
  StatusOr<ParkingQuote> late =
      lot.Quote("沪A12345", nullptr, Local("2026-03-16 12:15:00"));
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(late->due, Money::Yuan(6));
}

TEST_F(ParkingLotTest, PaymentsApplyOnceAndStaleQuotesAreRefused) {
  ParkingLot lot = MakeLot();
  ASSERT_TRUE(
      lot.Enter("e1", "沪A12345", {}, "", Local("2026-03-16 10:00:00")).ok());
  StatusOr<ParkingQuote> q1 =
      lot.Quote("沪A12345", nullptr, Local("2026-03-16 11:00:00"));
  StatusOr<ParkingQuote> q2 =
      lot.Quote("沪A12345", nullptr, Local("2026-03-16 11:01:00"));
  ASSERT_TRUE(q1.ok() && q2.ok());
  StatusOr<const ParkingPayment*> p = lot.Pay("p1", *q2);
  StatusOr<const ParkingPayment*> again = lot.Pay("p1", *q2);
  ASSERT_TRUE(p.ok() && again.ok());
  EXPECT_EQ(*p, *again);
  EXPECT_EQ(lot.OpenSession(*Plate::Parse("沪A12345"))->payments.size(), 1u);
  EXPECT_EQ(lot.Pay("p2", *q1).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(lot.Pay("p1", *q1).status().code(), StatusCode::kAlreadyExists);
}

TEST_F(ParkingLotTest, AnExitBeforeEntryIsRefusedEvenWhenPaid) {
  ParkingLot lot = MakeLot();
  ASSERT_TRUE(
      lot.Enter("e1", "沪A12345", {}, "", Local("2026-03-16 10:00:00")).ok());
  StatusOr<ParkingQuote> q =
      lot.Quote("沪A12345", nullptr, Local("2026-03-16 10:10:00"));
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(lot.Pay("p1", *q).ok());
  EXPECT_EQ(lot.Exit("x1", "沪A12345", Local("2026-03-16 09:59:59"), nullptr)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_NE(lot.OpenSession(*Plate::Parse("沪A12345")), nullptr);
}

TEST_F(ParkingLotTest, AutoPayChargesTheBoundMemberAtExit) {
  ParkingLot lot = MakeLot();
  ASSERT_TRUE(
      lot.Enter("e1", "沪A12345", {}, "", Local("2026-03-16 10:00:00")).ok());
  const MemberBenefits gold = Gold("M0001");
  StatusOr<const ParkingSession*> out =
      lot.Exit("x1", "沪A12345", Local("2026-03-16 13:00:00"), &gold);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ((*out)->payments.size(), 1u);
  const ParkingPayment& paid = (*out)->payments[0];
  EXPECT_TRUE(paid.auto_pay);
  EXPECT_EQ(paid.member, MemberId("M0001"));
  EXPECT_EQ(paid.amount, Money::Yuan(6));  // 3 h less Gold's 2 h
  EXPECT_EQ(paid.use.tier_minutes, 120);
  // Replaying the exit changes nothing.
  StatusOr<const ParkingSession*> again =
      lot.Exit("x1", "沪A12345", Local("2026-03-16 13:00:00"), &gold);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->payments.size(), 1u);
}

TEST_F(ParkingLotTest, TierMinutesAreGivenOncePerBusinessDay) {
  ParkingLot lot = MakeLot();
  const MemberBenefits gold = Gold("M0001");
  ASSERT_TRUE(
      lot.Enter("e1", "沪A12345", {}, "", Local("2026-03-16 10:00:00")).ok());
  ASSERT_TRUE(
      lot.Exit("x1", "沪A12345", Local("2026-03-16 11:30:00"), &gold).ok());
  ASSERT_TRUE(
      lot.Enter("e2", "沪A12345", {}, "", Local("2026-03-16 14:00:00")).ok());
  // The first stay needed 90 of the 2 hours; of the 30 left, this 80-minute
  // stay needs 20 to drop its second unit.
  StatusOr<ParkingQuote> q =
      lot.Quote("沪A12345", &gold, Local("2026-03-16 15:20:00"));
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->gross, Money::Yuan(12));
  ASSERT_EQ(q->lines.size(), 1u);
  EXPECT_EQ(q->lines[0].minutes, 20);
  EXPECT_EQ(q->due, Money::Yuan(6));
  ASSERT_TRUE(
      lot.Exit("x2", "沪A12345", Local("2026-03-16 15:20:00"), &gold).ok());
  q = lot.Quote("沪A12345", &gold, Local("2026-03-16 15:20:00"));
  EXPECT_EQ(q.status().code(), StatusCode::kNotFound);  // it has left
  ASSERT_TRUE(
      lot.Enter("e3", "沪A12345", {}, "", Local("2026-03-17 10:00:00")).ok());
  q = lot.Quote("沪A12345", &gold, Local("2026-03-17 12:00:00"));
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->due, Money());  // a new day, a new allowance
}

TEST_F(ParkingLotTest, TwoMembersOnOnePlateShareItsDailyCap) {
  ParkingPolicy policy = demo_.policy;
  policy.max_free_minutes_per_plate_day = 120;
  ParkingLot lot = MakeLot(&policy);
  const MemberBenefits a = Gold("M0001");
  const MemberBenefits b = Gold("M0002");
  ASSERT_TRUE(
      lot.Enter("e1", "沪A12345", {}, "", Local("2026-03-16 10:00:00")).ok());
  ASSERT_TRUE(
      lot.Exit("x1", "沪A12345", Local("2026-03-16 12:00:00"), &a).ok());
  ASSERT_TRUE(
      lot.Enter("e2", "沪A12345", {}, "", Local("2026-03-16 14:00:00")).ok());
  StatusOr<ParkingQuote> q =
      lot.Quote("沪A12345", &b, Local("2026-03-16 16:00:00"));
  ASSERT_TRUE(q.ok());
  EXPECT_TRUE(q->lines.empty());
  EXPECT_EQ(q->due, Money::Yuan(12));
}

TEST_F(ParkingLotTest, FindsTheCarByPlate) {
  ParkingLot lot = MakeLot();
  ASSERT_TRUE(
      lot.Enter("e1", "沪A12345", {}, "B2-031", Local("2026-03-16 10:00:00"))
          .ok());
  ASSERT_TRUE(
      lot.Enter("e2", "沪B12345", {}, "", Local("2026-03-16 10:00:00")).ok());
  StatusOr<std::string> bay = lot.FindCar("沪a 12345");
  ASSERT_TRUE(bay.ok());
  EXPECT_EQ(*bay, "B2-031");
  EXPECT_EQ(lot.FindCar("沪B12345").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(lot.FindCar("沪C12345").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(lot.FindCar("nonsense").status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace atrium
