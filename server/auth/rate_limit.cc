#include "auth/rate_limit.h"

#include <iterator>

namespace atrium::server {

bool RateLimiter::Allow(const std::string& key, Timestamp now) {
  const int64_t start = now.unix_seconds() / window_ * window_;
  std::lock_guard lock(mu_);
  // Keys of past windows are dropped once a window, so memory follows the
  // keys seen recently.
  if (start != pruned_at_) {
    for (auto it = windows_.begin(); it != windows_.end();) {
      it = it->second.start < start ? windows_.erase(it) : std::next(it);
    }
    pruned_at_ = start;
  }
  Window& w = windows_[key];
  if (w.start != start) w = {start, 0};
  if (w.count >= limit_) return false;
  ++w.count;
  return true;
}

}  // namespace atrium::server
