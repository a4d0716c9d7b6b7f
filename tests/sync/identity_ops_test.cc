// ID-mapping: receipts of a shopper known only by a card wait for a member,
// and linking the card merges them as operations of their own.
#include <gtest/gtest.h>

#include "atrium/sync/apply.h"
#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

const Timestamp kNow = testing::kOpsNow;
const codec::Json kCard = {{"kind", "card"}, {"value", "6222-0001"}};

codec::Json CardEarn(const std::string& receipt) {
  return {{"identity", kCard},
          {"receipt",
           {{"id", receipt},
            {"mall_id", "m-xinjie"},
            {"store_id", "s-101"},
            {"at", "2026-04-08T07:00:00Z"},
            {"lines", {{{"category", "fashion"}, {"amount_fen", 12800}}}}}}};
}

class IdentityOpsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(testing::RegisterMembers(state_, 2)); }
  StatusOr<Effects> Do(const Operation& op) { return Apply(state_, op, kNow); }
  // Applies what the server would append after `fx`.
  void FollowUp(const Effects& fx) {
    for (const Operation& next : fx.follow_ups) {
      StatusOr<Effects> merged = Do(next);
      ASSERT_TRUE(merged.ok()) << merged.status().ToString();
    }
  }
  // How many of R1..R3 `m` has earned for.
  size_t Receipts(const char* m) {
    size_t n = 0;
    for (const char* r : {"R1", "R2", "R3"}) {
      n += state_.accounts.at(MemberId(m))
               .FindReceipt(Receipt::KeyOf(MallId("m-xinjie"), ReceiptId(r))) !=
           nullptr;
    }
    return n;
  }
  GroupState state_{testing::DemoProgram()};
};

TEST_F(IdentityOpsTest, ACardsReceiptsWaitAndMergeWhenLinked) {
  for (const char* r : {"R1", "R2"}) {
    StatusOr<Effects> fx = Do(Op(r, "device:pos-01", "earn", CardEarn(r)));
    ASSERT_TRUE(fx.ok()) << fx.status().ToString();
    EXPECT_EQ(fx->result["guest"], true);
    EXPECT_TRUE(fx->entries.empty());  // no points yet
  }
  EXPECT_EQ(
      Do(Op("R1b", "device:pos-01", "earn", CardEarn("R1"))).status().code(),
      StatusCode::kAlreadyExists);
  // M2 may not link a card for M1; M1 may.
  EXPECT_EQ(Do(Op("l0", "member:M2", "link_identity",
                  {{"member_id", "M1"}, {"identity", kCard}}))
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  StatusOr<Effects> link = Do(Op("l1", "member:M1", "link_identity",
                                 {{"member_id", "M1"}, {"identity", kCard}}));
  ASSERT_TRUE(link.ok()) << link.status().ToString();
  EXPECT_EQ(link->result["receipts_waiting"], 2);
  ASSERT_EQ(link->follow_ups.size(), 2u);
  EXPECT_EQ(link->identity, (Identity{"card", "6222-0001", ""}));
  // Merges come only from the server itself.
  Operation forged = link->follow_ups[0];
  forged.origin = *Origin::Parse("device:pos-01");
  EXPECT_EQ(Do(forged).status().code(), StatusCode::kPermissionDenied);
  FollowUp(*link);
  EXPECT_EQ(Receipts("M1"), 2u);
  EXPECT_TRUE(state_.guest_receipts.at("card:6222-0001").empty());
  // From now on the card earns for M1 directly; nobody else can take it.
  StatusOr<Effects> later =
      Do(Op("R3", "device:pos-01", "earn", CardEarn("R3")));
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->member, MemberId("M1"));
  EXPECT_EQ(Receipts("M1"), 3u);
  EXPECT_EQ(Do(Op("l2", "member:M2", "link_identity",
                  {{"member_id", "M2"}, {"identity", kCard}}))
                .status()
                .code(),
            StatusCode::kAlreadyExists);
}

TEST_F(IdentityOpsTest, RegisteringWithTheCardMergesItsHistory) {
  ASSERT_TRUE(Do(Op("R1", "device:pos-01", "earn", CardEarn("R1"))).ok());
  StatusOr<Effects> reg = Do(
      Op("reg", "member:M9", "register",
         {{"member_id", "M9"}, {"phone", "13900000009"}, {"identity", kCard}}));
  ASSERT_TRUE(reg.ok()) << reg.status().ToString();
  FollowUp(*reg);
  EXPECT_EQ(Receipts("M9"), 1u);
}

TEST_F(IdentityOpsTest, BadIdentitiesAreRefused) {
  for (const codec::Json& bad :
       {codec::Json{{"kind", "plate"}, {"value", "A1"}},
        codec::Json{{"kind", "card"}, {"value", ""}},
        codec::Json{{"kind", "card"}, {"value", "has space"}},
        codec::Json{{"kind", "card"}, {"value", std::string(65, '1')}},
        codec::Json{{"kind", "card"}}}) {
    codec::Json earn = CardEarn("R1");
    earn["identity"] = bad;
    EXPECT_EQ(Do(Op("e", "device:pos-01", "earn", earn)).status().code(),
              StatusCode::kInvalidArgument)
        << bad.dump();
  }
  codec::Json both = CardEarn("R1");
  both["receipt"]["member_id"] = "M1";
  EXPECT_EQ(Do(Op("e", "device:pos-01", "earn", both)).status().code(),
            StatusCode::kInvalidArgument);
}

// A plate as the server names it: its keyed hash, and the masked plate.
codec::Json PlateIdentity(char digit) {
  return {{"kind", "plate"},
          {"value", std::string(64, digit)},
          {"display", "沪A***45"}};
}

// Binding a plate only claims it (plate_ops_test.cc has the proofs): the
// claim names the keyed hash, maps nothing and keeps no one else out.
TEST_F(IdentityOpsTest, APlateIsClaimedByItsKeyedHash) {
  StatusOr<Effects> bound =
      Do(Op("p1", "member:M1", "link_identity",
            {{"member_id", "M1"}, {"identity", PlateIdentity('a')}}));
  ASSERT_TRUE(bound.ok()) << bound.status().ToString();
  EXPECT_EQ(bound->result["plate_status"], "pending");
  EXPECT_FALSE(bound->identity.has_value());
  EXPECT_FALSE(state_.identity_owner.contains("plate:" + std::string(64, 'a')));
  ASSERT_EQ(state_.plate_claims.at(std::string(64, 'a')).size(), 1U);
  EXPECT_EQ(state_.plate_claims.at(std::string(64, 'a'))[0].display,
            "沪A***45");
  EXPECT_TRUE(Do(Op("p2", "member:M2", "link_identity",
                    {{"member_id", "M2"}, {"identity", PlateIdentity('a')}}))
                  .ok());
  EXPECT_EQ(state_.plate_claims.at(std::string(64, 'a')).size(), 2U);
  // A second car of the same member.
  EXPECT_TRUE(Do(Op("p3", "member:M1", "link_identity",
                    {{"member_id", "M1"}, {"identity", PlateIdentity('b')}}))
                  .ok());
}

TEST_F(IdentityOpsTest, APlateIsNeverTakenInClear) {
  codec::Json clear = PlateIdentity('a');
  clear["value"] = "沪A12345";
  codec::Json upper = PlateIdentity('a');
  upper["value"] = std::string(64, 'A');
  codec::Json short_hash = PlateIdentity('a');
  short_hash["value"] = std::string(63, 'a');
  codec::Json unmasked = PlateIdentity('a');
  unmasked["display"] = "沪A12345";
  codec::Json no_display = PlateIdentity('a');
  no_display.erase("display");
  codec::Json card_display = kCard;
  card_display["display"] = "6222****";
  for (const codec::Json& bad :
       {clear, upper, short_hash, unmasked, no_display, card_display}) {
    EXPECT_EQ(Do(Op("p", "member:M1", "link_identity",
                    {{"member_id", "M1"}, {"identity", bad}}))
                  .status()
                  .code(),
              StatusCode::kInvalidArgument)
        << bad.dump();
  }
  // A till is paid by card or open id, not by plate.
  codec::Json earn = CardEarn("R1");
  earn["identity"] = PlateIdentity('a');
  EXPECT_EQ(Do(Op("e", "device:pos-01", "earn", earn)).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(state_.identity_owner.empty());
}

}  // namespace
}  // namespace atrium::sync
