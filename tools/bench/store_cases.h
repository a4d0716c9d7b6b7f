// The store benchmarks' inputs, shared by store_bench (Google Benchmark,
// native) and portable_store_bench (native and wasm): a log seeded with
// members, and earn operations from one till spread over them.
#ifndef ATRIUM_TOOLS_BENCH_STORE_CASES_H_
#define ATRIUM_TOOLS_BENCH_STORE_CASES_H_

#include <memory>
#include <string>
#include <vector>

#include "atrium/store/op_log.h"

namespace atrium::bench {

inline constexpr int kStoreMembers = 1000;
extern const Timestamp kStoreNow;

// A new database file in $ATRIUM_BENCH_DIR (default /tmp), none there yet.
std::string StoreBenchFile();
// Removes the database and its WAL files.
void RemoveDb(const std::string& path);
// A fresh log at `path` with kStoreMembers members; null if that failed.
std::unique_ptr<store::OpLog> SeededLog(const std::string& path);
// `count` earns from device:pos-01 with sequence numbers from `first_seq`.
std::vector<sync::Operation> Earns(int64_t first_seq, size_t count);

}  // namespace atrium::bench

#endif  // ATRIUM_TOOLS_BENCH_STORE_CASES_H_
