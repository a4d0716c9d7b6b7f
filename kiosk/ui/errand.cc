#include "ui/errand.h"

#include <utility>

namespace atrium::kiosk {

Errand::Errand(std::function<void()> on_done)
    : on_done_(std::move(on_done)), worker_([this] { Loop(); }) {}

Errand::~Errand() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

bool Errand::Start(std::function<void()> work, bool quiet) {
  if (busy()) return false;
  quiet_.store(quiet);
  busy_.store(true, std::memory_order_release);
  {
    std::lock_guard lock(mu_);
    work_ = std::move(work);
  }
  cv_.notify_all();
  return true;
}

void Errand::Wait() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return !busy(); });
}

void Errand::Loop() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [this] { return stop_ || work_ != nullptr; });
    // A running errand finishes even when the kiosk stops.
    if (work_ == nullptr) return;
    std::function<void()> work = std::exchange(work_, nullptr);
    lock.unlock();
    work();
    lock.lock();
    busy_.store(false, std::memory_order_release);
    cv_.notify_all();
    lock.unlock();
    if (on_done_) on_done_();
    lock.lock();
  }
}

}  // namespace atrium::kiosk
