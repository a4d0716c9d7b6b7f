// Session tokens for members and operators: signed (HMAC-SHA256 under the
// server's key), expiring, and revocable by their id.
//
// A token is base64url(claims) "." base64url(mac); the claims are
// "v1|<kind>|<subject>|<role>|<expires, unix seconds>|<id>". Verify checks
// the MAC before reading anything and the expiry against the time given;
// revocation is the caller's list of ids.
#ifndef ATRIUM_AUTH_TOKEN_H_
#define ATRIUM_AUTH_TOKEN_H_

#include <string>

#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium::auth {

struct Claims {
  std::string kind;     // "member" or "operator"
  std::string subject;  // the member id or the operator's name
  std::string role;     // an operator's role; "" for a member
  Timestamp expires_at;
  std::string id;  // random, for revocation
};

class TokenSigner {
 public:
  explicit TokenSigner(std::string key) : key_(std::move(key)) {}

  // A new token for `claims` (its id is made here when empty).
  std::string Issue(Claims claims) const;
  // The claims of a valid token; PermissionDenied for a forged, malformed
  // or expired one (the message says which, not the token).
  StatusOr<Claims> Verify(std::string_view token, Timestamp now) const;

 private:
  std::string key_;
};

}  // namespace atrium::auth

#endif  // ATRIUM_AUTH_TOKEN_H_
