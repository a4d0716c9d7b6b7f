// Credentials: who may call the server besides members — devices (tills,
// kiosks) with keys, operators with passwords and roles — and the ids of
// revoked session tokens. Kept in the server's own SQLite file; keys are
// stored as keyed hashes and passwords as argon2id hashes, never in clear.
// Thread-safe.
#ifndef ATRIUM_AUTH_CREDENTIALS_H_
#define ATRIUM_AUTH_CREDENTIALS_H_

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "atrium/auth/crypto.h"
#include "atrium/store/sqlite.h"
#include "atrium/time.h"

namespace atrium::auth {

struct Device {
  std::string id;    // "pos-101", "kiosk-1f"
  std::string kind;  // "pos", "kiosk" or "gate" (a car park's barrier)
  std::string mall_id;
  // A tenant's till serves its own store; empty: every store of the mall
  // (a unified till, a kiosk, a gate).
  std::string store_id;
};

enum class Role { kAdmin, kMarketing, kFinance };
std::string_view RoleName(Role r);
StatusOr<Role> ParseRole(std::string_view name);

class Credentials {
 public:
  // Opens (creating) the file; `key` is the server's secret for key hashes.
  static StatusOr<std::unique_ptr<Credentials>> Open(const std::string& path,
                                                     std::string key);
  // auth.db in a server's data folder (data_folder.h), its hashes keyed
  // from the folder's key: what atriumd and the demo's seeding both open.
  static StatusOr<std::unique_ptr<Credentials>> OpenInDataFolder(
      const std::string& data_dir, std::string_view server_key);

  Status AddDevice(const Device& d, std::string_view device_key);
  Status AddOperator(const std::string& name, Role role,
                     std::string_view password,
                     PasswordCost cost = PasswordCost::kInteractive);
  // The device whose id and key these are; PermissionDenied otherwise.
  StatusOr<Device> CheckDevice(const std::string& id,
                               std::string_view device_key) const;
  // The operator's role if the password is right; PermissionDenied
  // otherwise (the same answer for an unknown name).
  StatusOr<Role> CheckOperator(const std::string& name,
                               std::string_view password);

  Status Revoke(const std::string& token_id, Timestamp expires_at);
  bool IsRevoked(const std::string& token_id) const;

 private:
  Credentials(std::unique_ptr<store::Db> db, std::string key)
      : db_(std::move(db)), key_(std::move(key)) {}
  Status Load();

  std::unique_ptr<store::Db> db_;
  std::string key_;
  mutable std::mutex mu_;
  std::map<std::string, std::pair<Device, std::string>> devices_;  // key hash
  std::set<std::string> revoked_;
};

}  // namespace atrium::auth

#endif  // ATRIUM_AUTH_CREDENTIALS_H_
