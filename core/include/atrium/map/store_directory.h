// Searching a mall's stores as a directory screen does.
//
// A query's text matches a store when it is part of its Chinese or English
// name (English case-insensitively), or the start of its pinyin initials
// ("xbk" for 星巴克) or of its pinyin spelled without spaces ("xingba").
// Stores whose initials, spelling or name start with the text come before
// those that only contain it; otherwise the mall's order is kept. Category
// and floor filter; empty means any.
#ifndef ATRIUM_MAP_STORE_DIRECTORY_H_
#define ATRIUM_MAP_STORE_DIRECTORY_H_

#include <string>
#include <vector>

#include "atrium/mall.h"
#include "atrium/map/mall_map.h"

namespace atrium {

inline constexpr size_t kMaxStoreQuery = 64;  // bytes

struct StoreQuery {
  std::string text;
  std::string category;
  std::string floor;  // needs a map
};

// InvalidArgument for text longer than kMaxStoreQuery, or a floor filter
// without a map.
StatusOr<std::vector<const Store*>> SearchStores(const Mall& mall,
                                                 const MallMap* map,
                                                 const StoreQuery& query);

}  // namespace atrium

#endif  // ATRIUM_MAP_STORE_DIRECTORY_H_
