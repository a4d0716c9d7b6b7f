#include "atrium/mall.h"

#include <set>

namespace atrium {

const Store* Mall::FindStore(const StoreId& id) const {
  for (const Store& s : stores) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const Mall* Group::FindMall(const MallId& id) const {
  for (const Mall& m : malls) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

Status Group::Validate() const {
  ATRIUM_RETURN_IF_ERROR(ValidateId(id.value(), "group id"));
  if (malls.empty()) return InvalidArgument("a group needs at least one mall");
  std::set<MallId> mall_ids;
  for (const Mall& m : malls) {
    ATRIUM_RETURN_IF_ERROR(ValidateId(m.id.value(), "mall id"));
    if (!mall_ids.insert(m.id).second) {
      return InvalidArgument("mall id repeated: " + m.id.value());
    }
    std::set<StoreId> store_ids;
    for (const Store& s : m.stores) {
      ATRIUM_RETURN_IF_ERROR(ValidateId(s.id.value(), "store id"));
      if (!store_ids.insert(s.id).second) {
        return InvalidArgument("store id repeated in " + m.id.value() + ": " +
                               s.id.value());
      }
    }
  }
  return Status::Ok();
}

}  // namespace atrium
