// The same batches of earn operations applied by the store natively and as
// wasm under node (SQLite's amalgamation, NODERAWFS), for the ratio:
//   ATRIUM_BENCH_DIR=/dev/shm build/release/tools/bench/portable_store_bench
//   ATRIUM_BENCH_DIR=/dev/shm node --no-experimental-fetch
//       build/wasm/tools/bench/portable_store_bench.js
// Put the database on tmpfs to compare computation, not the disk. Prints the
// median time per operation over 15 batches of 256, after 4 untimed ones.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "store_cases.h"

int main() {
  using atrium::bench::Earns;
  using Clock = std::chrono::steady_clock;
  const std::string path = atrium::bench::StoreBenchFile();
  std::unique_ptr<atrium::store::OpLog> log = atrium::bench::SeededLog(path);
  if (log == nullptr) {
    std::fputs("portable_store_bench: seeding failed\n", stderr);
    return 1;
  }
  constexpr size_t kBatch = 256;
  std::vector<double> per_op;
  int64_t seq = 1;
  for (int round = 0; round < 19; ++round) {
    const std::vector<atrium::sync::Operation> ops = Earns(seq, kBatch);
    seq += kBatch;
    const Clock::time_point start = Clock::now();
    auto r = log->ApplyBatch(ops, atrium::bench::kStoreNow);
    const std::chrono::duration<double, std::nano> d = Clock::now() - start;
    if (!r.ok() || !(*r)[0].applied) {
      std::fputs("portable_store_bench: an earn failed\n", stderr);
      return 1;
    }
    if (round >= 4) per_op.push_back(d.count() / kBatch);
  }
  std::sort(per_op.begin(), per_op.end());
  std::printf("store_earn_batch256_ns %.0f\n", per_op[per_op.size() / 2]);
  log.reset();
  atrium::bench::RemoveDb(path);
  return 0;
}
