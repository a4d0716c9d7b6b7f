// Groups, malls and stores.
//
// One operator (a Group) may run several malls under one membership:
// members, tiers and points belong to the group; stores, campaigns and
// receipts belong to a mall. Each mall keeps its own calendar; the group's
// calendar decides group-wide days (daily caps, tier reviews, expiry).
#ifndef ATRIUM_MALL_H_
#define ATRIUM_MALL_H_

#include <string>
#include <vector>

#include "atrium/ids.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

struct Store {
  StoreId id;
  std::string name;      // 星巴克
  std::string name_en;   // Starbucks
  std::string category;  // "food_drink", "beauty", ...
  // How it is typed: toneless pinyin syllables, or a Latin name's words,
  // lowercase and space-separated ("xing ba ke", "zara"); may be empty.
  std::string pinyin;

  // The first letter of each pinyin syllable: "xbk", for search.
  std::string Initials() const;
};

struct Mall {
  MallId id;
  std::string name;
  std::string name_en;
  LocalCalendar calendar;
  std::vector<Store> stores;

  const Store* FindStore(const StoreId& id) const;
};

struct Group {
  GroupId id;
  std::string name;
  LocalCalendar calendar;
  std::vector<Mall> malls;

  const Mall* FindMall(const MallId& id) const;
  // Unique ids for malls and for stores within each mall.
  Status Validate() const;
};

}  // namespace atrium

#endif  // ATRIUM_MALL_H_
