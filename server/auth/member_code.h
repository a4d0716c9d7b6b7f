// MemberCodes: the server's side of member codes (their format and
// signer: core/auth atrium/auth/member_code.h). The server gives a
// member's phone its code secrets, and a till or kiosk scans a code here.
//
// Scan accepts a code of the current or the previous window, once per
// member and window: a screenshot or a code seen over a shoulder goes
// stale within a minute and cannot be shown twice, at this till or any
// other. With a file (Persist), the (member, window) pairs scanned outlive
// a restart.
#ifndef ATRIUM_SERVER_AUTH_MEMBER_CODE_H_
#define ATRIUM_SERVER_AUTH_MEMBER_CODE_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "atrium/auth/member_code.h"
#include "atrium/ids.h"
#include "atrium/status.h"
#include "atrium/store/sqlite.h"
#include "atrium/time.h"

namespace atrium::server {

class MemberCodes {
 public:
  explicit MemberCodes(std::string key) : signer_(std::move(key)) {}

  using Code = auth::MemberCodeSigner::Code;
  using DaySecret = auth::MemberCodeSigner::DaySecret;
  std::vector<DaySecret> SecretsFor(const MemberId& member,
                                    Timestamp now) const {
    return signer_.SecretsFor(member, now);
  }
  Code Current(const MemberId& member, Timestamp now) const {
    return signer_.Current(member, now);
  }
  // The member a code names. InvalidArgument for a malformed, forged or
  // non-canonical code, FailedPrecondition for an old or already scanned
  // one.
  StatusOr<MemberId> Scan(std::string_view text, Timestamp now);
  // Keeps what is scanned in the SQLite file at `path` too (created if
  // new), and takes in what it holds: call it before the first Scan.
  Status Persist(const std::string& path);

 private:
  Status Remember(const MemberId& member, int64_t window, int64_t current);

  const auth::MemberCodeSigner signer_;
  std::mutex mu_;
  // Members scanned, by window; windows older than the previous are
  // dropped as time passes.
  std::map<int64_t, std::unordered_set<std::string>> scanned_;
  std::unique_ptr<store::Db> db_;  // with Persist
  int64_t pruned_before_ = 0;      // the file holds no older window
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_AUTH_MEMBER_CODE_H_
