#include "atrium/mall.h"

#include <set>

namespace atrium {
namespace {

constexpr size_t kMaxPinyin = 128;

Status ValidatePinyin(const Store& s) {
  if (s.pinyin.size() > kMaxPinyin) {
    return InvalidArgument("store " + s.id.value() +
                           ": pinyin is longer than 128 characters");
  }
  for (const char c : s.pinyin) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ')) {
      return InvalidArgument("store " + s.id.value() +
                             ": pinyin holds only a-z, 0-9 and spaces");
    }
  }
  return Status::Ok();
}

}  // namespace

std::string Store::Initials() const {
  std::string out;
  bool start = true;
  for (const char c : pinyin) {
    if (c == ' ') {
      start = true;
    } else if (start) {
      out.push_back(c);
      start = false;
    }
  }
  return out;
}

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
      ATRIUM_RETURN_IF_ERROR(ValidatePinyin(s));
      if (!store_ids.insert(s.id).second) {
        return InvalidArgument("store id repeated in " + m.id.value() + ": " +
                               s.id.value());
      }
    }
  }
  return Status::Ok();
}

}  // namespace atrium
