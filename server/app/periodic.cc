#include "app/periodic.h"

namespace atrium::server {

void Periodic::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void Periodic::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Periodic::Loop() {
  std::unique_lock lock(mu_);
  const auto stopping = [this] { return stopping_; };
  if (first_ == First::kAfterAPeriod) wake_.wait_for(lock, every_, stopping);
  while (!stopping_) {
    lock.unlock();
    call_();
    lock.lock();
    wake_.wait_for(lock, every_, stopping);
  }
}

}  // namespace atrium::server
