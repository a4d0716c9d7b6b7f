// What travels between a client and the server besides operations: the
// result of each pushed operation, and the changes a pull brings.
#ifndef ATRIUM_SYNC_PROTOCOL_H_
#define ATRIUM_SYNC_PROTOCOL_H_

#include <cstdint>
#include <string>

#include "atrium/codec/json_reader.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium::sync {

// The answer to one pushed operation.
struct OpResult {  // NOLINT(bugprone-exception-escape): holds a nlohmann::json
  std::string op_id;
  bool applied = false;   // false: rejected, `error` says why
  bool replayed = false;  // answered from the log, not applied now
  Status error;
  codec::Json result;  // when applied
  int64_t cursor = 0;  // its place in the server's log; 0 when not stored
};

// One change as a client pulls it: an applied operation (or, for the
// device that sent it, a rejected one) and its result, as the stored JSON
// texts, which a server passes on without decoding them.
struct Change {
  int64_t cursor = 0;
  std::string op_id;
  std::string operation;  // canonical JSON (shared/formats/operation.md)
  std::string result;     // JSON: the result, or {code, message}
  Timestamp applied_at;   // the server's time: applying again needs it
  bool applied = true;
};

inline constexpr size_t kMaxPull = 10'000;

// A rejection as it is stored and sent: {"code": "NOT_FOUND", "message"}.
codec::Json ErrorJson(const Status& s);
// The OpResult a stored or pulled result text stands for; DataLoss if the
// text is unreadable.
StatusOr<OpResult> OpResultFromText(const std::string& op_id, bool applied,
                                    std::string_view text);

// A push's answer for one operation, as the API sends it:
// {op_id, applied, replayed, cursor, result | error}.
codec::Json OpResultToJson(const OpResult& r);
StatusOr<OpResult> OpResultFromJson(const codec::Json& j);
// One change of a pull's answer: {cursor, op_id, operation, result,
// applied_at, applied}; the operation and result are kept as JSON texts.
StatusOr<Change> ChangeFromJson(const codec::Json& j);

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_PROTOCOL_H_
