// A parking kiosk's steps against a real atriumd over HTTP: the fee of a
// parked car, a member's benefits after they scan their code, paying by
// the provider's QR code (tools/paysim, in process), and the gate opening; an
// unreachable server or a wrong key leave the kiosk where it was, saying why.
#include "net/http_parking_desk.h"

#include <gtest/gtest.h>

#include "model/parking_flow.h"
#include "server/test_server.h"

namespace atrium::testing {
namespace {

using kiosk::HttpParkingDesk;
using kiosk::ParkingFlow;
using kiosk::ServerAddress;
using kiosk::ServerLink;

ServerAddress Kiosk(uint16_t port) {
  return {"127.0.0.1", port, "kiosk-xinjie-1f", "demo-kiosk-xinjie-1f-key",
          std::chrono::milliseconds(3000)};
}

TEST(HttpParkingDeskTest, AMemberPaysAtTheKioskWithTheirBenefits) {
  TestServer s;
  const std::string token = s.SignIn("15012345678");
  ASSERT_EQ(
      s.Post("/api/v1/parking/entries", {{"plate", "沪A55555"}}, kGate, "in-1")
          .status,
      201);
  s.Advance(3 * 3600);
  const std::string code = s.MemberCode(token);

  ServerLink link(Kiosk(s.port()));
  HttpParkingDesk desk(link);
  ParkingFlow flow(desk);
  ASSERT_TRUE(flow.EnterPlate("沪A·55555").ok()) << flow.error().ToString();
  ASSERT_GT(flow.quote()->due.fen(), 0);
  EXPECT_EQ(flow.plate(), "沪A***55");
  ASSERT_TRUE(flow.ScanMember(code).ok()) << flow.error().ToString();
  EXPECT_EQ(flow.member()->phone, "150****5678");
  EXPECT_EQ(flow.quote()->member, MemberId(s.MemberId(token)));
  const Money due = flow.quote()->due;
  ASSERT_TRUE(flow.Pay().ok()) << flow.error().ToString();
  ASSERT_EQ(flow.step(), ParkingFlow::Step::kPayment);
  const kiosk::PendingPayment pending = *flow.payment();
  EXPECT_EQ(pending.amount, due);
  EXPECT_TRUE(pending.code_url.find("/h5/" + pending.order_no) !=
              std::string::npos);
  // Not paid yet: the gate stays shut, the kiosk waits.
  EXPECT_EQ(
      s.Post("/api/v1/parking/exits", {{"plate", "沪A55555"}}, kGate, "out-0")
          .status,
      409);
  ASSERT_TRUE(flow.Poll().ok());
  EXPECT_EQ(flow.step(), ParkingFlow::Step::kPayment);
  // The shopper's phone pays on the provider's page.
  ASSERT_EQ(s.PayAtProvider(pending.order_no).status, 200);
  ASSERT_EQ(s.AwaitOrder(pending.order_no, kKiosk, "paid")["status"], "paid");
  ASSERT_TRUE(flow.Poll().ok()) << flow.error().ToString();
  ASSERT_EQ(flow.step(), ParkingFlow::Step::kReceipt);
  EXPECT_EQ(flow.receipt()->paid, due);
  EXPECT_GT(flow.receipt()->exit_by, s.Now());
  // The gate lets the car out.
  EXPECT_EQ(
      s.Post("/api/v1/parking/exits", {{"plate", "沪A55555"}}, kGate, "out-1")
          .status,
      200);
  // The code was good once.
  flow.Reset();
  ASSERT_EQ(
      s.Post("/api/v1/parking/entries", {{"plate", "沪A55555"}}, kGate, "in-2")
          .status,
      201);
  ASSERT_TRUE(flow.EnterPlate("沪A55555").ok());
  EXPECT_EQ(flow.ScanMember(code).code(), StatusCode::kFailedPrecondition);
}

// At the kiosk, the member signed in scans the entry ticket the gate gave:
// the plate is theirs, and their phone shows the car.
TEST(HttpParkingDeskTest, AMemberProvesThePlateWithTheEntryTicket) {
  TestServer s;
  const std::string token = s.SignIn("15012345678");
  ASSERT_EQ(s.Post("/api/v1/me/plates", {{"plate", "沪A55555"}}, Bearer(token),
                   "bind")
                .status,
            201);
  ASSERT_EQ(
      s.Post("/api/v1/parking/entries",
             {{"plate", "沪A55555"}, {"ticket", "T0009X7Q2"}}, kGate, "in-1")
          .status,
      201);
  s.Advance(600);
  EXPECT_EQ(s.Get("/api/v1/me/parking", Bearer(token)).Json()["stays"].size(),
            0u);
  ServerLink link(Kiosk(s.port()));
  HttpParkingDesk desk(link);
  ParkingFlow flow(desk);
  ASSERT_TRUE(flow.EnterPlate("沪A55555").ok()) << flow.error().ToString();
  ASSERT_TRUE(flow.Scanned(s.MemberCode(token)).ok())
      << flow.error().ToString();
  EXPECT_EQ(flow.Scanned("T0000000").code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(flow.Scanned("T0009X7Q2").ok()) << flow.error().ToString();
  EXPECT_TRUE(flow.plate_proven());
  EXPECT_EQ(s.Get("/api/v1/me/parking", Bearer(token)).Json()["stays"].size(),
            1u);
}

TEST(HttpParkingDeskTest, AnUnreachableServerOrAWrongKeyIsSaid) {
  TestServer s;
  ServerAddress nowhere = Kiosk(1);  // nothing listens on port 1
  nowhere.timeout = std::chrono::milliseconds(500);
  ServerLink down(nowhere);
  HttpParkingDesk offline(down);
  ParkingFlow flow(offline);
  EXPECT_EQ(flow.EnterPlate("沪A55555").code(), StatusCode::kUnavailable);
  EXPECT_EQ(flow.step(), ParkingFlow::Step::kPlate);

  ServerAddress wrong = Kiosk(s.port());
  wrong.key = "not-the-key";
  ServerLink refused(wrong);
  HttpParkingDesk stranger(refused);
  ParkingFlow flow2(stranger);
  EXPECT_EQ(flow2.EnterPlate("沪A55555").code(), StatusCode::kPermissionDenied);
  // Not parked: said as such.
  ServerLink link(Kiosk(s.port()));
  HttpParkingDesk desk(link);
  ParkingFlow flow3(desk);
  EXPECT_EQ(flow3.EnterPlate("京A88888").code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace atrium::testing
