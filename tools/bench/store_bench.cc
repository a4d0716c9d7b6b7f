// Durable operations per second through the operation log: earn operations
// applied in batches of 1, 16 and 256, each batch one transaction committed
// with synchronous=FULL before its results count (group commit). The file
// lives in $ATRIUM_BENCH_DIR (default /tmp): put it on the disk to measure.
//   build/release/tools/bench/store_bench
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "store_cases.h"

namespace atrium::bench {
namespace {

void BM_DurableEarns(benchmark::State& state) {
  const auto batch = static_cast<size_t>(state.range(0));
  const std::string path = StoreBenchFile();
  std::unique_ptr<store::OpLog> log = SeededLog(path);
  if (log == nullptr) state.SkipWithError("seeding failed");
  int64_t seq = 1;
  std::vector<sync::Operation> ops;
  for (auto _ : state) {
    state.PauseTiming();
    ops = Earns(seq, batch);  // the last batch is freed while paused
    seq += static_cast<int64_t>(batch);
    state.ResumeTiming();
    StatusOr<std::vector<store::OpResult>> r = log->ApplyBatch(ops, kStoreNow);
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
  const std::string path = StoreBenchFile();
  std::unique_ptr<store::OpLog> log = SeededLog(path);
  for (int64_t seq = 1; log != nullptr && seq <= 10'000; seq += 500) {
    if (!log->ApplyBatch(Earns(seq, 500), kStoreNow).ok()) log = nullptr;
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
