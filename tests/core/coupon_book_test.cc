#include "atrium/coupons/coupon_book.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "coupon_fixture.h"

namespace atrium {
namespace {

using testing::CashOff;
using testing::Local;

class CouponBookTest : public ::testing::Test {
 protected:
  CouponBookTest() {
    alice_ = {MemberId("alice"),
              TierId("gold"),
              {"vip"},
              Local("2025-01-01 10:00:00")};
    bob_ = {
        MemberId("bob"), TierId("normal"), {}, Local("2026-03-01 10:00:00")};
  }
  CouponId Claim(const Claimant& who, const std::string& key,
                 const std::string& at = "2026-03-05 10:00:00",
                 const std::string& tmpl = "cash20") {
    StatusOr<CouponEvent> e = book_.Issue(key, TemplateId(tmpl), who,
                                          IssueChannel::kClaim, Local(at));
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? e->coupon : CouponId();
  }
  StatusCode ClaimCode(const Claimant& who, const std::string& key,
                       const std::string& at = "2026-03-05 10:00:00") {
    return book_
        .Issue(key, TemplateId("cash20"), who, IssueChannel::kClaim, Local(at))
        .status()
        .code();
  }
  Redemption At(const std::string& checkout) {
    return {checkout, ReceiptId("R-" + checkout), StoreId("s1"), "pos-1"};
  }

  CouponBook book_{LocalCalendar()};
  Claimant alice_;
  Claimant bob_;
};

TEST_F(CouponBookTest, AClaimIsIssuedOnceForItsKey) {
  ASSERT_TRUE(book_.AddTemplate(CashOff()).ok());
  const CouponId c = Claim(alice_, "k1");
  const CouponId again = Claim(alice_, "k1");
  EXPECT_EQ(again, c);
  EXPECT_EQ(book_.IssuedCount(TemplateId("cash20")), 1);
  EXPECT_EQ(book_.WalletOf(alice_.id).size(), 1u);
  EXPECT_EQ(book_
                .Issue("k1", TemplateId("cash20"), bob_, IssueChannel::kClaim,
                       Local("2026-03-05 10:00:00"))
                .status()
                .code(),
            StatusCode::kAlreadyExists);
}

TEST_F(CouponBookTest, StockAndLimitsHoldExactly) {
  CouponTemplate t = CashOff();
  t.total_stock = 3;
  t.per_member_total = 2;
  t.per_member_per_day = 1;
  ASSERT_TRUE(book_.AddTemplate(t).ok());
  Claim(alice_, "a1", "2026-03-05 10:00:00");
  EXPECT_EQ(ClaimCode(alice_, "a2", "2026-03-05 23:59:59"),
            StatusCode::kResourceExhausted);  // one a day
  Claim(alice_, "a3", "2026-03-06 00:00:00");
  EXPECT_EQ(ClaimCode(alice_, "a4", "2026-03-07 10:00:00"),
            StatusCode::kResourceExhausted);  // two in all
  Claim(bob_, "b1", "2026-03-07 10:00:00");
  Claimant carol = bob_;
  carol.id = MemberId("carol");
  EXPECT_EQ(ClaimCode(carol, "c1", "2026-03-07 10:00:00"),
            StatusCode::kResourceExhausted);  // stock of three gone
  EXPECT_EQ(book_.IssuedCount(TemplateId("cash20")), 3);
}

TEST_F(CouponBookTest, WhoMayClaimAndWhen) {
  CouponTemplate t = CashOff();
  t.tiers = {TierId("gold"), TierId("normal")};
  t.claim_from = Local("2026-03-10 10:00:00");
  t.tier_rules = {{TierId("gold"), 0, 86400}};  // Gold a day early
  ASSERT_TRUE(book_.AddTemplate(t).ok());
  EXPECT_EQ(ClaimCode(bob_, "b0", "2026-03-10 09:59:59"),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ClaimCode(bob_, "b1", "2026-03-10 10:00:00"), StatusCode::kOk);
  EXPECT_EQ(ClaimCode(alice_, "a0", "2026-03-09 09:59:59"),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ClaimCode(alice_, "a1", "2026-03-09 10:00:00"), StatusCode::kOk);
  Claimant silver = bob_;
  silver.id = MemberId("sam");
  silver.tier = TierId("silver");
  EXPECT_EQ(ClaimCode(silver, "s1", "2026-03-11 10:00:00"),
            StatusCode::kFailedPrecondition);
  // An operator's grant skips the claim checks.
  EXPECT_TRUE(book_
                  .Issue("g1", TemplateId("cash20"), silver,
                         IssueChannel::kOperator, Local("2026-03-01 10:00:00"))
                  .ok());
}

TEST_F(CouponBookTest, NewMembersAndTags) {
  CouponTemplate t = CashOff();
  t.new_member_days = 7;
  t.tags = {"vip", "student"};
  ASSERT_TRUE(book_.AddTemplate(t).ok());
  Claimant fresh_vip = alice_;
  fresh_vip.registered_at = Local("2026-03-01 10:00:00");
  EXPECT_EQ(ClaimCode(fresh_vip, "f1", "2026-03-08 09:59:59"), StatusCode::kOk);
  EXPECT_EQ(ClaimCode(alice_, "a1"), StatusCode::kFailedPrecondition);
  EXPECT_EQ(ClaimCode(bob_, "b1", "2026-03-02 10:00:00"),
            StatusCode::kFailedPrecondition);  // new, but no tag
}

TEST_F(CouponBookTest, ReserveRedeemReverse) {
  ASSERT_TRUE(book_.AddTemplate(CashOff()).ok());
  const CouponId c = Claim(alice_, "k1");
  const Timestamp t0 = Local("2026-03-06 12:00:00");
  ASSERT_TRUE(book_.Reserve("r1", c, alice_.id, "co-1", t0, 600).ok());
  EXPECT_EQ(book_.Reserve("r2", c, alice_.id, "co-2", t0.PlusSeconds(599), 600)
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(book_.Redeem("x1", c, alice_.id, At("co-2"), t0.PlusSeconds(10))
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  StatusOr<CouponEvent> redeemed =
      book_.Redeem("x2", c, alice_.id, At("co-1"), t0.PlusSeconds(20));
  ASSERT_TRUE(redeemed.ok()) << redeemed.status().ToString();
  EXPECT_EQ(redeemed->status_after, CouponStatus::kRedeemed);
  EXPECT_EQ(book_.Redeem("x3", c, alice_.id, At("co-3"), t0.PlusSeconds(30))
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  StatusOr<CouponEvent> back =
      book_.Reverse("v1", c, alice_.id, t0.PlusSeconds(60));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->status_after, CouponStatus::kAvailable);
  EXPECT_TRUE(
      book_.Redeem("x4", c, alice_.id, At("co-4"), t0.PlusSeconds(90)).ok());
}

TEST_F(CouponBookTest, AReservationLapsesAfterItsHold) {
  ASSERT_TRUE(book_.AddTemplate(CashOff()).ok());
  const CouponId c = Claim(alice_, "k1");
  const Timestamp t0 = Local("2026-03-06 12:00:00");
  ASSERT_TRUE(book_.Reserve("r1", c, alice_.id, "co-1", t0, 600).ok());
  EXPECT_EQ(book_.Find(c)->StatusAt(t0.PlusSeconds(599)),
            CouponStatus::kReserved);
  EXPECT_EQ(book_.Find(c)->StatusAt(t0.PlusSeconds(600)),
            CouponStatus::kAvailable);
  EXPECT_TRUE(
      book_.Redeem("x1", c, alice_.id, At("co-2"), t0.PlusSeconds(600)).ok());
}

TEST_F(CouponBookTest, RefundAfterExpiryDoesNotRestore) {
  ASSERT_TRUE(book_.AddTemplate(CashOff()).ok());
  const CouponId c = Claim(alice_, "k1");
  ASSERT_TRUE(
      book_.Redeem("x1", c, alice_.id, At("co-1"), Local("2026-03-31 23:59:59"))
          .ok());
  StatusOr<CouponEvent> back =
      book_.Reverse("v1", c, alice_.id, Local("2026-04-01 00:00:00"));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->status_after, CouponStatus::kRefundedExpired);
  EXPECT_EQ(
      book_.Redeem("x2", c, alice_.id, At("co-2"), Local("2026-04-01 00:00:01"))
          .status()
          .code(),
      StatusCode::kFailedPrecondition);
}

TEST_F(CouponBookTest, ExpiryRunsOnceAtTheBoundary) {
  ASSERT_TRUE(book_.AddTemplate(CashOff()).ok());
  const CouponId c = Claim(alice_, "k1");
  EXPECT_TRUE(book_.ExpireDue(Local("2026-03-31 23:59:59")).empty());
  const std::vector<CouponEvent> run =
      book_.ExpireDue(Local("2026-04-01 00:00:00"));
  ASSERT_EQ(run.size(), 1u);
  EXPECT_EQ(run[0].coupon, c);
  EXPECT_EQ(book_.Find(c)->status, CouponStatus::kExpired);
  EXPECT_TRUE(book_.ExpireDue(Local("2026-04-01 00:00:00")).empty());
}

TEST_F(CouponBookTest, BadRequestsChangeNothing) {
  ASSERT_TRUE(book_.AddTemplate(CashOff()).ok());
  const CouponId c = Claim(alice_, "k1");
  const Timestamp t = Local("2026-03-06 12:00:00");
  const size_t events = book_.events().size();
  const struct {
    const char* what;
    Status status;
    StatusCode code;
  } cases[] = {
      {"unknown coupon",
       book_.Reserve("e1", CouponId("nope"), alice_.id, "co", t, 60).status(),
       StatusCode::kNotFound},
      {"someone else's coupon",
       book_.Reserve("e2", c, bob_.id, "co", t, 60).status(),
       StatusCode::kPermissionDenied},
      {"expired",
       book_.Redeem("e3", c, alice_.id, At("co"), Local("2026-04-01 00:00:00"))
           .status(),
       StatusCode::kFailedPrecondition},
      {"hold too long",
       book_.Reserve("e4", c, alice_.id, "co", t, 3601).status(),
       StatusCode::kInvalidArgument},
      {"release without reservation",
       book_.Release("e5", c, alice_.id, "co", t).status(),
       StatusCode::kFailedPrecondition},
      {"reverse of an unused coupon",
       book_.Reverse("e6", c, alice_.id, t).status(),
       StatusCode::kFailedPrecondition},
      {"unknown template",
       book_.Issue("e7", TemplateId("nope"), alice_, IssueChannel::kClaim, t)
           .status(),
       StatusCode::kNotFound},
      {"reserved key prefix",
       book_.Reserve("expire:c-1", c, alice_.id, "co", t, 60).status(),
       StatusCode::kInvalidArgument},
      {"template repeated", book_.AddTemplate(CashOff()),
       StatusCode::kAlreadyExists},
  };
  for (const auto& x : cases) EXPECT_EQ(x.status.code(), x.code) << x.what;
  EXPECT_EQ(book_.events().size(), events);
  EXPECT_EQ(book_.Find(c)->status, CouponStatus::kAvailable);
}

// Random claims, repeats and lifecycle operations in random order never take
// a template past its stock or a member past a limit, and a repeated key
// never issues twice.
TEST_F(CouponBookTest, LimitsHoldWhateverTheOrderAndRepetition) {
  CouponTemplate t = CashOff();
  t.total_stock = 40;
  t.per_member_total = 5;
  t.per_member_per_day = 2;
  ASSERT_TRUE(book_.AddTemplate(t).ok());
  std::mt19937 rng(42);
  std::vector<Claimant> members;
  for (int i = 0; i < 12; ++i) {
    members.push_back({MemberId("m" + std::to_string(i)),
                       TierId("normal"),
                       {},
                       Local("2026-01-01 00:00:00")});
  }
  Timestamp now = Local("2026-03-01 08:00:00");
  std::vector<std::pair<std::string, Claimant>> sent;  // for repeats
  for (int step = 0; step < 3000; ++step) {
    now = now.PlusSeconds(rng() % 3600);
    const int kind = static_cast<int>(rng() % 10);
    if (kind < 6) {
      const Claimant& who = members[rng() % members.size()];
      const std::string key = "k" + std::to_string(step);
      if (book_.Issue(key, t.id, who, IssueChannel::kClaim, now).ok()) {
        sent.emplace_back(key, who);
      }
    } else if (kind < 8 && !sent.empty()) {
      // A claim that issued, sent again later: it never issues again. (A
      // claim that was refused changed nothing, so it may succeed later.)
      const auto& [key, who] = sent[rng() % sent.size()];
      const int64_t before = book_.IssuedCount(t.id);
      (void)book_.Issue(key, t.id, who, IssueChannel::kClaim, now);
      EXPECT_EQ(book_.IssuedCount(t.id), before) << "key " << key;
    } else {
      const Claimant& who = members[rng() % members.size()];
      for (const CouponInstance* c : book_.WalletOf(who.id)) {
        const std::string key = "op" + std::to_string(step);
        if (rng() % 2) {
          (void)book_.Redeem(key, c->id, who.id, At("co" + key), now);
        } else {
          (void)book_.Reverse(key, c->id, who.id, now);
        }
        break;
      }
    }
  }
  EXPECT_EQ(book_.IssuedCount(t.id), 40);  // the stock ran out exactly
  std::map<std::string, int> per_member;
  std::map<std::pair<std::string, int64_t>, int> per_day;
  const LocalCalendar cal;
  for (const Claimant& m : members) {
    for (const CouponInstance* c : book_.WalletOf(m.id)) {
      ++per_member[m.id.value()];
      ++per_day[{m.id.value(), cal.DateOf(c->issued_at).DayNumber()}];
    }
  }
  int total = 0;
  for (const auto& [member, n] : per_member) {
    EXPECT_LE(n, 5) << member;
    total += n;
  }
  for (const auto& [key, n] : per_day) EXPECT_LE(n, 2) << key.first;
  EXPECT_EQ(total, 40);
}

}  // namespace
}  // namespace atrium
