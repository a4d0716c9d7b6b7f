// OfflineCodes checks member codes while the server is unreachable, for
// the members who signed in at this kiosk while it was online: the server
// gave it their code secrets then (server/auth/member_code.h has the code's
// format). The secrets stay in memory: a restarted kiosk learns them again
// from the next online sign-in, and a stolen disk holds none.
//
// As the server does, it takes a code of the current or the previous
// 30-second window, once.
#ifndef ATRIUM_KIOSK_NET_OFFLINE_CODES_H_
#define ATRIUM_KIOSK_NET_OFFLINE_CODES_H_

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "atrium/ids.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium::kiosk {

class OfflineCodes {
 public:
  OfflineCodes();
  // `secret`: base64url, as the server sends it. InvalidArgument if not.
  Status Remember(const MemberId& member, std::string_view secret);
  // Drops the member's secret (they signed out here): their codes are the
  // server's to check again.
  void Forget(const MemberId& member);
  // The member a code names: InvalidArgument for a malformed or forged
  // code, FailedPrecondition for an old or used one, Unavailable for a
  // member this kiosk has no secret of (it needs the server).
  StatusOr<MemberId> Check(std::string_view code, Timestamp now);

 private:
  std::mutex mu_;
  std::map<MemberId, std::string> secrets_;
  std::set<std::string> used_;  // codes taken, pruned as windows pass
  int64_t used_window_ = 0;     // the newest window in used_
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_NET_OFFLINE_CODES_H_
