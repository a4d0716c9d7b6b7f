#include "atrium/auth/crypto.h"

#include <sodium.h>

#include <vector>

namespace atrium::auth {
namespace {

const auto* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

Status InitCrypto() {
  if (sodium_init() < 0)
    return Status(StatusCode::kInternal, "libsodium failed to initialise");
  return Status::Ok();
}

std::string RandomBytes(size_t n) {
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

uint32_t RandomBelow(uint32_t bound) { return randombytes_uniform(bound); }

std::string HmacSha256(std::string_view key, std::string_view data) {
  unsigned char k[crypto_auth_hmacsha256_KEYBYTES];
  crypto_generichash(k, sizeof k, Bytes(key), key.size(), nullptr, 0);
  std::string out(crypto_auth_hmacsha256_BYTES, '\0');
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, k, sizeof k);
  crypto_auth_hmacsha256_update(&st, Bytes(data), data.size());
  crypto_auth_hmacsha256_final(&st,
                               reinterpret_cast<unsigned char*>(out.data()));
  sodium_memzero(k, sizeof k);
  return out;
}

std::string Rfc2104HmacSha256(std::string_view key, std::string_view data) {
  std::string out(crypto_auth_hmacsha256_BYTES, '\0');
  crypto_auth_hmacsha256_state st;
  // libsodium's init takes a key of any length as RFC 2104 does.
  crypto_auth_hmacsha256_init(&st, Bytes(key), key.size());
  crypto_auth_hmacsha256_update(&st, Bytes(data), data.size());
  crypto_auth_hmacsha256_final(&st,
                               reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

std::string Hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), Bytes(bytes), bytes.size());
  out.pop_back();
  return out;
}

std::string Base64Url(std::string_view bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), Bytes(bytes), bytes.size(),
                    kVariant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

StatusOr<std::string> FromBase64Url(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()),
                        out.size(), text.data(), text.size(), nullptr, &len,
                        nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return InvalidArgument("not base64url");
  }
  out.resize(len);
  return out;
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

StatusOr<std::string> HashPassword(std::string_view password,
                                   PasswordCost cost) {
  const bool full = cost == PasswordCost::kInteractive;
  std::vector<char> out(crypto_pwhash_STRBYTES);
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(),
                            full ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                 : crypto_pwhash_OPSLIMIT_MIN,
                            full ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                 : crypto_pwhash_MEMLIMIT_MIN,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Unavailable("out of memory hashing a password");
  }
  return std::string(out.data());
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  std::string h(hash);  // NUL-terminated
  return crypto_pwhash_str_verify(h.c_str(), password.data(),
                                  password.size()) == 0;
}

}  // namespace atrium::auth
