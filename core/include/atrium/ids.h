// Typed identifiers. A MemberId cannot be passed where a StoreId is meant.
//
// Ids are opaque strings chosen by whoever creates the thing (the server for
// members, the operator for stores and rules, the till for receipts). The
// core checks only that an id is non-empty, at most kMaxIdLength bytes and
// made of printable ASCII, so it is safe in logs, keys and JSON.
#ifndef ATRIUM_IDS_H_
#define ATRIUM_IDS_H_

#include <string>
#include <string_view>
#include <utility>

#include "atrium/status.h"

namespace atrium {

inline constexpr size_t kMaxIdLength = 64;

// Checks the rule above; `what` names the field in the error.
Status ValidateId(std::string_view id, std::string_view what);

template <typename Tag>
class Id {
 public:
  Id() = default;
  explicit Id(std::string value) : value_(std::move(value)) {}
  const std::string& value() const { return value_; }
  bool empty() const { return value_.empty(); }
  // == and < rather than <=>: libc++ 14 (wasm) has no <=> for strings.
  bool operator==(const Id&) const = default;
  bool operator<(const Id& o) const { return value_ < o.value_; }

 private:
  std::string value_;
};

using GroupId = Id<struct GroupTag>;
using MallId = Id<struct MallTag>;
using StoreId = Id<struct StoreTag>;
using MemberId = Id<struct MemberTag>;
using TierId = Id<struct TierTag>;
using RuleId = Id<struct RuleTag>;
using ReceiptId = Id<struct ReceiptTag>;

}  // namespace atrium

#endif  // ATRIUM_IDS_H_
