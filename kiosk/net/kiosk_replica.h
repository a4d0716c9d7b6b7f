// KioskReplica is a kiosk's own copy of the server's data, in its SQLite
// file (store::ReplicaStore: what it pulled, the members served to it,
// its outbox), and the kiosk's side of sync: a worker thread pushes the
// outbox and pulls changes every `period`, and at once when woken. It is
// the guide's MemberDesk.
//
// Contract:
// - Online, what a member takes is queued and sent at once; the server's
//   answer follows (OutcomeOf). Offline (the last try did not reach the
//   server), it is taken within the kiosk's open escrow, or not at all.
// - A member signs in only through the server: a kiosk holds no member's
//   code secret, so it cannot check or forge codes. A visit under way when
//   the network goes goes on, offline, within the escrow.
// - The outbox is stored before Take returns: a kiosk restarted offline
//   still sends it, and the server applies each operation once.
// - A new file takes its first sequence number from the server's first
//   pull (an emptied disk must not reuse the kiosk's old operation ids);
//   nothing is taken before it.
// - Thread safety: any method from any thread. The file is touched under
//   one lock, never held while waiting on the network.
#ifndef ATRIUM_KIOSK_NET_KIOSK_REPLICA_H_
#define ATRIUM_KIOSK_NET_KIOSK_REPLICA_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <tuple>

#include "atrium/store/replica_store.h"
#include "model/member_desk.h"
#include "net/server_link.h"

namespace atrium::kiosk {

class KioskReplica final : public MemberDesk {
 public:
  struct Options {
    std::string path;  // the replica's SQLite file
    MallId mall;       // whose coupons the kiosk offers
    std::chrono::milliseconds period{5000};
    std::function<Timestamp()> clock;
    // Called on the worker after a round that changed what a screen may
    // show.
    std::function<void()> on_change;
  };

  static StatusOr<std::unique_ptr<KioskReplica>> Open(ServerAddress address,
                                                      Program program,
                                                      Options options);
  ~KioskReplica() override;
  KioskReplica(const KioskReplica&) = delete;
  KioskReplica& operator=(const KioskReplica&) = delete;

  // Starts the worker (tests may call SyncOnce themselves instead).
  void Start();
  // One round on the caller's thread: push the outbox, pull every page.
  // Unavailable when the server could not be reached.
  Status SyncOnce();
  // Wakes the worker for a round now.
  void Wake();

  StatusOr<KioskMember> SignIn(std::string_view member_code) override;
  StatusOr<KioskMember> Member(const MemberId& member) override;
  std::vector<Offer> Offers(const MemberId& member) override;
  StatusOr<std::string> Take(const MemberId& member,
                             const TemplateId& offer) override;
  Outcome OutcomeOf(const std::string& operation_id) override;
  std::vector<CouponTemplate> Coupons() override;
  SyncState sync_state() override;
  // Ends the member's session at the server with the next round (after
  // what they took is pushed).
  void SignOut(const MemberId& member) override;

 private:
  KioskReplica(ServerAddress address, Program program, Options options);
  Status Push();
  Status SendSignOuts();
  Status Pull();
  // A member's history from before they were served here.
  Status PullHistory(const MemberId& member);
  // Records whether the server answered; passes `s` on.
  Status Reached(Status s);
  // The kiosk's open escrow, if any (under mu_).
  const Escrow* OpenEscrow(Timestamp now) const;
  Timestamp Now() const { return options_.clock(); }
  // What a round may change that a screen shows.
  using Seen = std::tuple<bool, bool, size_t, int64_t, size_t>;
  Seen Snapshot();

  const std::string device_;
  ServerLink link_;
  const Program program_;
  const Options options_;

  std::mutex mu_;  // guards everything below
  std::unique_ptr<store::ReplicaStore> store_;
  bool numbered_ = false;  // the first pull set next_seq
  bool known_ = false;
  bool online_ = false;
  std::vector<MemberId> signed_out_;  // to tell the server

  std::mutex wake_mu_;
  std::condition_variable wake_cv_;
  bool woken_ = false;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_NET_KIOSK_REPLICA_H_
