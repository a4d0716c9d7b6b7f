// Who may send what: every operation type of the registry, from every kind
// of sender, in scope and out of it (another member, another mall, another
// store). The rows below are the table of shared/formats/operation.md; a
// type the registry gains without a row here fails.
#include "atrium/sync/authority.h"

#include <gtest/gtest.h>

#include <set>

#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;
using K = SenderKind;

const codec::Json kPlate = {{"value", std::string(64, 'a')},
                            {"display", "沪A***45"}};
const codec::Json kCard = {{"kind", "card"}, {"value", "6222000011112222"}};

struct Row {
  Row(std::string t, codec::Json p, std::set<K> s, std::set<std::string> r = {},
      bool mall = false, bool store = false)
      : type(std::move(t)),
        payload(std::move(p)),
        senders(std::move(s)),
        roles(std::move(r)),
        names_mall(mall),
        names_store(store) {}
  std::string type;
  codec::Json payload;  // in scope: member M1, mall m-xinjie, store s-101
  std::set<K> senders;
  std::set<std::string> roles;  // of operators
  bool names_mall = false;      // directly or by its coupon or template
  bool names_store = false;     // or its receipt's
};

std::vector<Row> Rows() {
  const codec::Json receipt = {
      {"id", "R9"},
      {"mall_id", "m-xinjie"},
      {"store_id", "s-101"},
      {"member_id", "M1"},
      {"at", "2026-04-08T08:00:00Z"},
      {"lines", {{{"category", "beauty"}, {"amount_fen", 1000}}}}};
  const std::set<std::string> admin = {"admin"};
  const std::set<std::string> marketing = {"admin", "marketing"};
  return {
      {"register",
       {{"member_id", "M1"}, {"phone", "13800000009"}},
       {K::kMember, K::kSystem}},
      {"earn", {{"receipt", receipt}}, {K::kTill, K::kSystem}, {}, true, true},
      {"refund",
       {{"mall_id", "m-xinjie"},
        {"receipt_id", "R1"},
        {"refund_id", "f"},
        {"amount_fen", 100}},
       {K::kTill, K::kSystem},
       {},
       true,
       true},
      {"spend_points",
       {{"member_id", "M1"}, {"points", 1}, {"ref", "x"}},
       {K::kMember, K::kTill, K::kKiosk, K::kSystem}},
      {"add_coupon_template",
       {{"template", testing::TemplateJson("t-new", 0, 1)}},
       {K::kOperator, K::kSystem},
       marketing},
      {"claim_coupon",
       {{"member_id", "M1"}, {"template_id", "flash-1"}},
       {K::kMember, K::kKiosk, K::kSystem},
       {},
       true},
      {"redeem_coupon",
       {{"member_id", "M1"},
        {"coupon_id", "c-claim"},
        {"receipt_id", "R1"},
        {"store_id", "s-101"}},
       {K::kTill, K::kSystem},
       {},
       true,
       true},
      {"grant_escrow",
       {{"escrow_id", "e2"},
        {"device_id", "k1"},
        {"expires_at", "2026-05-01T00:00:00Z"},
        {"points_budget", 10}},
       {K::kOperator, K::kSystem},
       admin},
      {"return_escrow",
       {{"escrow_id", "e1"}},
       {K::kKiosk, K::kOperator, K::kSystem},
       marketing},
      {"link_identity",
       {{"member_id", "M1"}, {"identity", kCard}},
       {K::kTill, K::kSystem}},
      {"merge_receipt",
       {{"identity", kCard}, {"receipt", receipt}},
       {K::kSystem},
       {},
       true,
       true},
      {"exchange_points",
       {{"member_id", "M1"}, {"template_id", "flash-1"}},
       {K::kMember, K::kKiosk, K::kSystem},
       {},
       true},
      {"grant_coupon",
       {{"member_id", "M1"}, {"template_id", "flash-1"}},
       {K::kOperator, K::kSystem},
       marketing,
       true},
      {"update_profile", {{"member_id", "M1"}}, {K::kMember, K::kSystem}},
      {"unlink_identity",
       {{"member_id", "M1"}, {"identity", kCard}},
       {K::kMember, K::kTill, K::kSystem}},
      {"park_enter",
       {{"mall_id", "m-xinjie"}, {"plate", kPlate}},
       {K::kGate, K::kSystem},
       {},
       true},
      {"verify_plate",
       {{"member_id", "M1"},
        {"mall_id", "m-xinjie"},
        {"plate", kPlate},
        {"proof", "ticket"},
        {"ticket", std::string(64, 'e')}},
       {K::kKiosk, K::kSystem},
       {},
       true},
      {"park_pay",
       {{"mall_id", "m-xinjie"},
        {"plate", kPlate},
        {"member_id", "M1"},
        {"due_fen", 0}},
       {K::kMember, K::kKiosk, K::kSystem},
       {},
       true},
      {"open_payment",
       {{"order_no", "PK000001"},
        {"payer", "member"},
        {"mall_id", "m-xinjie"},
        {"plate", kPlate},
        {"member_id", "M1"},
        {"due_fen", 500}},
       {K::kMember, K::kKiosk, K::kSystem},
       {},
       true},
      {"confirm_payment",
       {{"order_no", "PK000001"},
        {"transaction_id", "T1"},
        {"amount_fen", 500},
        {"paid_at", "2026-04-08T09:00:00Z"}},
       {K::kSystem}},
      {"close_payment", {{"order_no", "PK000001"}}, {K::kSystem}},
      {"refund_payment",
       {{"order_no", "PK000001"}, {"refund_no", "RF1"}},
       {K::kSystem}},
      {"park_exit",
       {{"mall_id", "m-xinjie"}, {"plate", kPlate}},
       {K::kGate, K::kSystem},
       {},
       true},
      {"erase_member",
       {{"member_id", "M1"}},
       {K::kMember, K::kOperator, K::kSystem},
       admin},
      {"update_program",
       {{"tiers", codec::Json::array()}},
       {K::kOperator, K::kSystem},
       admin},
      {"day_job",
       {{"job", "expire_points"}, {"business_day", "2026-04-08"}},
       {K::kSystem}},
      {"set_auto_pay",
       {{"member_id", "M1"}, {"plate", kPlate}, {"limit_fen", 5000}},
       {K::kMember, K::kSystem}},
  };
}

// An anonymous sender (a public API route's caller) is refused every type.
constexpr K kKinds[] = {K::kMember,   K::kTill,   K::kKiosk,    K::kGate,
                        K::kOperator, K::kSystem, K::kAnonymous};

// A sender of `kind` in scope of the rows: member M1 itself, devices of
// m-xinjie (the till at store s-101) to which M1 is present, operator
// `role`.
Sender InScope(K kind, const std::string& role = "admin") {
  Sender s;
  s.kind = kind;
  s.via_api = true;
  s.mall = MallId("m-xinjie");
  switch (kind) {
    case K::kMember: s.id = "M1"; break;
    case K::kTill:
      s.id = "pos-1";
      s.store = StoreId("s-101");
      break;
    case K::kKiosk: s.id = "kiosk-1"; break;
    case K::kGate: s.id = "gate-1"; break;
    case K::kOperator:
      s.id = "alice";
      s.role = role;
      break;
    case K::kSystem: s.id = "atrium"; break;
    case K::kAnonymous: break;
  }
  s.present = [](const MemberId& m) { return m.value() == "M1"; };
  return s;
}

class AuthorityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::RegisterMembers(state_, 2));
    for (const Operation& op :
         {Op("t", "operator:admin", "add_coupon_template",
             {{"template", testing::TemplateJson("flash-1", 5, 5)}}),
          Op("r1", "device:pos-1", "earn",
             {{"receipt",
               {{"id", "R1"},
                {"mall_id", "m-xinjie"},
                {"store_id", "s-101"},
                {"member_id", "M1"},
                {"at", "2026-04-08T07:00:00Z"},
                {"lines", {{{"category", "beauty"}, {"amount_fen", 5000}}}}}}}),
          Op("claim", "member:M1", "claim_coupon",
             {{"member_id", "M1"}, {"template_id", "flash-1"}}),
          Op("v", "operator:desk", "verify_plate",
             {{"member_id", "M1"}, {"plate", kPlate}, {"proof", "licence"}}),
          Op("e", "operator:admin", "grant_escrow",
             {{"escrow_id", "e1"},
              {"device_id", "kiosk-1"},
              {"expires_at", "2026-05-01T00:00:00Z"},
              {"points_budget", 10}})}) {
      StatusOr<Effects> fx = Apply(state_, op, testing::kOpsNow);
      ASSERT_TRUE(fx.ok()) << op.id << ": " << fx.status().ToString();
    }
  }
  bool Allowed(const Row& row, const Sender& s, codec::Json payload) {
    Operation op = Op("k-1", "device:api", row.type, std::move(payload));
    return Authorize(state_, op, s).ok();
  }
  GroupState state_{testing::DemoProgram()};
};

TEST_F(AuthorityTest, TheRowsAreTheRegistry) {
  std::set<std::string> rows;
  for (const Row& r : Rows()) rows.insert(r.type);
  for (const OpPolicy& p : OperationPolicies()) {
    EXPECT_TRUE(rows.contains(std::string(p.type)))
        << p.type << " has no row in this test";
    EXPECT_TRUE(KnownType(p.type));
    EXPECT_NE(p.apply, nullptr) << p.type << " has no handler";
  }
  EXPECT_EQ(rows.size(), OperationPolicies().size());
  EXPECT_FALSE(KnownType("mint_points"));
  EXPECT_EQ(Authorize(state_, Op("x", "device:api", "mint_points", {}),
                      InScope(K::kSystem))
                .code(),
            StatusCode::kPermissionDenied);
}

TEST_F(AuthorityTest, EachKindOfSenderInScope) {
  for (const Row& row : Rows()) {
    for (K kind : kKinds) {
      const bool want = row.senders.contains(kind) &&
                        (kind != K::kOperator || row.roles.contains("admin"));
      EXPECT_EQ(Allowed(row, InScope(kind), row.payload), want)
          << row.type << " from a " << SenderKindName(kind);
    }
  }
}

TEST_F(AuthorityTest, OperatorsByRole) {
  for (const Row& row : Rows()) {
    if (!row.senders.contains(K::kOperator)) continue;
    for (const std::string role : {"admin", "marketing", "finance", "guest"}) {
      EXPECT_EQ(Allowed(row, InScope(K::kOperator, role), row.payload),
                row.roles.contains(role))
          << row.type << " by " << role;
    }
  }
}

// Another member than the sender or the one present: refused to members and
// devices, allowed to operators and the server.
TEST_F(AuthorityTest, AnotherMember) {
  for (const Row& row : Rows()) {
    codec::Json payload = row.payload;
    codec::Json& subject = row.type == "earn" || row.type == "merge_receipt"
                               ? payload["receipt"]
                               : payload;
    if (!subject.contains("member_id")) continue;
    subject["member_id"] = "M2";
    for (K kind : row.senders) {
      const bool want = kind == K::kOperator || kind == K::kSystem;
      EXPECT_EQ(Allowed(row, InScope(kind), payload), want)
          << row.type << " for another member from a " << SenderKindName(kind);
    }
  }
}

TEST_F(AuthorityTest, AnotherMall) {
  for (const Row& row : Rows()) {
    for (K kind : {K::kTill, K::kKiosk, K::kGate}) {
      if (!row.senders.contains(kind)) continue;
      Sender s = InScope(kind);
      s.mall = MallId("m-binjiang");
      s.store.reset();
      EXPECT_EQ(Allowed(row, s, row.payload), !row.names_mall)
          << row.type << " from a " << SenderKindName(kind)
          << " of another mall";
    }
  }
}

TEST_F(AuthorityTest, AnotherOrUnknownStore) {
  for (const Row& row : Rows()) {
    if (!row.senders.contains(K::kTill)) continue;
    Sender other = InScope(K::kTill);
    other.store = StoreId("s-102");
    EXPECT_EQ(Allowed(row, other, row.payload), !row.names_store)
        << row.type << " from another store's till";
    // A unified till of the mall serves every store of it, and no other.
    Sender unified = InScope(K::kTill);
    unified.store.reset();
    EXPECT_TRUE(Allowed(row, unified, row.payload)) << row.type;
    codec::Json payload = row.payload;
    codec::Json& subject = row.type == "earn" ? payload["receipt"] : payload;
    if (!subject.contains("store_id")) continue;
    subject["store_id"] = "s-999";
    EXPECT_FALSE(Allowed(row, unified, payload))
        << row.type << " at a store that does not exist";
  }
}

TEST_F(AuthorityTest, APushedOperationIsTheSendersOwnUnderItsOwnId) {
  Sender kiosk = InScope(K::kKiosk);
  kiosk.via_api = false;
  const codec::Json ret = {{"escrow_id", "e1"}};
  Operation own =
      Op("device:kiosk-1:7", "device:kiosk-1", "return_escrow", ret);
  EXPECT_TRUE(Authorize(state_, own, kiosk).ok());
  Operation other =
      Op("device:kiosk-2:7", "device:kiosk-2", "return_escrow", ret);
  EXPECT_FALSE(Authorize(state_, other, kiosk).ok());
  Operation squat =
      Op("k-0011223344556677", "device:kiosk-1", "return_escrow", ret);
  EXPECT_FALSE(Authorize(state_, squat, kiosk).ok());
  // Another device's escrow is not this kiosk's to return.
  kiosk.id = "kiosk-2";
  EXPECT_FALSE(Authorize(state_, other, kiosk).ok());
}

// A kiosk whose session with the member ended acts for them only under its
// escrow, and only if they signed in there before.
TEST_F(AuthorityTest, AKioskAfterTheSessionOnlyWithinItsEscrow) {
  Sender kiosk = InScope(K::kKiosk);
  kiosk.present = nullptr;  // the session ended
  kiosk.served = [](const MemberId& m) { return m.value() == "M1"; };
  auto claim = [&](const std::string& member, bool escrow) {
    codec::Json p = {{"member_id", member}, {"template_id", "flash-1"}};
    if (escrow) p["escrow_id"] = "e1";
    return Authorize(state_, Op("k", "device:api", "claim_coupon", p), kiosk)
        .ok();
  };
  EXPECT_FALSE(claim("M1", false));
  EXPECT_TRUE(claim("M1", true));
  EXPECT_FALSE(claim("M2", true));  // never signed in there
}

TEST_F(AuthorityTest, CardsAtATillPlatesByTheirMember) {
  const codec::Json plate = {{"member_id", "M1"},
                             {"identity",
                              {{"kind", "plate"},
                               {"value", std::string(64, 'b')},
                               {"display", "沪A***45"}}}};
  const codec::Json card = {{"member_id", "M1"}, {"identity", kCard}};
  auto allowed = [&](K kind, const codec::Json& p) {
    return Authorize(state_, Op("k", "device:api", "link_identity", p),
                     InScope(kind))
        .ok();
  };
  EXPECT_TRUE(allowed(K::kMember, plate));
  EXPECT_FALSE(allowed(K::kMember, card));  // someone else's card, say
  EXPECT_TRUE(allowed(K::kTill, card));
  EXPECT_FALSE(allowed(K::kTill, plate));
}

// The proof fits who gives it: a ticket at a kiosk, the licence at the
// service desk (an admin); and a member pays only for a plate proven theirs.
TEST_F(AuthorityTest, PlatesAreProvenAndPaidForByTheRightHands) {
  codec::Json ticket = {{"member_id", "M1"},
                        {"mall_id", "m-xinjie"},
                        {"plate", kPlate},
                        {"proof", "ticket"},
                        {"ticket", std::string(64, 'e')}};
  codec::Json licence = ticket;
  licence["proof"] = "licence";
  auto allowed = [&](const Sender& s, const std::string& type,
                     const codec::Json& p) {
    return Authorize(state_, Op("k", "device:api", type, p), s).ok();
  };
  EXPECT_TRUE(allowed(InScope(K::kKiosk), "verify_plate", ticket));
  EXPECT_FALSE(allowed(InScope(K::kKiosk), "verify_plate", licence));
  EXPECT_TRUE(allowed(InScope(K::kOperator), "verify_plate", licence));
  EXPECT_FALSE(allowed(InScope(K::kOperator), "verify_plate", ticket));
  EXPECT_FALSE(
      allowed(InScope(K::kOperator, "marketing"), "verify_plate", licence));
  const codec::Json pay = {{"mall_id", "m-xinjie"},
                           {"plate", kPlate},
                           {"member_id", "M1"},
                           {"due_fen", 0}};
  state_.identity_owner.erase("plate:" + std::string(64, 'a'));
  EXPECT_FALSE(allowed(InScope(K::kMember), "park_pay", pay));
  state_.identity_owner.emplace("plate:" + std::string(64, 'a'),
                                MemberId("M1"));
  EXPECT_TRUE(allowed(InScope(K::kMember), "park_pay", pay));
}

}  // namespace
}  // namespace atrium::sync
