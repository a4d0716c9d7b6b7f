#include "net/offline_codes.h"

#include <sodium.h>

#include <charconv>

namespace atrium::kiosk {
namespace {

constexpr std::string_view kPrefix = "ATM1.";
constexpr int64_t kWindowSeconds = 30;
constexpr size_t kMacBytes = 10;
constexpr size_t kMaxCodeLength = 128;

std::string MacHex(const std::string& secret, const std::string& text) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(
      &st, reinterpret_cast<const unsigned char*>(secret.data()),
      secret.size());
  crypto_auth_hmacsha256_update(
      &st, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[kMacBytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, kMacBytes);
  return hex;
}

}  // namespace

OfflineCodes::OfflineCodes() {
  // Safe to repeat; HMAC needs no randomness, so a failure changes nothing.
  if (sodium_init() < 0) return;
}

Status OfflineCodes::Remember(const MemberId& member, std::string_view secret) {
  std::string raw(secret.size(), '\0');
  size_t length = 0;
  if (secret.empty() ||
      sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()),
                        raw.size(), secret.data(), secret.size(), nullptr,
                        &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return InvalidArgument("a code secret is base64url");
  }
  raw.resize(length);
  std::lock_guard lock(mu_);
  secrets_[member] = std::move(raw);
  return Status::Ok();
}

void OfflineCodes::Forget(const MemberId& member) {
  std::lock_guard lock(mu_);
  secrets_.erase(member);
}

StatusOr<MemberId> OfflineCodes::Check(std::string_view code, Timestamp now) {
  const Status bad = InvalidArgument("not a member code");
  if (code.size() > kMaxCodeLength || !code.starts_with(kPrefix)) return bad;
  const std::string_view rest = code.substr(kPrefix.size());
  const size_t d1 = rest.find('.');
  const size_t d2 = d1 == std::string_view::npos ? d1 : rest.find('.', d1 + 1);
  if (d2 == std::string_view::npos) return bad;
  const MemberId member{std::string(rest.substr(0, d1))};
  const std::string_view window_text = rest.substr(d1 + 1, d2 - d1 - 1);
  int64_t window = 0;
  const auto [end, ec] = std::from_chars(
      window_text.data(), window_text.data() + window_text.size(), window);
  if (ec != std::errc() || end != window_text.data() + window_text.size()) {
    return bad;
  }
  std::lock_guard lock(mu_);
  const auto secret = secrets_.find(member);
  if (secret == secrets_.end()) {
    return Unavailable(
        "offline: only a member who signed in here today can sign in now");
  }
  const std::string mac =
      MacHex(secret->second, std::string(rest.substr(0, d2)));
  const std::string_view given = rest.substr(d2 + 1);
  if (given.size() != mac.size() ||
      sodium_memcmp(given.data(), mac.data(), mac.size()) != 0) {
    return bad;
  }
  const int64_t current = now.unix_seconds() / kWindowSeconds;
  if (window != current && window != current - 1) {
    return FailedPrecondition(
        "the member code has expired: refresh it on the phone");
  }
  if (current != used_window_) {
    // Codes of windows before the previous can no longer be shown.
    const std::string keep = "." + std::to_string(current - 1) + ".";
    std::erase_if(used_, [&](const std::string& c) {
      return c.find(keep) == std::string::npos;
    });
    used_window_ = current;
  }
  if (!used_.insert(std::string(code)).second) {
    return FailedPrecondition("the member code was used: refresh it");
  }
  return member;
}

}  // namespace atrium::kiosk
