// SignInCodes: one-time codes a member signs in with, sent to their phone.
//
// A code is 6 digits, valid for 5 minutes, for at most 5 tries; asking for
// a new one replaces the old. Requests are limited per client address (30
// an hour) first, then per phone (1 a minute, 5 an hour):
// ResourceExhausted beyond. Every map is bounded (RateLimiter's max_keys;
// codes are made only within the limits), so distinct phones cost no
// memory past the bound. Delivery is a CodeSender: the demo writes the code to
// the log with the phone masked.
#ifndef ATRIUM_SERVER_AUTH_SIGN_IN_CODES_H_
#define ATRIUM_SERVER_AUTH_SIGN_IN_CODES_H_

#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "atrium/members/phone.h"
#include "auth/rate_limit.h"

namespace atrium::server {

// Delivers a code to a phone (an SMS gateway in production).
using CodeSender = std::function<void(const Phone& phone, std::string code)>;
// The demo's delivery: a line in `log` with the phone masked.
CodeSender LogCodeSender(std::function<void(std::string_view)> log);

class SignInCodes {
 public:
  explicit SignInCodes(CodeSender sender) : sender_(std::move(sender)) {}

  Status Request(const Phone& phone, const std::string& client, Timestamp now);
  // How many phones and addresses it holds counts for (bounded).
  size_t keys() const {
    return per_phone_hour_.keys() + per_client_hour_.keys();
  }
  // Ok once for the right code in time; PermissionDenied otherwise.
  Status Check(const Phone& phone, std::string_view code, Timestamp now);

 private:
  struct Pending {
    std::string code;
    Timestamp expires_at;
    int tries_left = 0;
  };
  CodeSender sender_;
  // More distinct phones in an hour than any mall group signs in; past
  // it, new phones wait for the next hour's window.
  static constexpr size_t kMaxPhones = 200'000;
  RateLimiter per_phone_minute_{1, 60, kMaxPhones};
  RateLimiter per_phone_hour_{5, 3600, kMaxPhones};
  RateLimiter per_client_hour_{30, 3600, kMaxPhones};
  std::mutex mu_;
  std::map<std::string, Pending> pending_;  // by phone digits
  int64_t pruned_at_ = 0;                   // under mu_
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_AUTH_SIGN_IN_CODES_H_
