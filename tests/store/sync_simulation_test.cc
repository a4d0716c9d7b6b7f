// A seeded, deterministic simulation of the sync protocol: tills, kiosks
// (members sign in there), a desk and members' phones submitting random
// operations through replicas, over a network that drops, duplicates and
// reorders messages, with clients going offline and restarting and the
// server restarting. After everything syncs, the invariants a mall relies
// on must hold.
//
// ATRIUM_SIM_OPS (default 10000; the asan and wasm runs take 2000, the
// native run all 10000) sets the operations per seed and
// ATRIUM_SIM_SEEDS (default 1) the number of seeds, for longer runs:
//   ATRIUM_SIM_OPS=200000 ATRIUM_SIM_SEEDS=5 build/dev/tests/store_test
//       --gtest_filter='SyncSimulation*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <random>
#include <set>

#include "atrium/audit.h"
#include "atrium/coupon_book.h"
#include "atrium/ledger.h"
#include "atrium/store/op_log.h"
#include "atrium/sync/replica.h"
#include "shared_files.h"
#include "temp_dir.h"

namespace atrium::store {
namespace {

using sync::Operation;
using sync::Replica;

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr ? std::atoll(v) : fallback;
}

constexpr int kMembers = 30;
constexpr int kTills = 3;
constexpr size_t kPullPage = 50;
// Coupon templates: a flash sale with little stock, and an everyday one.
struct SimTemplate {
  const char* id;
  int64_t stock;
  int64_t per_member;
};
constexpr SimTemplate kTemplates[] = {
    {"flash-sim", 40, 2}, {"daily-sim", 300, 6}, {"kiosk-sim", 60, 3}};
// Escrows the console grants the two kiosks: a points budget, a cap per
// member, and a slice of the kiosk coupon's stock each.
struct SimEscrow {
  const char* id;
  const char* device;
  int64_t points, per_member, coupons;
};
constexpr SimEscrow kEscrows[] = {{"esc-1", "kiosk-1", 3'000, 300, 10},
                                  {"esc-2", "kiosk-2", 2'000, 200, 8}};

std::string MemberName(int i) { return "M" + std::to_string(1000 + i); }
std::string CardOf(int i) { return "C" + std::to_string(6000 + i); }

// A message in flight, to the server or back to one incarnation of a
// client.
struct Message {
  enum Kind { kPush, kPushReply, kPull, kPullReply, kSignIn, kHistory } kind;
  size_t client;
  int incarnation;
  std::vector<Operation> ops;
  std::vector<OpResult> results;
  int64_t after = 0;
  std::vector<Change> changes;
  std::string member;  // a sign-in at a kiosk
};

// A till's receipt, for refunds.
struct Sale {
  std::string id;
  int64_t total;
  int64_t refunded = 0;
};

struct Client {
  sync::Origin origin;
  std::unique_ptr<Replica> replica;
  // What the client's own store keeps across a restart.
  std::vector<Operation> disk_outbox;
  int64_t disk_next_seq = 1;
  int incarnation = 0;
  bool online = true;
  std::vector<Sale> sales;           // tills
  int next_member = 0;               // the desk: members it registered
  bool returned = false;             // a kiosk: its escrow
  bool linked = false;               // a phone: its member's card
  std::set<std::string> signing_in;  // a kiosk: members awaiting history
};

struct Stats {
  int64_t submitted = 0, refused_locally = 0, dropped = 0, duplicated = 0,
          client_restarts = 0, server_restarts = 0, replayed = 0, rejected = 0,
          escrow_waits = 0, sign_ins = 0;
};

class Simulation {
 public:
  Simulation(uint64_t seed, std::string path)
      : rng_(seed), path_(std::move(path)), program_(testing::DemoProgram()) {
    OpenServer();
    AddTemplates();
    for (int i = 0; i < kTills; ++i) {
      AddClient("device:till-" + std::to_string(i + 1));
    }
    for (const SimEscrow& e : kEscrows) {
      AddClient(std::string("device:") + e.device);
    }
    AddClient("device:desk");
    for (int i = 0; i < kMembers; ++i) AddClient("member:" + MemberName(i));
  }

  // Submits `ops` operations amid faults; the server restarts four times
  // on the way (each restart replays the whole log), then all settles.
  void Run(int64_t ops) {
    returns_at_ = ops / 2;
    int64_t next_restart = ops / 5;
    while (stats_.submitted < ops) {
      Step();
      if (stats_.submitted >= next_restart) {
        next_restart += ops / 5;
        ++stats_.server_restarts;
        RestartServer();
      }
    }
    Heal();
  }

  const Stats& stats() const { return stats_; }
  OpLog& server() { return *server_; }
  const std::vector<Client>& clients() const { return clients_; }
  const std::map<std::string, size_t>& submitted() const { return by_op_; }
  Timestamp now() const { return now_; }
  void RestartServer() {
    server_.reset();
    OpenServer();
  }

 private:
  void OpenServer() {
    StatusOr<std::unique_ptr<OpLog>> log = OpLog::Open(path_, program_);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    server_ = std::move(*log);
  }

  // The console adds the coupon templates and grants the kiosks their
  // escrows before the doors open.
  void AddTemplates() {
    std::vector<Operation> ops;
    const auto console = [&](std::string id, std::string type,
                             codec::Json payload) {
      Operation op;
      op.id = std::move(id);
      op.origin = *sync::Origin::Parse("operator:console");
      op.seq = static_cast<int64_t>(ops.size()) + 1;
      op.type = std::move(type);
      op.client_time = now_;
      op.payload = std::move(payload);
      ops.push_back(std::move(op));
    };
    for (const SimTemplate& t : kTemplates) {
      console(std::string("tpl-") + t.id, "add_coupon_template",
              {{"template",
                {{"id", t.id},
                 {"name", t.id},
                 {"mall_id", "m-xinjie"},
                 {"kind", "cash_off"},
                 {"amount_fen", 1000},
                 {"valid_from", "2026-03-01T00:00:00+08:00"},
                 {"valid_until", "2027-03-01T00:00:00+08:00"},
                 {"total_stock", t.stock},
                 {"per_member_total", t.per_member}}}});
    }
    for (const SimEscrow& e : kEscrows) {
      console(std::string("grant-") + e.id, "grant_escrow",
              {{"escrow_id", e.id},
               {"device_id", e.device},
               {"expires_at", "2027-01-01T00:00:00Z"},
               {"points_budget", e.points},
               {"per_member_points", e.per_member},
               {"coupons", {{"kiosk-sim", e.coupons}}}});
    }
    StatusOr<std::vector<OpResult>> r = server_->ApplyBatch(ops, now_);
    ASSERT_TRUE(r.ok());
    for (const OpResult& x : *r) ASSERT_TRUE(x.applied) << x.error.ToString();
  }

  // A coupon of `member` as the server has it (the shopper shows their
  // wallet at the till), or a made-up id.
  std::string SomeCoupon(const MemberId& member) {
    const auto book = server_->state().coupons.find(MallId("m-xinjie"));
    if (book != server_->state().coupons.end()) {
      const auto wallet = book->second.WalletOf(member);
      if (!wallet.empty()) return wallet[Pick(wallet.size())]->id.value();
    }
    return "c-none";
  }

  void AddClient(const std::string& origin) {
    Client c;
    c.origin = *sync::Origin::Parse(origin);
    c.replica = std::make_unique<Replica>(program_, c.origin);
    clients_.push_back(std::move(c));
  }

  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  size_t Pick(size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(rng_);
  }
  int64_t Between(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng_);
  }

  void Step() {
    now_ = now_.PlusSeconds(Between(1, 240));
    const int64_t roll = Between(0, 999);
    if (roll < 550) {
      Submit(clients_[Pick(clients_.size())]);
    } else if (roll < 700) {
      Client& c = clients_[Pick(clients_.size())];
      if (c.online) Sync(c);
    } else if (roll < 960) {
      Deliver(/*faults=*/true);
    } else if (roll < 992) {
      Client& c = clients_[Pick(clients_.size())];
      c.online = !c.online;
    } else {
      RestartClient(clients_[Pick(clients_.size())]);
    }
  }

  // Makes up what a client of its kind would do next.
  void Submit(Client& c) {
    std::string type;
    codec::Json payload;
    const std::string& who = c.origin.id;
    if (who == "desk") {
      if (c.next_member >= kMembers / 2) return;
      const int i = c.next_member++;
      type = "register";
      payload = {{"member_id", MemberName(i)},
                 {"phone", std::to_string(13800000000 + i)}};
    } else if (who.starts_with("kiosk-")) {
      // Offline or not, a kiosk works within its escrow; the second
      // returns its escrow halfway.
      const SimEscrow& e = kEscrows[who == "kiosk-1" ? 0 : 1];
      const std::string member = MemberName(static_cast<int>(Pick(kMembers)));
      if (c.online && Chance(0.01)) {
        // A member signs in with their code: the kiosk is served them,
        // and asks again until it has their history.
        c.signing_in.insert(member);
        Sync(c);
        return;
      }
      if (who == "kiosk-2" && !c.returned && stats_.submitted > returns_at_) {
        type = "return_escrow";
        payload = {{"escrow_id", e.id}};
      } else if (Chance(0.5)) {
        type = "spend_points";
        payload = {{"member_id", member},
                   {"points", Between(1, 300)},
                   {"ref", "parking-" + std::to_string(stats_.submitted)},
                   {"escrow_id", e.id}};
      } else {
        type = "claim_coupon";
        payload = {{"member_id", member},
                   {"template_id", "kiosk-sim"},
                   {"escrow_id", e.id}};
      }
    } else if (c.origin.kind == sync::OriginKind::kDevice) {
      if (Chance(0.1)) {
        const MemberId member(MemberName(static_cast<int>(Pick(kMembers))));
        type = "redeem_coupon";
        payload = {{"member_id", member.value()},
                   {"coupon_id", SomeCoupon(member)},
                   {"receipt_id", who + "-r" + std::to_string(c.sales.size())},
                   {"store_id", "s-101"}};
      } else if (!c.sales.empty() && Chance(0.15)) {
        Sale& s = c.sales[Pick(c.sales.size())];
        if (s.refunded == s.total) return;
        const int64_t amount = Between(1, s.total - s.refunded);
        s.refunded += amount;
        type = "refund";
        payload = {{"mall_id", "m-xinjie"},
                   {"receipt_id", s.id},
                   {"refund_id", "rf-" + std::to_string(stats_.submitted)},
                   {"amount_fen", amount}};
      } else {
        const std::string id = who + "-r" + std::to_string(c.sales.size());
        const int64_t total = Between(100, 500'000);
        type = "earn";
        payload = {
            {"receipt",
             {{"id", id},
              {"mall_id", "m-xinjie"},
              {"store_id", "s-101"},
              {"member_id", MemberName(static_cast<int>(Pick(kMembers)))},
              {"at", FormatIso8601(now_)},
              {"lines", {{{"category", "fashion"}, {"amount_fen", total}}}}}}};
        c.sales.push_back({id, total});
        // A shopper who pays by card without showing a member code.
        if (Chance(0.25)) {
          payload["receipt"].erase("member_id");
          payload["identity"] = {
              {"kind", "card"},
              {"value", CardOf(static_cast<int>(Pick(kMembers)))}};
        }
      }
    } else {
      const bool known = c.replica->view().accounts.contains(MemberId(who));
      const int index = std::atoi(who.c_str() + 1) - 1000;
      if (known && !c.linked && Chance(0.08)) {
        type = "link_identity";  // binds their bank card in the app
        payload = {{"member_id", who},
                   {"identity", {{"kind", "card"}, {"value", CardOf(index)}}}};
      } else if (!known && index >= kMembers / 2) {
        type = "register";  // the second half register on their phones
        payload = {{"member_id", who},
                   {"phone", std::to_string(13900000000 + index)}};
      } else if (Chance(0.25)) {
        type = "claim_coupon";
        payload = {{"member_id", who}, {"template_id", kTemplates[Pick(3)].id}};
      } else {
        type = "spend_points";
        payload = {{"member_id", who},
                   {"points", Between(1, 400)},
                   {"ref", "gift-" + std::to_string(stats_.submitted)}};
      }
    }
    StatusOr<Operation> op = c.replica->Submit(type, payload, now_);
    if (!op.ok()) {
      ++stats_.refused_locally;
      if (payload.contains("escrow_id") &&
          op.status().code() == StatusCode::kResourceExhausted) {
        ++stats_.escrow_waits;  // beyond the escrow: wait for the network
      }
      return;
    }
    by_op_[op->id] = static_cast<size_t>(&c - clients_.data());
    if (type == "return_escrow") c.returned = true;
    if (type == "link_identity") c.linked = true;
    ++stats_.submitted;
    Save(c);
  }

  void Save(Client& c) {
    c.disk_outbox = c.replica->unconfirmed();
    c.disk_next_seq = c.replica->next_seq();
  }

  void RestartClient(Client& c) {
    ++stats_.client_restarts;
    ++c.incarnation;
    c.replica = std::make_unique<Replica>(program_, c.origin, c.disk_next_seq,
                                          c.disk_outbox);
  }

  void Send(Message m) { network_.push_back(std::move(m)); }

  void Sync(Client& c) {
    const size_t i = static_cast<size_t>(&c - clients_.data());
    std::vector<Operation> ops = c.replica->ToPush();
    if (!ops.empty()) {
      Send({Message::kPush, i, c.incarnation, std::move(ops), {}, 0, {}, {}});
    }
    Send({Message::kPull,
          i,
          c.incarnation,
          {},
          {},
          c.replica->cursor(),
          {},
          {}});
    for (const std::string& member : c.signing_in) {
      Send({Message::kSignIn, i, c.incarnation, {}, {}, 0, {}, member});
    }
  }

  // Delivers one message in flight, chosen at random (reordering); with
  // faults, it may be lost or arrive twice.
  void Deliver(bool faults) {
    if (network_.empty()) return;
    const size_t at = faults ? Pick(network_.size()) : 0;
    Message m = network_[at];
    const bool twice = faults && Chance(0.05);
    if (twice) {
      ++stats_.duplicated;
    } else {
      network_.erase(network_.begin() + static_cast<std::ptrdiff_t>(at));
    }
    Client& c = clients_[m.client];
    if ((faults && Chance(0.08)) || !c.online) {
      ++stats_.dropped;
      return;
    }
    switch (m.kind) {
      case Message::kPush: {
        StatusOr<std::vector<OpResult>> r = server_->ApplyBatch(m.ops, now_);
        ASSERT_TRUE(r.ok()) << r.status().ToString();
        for (const OpResult& x : *r) {
          stats_.replayed += x.replayed ? 1 : 0;
          stats_.rejected += x.applied ? 0 : 1;
        }
        m.kind = Message::kPushReply;
        m.results = std::move(*r);
        Send(std::move(m));
        return;
      }
      case Message::kPull: {
        StatusOr<std::vector<Change>> r =
            server_->Pull(c.origin, m.after, kPullPage);
        ASSERT_TRUE(r.ok()) << r.status().ToString();
        m.kind = Message::kPullReply;
        m.changes = std::move(*r);
        Send(std::move(m));
        return;
      }
      case Message::kPushReply:
        if (m.incarnation != c.incarnation) return;  // its connection died
        c.replica->Acknowledge(m.results);
        Save(c);
        return;
      case Message::kSignIn: {
        const MemberId member(m.member);
        const Status served = server_->Serve(c.origin, member, now_);
        m.kind = Message::kHistory;
        // Not registered (yet): the sign-in fails, with no history.
        if (served.code() != StatusCode::kNotFound) {
          ASSERT_TRUE(served.ok()) << served.ToString();
          ++stats_.sign_ins;
          StatusOr<std::vector<Change>> r =
              server_->History(c.origin, member, m.after, kPullPage);
          ASSERT_TRUE(r.ok()) << r.status().ToString();
          m.changes = std::move(*r);
        }
        Send(std::move(m));
        return;
      }
      case Message::kHistory:
        if (m.incarnation != c.incarnation) return;
        ASSERT_TRUE(c.replica->HistoryPulled(m.changes).ok());
        if (m.changes.size() == kPullPage) {  // more of it
          m.kind = Message::kSignIn;
          m.after = m.changes.back().cursor;
          Send(std::move(m));
        } else {
          c.signing_in.erase(m.member);
        }
        return;
      case Message::kPullReply:
        if (m.incarnation != c.incarnation) return;
        ASSERT_TRUE(c.replica->Pulled(m.after, m.changes).ok());
        Save(c);
        if (m.changes.size() == kPullPage) {
          Send({Message::kPull,
                m.client,
                c.incarnation,
                {},
                {},
                c.replica->cursor(),
                {},
                {}});
        }
        return;
    }
  }

  // The network recovers and every client comes online and syncs until
  // nothing is left to push or pull.
  void Heal() {
    for (Client& c : clients_) {
      c.online = true;
      // The day's last shopper signs in at each kiosk, so that every kiosk
      // holds someone however few sign-ins the run drew.
      if (c.origin.id.starts_with("kiosk-") &&
          !server_->state().accounts.empty()) {
        c.signing_in.insert(server_->state().accounts.rbegin()->first.value());
      }
    }
    for (int round = 0; round < 1000; ++round) {
      while (!network_.empty()) Deliver(/*faults=*/false);
      bool idle = true;
      for (Client& c : clients_) {
        if (c.replica->queued() > 0 || !c.signing_in.empty()) idle = false;
        Sync(c);
      }
      while (!network_.empty()) Deliver(/*faults=*/false);
      if (idle) return;
      now_ = now_.PlusSeconds(60);
    }
    ADD_FAILURE() << "clients never settled";
  }

  std::mt19937_64 rng_;
  std::string path_;
  Program program_;
  std::unique_ptr<OpLog> server_;
  std::vector<Client> clients_;
  std::vector<Message> network_;
  std::map<std::string, size_t> by_op_;  // op id -> client that sent it
  Timestamp now_ = *ParseIso8601("2026-04-01T02:00:00Z");
  int64_t returns_at_ = 0;
  Stats stats_;
};

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

TEST(SyncSimulationTest, EverythingSyncsExactlyOnceUnderFaults) {
  const int64_t ops = EnvInt("ATRIUM_SIM_OPS", 10'000);
  const int64_t seeds = EnvInt("ATRIUM_SIM_SEEDS", 1);
  for (int64_t seed = 1; seed <= seeds; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    testing::TempDir dir;
    Simulation sim(static_cast<uint64_t>(seed), dir.File("server.db"));
    sim.Run(ops);
    if (::testing::Test::HasFatalFailure()) return;
    const Stats& s = sim.stats();
    // The faults happened, or the test proves nothing.
    EXPECT_GE(s.submitted, ops);
    EXPECT_GT(s.dropped, 0);
    EXPECT_GT(s.duplicated, 0);
    EXPECT_GT(s.replayed, 0);
    EXPECT_GT(s.rejected, 0);
    EXPECT_GT(s.client_restarts, 0);
    EXPECT_GT(s.server_restarts, 0);
    EXPECT_GT(s.escrow_waits, 0);
    CheckInvariants(sim);
    // The log replays to the same state after a last restart.
    sim.RestartServer();
    CheckInvariants(sim);
  }
}

}  // namespace
}  // namespace atrium::store
