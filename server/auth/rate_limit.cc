#include "auth/rate_limit.h"

#include <iterator>

namespace atrium::server {

RateLimiter::Window* RateLimiter::Find(const std::string& key, int64_t start,
                                       bool make) {
  // Keys of past windows are dropped once a window, so memory follows the
  // keys seen recently.
  if (start != pruned_at_) {
    for (auto it = windows_.begin(); it != windows_.end();) {
      it = it->second.start < start ? windows_.erase(it) : std::next(it);
    }
    pruned_at_ = start;
  }
  auto it = windows_.find(key);
  if (it == windows_.end()) {
    if (!make || windows_.size() >= max_keys_) return nullptr;
    it = windows_.emplace(key, Window{start, 0}).first;
  }
  if (it->second.start != start) it->second = {start, 0};
  return &it->second;
}

bool RateLimiter::Allow(const std::string& key, Timestamp now) {
  const int64_t start = now.unix_seconds() / window_ * window_;
  std::lock_guard lock(mu_);
  Window* w = Find(key, start, true);
  if (w == nullptr || w->count >= limit_) return false;
  ++w->count;
  return true;
}

bool RateLimiter::WouldAllow(const std::string& key, Timestamp now) {
  const int64_t start = now.unix_seconds() / window_ * window_;
  std::lock_guard lock(mu_);
  Window* w = Find(key, start, false);
  if (w == nullptr) return windows_.size() < max_keys_;
  return w->count < limit_;
}

size_t RateLimiter::keys() const {
  std::lock_guard lock(mu_);
  return windows_.size();
}

}  // namespace atrium::server
