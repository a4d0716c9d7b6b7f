// The store directory's search: names, pinyin initials and spelling,
// category and floor.
#include "atrium/map/store_directory.h"

#include <gtest/gtest.h>

namespace atrium {
namespace {

Mall Stores() {
  Mall m;
  m.id = MallId("m1");
  m.stores = {
      {StoreId("s1"), "星巴克", "Starbucks", "food_drink", "xing ba ke"},
      {StoreId("s2"), "喜茶", "HEYTEA", "food_drink", "xi cha"},
      {StoreId("s3"), "ZARA", "ZARA", "fashion", "zara"},
      {StoreId("s4"), "西西弗书店", "Sisyphe Books", "books",
       "xi xi fu shu dian"},
      {StoreId("s5"), "巴克斯", "Bakers", "food_drink", "ba ke si"},
  };
  return m;
}

std::vector<std::string> Ids(const Mall& mall, StoreQuery q,
                             const MallMap* map = nullptr) {
  StatusOr<std::vector<const Store*>> found = SearchStores(mall, map, q);
  EXPECT_TRUE(found.ok()) << found.status().ToString();
  std::vector<std::string> out;
  if (found.ok()) {
    for (const Store* s : *found) out.push_back(s->id.value());
  }
  return out;
}

using V = std::vector<std::string>;

StoreQuery Q(std::string text, std::string category = "",
             std::string floor = "") {
  return {std::move(text), std::move(category), std::move(floor)};
}

TEST(StoreDirectoryTest, FindsByNamePinyinInitialsAndSpelling) {
  const Mall m = Stores();
  EXPECT_EQ(Ids(m, Q("xbk")), V{"s1"});
  EXPECT_EQ(Ids(m, Q("XBK")), V{"s1"});     // case does not matter
  EXPECT_EQ(Ids(m, Q("xingba")), V{"s1"});  // spelled, no spaces
  EXPECT_EQ(Ids(m, Q("x")), (V{"s1", "s2", "s4"}));
  EXPECT_EQ(Ids(m, Q("xxf")), V{"s4"});
  EXPECT_EQ(Ids(m, Q("星巴")), V{"s1"});
  EXPECT_EQ(Ids(m, Q("书店")), V{"s4"});   // part of the name
  EXPECT_EQ(Ids(m, Q("books")), V{"s4"});  // part of the English name
  EXPECT_EQ(Ids(m, Q("zara")), V{"s3"});
  EXPECT_EQ(Ids(m, Q("nothing")), V{});
  EXPECT_EQ(Ids(m, Q("")).size(), 5u);
}

TEST(StoreDirectoryTest, ThoseStartingWithTheTextComeFirst) {
  const Mall m = Stores();
  // 巴克斯 starts with 巴克; 星巴克 only holds it.
  EXPECT_EQ(Ids(m, Q("巴克")), (V{"s5", "s1"}));
  // Starbucks and Sisyphe Books start with "s"; Bakers only holds one.
  EXPECT_EQ(Ids(m, Q("s")), (V{"s1", "s4", "s5"}));
}

TEST(StoreDirectoryTest, FiltersByCategoryAndFloor) {
  const Mall m = Stores();
  EXPECT_EQ(Ids(m, Q("", "food_drink")), (V{"s1", "s2", "s5"}));
  EXPECT_EQ(Ids(m, Q("x", "food_drink")), (V{"s1", "s2"}));
  MallMap::Parts p;
  p.mall = MallId("m1");
  p.floors = {{"1F",
               "一层",
               "1F",
               1,
               "retail",
               {{0, 0}, {100, 0}, {100, 100}, {0, 100}}}};
  p.nodes = {{"n", "1F", {50, 50}}};
  p.units = {{StoreId("s2"),
              "1F",
              "1F-01",
              {{0, 0}, {10, 0}, {10, 10}, {0, 10}},
              {5, 10},
              "n"}};
  StatusOr<MallMap> map = MallMap::Create(p);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(Ids(m, Q("", "", "1F"), &*map), V{"s2"});
  EXPECT_EQ(Ids(m, Q("", "", "2F"), &*map), V{});
  EXPECT_EQ(SearchStores(m, nullptr, Q("", "", "1F")).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SearchStores(m, nullptr, Q(std::string(65, 'x'))).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace atrium
