#include "auth/sign_in_codes.h"

#include <cstdio>

#include "atrium/auth/crypto.h"

namespace atrium::server {

CodeSender LogCodeSender(std::function<void(std::string_view)> log) {
  return [log = std::move(log)](const Phone& phone, const std::string& code) {
    log("sign-in code for " + phone.Masked() + ": " + code);
  };
}
namespace {

constexpr int64_t kCodeLifetimeSeconds = 300;
constexpr int kTries = 5;

}  // namespace

Status SignInCodes::Request(const Phone& phone, const std::string& client,
                            Timestamp now) {
  // The address first: a request over its limit charges no phone, so no
  // one can lock a phone's owner out from an address of their own. Then
  // the phone's limits, both checked before either counts.
  if (!per_client_hour_.Allow(client, now)) {
    return ResourceExhausted("too many code requests from this address");
  }
  if (!per_phone_minute_.WouldAllow(phone.digits(), now) ||
      !per_phone_hour_.WouldAllow(phone.digits(), now) ||
      !per_phone_minute_.Allow(phone.digits(), now) ||
      !per_phone_hour_.Allow(phone.digits(), now)) {
    return ResourceExhausted(
        "a code was sent recently: wait before asking "
        "for another");
  }
  char code[8];
  std::snprintf(code, sizeof code, "%06u", auth::RandomBelow(1'000'000));
  {
    std::lock_guard lock(mu_);
    // Expired codes of other phones go as new ones come, once a minute
    // (every request walking them all would be quadratic).
    if (now.unix_seconds() >= pruned_at_ + 60) {
      std::erase_if(pending_,
                    [&](const auto& p) { return p.second.expires_at <= now; });
      pruned_at_ = now.unix_seconds();
    }
    pending_[phone.digits()] = {
        code,
        Timestamp::FromUnixSeconds(now.unix_seconds() + kCodeLifetimeSeconds),
        kTries};
  }
  sender_(phone, code);
  return Status::Ok();
}

Status SignInCodes::Check(const Phone& phone, std::string_view code,
                          Timestamp now) {
  std::lock_guard lock(mu_);
  auto it = pending_.find(phone.digits());
  if (it == pending_.end() || it->second.expires_at <= now) {
    return PermissionDenied("no valid code for this phone: ask for one");
  }
  if (!auth::ConstantTimeEqual(it->second.code, code)) {
    if (--it->second.tries_left <= 0) pending_.erase(it);
    return PermissionDenied("wrong code");
  }
  pending_.erase(it);
  return Status::Ok();
}

}  // namespace atrium::server
