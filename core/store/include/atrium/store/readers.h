// Readers: read-only connections to one database file, each used by one
// thread at a time and kept for the next, made as they are needed.
//
// Under WAL (the server's log, schema.h) a reader sees the last committed
// state while the writer writes, so reports and lookups neither wait for
// the writer nor hold it up. Open them after the writer has made or
// migrated the file.
//
// Contract: With(f) runs f(db) on an idle reader (or a new one) and
// returns what f returned; Unavailable if no connection could be opened.
#ifndef ATRIUM_STORE_READERS_H_
#define ATRIUM_STORE_READERS_H_

#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

#include "atrium/status.h"
#include "atrium/store/sqlite.h"

namespace atrium::store {

class Readers {
 public:
  explicit Readers(std::string path) : path_(std::move(path)) {}

  template <typename F>
  auto With(F&& f) -> StatusOr<std::invoke_result_t<F, Db&>> {
    StatusOr<std::unique_ptr<Db>> db = Take();
    if (!db.ok()) return db.status();
    auto result = f(**db);
    Give(std::move(*db));
    return result;
  }

  // Connections open now, idle or in use (for tests).
  size_t opened() const;

 private:
  StatusOr<std::unique_ptr<Db>> Take();
  void Give(std::unique_ptr<Db> db);

  std::string path_;
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<Db>> idle_;  // under mu_
  size_t opened_ = 0;                      // under mu_
};

}  // namespace atrium::store

#endif  // ATRIUM_STORE_READERS_H_
