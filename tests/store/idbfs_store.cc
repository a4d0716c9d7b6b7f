// The store as the H5 app keeps it in the browser: on an IDBFS mount. Built
// for wasm only and driven by idbfs_test.js.in, which mounts IDBFS over a
// fake IndexedDB in node and persists with FS.syncfs between the calls.
#include <emscripten/emscripten.h>

#include <fstream>
#include <sstream>

#include "atrium/codec/program_json.h"
#include "atrium/store/op_log.h"

namespace {

using atrium::store::OpLog;

std::unique_ptr<OpLog> OpenLog(const char* path) {
  std::ifstream in(std::string(ATRIUM_SHARED_DIR) + "/demo-mall/program.json");
  std::stringstream text;
  text << in.rdbuf();
  atrium::StatusOr<atrium::codec::Json> json =
      atrium::codec::ParseJson(text.str());
  if (!json.ok()) return nullptr;
  atrium::StatusOr<atrium::Program> program =
      atrium::codec::ProgramFromJson(*json);
  if (!program.ok()) return nullptr;
  atrium::StatusOr<std::unique_ptr<OpLog>> log =
      OpLog::Open(path, std::move(*program));
  return log.ok() ? std::move(*log) : nullptr;
}

}  // namespace

extern "C" {

// Registers member M1 and applies `n` earns for them, one commit each;
// returns how many were acknowledged, or -1.
EMSCRIPTEN_KEEPALIVE int AtriumWriteEarns(const char* path, int n) {
  std::unique_ptr<OpLog> log = OpenLog(path);
  if (log == nullptr) return -1;
  const atrium::Timestamp now = *atrium::ParseIso8601("2026-04-08T08:00:00Z");
  int acknowledged = 0;
  for (int i = 0; i <= n; ++i) {
    atrium::sync::Operation op;
    op.origin = *atrium::sync::Origin::Parse("device:pos-01");
    op.seq = i + 1;
    op.id = "device:pos-01:" + std::to_string(op.seq);
    op.client_time = now;
    if (i == 0) {
      op.type = "register";
      op.payload = {{"member_id", "M1"}, {"phone", "13800000001"}};
    } else {
      op.type = "earn";
      op.payload = {
          {"receipt",
           {{"id", "R" + std::to_string(i)},
            {"mall_id", "m-xinjie"},
            {"store_id", "s-101"},
            {"member_id", "M1"},
            {"at", "2026-04-08T07:00:00Z"},
            {"lines", {{{"category", "fashion"}, {"amount_fen", 10'000}}}}}}};
    }
    const std::vector<atrium::sync::Operation> batch = {op};
    atrium::StatusOr<std::vector<atrium::store::OpResult>> r =
        log->ApplyBatch(batch, now);
    if (!r.ok() || !(*r)[0].applied) return -1;
    acknowledged += i == 0 ? 0 : 1;
  }
  return acknowledged;
}

// Opens the store at `path` (replaying its log) and returns how many earns
// it holds; -1 if it does not open, -2 if integrity_check fails.
EMSCRIPTEN_KEEPALIVE int AtriumCountEarns(const char* path) {
  std::unique_ptr<OpLog> log = OpenLog(path);
  if (log == nullptr) return -1;
  atrium::StatusOr<atrium::store::Statement*> check =
      log->db().Prepare("PRAGMA integrity_check");
  if (!check.ok()) return -2;
  atrium::StatusOr<bool> row = (*check)->Step();
  const bool ok = row.ok() && *row && (*check)->Text(0) == "ok";
  (*check)->Reset();
  if (!ok) return -2;
  atrium::StatusOr<int64_t> earns = log->db().QueryInt(
      "SELECT count(*) FROM operations WHERE type = 'earn' AND "
      "outcome = 'applied'");
  return earns.ok() ? static_cast<int>(*earns) : -1;
}

}  // extern "C"
