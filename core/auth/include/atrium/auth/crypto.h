// The few cryptographic primitives Atrium uses natively (the server, the
// load driver, the payment simulator), all from libsodium: random bytes,
// HMAC-SHA256, base64url, and argon2id password hashes.
#ifndef ATRIUM_AUTH_CRYPTO_H_
#define ATRIUM_AUTH_CRYPTO_H_

#include <string>
#include <string_view>

#include "atrium/status.h"

namespace atrium::auth {

// Initialises libsodium; call once before anything below.
Status InitCrypto();

// `n` random bytes.
std::string RandomBytes(size_t n);
// A random integer in [0, bound).
uint32_t RandomBelow(uint32_t bound);
// HMAC-SHA256 of `data` under `key` (any length; first hashed to 32 bytes
// with BLAKE2b). Tokens, device keys and plates are stored under it.
std::string HmacSha256(std::string_view key, std::string_view data);
// HMAC-SHA256 exactly as RFC 2104 defines it, for macs another party makes
// with its own library: the member codes a phone makes with Web Crypto.
std::string Rfc2104HmacSha256(std::string_view key, std::string_view data);
// Lowercase hex, and base64url without padding.
std::string Hex(std::string_view bytes);
std::string Base64Url(std::string_view bytes);
StatusOr<std::string> FromBase64Url(std::string_view text);
// Compares in time independent of where they differ.
bool ConstantTimeEqual(std::string_view a, std::string_view b);

// How much work an argon2id hash costs: interactive (libsodium's
// recommendation for logins, 64 MiB) for real accounts; the minimum only
// for tests, which make many. The hash string records its cost, so
// verifying needs no setting.
enum class PasswordCost { kInteractive, kMinimumForTests };

// An argon2id hash string (with its salt and costs) of `password`.
StatusOr<std::string> HashPassword(
    std::string_view password, PasswordCost cost = PasswordCost::kInteractive);
bool VerifyPassword(std::string_view hash, std::string_view password);

}  // namespace atrium::auth

#endif  // ATRIUM_AUTH_CRYPTO_H_
