// What a device is sent of members' operations: the phone masked, no
// profile; its replica takes that form, and only a device's replica does.
#include "atrium/sync/device_view.h"

#include <gtest/gtest.h>

#include "atrium/sync/apply.h"
#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

Change ChangeOf(const Operation& op) {
  Change c;
  c.operation = OperationToJson(op).dump();
  return c;
}

TEST(DeviceViewTest, ARegistrationAndAProfileReachADeviceMasked) {
  Change reg =
      ChangeOf(Op("r", "member:M1", "register",
                  {{"member_id", "M1"},
                   {"phone", "13912345678"},
                   {"name", "林小姐"},
                   {"identity", {{"kind", "card"}, {"value", "c1"}}}}));
  MaskForDevice(reg);
  EXPECT_EQ(reg.operation.find("13912345678"), std::string::npos);
  EXPECT_EQ(reg.operation.find("林"), std::string::npos);
  EXPECT_EQ(reg.operation.find("c1"), std::string::npos);
  const codec::Json masked = codec::Json::parse(reg.operation);
  EXPECT_EQ(masked["payload"], codec::Json({{"member_id", "M1"},
                                            {"phone_masked", "139****5678"}}));
  Change profile = ChangeOf(Op("p", "member:M1", "update_profile",
                               {{"member_id", "M1"}, {"birthday", "02-29"}}));
  MaskForDevice(profile);
  EXPECT_EQ(codec::Json::parse(profile.operation)["payload"],
            codec::Json({{"member_id", "M1"}}));
  // Other types pass as they are.
  Change spend =
      ChangeOf(Op("s", "member:M1", "spend_points",
                  {{"member_id", "M1"}, {"points", 1}, {"ref", "x"}}));
  const std::string before = spend.operation;
  MaskForDevice(spend);
  EXPECT_EQ(spend.operation, before);
}

TEST(DeviceViewTest, OnlyADevicesReplicaTakesAMaskedRegistration) {
  const Operation op =
      Op("r", "member:M7", "register",
         {{"member_id", "M7"}, {"phone_masked", "139****5678"}});
  GroupState server{testing::DemoProgram()};
  EXPECT_EQ(Apply(server, op, testing::kOpsNow).status().code(),
            StatusCode::kInvalidArgument);
  GroupState kiosk{testing::DemoProgram()};
  kiosk.own_device = "kiosk-1";
  ASSERT_TRUE(Apply(kiosk, op, testing::kOpsNow).ok());
  EXPECT_EQ(kiosk.directory.Find(MemberId("M7"))->phone.Masked(),
            "139****5678");
}

}  // namespace
}  // namespace atrium::sync
