// Floor plans: what a map must satisfy, and the routes found on it.
#include "atrium/map/mall_map.h"

#include <gtest/gtest.h>

namespace atrium {
namespace {

std::vector<MapPoint> Rect(int32_t x0, int32_t y0, int32_t x1, int32_t y1) {
  return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

// Two floors, each a corridor a-b-c of 10 m steps; a lift at the west end
// (cost 300) and an escalator in the middle (cost 150); two stores on 1F.
MallMap::Parts TwoFloors() {
  MallMap::Parts p;
  p.mall = MallId("m1");
  p.floors = {{"1F", "一层", "1F", 1, "retail", Rect(0, 0, 1000, 600)},
              {"2F", "二层", "2F", 2, "retail", Rect(0, 0, 1000, 600)}};
  for (const std::string f : {"1F", "2F"}) {
    p.nodes.push_back({f + "-a", f, {100, 300}});
    p.nodes.push_back({f + "-b", f, {200, 300}});
    p.nodes.push_back({f + "-c", f, {300, 300}});
    p.edges.push_back({f + "-a", f + "-b", "walk", 0});
    p.edges.push_back({f + "-b", f + "-c", "walk", 0});
  }
  p.edges.push_back({"1F-a", "2F-a", "lift", 300});
  p.edges.push_back({"1F-b", "2F-b", "escalator", 150});
  p.units = {{StoreId("s1"),
              "1F",
              "1F-01",
              Rect(50, 320, 250, 500),
              {150, 320},
              "1F-a"},
             {StoreId("s2"),
              "1F",
              "1F-02",
              Rect(250, 320, 450, 500),
              {350, 320},
              "1F-c"}};
  p.facilities = {{"lift", "lift", "1F", "1F-a", "电梯", "Lift"}};
  p.kiosks = {{"kiosk-1", "2F-c"}};
  return p;
}

TEST(MallMapTest, RoutesAreTheCheapestWalkAcrossFloors) {
  StatusOr<MallMap> map = MallMap::Create(TwoFloors());
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  // Walk edges cost their length: 10 m each.
  StatusOr<MapRoute> flat = map->Route("1F-a", "1F-c");
  ASSERT_TRUE(flat.ok());
  EXPECT_EQ(flat->cost, 200);
  EXPECT_EQ(flat->floor_changes, 0);
  ASSERT_EQ(flat->nodes.size(), 3u);
  EXPECT_EQ(flat->nodes[1]->id, "1F-b");
  // 2F-c to 1F-a: by the escalator (100 + 150 + 100 = 350), not the lift
  // (200 + 300 = 500).
  StatusOr<MapRoute> down = map->RouteToStore("kiosk-1", StoreId("s1"));
  ASSERT_TRUE(down.ok()) << down.status().ToString();
  EXPECT_EQ(down->cost, 350);
  EXPECT_EQ(down->floor_changes, 1);
  std::vector<std::string> ids;
  for (const MapNode* n : down->nodes) ids.push_back(n->id);
  EXPECT_EQ(ids, (std::vector<std::string>{"2F-c", "2F-b", "1F-b", "1F-a"}));
  // The same place: no steps.
  EXPECT_EQ(map->Route("1F-b", "1F-b")->cost, 0);
  EXPECT_EQ(map->Route("1F-b", "nowhere").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(map->RouteToStore("kiosk-9", StoreId("s1")).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(map->RouteToStore("kiosk-1", StoreId("s9")).status().code(),
            StatusCode::kNotFound);
}

TEST(MallMapTest, DistancesRoundDown) {
  MallMap::Parts p = TwoFloors();
  p.nodes[1].at = {103, 304};  // 1F-b: 5 from 1F-a (3-4-5)
  StatusOr<MallMap> map = MallMap::Create(p);
  ASSERT_TRUE(map.ok());
  EXPECT_EQ(map->Route("1F-a", "1F-b")->cost, 5);
  // sqrt(197^2 + 4^2) = 197.04...
  EXPECT_EQ(map->Route("1F-b", "1F-c")->cost, 197);
}

struct BadMap {
  const char* what;
  void (*spoil)(MallMap::Parts&);
};

TEST(MallMapTest, RefusesMapsThatBreakTheContract) {
  const BadMap cases[] = {
      {"units overlap",
       [](MallMap::Parts& p) {
         p.units[1].polygon = Rect(200, 400, 400, 550);
       }},
      {"a unit inside another",
       [](MallMap::Parts& p) {
         p.units[1].polygon = Rect(100, 350, 200, 450);
       }},
      {"the same unit twice",
       [](MallMap::Parts& p) { p.units[1].polygon = p.units[0].polygon; }},
      {"a unit outside its floor",
       [](MallMap::Parts& p) {
         p.units[0].polygon = Rect(900, 500, 1100, 700);
       }},
      {"a flat polygon",
       [](MallMap::Parts& p) {
         p.units[0].polygon = {{0, 0}, {10, 0}, {20, 0}};
       }},
      {"a store placed twice",
       [](MallMap::Parts& p) { p.units[1].store = StoreId("s1"); }},
      {"an unknown floor", [](MallMap::Parts& p) { p.units[0].floor = "9F"; }},
      {"a door on no node", [](MallMap::Parts& p) { p.units[0].node = "x"; }},
      {"a walk between floors",
       [](MallMap::Parts& p) { p.edges[0].to = "2F-b"; }},
      {"a lift on one floor",
       [](MallMap::Parts& p) { p.edges[4].to = "1F-b"; }},
      {"a lift without a cost", [](MallMap::Parts& p) { p.edges[4].cost = 0; }},
      {"an unknown edge kind",
       [](MallMap::Parts& p) { p.edges[0].kind = "teleport"; }},
      {"an edge to nowhere", [](MallMap::Parts& p) { p.edges[0].to = "x"; }},
      {"a node no one reaches",
       [](MallMap::Parts& p) {
         p.nodes.push_back({"1F-z", "1F", {9, 9}});
       }},
      {"two floors cut apart", [](MallMap::Parts& p) { p.edges.resize(4); }},
      {"a repeated node",
       [](MallMap::Parts& p) { p.nodes.push_back(p.nodes[0]); }},
      {"two floors on one level",
       [](MallMap::Parts& p) { p.floors[1].level = 1; }},
      {"a facility on no node",
       [](MallMap::Parts& p) { p.facilities[0].node = "x"; }},
      {"a kiosk on no node", [](MallMap::Parts& p) { p.kiosks[0].node = "x"; }},
      {"no floors", [](MallMap::Parts& p) { p.floors.clear(); }},
  };
  for (const BadMap& c : cases) {
    MallMap::Parts p = TwoFloors();
    c.spoil(p);
    StatusOr<MallMap> map = MallMap::Create(std::move(p));
    EXPECT_EQ(map.status().code(), StatusCode::kInvalidArgument) << c.what;
  }
  // Units sharing a wall are fine (the fixture's two touch at x = 250).
  EXPECT_TRUE(MallMap::Create(TwoFloors()).ok());
}

}  // namespace
}  // namespace atrium
