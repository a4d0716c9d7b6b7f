// A parking kiosk's steps over a car park the test plays: the fee, a
// member's benefits, points, and paying by the provider's QR code on the
// shopper's phone, the receipt only once the payment is confirmed.
#include "model/parking_flow.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

namespace atrium::kiosk {
namespace {

const Timestamp kNow = *ParseIso8601("2026-04-08T10:00:00Z");

// One car parked, 沪A12345: ¥12 for the stay; a member's tier takes ¥6
// off and each 100 points another ¥6.
class FakeDesk : public ParkingDesk {
 public:
  StatusOr<ParkingQuote> Quote(const Plate& plate, const MemberId* member,
                               int64_t points) override {
    if (plate.text() != "沪A12345") return NotFound("no stay of this plate");
    ParkingQuote q;
    q.session = "S1";
    q.at = kNow;
    q.gross = Money::Fen(1200);
    int64_t due = 1200 + fee_rise_ * 100;
    if (member != nullptr) due -= 600;
    const int64_t used = std::min<int64_t>(points / 100 * 100, 100);
    due -= used / 100 * 600;
    q.due = Money::Fen(std::max<int64_t>(due, 0));
    q.use.points = used;
    q.payments_before = static_cast<int32_t>(settled.size());
    if (member != nullptr) q.member = *member;
    return q;
  }
  StatusOr<KioskMember> SignIn(std::string_view code) override {
    if (code != "ATM1.M0001.1.ok") return PermissionDenied("not a valid code");
    return KioskMember{MemberId("M0001"), "138****0001", "金卡", 250};
  }
  StatusOr<std::string> FindCar(const Plate& plate) override {
    if (plate.text() != "沪A12345") return NotFound("no stay of this plate");
    return std::string("B2-A-017");
  }
  StatusOr<ParkingReceipt> Pay(const Plate&, const ParkingQuote& q) override {
    if (refuse_next_) return Refuse();
    settled.push_back(q.due.fen());
    return ParkingReceipt{q.session, q.due, q.use.points,
                          kNow.PlusSeconds(15 * 60)};
  }
  StatusOr<PendingPayment> OpenPayment(const Plate&,
                                       const ParkingQuote& q) override {
    if (refuse_next_) return Refuse();
    const std::string no = "PK" + std::to_string(orders.size() + 1);
    orders[no] = {"open", q.due.fen()};
    return PendingPayment{no, "http://pay.example/h5/" + no, q.due};
  }
  StatusOr<std::optional<ParkingReceipt>> PaymentStatus(
      const std::string& no) override {
    const auto& [state, fen] = orders.at(no);
    if (state == "open") return std::optional<ParkingReceipt>();
    if (state != "paid") return FailedPrecondition("the payment closed");
    return std::optional<ParkingReceipt>(
        ParkingReceipt{"S1", Money::Fen(fen), 0, kNow.PlusSeconds(15 * 60)});
  }
  Status Refuse() {
    refuse_next_ = false;
    ++fee_rise_;
    return FailedPrecondition("the fee is now higher: quote again");
  }

  Status ProvePlate(const Plate&, const MemberId& member,
                    std::string_view ticket) override {
    if (ticket != "T0009X7Q2") return FailedPrecondition("not this stay's");
    proven.push_back(member);
    return Status::Ok();
  }

  std::vector<int64_t> settled;  // fees of 0, by benefits
  std::map<std::string, std::pair<std::string, int64_t>> orders;  // by no
  std::vector<MemberId> proven;
  bool refuse_next_ = false;
  int64_t fee_rise_ = 0;
};

class ParkingFlowTest : public ::testing::Test {
 protected:
  FakeDesk desk_;
  ParkingFlow flow_{desk_};
};

TEST_F(ParkingFlowTest, TypedPlateQuotedThenPaid) {
  for (const char* key : {"沪", "A", "1", "2", "3", "4", "5"}) {
    ASSERT_TRUE(flow_.keyboard().Press(key)) << key;
  }
  ASSERT_TRUE(flow_.EnterPlate().ok()) << flow_.error().ToString();
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kQuote);
  EXPECT_EQ(flow_.plate(), "沪A***45");
  EXPECT_EQ(flow_.quote()->due, Money::Fen(1200));
  // The fee is paid on the shopper's phone, by the QR code shown.
  ASSERT_TRUE(flow_.Pay().ok());
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kPayment);
  ASSERT_NE(flow_.payment(), nullptr);
  EXPECT_EQ(flow_.payment()->code_url, "http://pay.example/h5/PK1");
  EXPECT_EQ(flow_.payment()->amount, Money::Fen(1200));
  ASSERT_TRUE(flow_.Poll().ok());  // not yet paid
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kPayment);
  desk_.orders["PK1"].first = "paid";
  ASSERT_TRUE(flow_.Poll().ok());
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kReceipt);
  EXPECT_EQ(flow_.receipt()->paid, Money::Fen(1200));
  flow_.Reset();
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kPlate);
  EXPECT_EQ(flow_.keyboard().text(), "");
  EXPECT_EQ(flow_.quote(), nullptr);
}

TEST_F(ParkingFlowTest, AMembersBenefitsAndPointsLowerTheFee) {
  ASSERT_TRUE(flow_.EnterPlate("沪A·12345").ok());
  EXPECT_EQ(flow_.ScanMember("ATM1.M0001.1.bad").code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(flow_.member(), nullptr);
  EXPECT_EQ(flow_.quote()->due, Money::Fen(1200));
  ASSERT_TRUE(flow_.ScanMember("ATM1.M0001.1.ok").ok());
  EXPECT_EQ(flow_.member()->phone, "138****0001");
  EXPECT_EQ(flow_.quote()->due, Money::Fen(600));
  ASSERT_TRUE(flow_.UsePoints(true).ok());
  EXPECT_EQ(flow_.quote()->due, Money::Fen(0));
  EXPECT_EQ(flow_.quote()->use.points, 100);
  // Nothing to charge: the benefits are recorded as used at once.
  ASSERT_TRUE(flow_.Pay().ok());
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kReceipt);
  EXPECT_TRUE(desk_.orders.empty());
  EXPECT_EQ(desk_.settled, std::vector<int64_t>{0});
  EXPECT_EQ(flow_.receipt()->points, 100);
}

// What the scanner reads: the member's code first, then the entry ticket,
// which proves the plate the member's.
TEST_F(ParkingFlowTest, AMemberProvesThePlateByTheEntryTicket) {
  ASSERT_TRUE(flow_.EnterPlate("沪A12345").ok());
  EXPECT_EQ(flow_.ProvePlate("T0009X7Q2").code(),
            StatusCode::kFailedPrecondition);  // no member yet
  EXPECT_TRUE(desk_.proven.empty());
  ASSERT_TRUE(flow_.Scanned("ATM1.M0001.1.ok").ok());
  ASSERT_NE(flow_.member(), nullptr);
  EXPECT_FALSE(flow_.plate_proven());
  EXPECT_EQ(flow_.Scanned("WRONG0000").code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(flow_.proof_failed());
  EXPECT_FALSE(flow_.plate_proven());
  ASSERT_TRUE(flow_.Scanned("T0009X7Q2").ok());
  EXPECT_TRUE(flow_.plate_proven());
  EXPECT_FALSE(flow_.proof_failed());
  ASSERT_EQ(desk_.proven.size(), 1u);
  EXPECT_EQ(desk_.proven[0], MemberId("M0001"));
  flow_.Reset();
  EXPECT_FALSE(flow_.plate_proven());
}

TEST_F(ParkingFlowTest, AFeeThatChangedIsQuotedAgain) {
  ASSERT_TRUE(flow_.EnterPlate("沪A12345").ok());
  desk_.refuse_next_ = true;
  EXPECT_EQ(flow_.Pay().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kQuote);
  EXPECT_TRUE(desk_.orders.empty());
  EXPECT_EQ(flow_.quote()->due, Money::Fen(1300));  // the new fee shows
  ASSERT_TRUE(flow_.Pay().ok());
  EXPECT_EQ(desk_.orders.at("PK1").second, 1300);
}

TEST_F(ParkingFlowTest, AnOrderUnpaidInTimeClosesAndTheFeeIsQuotedAgain) {
  ASSERT_TRUE(flow_.EnterPlate("沪A12345").ok());
  ASSERT_TRUE(flow_.Pay().ok());
  desk_.orders["PK1"].first = "closed";
  EXPECT_EQ(flow_.Poll().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kQuote);
  EXPECT_EQ(flow_.payment(), nullptr);
  EXPECT_EQ(flow_.receipt(), nullptr);
  // Paying again opens a new order; going back leaves it to close.
  ASSERT_TRUE(flow_.Pay().ok());
  EXPECT_EQ(flow_.payment()->order_no, "PK2");
  flow_.CancelPayment();
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kQuote);
  EXPECT_TRUE(flow_.Poll().ok());  // nothing waits
}

TEST_F(ParkingFlowTest, FindMyCarByTheTypedPlate) {
  for (const char* key : {"沪", "B", "1", "2", "3", "4", "5"}) {
    ASSERT_TRUE(flow_.keyboard().Press(key)) << key;
  }
  EXPECT_EQ(flow_.FindCar().code(), StatusCode::kNotFound);  // not parked
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kPlate);
  flow_.keyboard().Clear();
  for (const char* key : {"沪", "A", "1", "2", "3", "4", "5"}) {
    ASSERT_TRUE(flow_.keyboard().Press(key)) << key;
  }
  ASSERT_TRUE(flow_.FindCar().ok()) << flow_.error().ToString();
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kCar);
  EXPECT_EQ(flow_.bay(), "B2-A-017");
  EXPECT_EQ(flow_.plate(), "沪A***45");
  EXPECT_EQ(flow_.FindCar().code(), StatusCode::kFailedPrecondition);
  flow_.Reset();
  EXPECT_EQ(flow_.bay(), "");
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kPlate);
}

TEST_F(ParkingFlowTest, ABadOrUnknownPlateStaysOnThePlate) {
  EXPECT_EQ(flow_.EnterPlate("沪O12345").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kPlate);
  EXPECT_EQ(flow_.EnterPlate("沪B12345").code(), StatusCode::kNotFound);
  EXPECT_EQ(flow_.step(), ParkingFlow::Step::kPlate);
  EXPECT_EQ(flow_.Pay().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(flow_.ScanMember("ATM1.M0001.1.ok").code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace atrium::kiosk
