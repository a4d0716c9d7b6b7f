#include "app/service.h"

#include <future>
#include <map>

namespace atrium::server {
namespace {

// At most this many queued requests share one commit.
constexpr size_t kMaxRequestsPerBatch = 512;

// Whether a stored operation is the one `op` asks for again: the same
// origin, type and payload (its seq and client time are the server's).
bool SameRequest(const std::string& stored, const sync::Operation& op) {
  StatusOr<sync::Operation> was = sync::ParseOperation(stored);
  return was.ok() && was->origin == op.origin && was->type == op.type &&
         was->payload == op.payload;
}

}  // namespace

StatusOr<std::unique_ptr<Service>> Service::Open(const std::string& path,
                                                 Program program, Clock clock) {
  StatusOr<std::unique_ptr<store::OpLog>> log =
      store::OpLog::Open(path, std::move(program));
  if (!log.ok()) return log.status();
  return std::unique_ptr<Service>(
      new Service(std::move(*log), path, std::move(clock)));
}

Service::Service(std::unique_ptr<store::OpLog> log, std::string path,
                 Clock clock)
    : log_(std::move(log)),
      readers_(std::move(path)),
      clock_(std::move(clock)) {
  writer_ = std::thread([this] { WriterLoop(); });
}

Service::~Service() { Stop(); }

void Service::Stop() {
  {
    std::lock_guard lock(queue_mu_);
    stopping_ = true;
  }
  queue_cv_.notify_one();
  if (writer_.joinable()) writer_.join();
}

StatusOr<sync::OpResult> Service::SubmitAndWait(sync::Operation op,
                                                sync::Sender sender) {
  auto done = std::make_shared<std::promise<StatusOr<sync::OpResult>>>();
  std::future<StatusOr<sync::OpResult>> answer = done->get_future();
  Submit(std::move(op), std::move(sender),
         [done](StatusOr<sync::OpResult> r) { done->set_value(std::move(r)); });
  return answer.get();
}

void Service::Submit(sync::Operation op, sync::Sender sender, OneDone done) {
  std::vector<sync::Operation> ops;
  ops.push_back(std::move(op));
  SubmitAll(
      std::move(ops), std::move(sender),
      [done = std::move(done)](std::vector<StatusOr<sync::OpResult>> answers) {
        done(std::move(answers[0]));
      });
}

void Service::SubmitAll(std::vector<sync::Operation> ops, sync::Sender sender,
                        EachDone done) {
  Pending p;
  p.ops = std::move(ops);
  p.sender = std::move(sender);
  p.submitted = true;
  p.each = std::move(done);
  Enqueue(std::move(p));
}

void Service::Push(std::vector<sync::Operation> ops, sync::Sender sender,
                   BatchDone done) {
  Pending p;
  p.ops = std::move(ops);
  p.sender = std::move(sender);
  p.batch = std::move(done);
  Enqueue(std::move(p));
}

void Service::Enqueue(Pending p) {
  {
    std::lock_guard lock(queue_mu_);
    queue_.push_back(std::move(p));
  }
  queue_cv_.notify_one();
}

void Service::WriterLoop() {
  while (true) {
    std::vector<Pending> work;
    {
      std::unique_lock lock(queue_mu_);
      queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left
      while (!queue_.empty() && work.size() < kMaxRequestsPerBatch) {
        work.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    ApplyQueued(work);
  }
}

void Service::ApplyQueued(std::vector<Pending>& work) {
  // What each request gets: its results, or one error for all of them.
  std::vector<std::vector<StatusOr<sync::OpResult>>> answers(work.size());
  std::vector<sync::Operation> batch;
  std::vector<const sync::Sender*> senders;  // of each batched operation
  // Where each batched operation's result goes: request, position.
  std::vector<std::pair<size_t, size_t>> slots;
  Status failed;
  {
    std::unique_lock lock(mu_);
    std::map<std::string, int64_t> next_seq;  // by origin, for Submit
    for (size_t i = 0; i < work.size(); ++i) {
      Pending& p = work[i];
      answers[i].resize(p.ops.size(),
                        Status(StatusCode::kInternal, "not applied"));
      for (size_t k = 0; k < p.ops.size(); ++k) {
        sync::Operation& op = p.ops[k];
        if (p.submitted) {
          StatusOr<std::optional<store::OpLog::Stored>> stored =
              log_->Find(op.id);
          if (!stored.ok()) {
            answers[i][k] = stored.status();
            continue;
          }
          if (stored->has_value()) {
            if (SameRequest((*stored)->operation, op)) {
              answers[i][k] = std::move((*stored)->result);
              answers[i][k]->replayed = true;
            } else {
              answers[i][k] = AlreadyExists(
                  "this idempotency key was used for a different request");
            }
            continue;
          }
          const std::string origin = op.origin.ToString();
          auto [it, fresh] = next_seq.try_emplace(origin, 0);
          if (fresh) it->second = log_->LastSeq(op.origin);
          op.seq = ++it->second;
        }
        batch.push_back(std::move(op));
        senders.push_back(&p.sender);
        slots.emplace_back(i, k);
      }
    }
    if (!batch.empty()) {
      StatusOr<std::vector<sync::OpResult>> results =
          log_->ApplyBatch(batch, clock_(), senders);
      if (!results.ok()) {
        failed = results.status();
      } else {
        for (size_t n = 0; n < slots.size(); ++n) {
          answers[slots[n].first][slots[n].second] = std::move((*results)[n]);
        }
      }
    }
  }
  if (!failed.ok()) {
    for (const auto& [i, k] : slots) answers[i][k] = failed;
  }
  for (size_t i = 0; i < work.size(); ++i) {
    Pending& p = work[i];
    if (p.submitted) {
      p.each(std::move(answers[i]));
      continue;
    }
    std::vector<sync::OpResult> results;
    Status error;
    for (auto& a : answers[i]) {
      if (!a.ok()) {
        error = a.status();
        break;
      }
      results.push_back(std::move(*a));
    }
    if (!error.ok()) {
      p.batch(error);
    } else {
      p.batch(std::move(results));
    }
  }
}

}  // namespace atrium::server
