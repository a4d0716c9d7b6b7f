// Applying operations to the group's state: the same code on the server
// (authoritative) and on a client (optimistic).
//
// Apply is deterministic: the same state, operation and `now` give the same
// result and the same changes, which is what lets the server rebuild its
// state by applying its log again and lets a client rebase on the server's
// answer. It checks everything before it changes anything, so a rejected
// operation leaves the state as it was.
//
// Payloads (shared/formats/operation.md):
//   register      {member_id, phone, name?}            member or device
//   earn          {receipt: <receipt>}                  device (a till)
//   refund        {mall_id, receipt_id, refund_id, amount_fen}   device
//   spend_points  {member_id, points, ref, note?}      the member, or a device
// A member may act only for themselves (PermissionDenied otherwise).
#ifndef ATRIUM_SYNC_APPLY_H_
#define ATRIUM_SYNC_APPLY_H_

#include <map>
#include <optional>
#include <vector>

#include "atrium/account.h"
#include "atrium/member.h"
#include "atrium/program.h"
#include "atrium/sync/operation.h"

namespace atrium::sync {

// Members, their accounts and the programme they live under.
struct GroupState {
  explicit GroupState(Program p)
      : program(std::move(p)), directory(program.group.id) {}

  Program program;
  MemberDirectory directory;
  std::map<MemberId, MemberAccount> accounts;
  std::map<std::string, MemberId> receipt_owner;  // by Receipt::Key()
};

// What an applied operation changed, for the store to record and for the
// client to show.
struct Effects {  // NOLINT(bugprone-exception-escape): holds a nlohmann::json
  codec::Json result;                    // the answer, as the client sees it
  std::optional<MemberId> member;        // whose data changed
  std::optional<Member> registered;      // a new member
  std::vector<LedgerEntry> entries;      // new ledger entries, in order
  std::optional<ReceiptRecord> receipt;  // a receipt as it now stands
};

StatusOr<Effects> Apply(GroupState& state, const Operation& op, Timestamp now);

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_APPLY_H_
