#include "store/sim/invariants.h"

#include <gtest/gtest.h>

#include "atrium/coupons/coupon_book.h"
#include "atrium/points/audit.h"
#include "atrium/points/ledger.h"

namespace atrium::store::sim {
namespace {

// The stored outcomes of every operation, by id, as (applied, result
// text): one per id, unless the log stored an operation twice.
using Outcome = std::pair<bool, std::string>;
std::map<std::string, std::vector<Outcome>> StoredOutcomes(Db& db) {
  std::map<std::string, std::vector<Outcome>> out;
  StatusOr<Statement*> s =
      db.Prepare("SELECT id, outcome, result FROM operations");
  if (!s.ok()) return out;
  (void)(*s)->ForEach([&](Statement& row) {
    out[std::string(row.Text(0))].emplace_back(row.Text(1) == "applied",
                                               std::string(row.Text(2)));
  });
  return out;
}

// A client's view of member `m` equals the server's: the same ledger, the
// same coupons in the same states.
void ExpectHeldAsTheServer(const sync::GroupState& view, const MemberId& m,
                           const sync::GroupState& server) {
  const auto theirs = server.accounts.find(m);
  ASSERT_NE(theirs, server.accounts.end());
  EXPECT_EQ(view.accounts.at(m).ledger().entries(),
            theirs->second.ledger().entries());
  const auto book = view.coupons.find(MallId("m-xinjie"));
  ASSERT_NE(book, view.coupons.end());
  const auto mine = book->second.WalletOf(m);
  const auto wallet = server.coupons.at(MallId("m-xinjie")).WalletOf(m);
  ASSERT_EQ(mine.size(), wallet.size());
  for (size_t i = 0; i < mine.size(); ++i) {
    EXPECT_EQ(mine[i]->id, wallet[i]->id);
    EXPECT_EQ(mine[i]->status, wallet[i]->status) << mine[i]->id.value();
    EXPECT_EQ(mine[i]->valid_until, wallet[i]->valid_until);
  }
}

}  // namespace

void CheckInvariants(Simulation& sim) {
  OpLog& server = sim.server();
  const sync::GroupState& state = server.state();
  // Every operation a client queued is in the log exactly once, and every
  // answer a client was given is the stored one.
  const std::map<std::string, std::vector<Outcome>> stored =
      StoredOutcomes(server.db());
  for (const auto& [id, client] : sim.submitted()) {
    const auto found = stored.find(id);
    ASSERT_NE(found, stored.end()) << id;
    ASSERT_EQ(found->second.size(), 1U) << id;
    const auto& [applied, result] = found->second[0];
    for (const OpResult& r : sim.clients()[client].replica->outcomes()) {
      if (r.op_id != id) continue;
      EXPECT_EQ(r.applied, applied) << id;
      if (applied) {
        EXPECT_EQ(r.result.dump(), result) << id;
      }
    }
  }
  int64_t outstanding = 0;
  for (const auto& [member, account] : state.accounts) {
    // No negative balance; the ledger audit is clean.
    const Balance b = account.ledger().BalanceAt(sim.now());
    EXPECT_GE(b.usable, 0);
    EXPECT_GE(b.pending, 0);
    outstanding += b.total();
    EXPECT_TRUE(Audit(account.ledger()).clean()) << member.value();
  }
  // No coupon beyond its stock or a member's limit, none redeemed twice.
  const CouponBook& book = state.coupons.at(MallId("m-xinjie"));
  // The flash sale's stock ran out and members reached the everyday
  // coupon's limit, so both limits were contested.
  EXPECT_EQ(book.IssuedCount(TemplateId(kTemplates[0].id)),
            kTemplates[0].stock);
  int64_t at_limit = 0;
  for (const SimTemplate& t : kTemplates) {
    EXPECT_LE(book.IssuedCount(TemplateId(t.id)), t.stock);
    for (int i = 0; i < kMembers; ++i) {
      int64_t held = 0;
      for (const CouponInstance* c : book.WalletOf(MemberId(MemberName(i)))) {
        held += c->template_id == TemplateId(t.id) ? 1 : 0;
      }
      EXPECT_LE(held, t.per_member);
      at_limit += held == t.per_member ? 1 : 0;
    }
  }
  EXPECT_GT(at_limit, 0);
  // Cards: receipts paid by a card waited for its member and merged once
  // the card was linked; each linked card is in the identities table.
  EXPECT_GT(*server.db().QueryInt("SELECT count(*) FROM operations WHERE "
                                  "type = 'merge_receipt' AND "
                                  "outcome = 'applied'"),
            0);
  EXPECT_EQ(*server.db().QueryInt(
                "SELECT count(*) FROM identities WHERE kind = 'card'"),
            static_cast<int64_t>(state.identity_owner.size()));
  for (const auto& [key, member] : state.identity_owner) {
    const auto waiting = state.guest_receipts.find(key);
    if (waiting == state.guest_receipts.end()) continue;
    for (const Receipt& r : waiting->second) {
      // Still waiting only if merging it failed (too old by then).
      EXPECT_EQ(
          *server.db().QueryInt(
              "SELECT count(*) FROM operations WHERE type = "
              "'merge_receipt' AND outcome = 'applied' AND body LIKE '%\"" +
              r.id.value() + "\"%'"),
          0);
    }
  }
  // Escrows: nothing beyond a budget, a member's cap or a slice; what was
  // held and not used went back; each kiosk sees its escrow as the server.
  for (const SimEscrow& e : kEscrows) {
    const Escrow& server_escrow = state.escrows.at(e.id);
    EXPECT_LE(server_escrow.points_used(), e.points);
    EXPECT_GT(server_escrow.points_used(), 0);
    EXPECT_LE(server_escrow.coupons_used(TemplateId("kiosk-sim")), e.coupons);
    EXPECT_GT(server_escrow.coupons_used(TemplateId("kiosk-sim")), 0);
    for (int i = 0; i < kMembers; ++i) {
      EXPECT_LE(server_escrow.points_of(MemberId(MemberName(i))), e.per_member);
    }
    for (const Client& c : sim.clients()) {
      if (c.origin.id != e.device) continue;
      const Escrow& seen = c.replica->view().escrows.at(e.id);
      EXPECT_EQ(seen.points_used(), server_escrow.points_used()) << e.id;
      EXPECT_EQ(seen.coupons_used(TemplateId("kiosk-sim")),
                server_escrow.coupons_used(TemplateId("kiosk-sim")));
      EXPECT_EQ(seen.open(), server_escrow.open());
    }
  }
  EXPECT_FALSE(state.escrows.at("esc-2").open());
  EXPECT_EQ(book.HeldCount(TemplateId("kiosk-sim")),
            state.escrows.at("esc-1").coupons_left(TemplateId("kiosk-sim")));
  EXPECT_LE(book.IssuedCount(TemplateId("kiosk-sim")) +
                book.HeldCount(TemplateId("kiosk-sim")),
            kTemplates[2].stock);
  EXPECT_EQ(*server.db().QueryInt(
                "SELECT count(*) FROM escrows WHERE returned_at IS NOT NULL"),
            1);
  std::map<CouponId, int> redeemed;
  for (const CouponEvent& e : book.events()) {
    if (e.op == CouponOp::kRedeem) ++redeemed[e.coupon];
  }
  EXPECT_FALSE(redeemed.empty());
  for (const auto& [coupon, times] : redeemed) EXPECT_EQ(times, 1);
  EXPECT_EQ(*server.db().QueryInt("SELECT count(*) FROM coupons"),
            *server.db().QueryInt("SELECT count(*) FROM coupon_events "
                                  "WHERE op = 'issue'"));
  EXPECT_EQ(*server.db().QueryInt("SELECT count(*) FROM coupons "
                                  "WHERE status = 'redeemed'"),
            static_cast<int64_t>(redeemed.size()));
  EXPECT_EQ(*server.db().QueryInt("SELECT coalesce(sum(remaining), 0) "
                                  "FROM lots"),
            outstanding);
  // Every client is settled. Whoever a client holds, it holds as the
  // server does: a phone its member, a kiosk the members who signed in
  // there, the desk those it registered.
  for (const Client& c : sim.clients()) {
    EXPECT_EQ(c.replica->queued(), 0U) << c.origin.ToString();
    const sync::GroupState& view = c.replica->view();
    if (c.origin.kind == sync::OriginKind::kMember) {
      const MemberId m(c.origin.id);
      EXPECT_EQ(view.accounts.contains(m), state.accounts.contains(m))
          << m.value();
      EXPECT_LE(view.accounts.size(), 1U);
    }
    if (c.origin.kind == sync::OriginKind::kDevice) {
      // A device holds exactly the members the server serves it.
      std::set<std::string> served, held;
      StatusOr<Statement*> s = server.db().Prepare(
          "SELECT member_id FROM device_members WHERE device = ?");
      ASSERT_TRUE(s.ok());
      (*s)->Bind(1, c.origin.ToString());
      ASSERT_TRUE(
          (*s)->ForEach([&](Statement& row) { served.emplace(row.Text(0)); })
              .ok());
      for (const auto& [m, account] : view.accounts) held.insert(m.value());
      EXPECT_EQ(held, served) << c.origin.ToString();
      if (c.origin.id.starts_with("kiosk-")) {
        EXPECT_FALSE(held.empty());
      }
    }
    for (const auto& [m, account] : view.accounts) {
      SCOPED_TRACE(c.origin.ToString() + " holding " + m.value());
      ExpectHeldAsTheServer(view, m, state);
    }
  }
  EXPECT_GT(sim.stats().sign_ins, 0);
  StatusOr<Statement*> check = server.db().Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check.ok());
  ASSERT_TRUE(*(*check)->Step());
  EXPECT_EQ((*check)->Text(0), "ok");
  (*check)->Reset();
}

}  // namespace atrium::store::sim
