#include "atrium/auth/pay_signature.h"

#include <sodium.h>

#include <charconv>

namespace atrium::auth {
namespace {

std::string Mac(std::string_view key, int64_t t, std::string_view method,
                std::string_view target, std::string_view body) {
  const std::string text = std::to_string(t) + "\n" + std::string(method) +
                           "\n" + std::string(target) + "\n" +
                           std::string(body);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(
      &st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(
      &st, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string(hex, sizeof mac * 2);
}

}  // namespace

std::string SignPayMessage(std::string_view key, int64_t unix_seconds,
                           std::string_view method, std::string_view target,
                           std::string_view body) {
  return "t=" + std::to_string(unix_seconds) +
         ",v1=" + Mac(key, unix_seconds, method, target, body);
}

Status VerifyPayMessage(std::string_view key, std::string_view header,
                        std::string_view method, std::string_view target,
                        std::string_view body, int64_t now_unix) {
  Status bad = PermissionDenied("the payment signature is not valid");
  const size_t comma = header.find(",v1=");
  if (!header.starts_with("t=") || comma == std::string_view::npos) return bad;
  int64_t t = 0;
  const std::string_view digits = header.substr(2, comma - 2);
  const auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), t);
  if (ec != std::errc() || end != digits.data() + digits.size()) return bad;
  const std::string_view given = header.substr(comma + 4);
  const std::string want = Mac(key, t, method, target, body);
  if (given.size() != want.size() ||
      sodium_memcmp(given.data(), want.data(), want.size()) != 0) {
    return bad;
  }
  if (t < now_unix - kPayMaxSkewSeconds || t > now_unix + kPayMaxSkewSeconds) {
    return PermissionDenied(
        "the payment message is too old or from the future");
  }
  return Status::Ok();
}

}  // namespace atrium::auth
