#include "auth/member_code.h"

namespace atrium::server {

Status MemberCodes::Persist(const std::string& path) {
  StatusOr<std::unique_ptr<store::Db>> db = store::Db::Open(path);
  if (!db.ok()) return db.status();
  // A lost scan on power loss costs at most one more scan of a code that
  // is stale within a minute: the OS's cache is durable enough.
  ATRIUM_RETURN_IF_ERROR((*db)->Exec(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
      "CREATE TABLE IF NOT EXISTS scanned (member_id TEXT NOT NULL, "
      "window INTEGER NOT NULL, PRIMARY KEY (window, member_id)) STRICT;"));
  StatusOr<store::Statement*> rows =
      (*db)->Prepare("SELECT window, member_id FROM scanned");
  if (!rows.ok()) return rows.status();
  std::lock_guard lock(mu_);
  ATRIUM_RETURN_IF_ERROR((*rows)->ForEach([&](store::Statement& row) {
    scanned_[row.Int(0)].emplace(row.Text(1));
  }));
  db_ = std::move(*db);
  return Status::Ok();
}

Status MemberCodes::Remember(const MemberId& member, int64_t window,
                             int64_t current) {
  scanned_.erase(scanned_.begin(), scanned_.lower_bound(current - 1));
  if (!scanned_[window].emplace(member.value()).second) {
    return FailedPrecondition(
        "the member code was already scanned: show the new one on the phone");
  }
  if (db_ == nullptr) return Status::Ok();
  if (pruned_before_ < current - 1) {
    StatusOr<store::Statement*> prune =
        db_->Prepare("DELETE FROM scanned WHERE window < ?");
    if (!prune.ok()) return prune.status();
    (*prune)->Bind(1, current - 1);
    ATRIUM_RETURN_IF_ERROR((*prune)->Run());
    pruned_before_ = current - 1;
  }
  StatusOr<store::Statement*> insert = db_->Prepare(
      "INSERT OR IGNORE INTO scanned (member_id, window) VALUES (?, ?)");
  if (!insert.ok()) return insert.status();
  (*insert)->Bind(1, member.value()).Bind(2, window);
  Status stored = (*insert)->Run();
  if (!stored.ok()) {
    scanned_[window].erase(member.value());  // not taken: may scan again
    return Unavailable("the scan could not be recorded: try again");
  }
  return Status::Ok();
}

StatusOr<MemberId> MemberCodes::Scan(std::string_view text, Timestamp now) {
  StatusOr<auth::MemberCodeSigner::Named> named = signer_.Check(text);
  if (!named.ok()) return named.status();
  const int64_t current = auth::MemberCodeWindow(now);
  if (named->window != current && named->window != current - 1) {
    return FailedPrecondition(
        "the member code has expired: refresh it on the phone");
  }
  std::lock_guard lock(mu_);
  ATRIUM_RETURN_IF_ERROR(Remember(named->member, named->window, current));
  return std::move(named->member);
}

}  // namespace atrium::server
