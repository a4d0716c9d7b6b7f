#include "net/kiosk_replica.h"

#include "atrium/sync/envelopes.h"
#include "atrium/sync/member_views.h"
#include "net/member_summary.h"

namespace atrium::kiosk {

StatusOr<std::unique_ptr<KioskReplica>> KioskReplica::Open(
    ServerAddress address, Program program, Options options) {
  if (!options.clock) return InvalidArgument("a kiosk's replica needs a clock");
  std::unique_ptr<KioskReplica> r(new KioskReplica(
      std::move(address), std::move(program), std::move(options)));
  StatusOr<std::unique_ptr<store::ReplicaStore>> store =
      store::ReplicaStore::Open(r->options_.path, r->program_,
                                {sync::OriginKind::kDevice, r->device_}, 1);
  if (!store.ok()) return store.status();
  r->store_ = std::move(*store);
  const sync::Replica& replica = r->store_->replica();
  r->numbered_ = replica.next_seq() > 1 || replica.cursor() > 0;
  return r;
}

KioskReplica::KioskReplica(ServerAddress address, Program program,
                           Options options)
    : device_(address.device),
      link_(std::move(address)),
      program_(std::move(program)),
      options_(std::move(options)) {}

KioskReplica::~KioskReplica() {
  {
    std::lock_guard lock(wake_mu_);
    stop_ = true;
  }
  wake_cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void KioskReplica::Start() {
  worker_ = std::thread([this] {
    std::unique_lock lock(wake_mu_);
    while (!stop_) {
      lock.unlock();
      const auto before = Snapshot();
      (void)SyncOnce();
      if (options_.on_change && Snapshot() != before) options_.on_change();
      lock.lock();
      wake_cv_.wait_for(lock, options_.period,
                        [this] { return stop_ || woken_; });
      woken_ = false;
    }
  });
}

KioskReplica::Seen KioskReplica::Snapshot() {
  std::lock_guard lock(mu_);
  const sync::Replica& r = store_->replica();
  return {known_, online_, r.queued(), r.cursor(), r.outcomes().size()};
}

void KioskReplica::Wake() {
  {
    std::lock_guard lock(wake_mu_);
    woken_ = true;
  }
  wake_cv_.notify_all();
}

Status KioskReplica::Reached(Status s) {
  std::lock_guard lock(mu_);
  known_ = true;
  online_ = s.code() != StatusCode::kUnavailable;
  return s;
}

Status KioskReplica::SyncOnce() {
  Status s = Push();
  if (s.ok()) s = SendSignOuts();
  if (s.ok()) s = Pull();
  return Reached(s);
}

void KioskReplica::SignOut(const MemberId& member) {
  {
    std::lock_guard lock(mu_);
    signed_out_.push_back(member);
  }
  Wake();
}

Status KioskReplica::SendSignOuts() {
  std::vector<MemberId> members;
  {
    std::lock_guard lock(mu_);
    members.swap(signed_out_);
  }
  for (size_t i = 0; i < members.size(); ++i) {
    StatusOr<codec::Json> answer = link_.Post(
        "/api/v1/kiosk/sign-out", {{"member_id", members[i].value()}});
    if (answer.status().code() == StatusCode::kUnavailable) {
      std::lock_guard lock(mu_);  // the rest go with a later round
      signed_out_.insert(signed_out_.end(),
                         members.begin() + static_cast<std::ptrdiff_t>(i),
                         members.end());
      return answer.status();
    }
  }
  return Status::Ok();
}

Status KioskReplica::Push() {
  std::vector<sync::Operation> ops;
  {
    std::lock_guard lock(mu_);
    ops = store_->ToPush();
  }
  for (size_t from = 0; from < ops.size(); from += sync::kMaxPushOperations) {
    const std::span<const sync::Operation> batch = std::span(ops).subspan(
        from, std::min(ops.size() - from, sync::kMaxPushOperations));
    StatusOr<codec::Json> answer =
        link_.Post("/api/v1/sync/push", sync::PushBody(batch));
    if (!answer.ok()) return answer.status();
    StatusOr<std::vector<sync::OpResult>> results =
        sync::PushAnswerFromJson(*answer);
    if (!results.ok()) return results.status();
    std::lock_guard lock(mu_);
    ATRIUM_RETURN_IF_ERROR(store_->Acknowledge(*results));
  }
  return Status::Ok();
}

Status KioskReplica::Pull() {
  while (true) {
    int64_t after = 0;
    {
      std::lock_guard lock(mu_);
      after = store_->replica().cursor();
    }
    StatusOr<codec::Json> answer = link_.Get(
        "/api/v1/sync/pull" + sync::PullQuery(after, sync::kDefaultPullLimit));
    if (!answer.ok()) return answer.status();
    StatusOr<sync::PullPage> page = sync::PullPageFromJson(*answer);
    if (!page.ok()) return page.status();
    std::lock_guard lock(mu_);
    ATRIUM_RETURN_IF_ERROR(store_->Pulled(after, page->changes));
    if (!numbered_) {
      // A new file numbers on from the server's last operation of ours.
      const int64_t next_seq = std::max<int64_t>(page->next_seq, 1);
      if (next_seq > store_->replica().next_seq()) {
        store_.reset();
        StatusOr<std::unique_ptr<store::ReplicaStore>> store =
            store::ReplicaStore::Open(options_.path, program_,
                                      {sync::OriginKind::kDevice, device_},
                                      next_seq);
        if (!store.ok()) return store.status();
        store_ = std::move(*store);
      }
      numbered_ = true;
    }
    if (!page->more) return Status::Ok();
  }
}

Status KioskReplica::PullHistory(const MemberId& member) {
  int64_t after = 0;
  while (true) {
    StatusOr<codec::Json> answer =
        link_.Get("/api/v1/sync/members/" + member.value() + "/history" +
                  sync::PullQuery(after, sync::kDefaultPullLimit));
    if (!answer.ok()) return answer.status();
    StatusOr<sync::PullPage> page = sync::PullPageFromJson(*answer);
    if (!page.ok()) return page.status();
    {
      std::lock_guard lock(mu_);
      ATRIUM_RETURN_IF_ERROR(store_->HistoryPulled(page->changes));
    }
    if (!page->more) return Status::Ok();
    after = page->next;
  }
}

StatusOr<KioskMember> KioskReplica::SignIn(std::string_view member_code) {
  StatusOr<codec::Json> answer =
      link_.Post("/api/v1/kiosk/sign-in", {{"code", std::string(member_code)}});
  (void)Reached(answer.status());
  if (answer.ok()) {
    StatusOr<KioskMember> m = KioskMemberFromSummary(*answer);
    if (!m.ok()) return m.status();
    // Without the history the server still judges what the member takes.
    (void)Reached(PullHistory(m->id));
    Wake();
    return m;
  }
  return answer.status();
}

StatusOr<KioskMember> KioskReplica::Member(const MemberId& member) {
  std::lock_guard lock(mu_);
  const sync::GroupState& view = store_->replica().view();
  const auto account = view.accounts.find(member);
  if (account == view.accounts.end()) {
    return Unavailable("this kiosk does not hold the member yet");
  }
  return KioskMemberFromSummary(
      sync::SummaryJson(view, account->second, Now()));
}

const Escrow* KioskReplica::OpenEscrow(Timestamp now) const {
  for (const auto& [id, e] : store_->replica().view().escrows) {
    if (e.grant().device == device_ && e.open() && now < e.grant().expires_at) {
      return &e;
    }
  }
  return nullptr;
}

std::vector<Offer> KioskReplica::Offers(const MemberId& member) {
  std::lock_guard lock(mu_);
  const Timestamp now = Now();
  const sync::GroupState& view = store_->replica().view();
  const auto book = view.coupons.find(options_.mall);
  if (book == view.coupons.end()) return {};
  const auto account = view.accounts.find(member);
  const int64_t usable = account == view.accounts.end()
                             ? 0
                             : account->second.ledger().BalanceAt(now).usable;
  const bool offline = known_ && !online_;
  const Escrow* escrow = offline ? OpenEscrow(now) : nullptr;
  std::vector<Offer> offers;
  for (const auto& [id, t] : book->second.templates()) {
    if (t.acquisition == Acquisition::kPaid) continue;
    Offer o;
    o.id = id;
    o.name = t.name;
    if (t.acquisition == Acquisition::kPoints) o.points_price = t.points_price;
    if (o.points_price == 0) {
      o.can = sync::CheckClaim(view, member, id, now);
    } else if (usable < o.points_price) {
      o.can = FailedPrecondition("not enough points");
    }
    if (o.can.ok() && offline &&
        (escrow == nullptr || escrow->coupons_left(id) < 1)) {
      o.can = Unavailable("offline: none left at this kiosk");
    }
    offers.push_back(std::move(o));
  }
  return offers;
}

StatusOr<std::string> KioskReplica::Take(const MemberId& member,
                                         const TemplateId& offer) {
  StatusOr<sync::Operation> op = [&]() -> StatusOr<sync::Operation> {
    std::lock_guard lock(mu_);
    if (!numbered_) {
      return Unavailable("the kiosk has not reached the server yet");
    }
    const Timestamp now = Now();
    const sync::GroupState& view = store_->replica().view();
    const auto book = view.coupons.find(options_.mall);
    const CouponTemplate* t =
        book == view.coupons.end() ? nullptr : book->second.FindTemplate(offer);
    if (t == nullptr || t->acquisition == Acquisition::kPaid) {
      return NotFound("no such coupon here");
    }
    codec::Json payload = {{"member_id", member.value()},
                           {"template_id", offer.value()}};
    if (known_ && !online_) {
      const Escrow* escrow = OpenEscrow(now);
      if (escrow == nullptr) {
        return Unavailable("offline, and this kiosk has no escrow");
      }
      payload["escrow_id"] = escrow->grant().id;
    }
    return store_->Submit(t->acquisition == Acquisition::kPoints
                              ? "exchange_points"
                              : "claim_coupon",
                          std::move(payload), now);
  }();
  if (!op.ok()) return op.status();
  Wake();
  return op->id;
}

Outcome KioskReplica::OutcomeOf(const std::string& operation_id) {
  std::lock_guard lock(mu_);
  const std::vector<sync::OpResult>& all = store_->replica().outcomes();
  for (auto r = all.rbegin(); r != all.rend(); ++r) {
    if (r->op_id != operation_id) continue;
    if (r->applied) return {Outcome::State::kDone, ""};
    return {Outcome::State::kRefused, r->error.message()};
  }
  return {};
}

std::vector<CouponTemplate> KioskReplica::Coupons() {
  std::lock_guard lock(mu_);
  const sync::GroupState& view = store_->replica().view();
  std::vector<CouponTemplate> out;
  if (const auto book = view.coupons.find(options_.mall);
      book != view.coupons.end()) {
    for (const auto& [id, t] : book->second.templates()) out.push_back(t);
  }
  return out;
}

SyncState KioskReplica::sync_state() {
  std::lock_guard lock(mu_);
  return {known_, online_, store_->replica().queued(),
          store_->replica().cursor()};
}

}  // namespace atrium::kiosk
