// MemberCodes: the rotating code in a member's QR code, shown at a till or
// a kiosk to say "this is me".
//
// A code is "ATM1.<member id>.<window>.<mac>": the window is the 30-second
// step of the time it was made, and the mac is the first 10 bytes, in hex,
// of HMAC-SHA256 (RFC 2104) of "<member id>.<window>" under the member's
// code secret of the window's UTC day (derived from the member id and the
// day under the server's key: secrets rotate daily, so one that leaks
// makes codes for days at most). The phone makes codes offline with Web
// Crypto for as long as the secrets it holds last (kCodeSecretDays,
// refreshed whenever it is online: web/app/js/code.js). Only the member's
// phone is given secrets; a kiosk or till checks codes at the server.
// Scan accepts a code of the current or the previous window, in its one
// canonical form (the window in decimal without leading zeros, the mac in
// lower-case hex), once per member and window: a screenshot or a code seen
// over a shoulder goes stale within a minute and cannot be shown twice,
// at this till or any other. With a file (Persist), the (member, window)
// pairs scanned outlive a restart.
#ifndef ATRIUM_SERVER_AUTH_MEMBER_CODE_H_
#define ATRIUM_SERVER_AUTH_MEMBER_CODE_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "atrium/ids.h"
#include "atrium/status.h"
#include "atrium/store/sqlite.h"
#include "atrium/time.h"

namespace atrium::server {

inline constexpr int64_t kMemberCodeWindowSeconds = 30;
// How many days of code secrets a phone is given at once.
inline constexpr int64_t kCodeSecretDays = 7;

class MemberCodes {
 public:
  explicit MemberCodes(std::string key) : key_(std::move(key)) {}

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
  // The member a code names. InvalidArgument for a malformed, forged or
  // non-canonical code, FailedPrecondition for an old or already scanned
  // one.
  StatusOr<MemberId> Scan(std::string_view text, Timestamp now);
  // Keeps what is scanned in the SQLite file at `path` too (created if
  // new), and takes in what it holds: call it before the first Scan.
  Status Persist(const std::string& path);

 private:
  std::string SecretFor(const MemberId& member, int64_t day) const;
  std::string Text(const MemberId& member, int64_t window) const;
  std::string Mac(const MemberId& member, int64_t window) const;
  Status Remember(const MemberId& member, int64_t window, int64_t current);

  std::string key_;
  std::mutex mu_;
  // Members scanned, by window; windows older than the previous are
  // dropped as time passes.
  std::map<int64_t, std::unordered_set<std::string>> scanned_;
  std::unique_ptr<store::Db> db_;  // with Persist
  int64_t pruned_before_ = 0;      // the file holds no older window
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_AUTH_MEMBER_CODE_H_
