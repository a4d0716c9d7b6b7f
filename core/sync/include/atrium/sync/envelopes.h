// The sync envelopes (shared/api/README.md, "Sync"): a push's body and its
// answer, a pull's page, with their limits; the one codec the server, the
// kiosk and the phone's wasm module build and read them with.
//
// Paging, for every client: ask `pull?after=<cursor>&limit=<n>`; apply the
// page; ask again after the page's `next` while it says `more` (a full
// page: there may be more). A member's history pages the same way.
#ifndef ATRIUM_SYNC_ENVELOPES_H_
#define ATRIUM_SYNC_ENVELOPES_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "atrium/sync/operation.h"
#include "atrium/sync/protocol.h"

namespace atrium::sync {

// Operations in one push: a client with more sends several.
inline constexpr size_t kMaxPushOperations = 256;
// Changes in a page when the client names no limit; kMaxPull at most.
inline constexpr size_t kDefaultPullLimit = 1000;

// {"operations": [...]}.
codec::Json PushBody(std::span<const Operation> ops);
// The operations of a push's body: 1..kMaxPushOperations, each valid;
// InvalidArgument naming the first at fault.
StatusOr<std::vector<Operation>> PushFromJson(const codec::Json& body);

// {"results": [...]}, one per pushed operation, in order.
codec::Json PushAnswer(std::span<const OpResult> results);
StatusOr<std::vector<OpResult>> PushAnswerFromJson(const codec::Json& answer);

struct PullPage {
  std::vector<Change> changes;
  int64_t next = 0;      // the cursor to ask after: the last change's
  bool more = false;     // the page was full: ask again after `next`
  int64_t next_seq = 0;  // a pull's: the caller's next sequence number
};
// The page of `changes` asked for after `after` with `limit`, as JSON text:
// the stored operations and results go out as they are, not parsed again.
std::string PullPageText(const std::vector<Change>& changes, int64_t after,
                         size_t limit, int64_t next_seq = 0);
StatusOr<PullPage> PullPageFromJson(const codec::Json& page);
// "?after=<after>&limit=<limit>".
std::string PullQuery(int64_t after, size_t limit);

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_ENVELOPES_H_
