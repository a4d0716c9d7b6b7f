// The sync simulation's world: tills, kiosks (members sign in there), a
// desk and members' phones submitting random operations through replicas,
// over a network that drops, duplicates and reorders messages, with clients
// going offline and restarting and the server restarting. Seeded and
// deterministic. What must hold afterwards is in invariants.h; the test
// is tests/store/sync_simulation_test.cc.
#ifndef ATRIUM_TESTS_STORE_SIM_SIMULATION_H_
#define ATRIUM_TESTS_STORE_SIM_SIMULATION_H_

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "atrium/store/op_log.h"
#include "atrium/sync/replica.h"

namespace atrium::store::sim {

using sync::Operation;
using sync::Replica;

inline constexpr int kMembers = 30;
inline constexpr int kTills = 3;
inline constexpr size_t kPullPage = 50;
// Coupon templates: a flash sale with little stock, and an everyday one.
struct SimTemplate {
  const char* id;
  int64_t stock;
  int64_t per_member;
};
inline constexpr SimTemplate kTemplates[] = {
    {"flash-sim", 40, 2}, {"daily-sim", 300, 6}, {"kiosk-sim", 60, 3}};
// Escrows the console grants the two kiosks: a points budget, a cap per
// member, and a slice of the kiosk coupon's stock each.
struct SimEscrow {
  const char* id;
  const char* device;
  int64_t points, per_member, coupons;
};
inline constexpr SimEscrow kEscrows[] = {{"esc-1", "kiosk-1", 3'000, 300, 10},
                                         {"esc-2", "kiosk-2", 2'000, 200, 8}};

// The simulated members' ids and cards.
std::string MemberName(int i);
std::string CardOf(int i);

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
  Simulation(uint64_t seed, std::string path);

  // Submits `ops` operations amid faults; the server restarts four times
  // on the way (each restart replays the whole log), then all settles.
  void Run(int64_t ops);

  const Stats& stats() const { return stats_; }
  OpLog& server() { return *server_; }
  const std::vector<Client>& clients() const { return clients_; }
  const std::map<std::string, size_t>& submitted() const { return by_op_; }
  Timestamp now() const { return now_; }
  void RestartServer();

 private:
  void OpenServer();

  // The console adds the coupon templates and grants the kiosks their
  // escrows before the doors open.
  void AddTemplates();

  // A coupon of `member` as the server has it (the shopper shows their
  // wallet at the till), or a made-up id.
  std::string SomeCoupon(const MemberId& member);

  void AddClient(const std::string& origin);

  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  size_t Pick(size_t n);
  int64_t Between(int64_t lo, int64_t hi);

  void Step();

  // Makes up what a client of its kind would do next.
  void Submit(Client& c);

  void Save(Client& c);

  void RestartClient(Client& c);

  void Send(Message m) { network_.push_back(std::move(m)); }

  void Sync(Client& c);

  // Delivers one message in flight, chosen at random (reordering); with
  // faults, it may be lost or arrive twice.
  void Deliver(bool faults);

  // The network recovers and every client comes online and syncs until
  // nothing is left to push or pull.
  void Heal();

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

}  // namespace atrium::store::sim

#endif  // ATRIUM_TESTS_STORE_SIM_SIMULATION_H_
