// Who may send each operation type, and within what scope: the one check
// the server makes where operations are applied, whichever door (a REST
// route or the sync push) they came through. The table is documented in
// shared/formats/operation.md ("Who may send what").
//
// Contract:
// - The policies are the registry of operation types: KnownType() is true
//   exactly for the types OperationPolicies() lists, so no type can be
//   added without saying who may send it.
// - Authorize() is OK when `sender` may send `op` now, and otherwise
//   PermissionDenied saying why and what to do; it reads the state and
//   changes nothing. A refused operation is not applied, and the log does
//   not keep it: sent again once allowed (after a scan), it is judged anew.
// - Scopes, by kind of sender:
//     member    itself only;
//     till      its own mall (and its own store, when it has one; any store
//               of its mall otherwise: a mall's unified till), and a member
//               only while present (their code scanned there lately);
//     kiosk     its own mall, a member only while present (in an open
//               session there) or, for an operation counted against its
//               own escrow, one it served before (the escrow bounds what
//               it may do offline); its own escrows;
//     gate      its own mall's car park, no member;
//     operator  any member and mall, by role (admin, marketing, finance);
//     system    the server's own work (merges, day jobs): anything.
// - Operations a sender pushes carry its own origin; those the server
//   builds for a REST caller carry the API's (`via_api`).
#ifndef ATRIUM_SYNC_AUTHORITY_H_
#define ATRIUM_SYNC_AUTHORITY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "atrium/ids.h"
#include "atrium/sync/apply.h"

namespace atrium::sync {

enum class SenderKind : uint8_t {
  kMember,
  kTill,
  kKiosk,
  kGate,
  kOperator,
  kSystem,
  // A caller who proved nothing (an API route open to anyone): no
  // operation type admits one.
  kAnonymous,
};
std::string_view SenderKindName(SenderKind k);

// Who sent an operation, as the server authenticated them.
struct Sender {
  SenderKind kind = SenderKind::kMember;
  std::string id;                // member id, device id or operator name
  MallId mall;                   // a device's mall
  std::optional<StoreId> store;  // a till's own store, if it has one
  std::string role;              // an operator's: admin, marketing, finance
  bool via_api = false;          // the server built it for a REST caller
  // Whether a member is present at this device now: scanned at a till
  // lately, signed in at a kiosk. Unset: no member is.
  std::function<bool(const MemberId&)> present;
  // A kiosk's: whether it served a member before (they signed in there),
  // for what it did offline under its escrow. Unset: it served no one.
  std::function<bool(const MemberId&)> served;

  // The origin of what this sender pushes itself.
  Origin OwnOrigin() const;
};

// The server itself, for the operations it makes on its own (payment
// confirmations, the day's jobs).
Sender SystemSender();

// One bit per SenderKind.
using SenderSet = uint8_t;
constexpr SenderSet Senders(std::initializer_list<SenderKind> kinds) {
  SenderSet s = 0;
  for (SenderKind k : kinds)
    s |= static_cast<SenderSet>(1U << static_cast<unsigned>(k));
  return s;
}

// An operator role's bit, and the roles a policy lets send.
enum class OperatorRole : uint8_t { kAdmin, kMarketing, kFinance };
using RoleSet = uint8_t;

// An operation type's entry in the registry: its name, who may send it
// and its extra rules, and the handler that applies it (apply.h's Apply
// calls it). Each type is declared by its one entry; a new type is a new
// entry and its handler (shared/formats/operation.md says where).
struct OpPolicy {
  std::string_view type;
  SenderSet senders = 0;
  RoleSet roles = 0;  // for operators
  // Extra rules of the type (which identity kinds, whose escrow, a
  // receipt's store); OK when none apply.
  Status (*check)(const GroupState&, const Operation&, const Sender&) = nullptr;
  StatusOr<Effects> (*apply)(GroupState&, const Operation&,
                             Timestamp) = nullptr;
};

// Every known type's entry.
std::span<const OpPolicy> OperationPolicies();
const OpPolicy* PolicyFor(std::string_view type);
bool Allows(const OpPolicy& p, SenderKind k);

Status Authorize(const GroupState& state, const Operation& op,
                 const Sender& sender);

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_AUTHORITY_H_
