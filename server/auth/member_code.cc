#include "auth/member_code.h"

#include <charconv>

#include "auth/crypto.h"

namespace atrium::server {
namespace {

constexpr std::string_view kPrefix = "ATM1.";
constexpr size_t kMacBytes = 10;
constexpr size_t kMaxCodeLength = 128;

int64_t WindowOf(Timestamp t) {
  return t.unix_seconds() / kMemberCodeWindowSeconds;
}

}  // namespace

std::string MemberCodes::SecretFor(const MemberId& member, int64_t day) const {
  return HmacSha256(
      key_, "member-code|" + member.value() + "|" + std::to_string(day));
}

std::vector<MemberCodes::DaySecret> MemberCodes::SecretsFor(
    const MemberId& member, Timestamp now) const {
  std::vector<DaySecret> out;
  const int64_t today = now.unix_seconds() / kSecondsPerDay;
  for (int64_t day = today; day < today + kCodeSecretDays; ++day) {
    out.push_back({day, SecretFor(member, day)});
  }
  return out;
}

std::string MemberCodes::Mac(const MemberId& member, int64_t window) const {
  // Divided, not multiplied: a scanned window may be any int64.
  static_assert(kSecondsPerDay % kMemberCodeWindowSeconds == 0);
  const int64_t day = window / (kSecondsPerDay / kMemberCodeWindowSeconds);
  return Hex(Rfc2104HmacSha256(SecretFor(member, day),
                               member.value() + "." + std::to_string(window))
                 .substr(0, kMacBytes));
}

std::string MemberCodes::Text(const MemberId& member, int64_t window) const {
  return std::string(kPrefix) + member.value() + "." + std::to_string(window) +
         "." + Mac(member, window);
}

MemberCodes::Code MemberCodes::Current(const MemberId& member,
                                       Timestamp now) const {
  const int64_t w = WindowOf(now);
  return {Text(member, w),
          Timestamp::FromUnixSeconds((w + 1) * kMemberCodeWindowSeconds)};
}

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
  const Status bad = InvalidArgument("not a member code");
  if (text.size() > kMaxCodeLength || !text.starts_with(kPrefix)) return bad;
  std::string_view rest = text.substr(kPrefix.size());
  size_t d1 = rest.find('.');
  size_t d2 = rest.find('.', d1 == std::string_view::npos ? d1 : d1 + 1);
  if (d1 == std::string_view::npos || d2 == std::string_view::npos) return bad;
  MemberId member{std::string(rest.substr(0, d1))};
  std::string_view window_text = rest.substr(d1 + 1, d2 - d1 - 1);
  int64_t window = 0;
  auto [end, ec] = std::from_chars(
      window_text.data(), window_text.data() + window_text.size(), window);
  // Only the one text the member's phone makes for (member, window): "0"
  // before the window, "+", upper-case hex are other texts of the same code.
  if (ec != std::errc() || end != window_text.data() + window_text.size() ||
      !ValidateId(member.value(), "member").ok() ||
      !ConstantTimeEqual(text, Text(member, window))) {
    return bad;
  }
  const int64_t current = WindowOf(now);
  if (window != current && window != current - 1) {
    return FailedPrecondition(
        "the member code has expired: refresh it on the phone");
  }
  std::lock_guard lock(mu_);
  ATRIUM_RETURN_IF_ERROR(Remember(member, window, current));
  return member;
}

}  // namespace atrium::server
