// Parking through operations: the gate enters and lets out keyed plates,
// a member pays the quoted fee with points, and a member's own replica,
// which holds no stays, applies the member's side of a payment.
#include <gtest/gtest.h>

#include "atrium/sync/apply.h"
#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

const Timestamp kIn = testing::kOpsNow;  // 16:00 in the mall, a Wednesday
const Timestamp kOut = kIn.PlusSeconds(3 * 3600);
const MallId kMall("m-xinjie");
const std::string kHash(64, 'c');

codec::Json PlateJson() { return {{"value", kHash}, {"display", "沪A***45"}}; }
Plate KeyedPlate() { return *Plate::Keyed(kHash, "沪A***45", false); }

class ParkingOpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::RegisterMembers(state_, 2));
    ASSERT_FALSE(state_.parking.empty());
  }
  StatusOr<Effects> Do(const Operation& op, Timestamp at) {
    return Apply(state_, op, at);
  }
  StatusOr<Effects> Enter() {
    return Do(Op("in", "device:gate-b2", "park_enter",
                 {{"mall_id", kMall.value()},
                  {"plate", PlateJson()},
                  {"bay", "B2-A"}}),
              kIn);
  }
  // M1's receipt two days before: its points are usable by now.
  static Operation EarnTwoDaysBefore() {
    const Timestamp earlier = kIn.PlusSeconds(-2 * kSecondsPerDay);
    return Op(
        "e1", "device:pos-01", "earn",
        {{"receipt",
          {{"id", "R1"},
           {"member_id", "M1"},
           {"mall_id", "m-xinjie"},
           {"store_id", "s-101"},
           {"at", FormatIso8601(earlier)},
           {"lines", {{{"category", "food_drink"}, {"amount_fen", 50000}}}}}}},
        earlier);
  }
  void GivePoints() {
    const Operation earn = EarnTwoDaysBefore();
    ASSERT_TRUE(Do(earn, earn.client_time).ok());
  }
  int64_t Usable() {
    return state_.accounts.at(MemberId("M1")).ledger().BalanceAt(kOut).usable;
  }
  codec::Json Pay(const ParkingQuote& q, const char* member = "M1") {
    codec::Json p = {{"mall_id", kMall.value()},
                     {"plate", PlateJson()},
                     {"member_id", member},
                     {"due_fen", q.due.fen()},
                     {"points", q.use.points}};
    return p;
  }
  GroupState state_{testing::DemoProgram()};
};

TEST_F(ParkingOpsTest, TheGateEntersAndLetsOutOnlyWhatIsPaid) {
  StatusOr<Effects> in = Enter();
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  EXPECT_EQ(in->result["plate"], "沪A***45");
  ASSERT_TRUE(in->parking_session.has_value());
  EXPECT_EQ(in->parking_session->plate.text(), kHash);  // never the plate
  EXPECT_EQ(Enter().status().code(), StatusCode::kOk);  // the same op replays
  EXPECT_EQ(Do(Op("in2", "device:gate-b2", "park_enter",
                  {{"mall_id", kMall.value()}, {"plate", PlateJson()}}),
               kIn)
                .status()
                .code(),
            StatusCode::kAlreadyExists);  // one open stay per plate

  // Three hours on, something is due: the gate will not open.
  const codec::Json out = {{"mall_id", kMall.value()}, {"plate", PlateJson()}};
  EXPECT_EQ(
      Do(Op("out0", "device:gate-b2", "park_exit", out), kOut).status().code(),
      StatusCode::kFailedPrecondition);
  StatusOr<ParkingQuote> q =
      QuoteParking(state_, kMall, KeyedPlate(), nullptr, 0, kOut);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  ASSERT_GT(q->due.fen(), 0);
  StatusOr<Effects> paid = Do(Op("pay", "device:kiosk-b2", "park_pay",
                                 {{"mall_id", kMall.value()},
                                  {"plate", PlateJson()},
                                  {"due_fen", q->due.fen()}}),
                              kOut);
  ASSERT_TRUE(paid.ok()) << paid.status().ToString();
  EXPECT_EQ(paid->result["paid_fen"], q->due.fen());
  // Within the exit grace the gate opens, once.
  StatusOr<Effects> left =
      Do(Op("out1", "device:gate-b2", "park_exit", out), kOut.PlusSeconds(600));
  ASSERT_TRUE(left.ok()) << left.status().ToString();
  EXPECT_TRUE(left->parking_session->exit.has_value());
  EXPECT_EQ(
      Do(Op("out2", "device:gate-b2", "park_exit", out), kOut).status().code(),
      StatusCode::kNotFound);
}

TEST_F(ParkingOpsTest, AMemberPaysWithPointsAtTheQuotedFeeOnly) {
  GivePoints();
  ASSERT_TRUE(Enter().ok());
  const MemberId m1("M1");
  const int64_t before = Usable();
  StatusOr<ParkingQuote> q =
      QuoteParking(state_, kMall, KeyedPlate(), &m1, 1000, kOut);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  ASSERT_GT(q->use.points, 0);  // points bought minutes

  // A stale fee, other points or someone else's member id: refused, and
  // nothing is spent.
  codec::Json stale = Pay(*q);
  stale["due_fen"] = q->due.fen() + 100;
  EXPECT_EQ(Do(Op("p0", "member:M1", "park_pay", stale), kOut).status().code(),
            StatusCode::kFailedPrecondition);
  codec::Json fewer = Pay(*q);
  fewer["points"] = q->use.points - 100;
  EXPECT_EQ(Do(Op("p0", "member:M1", "park_pay", fewer), kOut).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(
      Do(Op("p0", "member:M2", "park_pay", Pay(*q)), kOut).status().code(),
      StatusCode::kPermissionDenied);
  EXPECT_EQ(Usable(), before);

  StatusOr<Effects> paid = Do(Op("p1", "member:M1", "park_pay", Pay(*q)), kOut);
  ASSERT_TRUE(paid.ok()) << paid.status().ToString();
  EXPECT_EQ(Usable(), before - q->use.points);
  ASSERT_EQ(paid->entries.size(), 1u);  // the spend, for the store
  EXPECT_EQ(paid->member, m1);
  ASSERT_EQ(paid->parking_session->payments.size(), 1u);
  EXPECT_EQ(paid->parking_session->payments[0].use.points, q->use.points);
}

TEST_F(ParkingOpsTest, OnlyGatesEnterAndPlatesTravelKeyed) {
  EXPECT_EQ(Do(Op("in", "member:M1", "park_enter",
                  {{"mall_id", kMall.value()}, {"plate", PlateJson()}}),
               kIn)
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  for (const codec::Json& plate :
       {codec::Json("沪A12345"),
        codec::Json{{"value", "沪A12345"}, {"display", "沪A***45"}},
        codec::Json{{"value", kHash}, {"display", "沪A12345"}}}) {
    EXPECT_EQ(Do(Op("in", "device:gate-b2", "park_enter",
                    {{"mall_id", kMall.value()}, {"plate", plate}}),
                 kIn)
                  .status()
                  .code(),
              StatusCode::kInvalidArgument)
        << plate.dump();
  }
  EXPECT_EQ(Do(Op("in", "device:gate", "park_enter",
                  {{"mall_id", "m-nowhere"}, {"plate", PlateJson()}}),
               kIn)
                .status()
                .code(),
            StatusCode::kNotFound);
}

TEST_F(ParkingOpsTest, AMembersReplicaAppliesTheMembersSideOfAPayment) {
  GivePoints();
  ASSERT_TRUE(Enter().ok());
  const MemberId m1("M1");
  StatusOr<ParkingQuote> q =
      QuoteParking(state_, kMall, KeyedPlate(), &m1, 1000, kOut);
  ASSERT_TRUE(q.ok());
  // The phone's replica: the member and their points, no stays.
  GroupState phone(testing::DemoProgram());
  phone.checks_escrows = false;
  ASSERT_TRUE(testing::RegisterMembers(phone, 1));
  const Operation earn = EarnTwoDaysBefore();
  ASSERT_TRUE(Apply(phone, earn, earn.client_time).ok());
  const Operation pay = Op("p1", "member:M1", "park_pay", Pay(*q));
  ASSERT_TRUE(Do(pay, kOut).ok());
  StatusOr<Effects> on_phone = Apply(phone, pay, kOut);
  ASSERT_TRUE(on_phone.ok()) << on_phone.status().ToString();
  EXPECT_EQ(phone.accounts.at(m1).ledger().BalanceAt(kOut).usable, Usable());
  EXPECT_FALSE(on_phone->parking_session.has_value());
}

TEST_F(ParkingOpsTest, ACopiedStateParksOnItsOwn) {
  ASSERT_TRUE(Enter().ok());
  GroupState copy = state_;  // as a replica copies its confirmed state
  const codec::Json out = {{"mall_id", kMall.value()}, {"plate", PlateJson()}};
  // Twenty minutes: free. The copy lets the car out; the original still
  // holds it.
  ASSERT_TRUE(Apply(copy, Op("out", "device:gate-b2", "park_exit", out),
                    kIn.PlusSeconds(1200))
                  .ok());
  EXPECT_EQ(copy.parking.at(kMall).OpenSession(KeyedPlate()), nullptr);
  EXPECT_NE(state_.parking.at(kMall).OpenSession(KeyedPlate()), nullptr);
}

}  // namespace
}  // namespace atrium::sync
