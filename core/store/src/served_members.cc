// Who serves whom (op_log.h): a device is served a member once the member
// signs in there; it then pulls their changes, and their history from
// before.
#include "atrium/store/op_log.h"

namespace atrium::store {

Status OpLog::Serve(const sync::Origin& device, const MemberId& member,
                    Timestamp now) {
  if (device.kind != sync::OriginKind::kDevice) {
    return InvalidArgument("only a device is served members");
  }
  if (!state_->accounts.contains(member)) {
    return NotFound("no member " + member.value());
  }
  Transaction txn(*db_);
  ATRIUM_RETURN_IF_ERROR(txn.Begin());
  ATRIUM_RETURN_IF_ERROR(AddServed(device.ToString(), member, now));
  return txn.Commit();
}

Status OpLog::AddServed(const std::string& device, const MemberId& member,
                        Timestamp now) {
  StatusOr<Statement*> s = db_->Prepare(
      "INSERT INTO device_members(device, member_id, since) VALUES (?, ?, ?) "
      "ON CONFLICT DO NOTHING");
  if (!s.ok()) return s.status();
  (*s)->BindRef(1, device)
      .BindRef(2, member.value())
      .Bind(3, now.unix_seconds());
  return (*s)->Run();
}

Status OpLog::CheckServes(const sync::Origin& device, const MemberId& member) {
  StatusOr<Statement*> served = db_->Prepare(
      "SELECT count(*) FROM device_members WHERE device = ? AND "
      "member_id = ?");
  if (!served.ok()) return served.status();
  (*served)->Bind(1, device.ToString()).Bind(2, member.value());
  StatusOr<bool> row = (*served)->Step();
  if (!row.ok()) return row.status();
  const bool serves = *row && (*served)->Int(0) > 0;
  (*served)->Reset();
  if (!serves) {
    return PermissionDenied(device.ToString() + " does not serve " +
                            member.value());
  }
  return Status::Ok();
}

StatusOr<std::vector<Change>> OpLog::History(const sync::Origin& device,
                                             const MemberId& member,
                                             int64_t after, size_t limit) {
  ATRIUM_RETURN_IF_ERROR(CheckPage(after, limit));
  ATRIUM_RETURN_IF_ERROR(CheckServes(device, member));
  StatusOr<Statement*> s = db_->Prepare(
      "SELECT cursor, id, body, result, applied_at, outcome FROM operations "
      "WHERE subject = ?1 AND cursor > ?2 AND outcome = 'applied' "
      "ORDER BY cursor LIMIT ?3");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, member.value())
      .Bind(2, after)
      .Bind(3, static_cast<int64_t>(limit));
  std::vector<Change> out;
  ATRIUM_RETURN_IF_ERROR(ReadChanges(**s, limit, out));
  return out;
}

}  // namespace atrium::store
