// Durable operations per second through the operation log: earn operations
// applied in batches of 1, 16 and 256, each batch one transaction committed
// with synchronous=FULL before its results count (group commit). The file
// lives in $ATRIUM_BENCH_DIR (default /tmp): put it on the disk to measure.
//   build/release/tools/bench/store_bench
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "atrium/codec/program_json.h"
#include "atrium/store/op_log.h"

namespace atrium::bench {
namespace {

constexpr int kMembers = 1000;

Program DemoProgram() {
  std::FILE* f = std::fopen(ATRIUM_SHARED_DIR "/demo-mall/program.json", "rb");
  std::string text;
  if (f != nullptr) {
    char buf[65536];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    std::fclose(f);
  }
  return *codec::ProgramFromJson(*codec::ParseJson(text));
}

std::string BenchFile() {
  const char* dir = std::getenv("ATRIUM_BENCH_DIR");
  std::string path = std::string(dir != nullptr ? dir : "/tmp") +
                     "/atrium-store-bench-" + std::to_string(getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix);
  }
  return path;
}

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

const Timestamp kNow = *ParseIso8601("2026-04-08T08:00:00Z");

// A fresh log at `path` with kMembers members.
std::unique_ptr<store::OpLog> SeededLog(const std::string& path) {
  std::unique_ptr<store::OpLog> log =
      store::OpLog::Open(path, DemoProgram()).value();
  std::vector<sync::Operation> ops;
  for (int i = 0; i < kMembers; ++i) {
    char phone[16];
    std::snprintf(phone, sizeof phone, "138%08d", i);
    ops.push_back(Op("reg-" + std::to_string(i), "device:desk", i + 1,
                     "register",
                     {{"member_id", MemberId(i)}, {"phone", phone}}));
  }
  if (!log->ApplyBatch(ops, kNow).ok()) return nullptr;
  return log;
}

// `count` earns from one till, spread over the members.
std::vector<sync::Operation> Earns(int64_t first_seq, size_t count) {
  std::vector<sync::Operation> ops;
  for (size_t i = 0; i < count; ++i) {
    const int64_t seq = first_seq + static_cast<int64_t>(i);
    const std::string id = "R" + std::to_string(seq);
    codec::Json receipt = {
        {"id", id},
        {"mall_id", "m-xinjie"},
        {"store_id", "s-101"},
        {"member_id", MemberId(static_cast<int>(seq % kMembers))},
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

void BM_DurableEarns(benchmark::State& state) {
  const auto batch = static_cast<size_t>(state.range(0));
  const std::string path = BenchFile();
  std::unique_ptr<store::OpLog> log = SeededLog(path);
  if (log == nullptr) state.SkipWithError("seeding failed");
  int64_t seq = 1;
  for (auto _ : state) {
    state.PauseTiming();
    const std::vector<sync::Operation> ops = Earns(seq, batch);
    seq += static_cast<int64_t>(batch);
    state.ResumeTiming();
    StatusOr<std::vector<store::OpResult>> r = log->ApplyBatch(ops, kNow);
    if (!r.ok() || !(*r)[0].applied) {
      state.SkipWithError("an earn failed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(batch));
  log.reset();
  RemoveDb(path);
}
BENCHMARK(BM_DurableEarns)->Arg(1)->Arg(16)->Arg(256)->UseRealTime();

// A till pulling the 10,000 changes it made, in one page.
void BM_Pull10000(benchmark::State& state) {
  const std::string path = BenchFile();
  std::unique_ptr<store::OpLog> log = SeededLog(path);
  for (int64_t seq = 1; log != nullptr && seq <= 10'000; seq += 500) {
    if (!log->ApplyBatch(Earns(seq, 500), kNow).ok()) log = nullptr;
  }
  if (log == nullptr) state.SkipWithError("seeding failed");
  const sync::Origin till = *sync::Origin::Parse("device:pos-01");
  for (auto _ : state) {
    StatusOr<std::vector<store::Change>> changes = log->Pull(till, 0, 10'000);
    if (!changes.ok() || changes->size() != 10'000) {
      state.SkipWithError("pull failed");
      break;
    }
    benchmark::DoNotOptimize(changes);
  }
  log.reset();
  RemoveDb(path);
}
BENCHMARK(BM_Pull10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace atrium::bench

BENCHMARK_MAIN();
