// Service: the server's one operation log, shared by every request thread.
//
// Contract:
// - Writes go through one writer thread that applies whatever is queued in
//   one batch (group commit): a request's answer comes after its batch is
//   on disk, and many concurrent requests share one fsync.
// - Submit takes an operation the server built for a caller (seq 0: the
//   writer numbers it). If its id is in the log already, the same origin,
//   type and payload get the stored answer (replayed); anything else is
//   AlreadyExists and changes nothing. SubmitAll does the same for
//   several operations in one batch, each answered on its own.
// - Push applies a sync client's operations as they are, in order.
// - Every new operation is authorised for its sender before it applies.
// - Reads take the lock shared (state only) or exclusive (the database).
// - The destructor applies what is queued, then stops the writer.
#ifndef ATRIUM_SERVER_APP_SERVICE_H_
#define ATRIUM_SERVER_APP_SERVICE_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

#include "atrium/store/op_log.h"
#include "atrium/store/readers.h"

namespace atrium::server {

using Clock = std::function<Timestamp()>;

class Service {
 public:
  using OneDone = std::function<void(StatusOr<sync::OpResult>)>;
  using BatchDone = std::function<void(StatusOr<std::vector<sync::OpResult>>)>;
  using EachDone = std::function<void(std::vector<StatusOr<sync::OpResult>>)>;

  static StatusOr<std::unique_ptr<Service>> Open(const std::string& path,
                                                 Program program, Clock clock);
  ~Service();  // Stop()s
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Applies what is queued, answers it, and stops the writer; later
  // submissions are never answered. Call it before destroying whatever
  // the callbacks hold (an HTTP server's sessions), after that server
  // has stopped taking requests.
  void Stop();

  // Each new operation is authorised for `sender` where it applies
  // (OpLog::ApplyBatch): a refusal is its answer, not stored.
  void Submit(sync::Operation op, sync::Sender sender, OneDone done);
  // Submit, waiting for the answer: for the server's own work on threads
  // of its own (payments, the day's jobs), never on an HTTP thread.
  StatusOr<sync::OpResult> SubmitAndWait(sync::Operation op,
                                         sync::Sender sender);
  void SubmitAll(std::vector<sync::Operation> ops, sync::Sender sender,
                 EachDone done);
  void Push(std::vector<sync::Operation> ops, sync::Sender sender,
            BatchDone done);

  // Runs `f(const GroupState&)` under the shared lock.
  template <typename F>
  auto ReadState(F&& f) const {
    std::shared_lock lock(mu_);
    return f(log_->state());
  }
  // Runs `f(OpLog&)` under the exclusive lock (queries, Serve).
  // f(db) on a read-only connection of its own (store/readers.h): what the
  // log has committed, read without the lock, beside the writer. StatusOr
  // of what f returns.
  template <typename F>
  auto Read(F&& f) {
    return readers_.With(std::forward<F>(f));
  }

  template <typename F>
  auto WithLog(F&& f) {
    std::unique_lock lock(mu_);
    return f(*log_);
  }
  // The last sequence number the log holds for `origin` (0 if none): a
  // client that signs in numbers its operations on from there.
  int64_t LastSeq(const sync::Origin& origin) const {
    std::shared_lock lock(mu_);
    return log_->LastSeq(origin);
  }
  // Without the state's lock: request threads need not wait for a batch.
  bool Contains(const std::string& op_id) const {
    return log_->Contains(op_id);
  }
  Timestamp Now() const { return clock_(); }

 private:
  struct Pending {
    std::vector<sync::Operation> ops;
    sync::Sender sender;
    bool submitted = false;  // Submit: operations the writer numbers
    EachDone each;           // submitted
    BatchDone batch;         // pushed
  };

  Service(std::unique_ptr<store::OpLog> log, std::string path, Clock clock);
  void Enqueue(Pending p);
  void WriterLoop();
  void ApplyQueued(std::vector<Pending>& work);

  std::unique_ptr<store::OpLog> log_;
  store::Readers readers_;
  Clock clock_;
  mutable std::shared_mutex mu_;  // over log_

  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<Pending> queue_;  // under queue_mu_
  bool stopping_ = false;      // under queue_mu_
  std::thread writer_;
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_APP_SERVICE_H_
