// The signature on every message between a merchant (atriumd) and its
// payment provider, both ways: requests to the provider and the provider's
// asynchronous notifications. Like the mobile-payment APIs' own (WeChat
// Pay's HMAC-SHA256 sign, a timestamped header as in their v3 API), it
// binds the time, method, path and body under the merchant's API key, so
// a notification cannot be forged, altered or replayed to another path.
//
//   Atrium-Pay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
//   signed text: "<t>\n<METHOD>\n<target>\n<body>"
#ifndef ATRIUM_AUTH_PAY_SIGNATURE_H_
#define ATRIUM_AUTH_PAY_SIGNATURE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "atrium/status.h"

namespace atrium::auth {

inline constexpr std::string_view kPaySignatureHeader = "atrium-pay-signature";
// How far a message's time may be from the receiver's clock.
inline constexpr int64_t kPayMaxSkewSeconds = int64_t{5} * 60;

std::string SignPayMessage(std::string_view key, int64_t unix_seconds,
                           std::string_view method, std::string_view target,
                           std::string_view body);

// OK when `header` signs the message under `key`, made within
// kPayMaxSkewSeconds of `now_unix`; PermissionDenied otherwise.
Status VerifyPayMessage(std::string_view key, std::string_view header,
                        std::string_view method, std::string_view target,
                        std::string_view body, int64_t now_unix);

}  // namespace atrium::auth

#endif  // ATRIUM_AUTH_PAY_SIGNATURE_H_
