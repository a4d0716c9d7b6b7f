#include "atrium/store/readers.h"

namespace atrium::store {

StatusOr<std::unique_ptr<Db>> Readers::Take() {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Db> db = std::move(idle_.back());
      idle_.pop_back();
      return db;
    }
  }
  StatusOr<std::unique_ptr<Db>> db = Db::OpenReadOnly(path_);
  if (!db.ok()) {
    return Unavailable("cannot open a reader: " + db.status().message());
  }
  std::lock_guard lock(mu_);
  ++opened_;
  return db;
}

void Readers::Give(std::unique_ptr<Db> db) {
  std::lock_guard lock(mu_);
  idle_.push_back(std::move(db));
}

size_t Readers::opened() const {
  std::lock_guard lock(mu_);
  return opened_;
}

}  // namespace atrium::store
