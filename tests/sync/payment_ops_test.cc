// Payment orders through operations: a stay is paid only by the provider's
// confirmation of an order opened at its quote; an unpaid order closes,
// and money that came for what is gone is refunded, never kept.
#include <gtest/gtest.h>

#include "atrium/sync/apply.h"
#include "atrium/sync/authority.h"
#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

const Timestamp kIn = testing::kOpsNow;
const Timestamp kOpen = kIn.PlusSeconds(3 * 3600);
const MallId kMall("m-xinjie");
const std::string kHash(64, 'c');

codec::Json PlateJson() { return {{"value", kHash}, {"display", "沪A***45"}}; }
Plate KeyedPlate() { return *Plate::Keyed(kHash, "沪A***45", false); }

class PaymentOpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::RegisterMembers(state_, 2));
    const Timestamp earlier = kIn.PlusSeconds(-2 * kSecondsPerDay);
    ASSERT_TRUE(
        Do(Op("e1", "device:pos-01", "earn",
              {{"receipt",
                {{"id", "R1"},
                 {"member_id", "M1"},
                 {"mall_id", "m-xinjie"},
                 {"store_id", "s-101"},
                 {"at", FormatIso8601(earlier)},
                 {"lines",
                  {{{"category", "food_drink"}, {"amount_fen", 50000}}}}}}},
              earlier),
           earlier)
            .ok());
    ASSERT_TRUE(Do(Op("in", "device:gate-b2", "park_enter",
                      {{"mall_id", kMall.value()}, {"plate", PlateJson()}}),
                   kIn)
                    .ok());
  }
  StatusOr<Effects> Do(const Operation& op, Timestamp at) {
    return Apply(state_, op, at);
  }
  int64_t Usable(Timestamp at) {
    return state_.accounts.at(MemberId("M1")).ledger().BalanceAt(at).usable;
  }
  // M1's order for the stay as quoted at kOpen, with up to `points`.
  codec::Json Order(const std::string& no, int64_t points) {
    const MemberId m1("M1");
    StatusOr<ParkingQuote> q =
        QuoteParking(state_, kMall, KeyedPlate(), &m1, points, kOpen);
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    return {{"order_no", no},           {"payer", "member"},
            {"mall_id", kMall.value()}, {"plate", PlateJson()},
            {"member_id", "M1"},        {"due_fen", q->due.fen()},
            {"points", q->use.points}};
  }
  static Operation Confirm(const std::string& no, int64_t fen) {
    return Op("confirm-" + no, "operator:atrium", "confirm_payment",
              {{"order_no", no},
               {"transaction_id", "T-" + no},
               {"amount_fen", fen},
               {"paid_at", FormatIso8601(kOpen.PlusSeconds(20))}});
  }
  const PaymentOrder& OrderNo(const std::string& no) {
    return state_.payments.at(no);
  }
  GroupState state_{testing::DemoProgram()};
};

TEST_F(PaymentOpsTest, TheStayIsPaidOnlyWhenTheProviderConfirms) {
  const codec::Json order = Order("PK000001", 200);
  const int64_t due = order["due_fen"];
  ASSERT_GT(due, 0);
  const int64_t before = Usable(kOpen);
  StatusOr<Effects> opened =
      Do(Op("o1", "device:api", "open_payment", order), kOpen);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->result["status"], "open");
  // Opened, not paid: no points spent, and the gate stays shut.
  EXPECT_EQ(Usable(kOpen), before);
  const codec::Json out = {{"mall_id", kMall.value()}, {"plate", PlateJson()}};
  EXPECT_EQ(
      Do(Op("x0", "device:gate-b2", "park_exit", out), kOpen.PlusSeconds(30))
          .status()
          .code(),
      StatusCode::kFailedPrecondition);

  // The confirmation, 40 s later: the stay is paid as quoted at opening.
  StatusOr<Effects> paid = Do(Confirm("PK000001", due), kOpen.PlusSeconds(40));
  ASSERT_TRUE(paid.ok()) << paid.status().ToString();
  EXPECT_EQ(paid->result["status"], "paid");
  EXPECT_EQ(paid->result["transaction_id"], "T-PK000001");
  ASSERT_TRUE(paid->parking_session.has_value());
  ASSERT_EQ(paid->parking_session->payments.size(), 1u);
  EXPECT_EQ(paid->parking_session->payments[0].amount.fen(), due);
  EXPECT_EQ(Usable(kOpen), before - order["points"].get<int64_t>());
  EXPECT_TRUE(
      Do(Op("x1", "device:gate-b2", "park_exit", out), kOpen.PlusSeconds(60))
          .ok());
  // A second confirmation (another operation) changes nothing.
  Operation again = Confirm("PK000001", due);
  again.id = "confirm-again";
  EXPECT_EQ(Do(again, kOpen.PlusSeconds(50)).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(PaymentOpsTest, AnOrderIsOpenedOnlyAtTheQuotedFeeAndForMoney) {
  codec::Json stale = Order("PK000002", 0);
  stale["due_fen"] = stale["due_fen"].get<int64_t>() + 100;
  EXPECT_EQ(
      Do(Op("o2", "device:api", "open_payment", stale), kOpen).status().code(),
      StatusCode::kFailedPrecondition);
  codec::Json bad_no = Order("PK 2", 0);
  EXPECT_EQ(
      Do(Op("o3", "device:api", "open_payment", bad_no), kOpen).status().code(),
      StatusCode::kInvalidArgument);
  EXPECT_TRUE(state_.payments.empty());
  ASSERT_TRUE(
      Do(Op("o5", "device:api", "open_payment", Order("PK000005", 0)), kOpen)
          .ok());
  EXPECT_EQ(
      Do(Op("o6", "device:api", "open_payment", Order("PK000005", 0)), kOpen)
          .status()
          .code(),
      StatusCode::kAlreadyExists);
  // The provider's amount must be the order's.
  const int64_t due = OrderNo("PK000005").amount.fen();
  EXPECT_EQ(Do(Confirm("PK000005", due + 1), kOpen).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(OrderNo("PK000005").status, PaymentStatus::kOpen);
}

TEST_F(PaymentOpsTest, AnUnpaidOrderClosesAndALateConfirmationIsRefunded) {
  ASSERT_TRUE(
      Do(Op("o1", "device:api", "open_payment", Order("PK000007", 0)), kOpen)
          .ok());
  const Operation close = Op("close-PK000007", "operator:atrium",
                             "close_payment", {{"order_no", "PK000007"}});
  EXPECT_EQ(
      Do(close, kOpen.PlusSeconds(kPaymentOrderSeconds - 1)).status().code(),
      StatusCode::kFailedPrecondition);  // not yet expired
  ASSERT_TRUE(Do(close, kOpen.PlusSeconds(kPaymentOrderSeconds)).ok());
  EXPECT_EQ(OrderNo("PK000007").status, PaymentStatus::kClosed);

  const int64_t due = OrderNo("PK000007").amount.fen();
  StatusOr<Effects> late = Do(Confirm("PK000007", due), kOpen.PlusSeconds(400));
  ASSERT_TRUE(late.ok()) << late.status().ToString();
  EXPECT_EQ(late->result["status"], "refund_due");
  EXPECT_FALSE(late->parking_session.has_value());  // the stay is not paid
  const Operation refund =
      Op("refund-PK000007", "operator:atrium", "refund_payment",
         {{"order_no", "PK000007"}, {"refund_no", "RF-PK000007"}});
  ASSERT_TRUE(Do(refund, kOpen.PlusSeconds(401)).ok());
  EXPECT_EQ(OrderNo("PK000007").status, PaymentStatus::kRefunded);
  EXPECT_EQ(Do(refund, kOpen.PlusSeconds(402)).status().code(),
            StatusCode::kFailedPrecondition);  // once
}

TEST_F(PaymentOpsTest, MoneyForPointsSpentMeanwhileIsRefunded) {
  const codec::Json order = Order("PK000008", 200);
  const int64_t points = order["points"];
  ASSERT_GT(points, 0);
  ASSERT_TRUE(Do(Op("o1", "device:api", "open_payment", order), kOpen).ok());
  // The member spends their points elsewhere before the provider confirms.
  StatusOr<Effects> spent = Do(Op("s1", "member:M1", "spend_points",
                                  {{"member_id", "M1"},
                                   {"points", Usable(kOpen) - points + 1},
                                   {"ref", "gift"}}),
                               kOpen.PlusSeconds(5));
  ASSERT_TRUE(spent.ok()) << spent.status().ToString();
  StatusOr<Effects> paid =
      Do(Confirm("PK000008", order["due_fen"]), kOpen.PlusSeconds(30));
  ASSERT_TRUE(paid.ok()) << paid.status().ToString();
  EXPECT_EQ(paid->result["status"], "refund_due");
  EXPECT_EQ(OrderNo("PK000008").refund_reason, "not enough usable points");
}

TEST_F(PaymentOpsTest, OnlyTheServerConfirmsAndOnlyItTakesMoneyWithoutAnOrder) {
  Sender member;
  member.id = "M1";
  member.via_api = true;
  Sender kiosk;
  kiosk.kind = SenderKind::kKiosk;
  kiosk.id = "kiosk-b2";
  kiosk.mall = kMall;
  kiosk.via_api = true;
  Sender server;
  server.kind = SenderKind::kSystem;
  server.id = "atrium";
  server.via_api = true;
  const Operation confirm = Confirm("PK000009", 500);
  EXPECT_EQ(Authorize(state_, confirm, member).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Authorize(state_, confirm, kiosk).code(),
            StatusCode::kPermissionDenied);
  EXPECT_TRUE(Authorize(state_, confirm, server).ok());
  // A kiosk's word of a fee paid is no longer enough.
  const Operation paid_by_word = Op(
      "p1", "device:api", "park_pay",
      {{"mall_id", kMall.value()}, {"plate", PlateJson()}, {"due_fen", 500}});
  EXPECT_EQ(Authorize(state_, paid_by_word, kiosk).code(),
            StatusCode::kPermissionDenied);
  // A payer opens only their own kind of order.
  codec::Json as_kiosk = Order("PK000010", 0);
  as_kiosk.erase("member_id");
  as_kiosk.erase("points");
  as_kiosk["payer"] = "auto_pay";
  EXPECT_EQ(
      Authorize(state_, Op("o1", "device:api", "open_payment", as_kiosk), kiosk)
          .code(),
      StatusCode::kPermissionDenied);
  as_kiosk["payer"] = "kiosk";
  EXPECT_TRUE(
      Authorize(state_, Op("o1", "device:api", "open_payment", as_kiosk), kiosk)
          .ok());
}

}  // namespace
}  // namespace atrium::sync
