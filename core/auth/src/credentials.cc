#include "atrium/auth/credentials.h"

#include "atrium/auth/crypto.h"

namespace atrium::auth {
namespace {

constexpr std::string_view kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, mall_id TEXT NOT NULL,
  key_hash TEXT NOT NULL, store_id TEXT NOT NULL DEFAULT '') STRICT;
CREATE TABLE IF NOT EXISTS operators (
  name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL)
  STRICT;
CREATE TABLE IF NOT EXISTS revoked_tokens (
  id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) STRICT;
)sql";

constexpr std::string_view kRoles[] = {"admin", "marketing", "finance"};

}  // namespace

std::string_view RoleName(Role r) { return kRoles[static_cast<int>(r)]; }

StatusOr<Role> ParseRole(std::string_view name) {
  for (size_t i = 0; i < std::size(kRoles); ++i) {
    if (kRoles[i] == name) return static_cast<Role>(i);
  }
  return InvalidArgument("role must be admin, marketing or finance");
}

StatusOr<std::unique_ptr<Credentials>> Credentials::Open(
    const std::string& path, std::string key) {
  StatusOr<std::unique_ptr<store::Db>> db = store::Db::Open(path);
  if (!db.ok()) return db.status();
  ATRIUM_RETURN_IF_ERROR((*db)->Exec(kSchema));
  // Files from before tills had stores.
  StatusOr<store::Statement*> has_store = (*db)->Prepare(
      "SELECT count(*) FROM pragma_table_info('devices') "
      "WHERE name = 'store_id'");
  if (!has_store.ok()) return has_store.status();
  StatusOr<bool> row = (*has_store)->Step();
  if (!row.ok()) return row.status();
  const bool migrated = *row && (*has_store)->Int(0) > 0;
  (*has_store)->Reset();
  if (!migrated) {
    ATRIUM_RETURN_IF_ERROR((*db)->Exec(
        "ALTER TABLE devices ADD COLUMN store_id TEXT NOT NULL DEFAULT ''"));
  }
  std::unique_ptr<Credentials> c(
      new Credentials(std::move(*db), std::move(key)));
  ATRIUM_RETURN_IF_ERROR(c->Load());
  return c;
}

Status Credentials::Load() {
  StatusOr<store::Statement*> d =
      db_->Prepare("SELECT id, kind, mall_id, key_hash, store_id FROM devices");
  if (!d.ok()) return d.status();
  ATRIUM_RETURN_IF_ERROR((*d)->ForEach([&](store::Statement& row) {
    Device dev{std::string(row.Text(0)), std::string(row.Text(1)),
               std::string(row.Text(2)), std::string(row.Text(4))};
    devices_[dev.id] = {dev, std::string(row.Text(3))};
  }));
  StatusOr<store::Statement*> r = db_->Prepare("SELECT id FROM revoked_tokens");
  if (!r.ok()) return r.status();
  return (*r)->ForEach(
      [&](store::Statement& row) { revoked_.emplace(row.Text(0)); });
}

Status Credentials::AddDevice(const Device& d, std::string_view device_key) {
  if (device_key.size() < 16) {
    return InvalidArgument("a device key needs at least 16 characters");
  }
  std::string hash = Hex(HmacSha256(key_, device_key));
  std::lock_guard lock(mu_);
  StatusOr<store::Statement*> s = db_->Prepare(
      "INSERT OR REPLACE INTO devices (id, kind, mall_id, key_hash, "
      "store_id) VALUES (?, ?, ?, ?, ?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, d.id)
      .Bind(2, d.kind)
      .Bind(3, d.mall_id)
      .Bind(4, hash)
      .Bind(5, d.store_id);
  ATRIUM_RETURN_IF_ERROR((*s)->Run());
  devices_[d.id] = {d, hash};
  return Status::Ok();
}

Status Credentials::AddOperator(const std::string& name, Role role,
                                std::string_view password, PasswordCost cost) {
  if (password.size() < 8) {
    return InvalidArgument("a password needs at least 8 characters");
  }
  StatusOr<std::string> hash = HashPassword(password, cost);
  if (!hash.ok()) return hash.status();
  std::lock_guard lock(mu_);
  StatusOr<store::Statement*> s = db_->Prepare(
      "INSERT OR REPLACE INTO operators (name, role, password_hash) "
      "VALUES (?, ?, ?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, name).Bind(2, RoleName(role)).Bind(3, *hash);
  return (*s)->Run();
}

StatusOr<Device> Credentials::CheckDevice(const std::string& id,
                                          std::string_view device_key) const {
  std::string hash = Hex(HmacSha256(key_, device_key));
  std::lock_guard lock(mu_);
  auto it = devices_.find(id);
  if (it == devices_.end() || !ConstantTimeEqual(it->second.second, hash)) {
    return PermissionDenied("unknown device or wrong device key");
  }
  return it->second.first;
}

StatusOr<Role> Credentials::CheckOperator(const std::string& name,
                                          std::string_view password) {
  std::string role;
  std::string hash;
  {
    std::lock_guard lock(mu_);
    StatusOr<store::Statement*> s = db_->Prepare(
        "SELECT role, password_hash FROM operators WHERE name = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, name);
    StatusOr<bool> row = (*s)->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      role = (*s)->Text(0);
      hash = (*s)->Text(1);
    }
    (*s)->Reset();
  }
  // Verified outside the lock: argon2id takes tens of milliseconds.
  if (hash.empty() || !VerifyPassword(hash, password)) {
    return PermissionDenied("wrong name or password");
  }
  return ParseRole(role);
}

Status Credentials::Revoke(const std::string& token_id, Timestamp expires_at) {
  std::lock_guard lock(mu_);
  StatusOr<store::Statement*> s = db_->Prepare(
      "INSERT OR IGNORE INTO revoked_tokens (id, expires_at) VALUES (?, ?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, token_id).Bind(2, expires_at.unix_seconds());
  ATRIUM_RETURN_IF_ERROR((*s)->Run());
  revoked_.insert(token_id);
  return Status::Ok();
}

bool Credentials::IsRevoked(const std::string& token_id) const {
  std::lock_guard lock(mu_);
  return revoked_.contains(token_id);
}

StatusOr<std::unique_ptr<Credentials>> Credentials::OpenInDataFolder(
    const std::string& data_dir, std::string_view server_key) {
  return Open(data_dir + "/auth.db", HmacSha256(server_key, "devices"));
}

}  // namespace atrium::auth
