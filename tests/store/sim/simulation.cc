#include "store/sim/simulation.h"

#include <gtest/gtest.h>

#include "shared_files.h"

namespace atrium::store::sim {

std::string MemberName(int i) { return "M" + std::to_string(1000 + i); }
std::string CardOf(int i) { return "C" + std::to_string(6000 + i); }

Simulation::Simulation(uint64_t seed, std::string path)
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

void Simulation::Run(int64_t ops) {
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

void Simulation::RestartServer() {
  server_.reset();
  OpenServer();
}

void Simulation::OpenServer() {
  StatusOr<std::unique_ptr<OpLog>> log = OpLog::Open(path_, program_);
  ASSERT_TRUE(log.ok()) << log.status().ToString();
  server_ = std::move(*log);
}

void Simulation::AddTemplates() {
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

std::string Simulation::SomeCoupon(const MemberId& member) {
  const auto book = server_->state().coupons.find(MallId("m-xinjie"));
  if (book != server_->state().coupons.end()) {
    const auto wallet = book->second.WalletOf(member);
    if (!wallet.empty()) return wallet[Pick(wallet.size())]->id.value();
  }
  return "c-none";
}

void Simulation::AddClient(const std::string& origin) {
  Client c;
  c.origin = *sync::Origin::Parse(origin);
  c.replica = std::make_unique<Replica>(program_, c.origin);
  clients_.push_back(std::move(c));
}

size_t Simulation::Pick(size_t n) {
  return std::uniform_int_distribution<size_t>(0, n - 1)(rng_);
}

int64_t Simulation::Between(int64_t lo, int64_t hi) {
  return std::uniform_int_distribution<int64_t>(lo, hi)(rng_);
}

void Simulation::Step() {
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

void Simulation::Submit(Client& c) {
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

void Simulation::Save(Client& c) {
  c.disk_outbox = c.replica->unconfirmed();
  c.disk_next_seq = c.replica->next_seq();
}

void Simulation::RestartClient(Client& c) {
  ++stats_.client_restarts;
  ++c.incarnation;
  c.replica = std::make_unique<Replica>(program_, c.origin, c.disk_next_seq,
                                        c.disk_outbox);
}

void Simulation::Sync(Client& c) {
  const size_t i = static_cast<size_t>(&c - clients_.data());
  std::vector<Operation> ops = c.replica->ToPush();
  if (!ops.empty()) {
    Send({Message::kPush, i, c.incarnation, std::move(ops), {}, 0, {}, {}});
  }
  Send({Message::kPull, i, c.incarnation, {}, {}, c.replica->cursor(), {}, {}});
  for (const std::string& member : c.signing_in) {
    Send({Message::kSignIn, i, c.incarnation, {}, {}, 0, {}, member});
  }
}

void Simulation::Deliver(bool faults) {
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

void Simulation::Heal() {
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

}  // namespace atrium::store::sim
