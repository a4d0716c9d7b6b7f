// Member codes: the rotating code in a member's QR code, shown at a till or
// a kiosk to say "this is me". MemberCodeSigner makes and reads them; who
// accepts a code once (the server's scans) is the server's.
//
// A code is "ATM1.<member id>.<window>.<mac>": the window is the 30-second
// step of the time it was made, and the mac is the first 10 bytes, in hex,
// of HMAC-SHA256 (RFC 2104) of "<member id>.<window>" under the member's
// code secret of the window's UTC day (derived from the member id and the
// day under the signer's key: secrets rotate daily, so one that leaks
// makes codes for days at most). The phone makes codes offline with Web
// Crypto from the secrets it is given (web/app/js/code.js); both are
// checked against shared/vectors/member_codes.json.
//
// A code has one canonical text per (member, window): the window in
// decimal without leading zeros, the mac in lower-case hex. Check refuses
// any other, compares in constant time, and says nothing of the code's
// age: that, and refusing a code twice, is the scanner's.
#ifndef ATRIUM_AUTH_MEMBER_CODE_H_
#define ATRIUM_AUTH_MEMBER_CODE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/ids.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium::auth {

inline constexpr std::string_view kMemberCodePrefix = "ATM1.";
inline constexpr int64_t kMemberCodeWindowSeconds = 30;
// How many days of code secrets a phone is given at once.
inline constexpr int64_t kCodeSecretDays = 7;

// The window of the instant `t`.
inline int64_t MemberCodeWindow(Timestamp t) {
  return t.unix_seconds() / kMemberCodeWindowSeconds;
}

class MemberCodeSigner {
 public:
  explicit MemberCodeSigner(std::string key) : key_(std::move(key)) {}

  struct Code {
    std::string text;
    Timestamp expires_at;  // the end of its window
  };
  // A day's code secret (raw bytes); `day` counts UTC days since 1970.
  struct DaySecret {
    int64_t day;
    std::string secret;
  };
  // The member's secrets for their phone: the UTC day of `now` and the
  // kCodeSecretDays - 1 days after it.
  std::vector<DaySecret> SecretsFor(const MemberId& member,
                                    Timestamp now) const;
  Code Current(const MemberId& member, Timestamp now) const;
  // The code of `member` for `window`.
  std::string Text(const MemberId& member, int64_t window) const;

  struct Named {
    MemberId member;
    int64_t window = 0;
  };
  // The member and window of a code this key made, in its canonical text;
  // InvalidArgument for anything else.
  StatusOr<Named> Check(std::string_view text) const;

 private:
  std::string SecretFor(const MemberId& member, int64_t day) const;
  std::string Mac(const MemberId& member, int64_t window) const;

  std::string key_;
};

}  // namespace atrium::auth

#endif  // ATRIUM_AUTH_MEMBER_CODE_H_
