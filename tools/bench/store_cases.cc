#include "store_cases.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "atrium/codec/mall_files.h"

namespace atrium::bench {
namespace {

sync::Operation Op(std::string id, const std::string& origin, int64_t seq,
                   std::string type, codec::Json payload) {
  sync::Operation op;
  op.id = std::move(id);
  op.origin = *sync::Origin::Parse(origin);
  op.seq = seq;
  op.type = std::move(type);
  op.client_time = *ParseIso8601("2026-04-08T07:00:00Z");
  op.payload = std::move(payload);
  return op;
}

std::string MemberId(int i) {
  char id[16];
  std::snprintf(id, sizeof id, "M%06d", i);
  return id;
}

}  // namespace

std::string StoreBenchFile() {
  const char* dir = std::getenv("ATRIUM_BENCH_DIR");
  std::string path = std::string(dir != nullptr ? dir : "/tmp") +
                     "/atrium-store-bench-" + std::to_string(getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix);
  }
  return path;
}

const Timestamp kStoreNow = *ParseIso8601("2026-04-08T08:00:00Z");

std::unique_ptr<store::OpLog> SeededLog(const std::string& path) {
  StatusOr<Program> program =
      codec::LoadProgramFile(ATRIUM_SHARED_DIR "/demo-mall/program.json");
  if (!program.ok()) return nullptr;
  StatusOr<std::unique_ptr<store::OpLog>> opened =
      store::OpLog::Open(path, std::move(*program));
  if (!opened.ok()) return nullptr;
  std::unique_ptr<store::OpLog> log = std::move(*opened);
  std::vector<sync::Operation> ops;
  for (int i = 0; i < kStoreMembers; ++i) {
    char phone[16];
    std::snprintf(phone, sizeof phone, "138%08d", i);
    ops.push_back(Op("reg-" + std::to_string(i), "device:desk", i + 1,
                     "register",
                     {{"member_id", MemberId(i)}, {"phone", phone}}));
  }
  if (!log->ApplyBatch(ops, kStoreNow).ok()) return nullptr;
  return log;
}

std::vector<sync::Operation> Earns(int64_t first_seq, size_t count) {
  std::vector<sync::Operation> ops;
  for (size_t i = 0; i < count; ++i) {
    const int64_t seq = first_seq + static_cast<int64_t>(i);
    const std::string id = "R" + std::to_string(seq);
    codec::Json receipt = {
        {"id", id},
        {"mall_id", "m-xinjie"},
        {"store_id", "s-101"},
        {"member_id", MemberId(static_cast<int>(seq % kStoreMembers))},
        {"at", "2026-04-08T07:00:00Z"},
        {"lines", {{{"category", "fashion"}, {"amount_fen", 12800}}}}};
    ops.push_back(
        Op("earn-" + id, "device:pos-01", seq, "earn", {{"receipt", receipt}}));
  }
  return ops;
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix);
  }
}

}  // namespace atrium::bench
