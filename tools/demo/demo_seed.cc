#include "demo_seed.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>

#include "atrium/auth/crypto.h"
#include "atrium/auth/data_folder.h"
#include "atrium/codec/mall_files.h"

namespace atrium::demo {
namespace {

using codec::Json;

// Operations applied together share one `now`: at most this far apart.
constexpr int64_t kBatchSpanSeconds = int64_t{6} * 3600;
constexpr size_t kBatchSize = 512;
constexpr int64_t kMembersPerChunk = 20'000;
constexpr int64_t kYear = int64_t{365} * 24 * 3600;

struct Timed {
  Timestamp at;
  sync::Operation op;
};

class Seeder {
 public:
  explicit Seeder(Timestamp now) : now_(now) {}

  void Add(Timestamp at, std::string origin_device, std::string type,
           Json payload) {
    AddAs(at, {sync::OriginKind::kDevice, std::move(origin_device)},
          std::move(type), std::move(payload));
  }
  void AddAs(Timestamp at, sync::Origin origin, std::string type,
             Json payload) {
    sync::Operation op;
    op.id = "seed-" + std::to_string(++n_);
    op.origin = std::move(origin);
    op.type = std::move(type);
    op.client_time = at;
    op.payload = std::move(payload);
    ops_.push_back({at, std::move(op)});
  }

  // Applies what was added since the last call, in time order, and forgets
  // it; a rejected operation is an error. Returns how many were applied.
  StatusOr<int64_t> Apply(store::OpLog& log) {
    std::stable_sort(
        ops_.begin(), ops_.end(),
        [](const Timed& a, const Timed& b) { return a.at < b.at; });
    // Sequence numbers rise in the order applied.
    for (Timed& t : ops_) t.op.seq = ++seq_[t.op.origin.id];
    size_t i = 0;
    while (i < ops_.size()) {
      size_t j = i;
      std::vector<sync::Operation> batch;
      while (j < ops_.size() && batch.size() < kBatchSize &&
             ops_[j].at.unix_seconds() - ops_[i].at.unix_seconds() <=
                 kBatchSpanSeconds) {
        batch.push_back(ops_[j].op);
        ++j;
      }
      StatusOr<std::vector<sync::OpResult>> results =
          log.ApplyBatch(batch, std::min(ops_[j - 1].at, now_));
      if (!results.ok()) return results.status();
      for (const sync::OpResult& r : *results) {
        if (!r.applied) {
          return Status(r.error.code(),
                        "seeding " + r.op_id + ": " + r.error.message());
        }
      }
      i = j;
    }
    const auto applied = static_cast<int64_t>(ops_.size());
    ops_.clear();
    return applied;
  }

 private:
  Timestamp now_;
  int64_t n_ = 0;
  std::vector<Timed> ops_;
  std::map<std::string, int64_t> seq_;  // by origin
};

// The array under `key` in the demo folder's `file`: empty when the file
// is absent (a mall without it), an error when it is not {key: [...]}.
StatusOr<Json> DemoList(const std::string& dir, const std::string& file,
                        const std::string& key) {
  const std::string path = dir + "/" + file;
  if (!std::filesystem::exists(path)) return Json::array();
  StatusOr<Json> json = codec::ReadJsonFile(path);
  if (!json.ok()) return json.status();
  const auto list = json->find(key);
  if (list == json->end() || !list->is_array()) {
    return InvalidArgument(path + ": {\"" + key + "\": [...]} expected");
  }
  return *list;
}

// The coupon templates of coupons.json, added by the demo's admin a year
// before `now`, before anyone shops.
Status AddDemoCoupons(Seeder& seeder, const std::string& dir, Timestamp now) {
  StatusOr<Json> templates = DemoList(dir, "coupons.json", "templates");
  if (!templates.ok()) return templates.status();
  const Timestamp at = now.PlusSeconds(-366 * kSecondsPerDay);
  for (const Json& t : *templates) {
    seeder.AddAs(at, {sync::OriginKind::kOperator, "admin"},
                 "add_coupon_template", {{"template", t}});
  }
  return Status::Ok();
}

// The kiosks' escrows of escrows.json, granted by the demo's admin at
// `now`, each expiring its `days` later.
Status AddDemoEscrows(Seeder& seeder, const std::string& dir, Timestamp now) {
  StatusOr<Json> escrows = DemoList(dir, "escrows.json", "escrows");
  if (!escrows.ok()) return escrows.status();
  for (Json grant : *escrows) {
    const auto days = grant.is_object() ? grant.find("days") : grant.end();
    if (days == grant.end() || !days->is_number_integer() || *days < 1 ||
        *days > 366) {
      return InvalidArgument("escrows.json: each escrow has days in [1, 366]");
    }
    grant["expires_at"] =
        FormatIso8601(now.PlusSeconds(days->get<int64_t>() * kSecondsPerDay));
    grant.erase("days");
    seeder.AddAs(now, {sync::OriginKind::kOperator, "admin"}, "grant_escrow",
                 std::move(grant));
  }
  return Status::Ok();
}

// The hand-written members and what they did (expiry runs are the
// ledger's own business and are skipped).
Status AddDemoMembers(Seeder& seeder, const std::string& dir,
                      int64_t& members) {
  StatusOr<Json> file = codec::ReadJsonFile(dir + "/members.json");
  if (!file.ok()) return file.status();
  for (const Json& m : (*file)["members"]) {
    const std::string id = m["id"];
    StatusOr<Timestamp> joined =
        ParseIso8601(m["registered_at"].get<std::string>());
    if (!joined.ok()) return joined.status();
    seeder.Add(*joined, "desk", "register",
               {{"member_id", id}, {"phone", m["phone"]}, {"name", m["name"]}});
    ++members;
    for (const Json& a : m["activity"]) {
      const std::string kind = a["op"];
      if (kind == "receipt") {
        StatusOr<Timestamp> at =
            ParseIso8601(a["receipt"]["at"].get<std::string>());
        if (!at.ok()) return at.status();
        seeder.Add(*at, "seed-pos", "earn", {{"receipt", a["receipt"]}});
        continue;
      }
      if (kind == "expire") continue;
      StatusOr<Timestamp> at = ParseIso8601(a["at"].get<std::string>());
      if (!at.ok()) return at.status();
      if (kind == "spend") {
        seeder.Add(*at, "seed-pos", "spend_points",
                   {{"member_id", id},
                    {"points", a["points"]},
                    {"ref", a["ref"]},
                    {"note", a["note"]}});
      } else if (kind == "refund") {
        seeder.Add(*at, "seed-pos", "refund",
                   {{"mall_id", a["mall_id"]},
                    {"receipt_id", a["receipt_id"]},
                    {"refund_id", a["refund_id"]},
                    {"amount_fen", a["amount_fen"]}});
      }
    }
  }
  return Status::Ok();
}

// Members "G0000001"..., phones 130xxxxxxxx, who joined a year before
// `now` and shop 2..max_visits times a year in random stores. Applied
// every kMembersPerChunk members, so that a million members never wait in
// memory at once: each member's operations are in time order, which is all
// the log needs (members do not meet).
Status AddGeneratedMembers(Seeder& seeder, store::OpLog& log,
                           GeneratedMembers g, Timestamp now,
                           SeedCounts& counts) {
  const Program& program = log.state().program;
  std::mt19937_64 rng(20261126);
  const int64_t start = now.unix_seconds() - kYear;
  std::vector<std::pair<const Mall*, const Store*>> stores;
  for (const Mall& mall : program.group.malls) {
    for (const Store& s : mall.stores) stores.emplace_back(&mall, &s);
  }
  for (int64_t i = 1; i <= g.count; ++i) {
    char id[32];
    char phone[32];
    std::snprintf(id, sizeof id, "G%07lld", static_cast<long long>(i));
    std::snprintf(phone, sizeof phone, "130%08lld", static_cast<long long>(i));
    const int64_t joined = start + static_cast<int64_t>(rng() % 86400);
    seeder.Add(Timestamp::FromUnixSeconds(joined), "desk", "register",
               {{"member_id", id}, {"phone", phone}});
    ++counts.members;
    const int visits =
        2 + static_cast<int>(
                rng() % static_cast<uint64_t>(std::max(1, g.max_visits - 1)));
    for (int v = 0; v < visits; ++v) {
      const auto& [mall, store] = stores[rng() % stores.size()];
      const int64_t at =
          joined + 3600 +
          static_cast<int64_t>(rng() % static_cast<uint64_t>(
                                           now.unix_seconds() - joined - 7200));
      const int64_t fen = 1000 + static_cast<int64_t>(rng() % 200'000);
      Json receipt = {
          {"id", std::string(id) + "-" + std::to_string(v)},
          {"mall_id", mall->id.value()},
          {"store_id", store->id.value()},
          {"member_id", id},
          {"at", FormatIso8601(Timestamp::FromUnixSeconds(at))},
          {"lines", {{{"category", store->category}, {"amount_fen", fen}}}}};
      seeder.Add(Timestamp::FromUnixSeconds(at), "seed-pos", "earn",
                 {{"receipt", receipt}});
    }
    if (i % kMembersPerChunk == 0 || i == g.count) {
      StatusOr<int64_t> applied = seeder.Apply(log);
      if (!applied.ok()) return applied.status();
      counts.operations += *applied;
    }
  }
  return Status::Ok();
}

}  // namespace

StatusOr<SeedCounts> SeedDemo(store::OpLog& log, const std::string& demo_dir,
                              GeneratedMembers generated, Timestamp now) {
  Seeder seeder(now);
  SeedCounts counts;
  ATRIUM_RETURN_IF_ERROR(AddDemoCoupons(seeder, demo_dir, now));
  ATRIUM_RETURN_IF_ERROR(AddDemoMembers(seeder, demo_dir, counts.members));
  ATRIUM_RETURN_IF_ERROR(AddDemoEscrows(seeder, demo_dir, now));
  // The seed is one bulk load: made durable once at the end.
  ATRIUM_RETURN_IF_ERROR(log.db().Exec("PRAGMA synchronous = OFF"));
  Status seeded = [&]() -> Status {
    StatusOr<int64_t> applied = seeder.Apply(log);
    if (!applied.ok()) return applied.status();
    counts.operations = *applied;
    return AddGeneratedMembers(seeder, log, generated, now, counts);
  }();
  Status restore = log.db().Exec("PRAGMA synchronous = FULL");
  ATRIUM_RETURN_IF_ERROR(seeded);
  ATRIUM_RETURN_IF_ERROR(restore);
  ATRIUM_RETURN_IF_ERROR(log.db().Exec("PRAGMA wal_checkpoint(FULL)"));
  return counts;
}

Status SeedAccess(auth::Credentials& credentials, const std::string& demo_dir,
                  auth::PasswordCost cost) {
  StatusOr<Json> file = codec::ReadJsonFile(demo_dir + "/access.json");
  if (!file.ok()) return file.status();
  for (const auto& d : (*file)["devices"]) {
    ATRIUM_RETURN_IF_ERROR(credentials.AddDevice(
        {d["id"], d["kind"], d["mall_id"], d.value("store_id", "")},
        d["key"].get<std::string>()));
  }
  for (const auto& o : (*file)["operators"]) {
    StatusOr<auth::Role> role = auth::ParseRole(o["role"].get<std::string>());
    if (!role.ok()) return role.status();
    ATRIUM_RETURN_IF_ERROR(credentials.AddOperator(
        o["name"], *role, o["password"].get<std::string>(), cost));
  }
  return Status::Ok();
}

StatusOr<SeedCounts> SeedDataFolder(const std::string& data_dir,
                                    const std::string& demo_dir,
                                    GeneratedMembers generated, Timestamp now) {
  ATRIUM_RETURN_IF_ERROR(auth::InitCrypto());
  StatusOr<std::vector<std::string>> prepared =
      auth::PrepareDataFolder(data_dir);
  if (!prepared.ok()) return prepared.status();
  const std::string log_path = data_dir + "/atrium.db";
  if (std::filesystem::exists(log_path)) {
    return FailedPrecondition(
        data_dir +
        " is already seeded (atrium.db is there): "
        "seed a new folder, or start afresh with --reset");
  }
  StatusOr<std::string> key = auth::LoadOrMakeKey(data_dir + "/server.key");
  if (!key.ok()) return key.status();
  StatusOr<Program> program =
      codec::LoadProgramFile(demo_dir + "/program.json");
  if (!program.ok()) return program.status();
  StatusOr<std::unique_ptr<store::OpLog>> log =
      store::OpLog::Open(log_path, std::move(*program));
  if (!log.ok()) return log.status();
  StatusOr<SeedCounts> seeded = SeedDemo(**log, demo_dir, generated, now);
  if (!seeded.ok()) return seeded.status();
  StatusOr<std::unique_ptr<auth::Credentials>> credentials =
      auth::Credentials::OpenInDataFolder(data_dir, *key);
  if (!credentials.ok()) return credentials.status();
  ATRIUM_RETURN_IF_ERROR(SeedAccess(**credentials, demo_dir));
  return seeded;
}

}  // namespace atrium::demo
