// The demo mall's floor plan (shared/demo-mall/map.json) against its
// programme: every store of the main mall placed once, every one reachable
// from the kiosks, and routes that change floors by lift or escalator.
#include <gtest/gtest.h>

#include <set>

#include "atrium/codec/map_json.h"
#include "atrium/map/store_directory.h"
#include "shared_files.h"

namespace atrium {
namespace {

class DemoMapTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<MallMap> map =
        codec::MapFromJson(testing::ReadSharedJson("demo-mall/map.json"));
    ASSERT_TRUE(map.ok()) << map.status().ToString();
    map_.emplace(std::move(*map));
    mall_ = program_.group.FindMall(map_->parts().mall);
    ASSERT_NE(mall_, nullptr);
  }
  Program program_ = testing::DemoProgram();
  const Mall* mall_ = nullptr;
  std::optional<MallMap> map_;
};

TEST_F(DemoMapTest, EveryStoreOfTheMainMallIsPlacedOnce) {
  EXPECT_GE(mall_->stores.size(), 60u);
  std::set<int32_t> retail_levels;
  for (const MapFloor& f : map_->parts().floors) {
    if (f.kind == "retail") retail_levels.insert(f.level);
  }
  EXPECT_EQ(retail_levels.size(), 4u);
  for (const Store& s : mall_->stores) {
    EXPECT_NE(map_->UnitOf(s.id), nullptr) << s.id.value();
    EXPECT_FALSE(s.pinyin.empty()) << s.id.value();
  }
  EXPECT_EQ(map_->parts().units.size(), mall_->stores.size());
}

TEST_F(DemoMapTest, EveryStoreIsReachableFromBothKiosks) {
  for (const std::string kiosk : {"kiosk-xinjie-1f", "kiosk-xinjie-b2"}) {
    for (const Store& s : mall_->stores) {
      StatusOr<MapRoute> r = map_->RouteToStore(kiosk, s.id);
      ASSERT_TRUE(r.ok()) << kiosk << " " << s.id.value();
      EXPECT_EQ(r->nodes.back()->id, map_->UnitOf(s.id)->node);
    }
  }
  // From the car park (B2) to the cinema (3F): five floors up, by lift,
  // since the escalators start at B1.
  StatusOr<MapRoute> cinema =
      map_->RouteToStore("kiosk-xinjie-b2", StoreId("s-118"));
  ASSERT_TRUE(cinema.ok());
  EXPECT_EQ(cinema->nodes.front()->floor, "B2");
  EXPECT_EQ(cinema->nodes.back()->floor, "3F");
  EXPECT_GE(cinema->floor_changes, 4);
}

TEST_F(DemoMapTest, TheDirectoryFindsStoresByInitialsAndFloor) {
  StatusOr<std::vector<const Store*>> found =
      SearchStores(*mall_, &*map_, {"xbk", "", ""});
  ASSERT_TRUE(found.ok());
  ASSERT_FALSE(found->empty());
  EXPECT_EQ((*found)[0]->name, "星巴克");
  found = SearchStores(*mall_, &*map_, {"", "kids", "3F"});
  ASSERT_TRUE(found.ok());
  EXPECT_GE(found->size(), 4u);
  for (const Store* s : *found) EXPECT_EQ(map_->UnitOf(s->id)->floor, "3F");
}

}  // namespace
}  // namespace atrium
