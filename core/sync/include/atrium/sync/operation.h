// An operation: one change a client asks for (an earn at a till, a points
// spend on a phone), as it travels between client and server and as the
// server keeps it. Format and limits: shared/formats/operation.md.
//
// Every operation carries its id (the idempotency key), its origin (the
// device or member that issued it), a sequence number per origin, the
// client's local time, a type and a payload. Applying an operation twice has
// the effect of applying it once, and the second answer equals the first.
//
// Decoding checks the envelope only; the payload is checked when the
// operation is applied. The canonical encoding (keys sorted, no spaces,
// integers only) is what the server stores, so an operation reads back
// byte for byte as it was first accepted.
#ifndef ATRIUM_SYNC_OPERATION_H_
#define ATRIUM_SYNC_OPERATION_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "atrium/codec/json_reader.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium::sync {

inline constexpr int kOperationVersion = 1;
// Limits on what one operation may hold.
inline constexpr size_t kMaxOperationBytes = size_t{16} * 1024;
inline constexpr size_t kMaxOperationIdLength = 64;
inline constexpr int64_t kMaxSequence = int64_t{1} << 53;  // exact in JS

enum class OriginKind { kDevice, kMember, kOperator };

// Who issued an operation: "device:pos-01", "member:M0001" or
// "operator:alice" (the mall's console).
struct Origin {
  OriginKind kind = OriginKind::kDevice;
  std::string id;

  std::string ToString() const;
  static StatusOr<Origin> Parse(std::string_view text);
  bool operator==(const Origin&) const = default;
};

struct Operation {  // NOLINT(bugprone-exception-escape): holds a nlohmann::json
  int version = kOperationVersion;
  std::string id;
  Origin origin;
  int64_t seq = 0;        // 1, 2, 3, ... per origin
  std::string type;       // see OperationTypes()
  Timestamp client_time;  // the client's clock: informative only
  codec::Json payload;    // an object
};

// The types this version knows: those with a sender policy
// (authority.h's OperationPolicies()).
bool KnownType(std::string_view type);

// Decodes one operation from its JSON text: InvalidArgument for malformed,
// truncated or oversized input (the message names the field), OutOfRange
// for a version newer than this program's.
StatusOr<Operation> ParseOperation(std::string_view text);
// The same for JSON already parsed.
StatusOr<Operation> OperationFromJson(const codec::Json& j);
// Checks an operation made in code as decoding checks one read from JSON
// (all but the size).
Status Validate(const Operation& op);
codec::Json OperationToJson(const Operation& op);
// The canonical text: sorted keys, no whitespace, UTF-8.
std::string CanonicalJson(const Operation& op);

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_OPERATION_H_
