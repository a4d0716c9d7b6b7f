// A guide screen on the demo mall: its directory, a store chosen, and the
// walk to it from the screen, across floors by lift or escalator.
#include "atrium/map/guide.h"

#include <gtest/gtest.h>

#include "shared_files.h"

namespace atrium {
namespace {

using testing::DemoMap;
using testing::DemoProgram;

const Mall& Xinjie(const Program& p) {
  return *p.group.FindMall(MallId("m-xinjie"));
}

TEST(GuideTest, FindsAStoreByInitialsAndWalksThereFromTheScreen) {
  const Program program = DemoProgram();
  std::optional<MallMap> map = DemoMap();
  ASSERT_TRUE(map);
  StatusOr<Guide> g = Guide::Create(Xinjie(program), *map, "kiosk-xinjie-1f");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->here().floor, "1F");
  EXPECT_EQ(g->results().size(), Xinjie(program).stores.size());

  ASSERT_TRUE(g->Search({"xbk", "", ""}).ok());
  ASSERT_FALSE(g->results().empty());
  const StoreRow& starbucks = g->results().front();
  EXPECT_EQ(starbucks.store->name, "星巴克");
  ASSERT_NE(starbucks.unit, nullptr);
  ASSERT_TRUE(g->Select(starbucks.store->id).ok());
  ASSERT_TRUE(g->route());
  EXPECT_EQ(g->route()->nodes.front()->id, g->here().id);
  EXPECT_EQ(g->route()->nodes.back()->id, starbucks.unit->node);
  const std::vector<RouteLeg> legs = g->Legs();
  ASSERT_FALSE(legs.empty());
  EXPECT_EQ(legs.front().floor, "1F");
  EXPECT_EQ(legs.back().floor, starbucks.unit->floor);
  EXPECT_EQ(legs.back().then, "");
}

TEST(GuideTest, AStoreOnAnotherFloorIsReachedByLiftOrEscalator) {
  const Program program = DemoProgram();
  std::optional<MallMap> map = DemoMap();
  ASSERT_TRUE(map);
  StatusOr<Guide> g = Guide::Create(Xinjie(program), *map, "kiosk-xinjie-1f");
  ASSERT_TRUE(g.ok());
  ASSERT_TRUE(g->Search({"", "kids", "3F"}).ok());
  ASSERT_FALSE(g->results().empty());
  const StoreRow row = g->results().front();
  ASSERT_TRUE(g->Select(row.store->id).ok());
  const std::vector<RouteLeg> legs = g->Legs();
  ASSERT_GE(legs.size(), 2u);
  EXPECT_EQ(legs.front().floor, "1F");
  EXPECT_TRUE(legs.front().then == "lift" || legs.front().then == "escalator")
      << legs.front().then;
  EXPECT_EQ(legs.back().floor, "3F");
  int64_t walked = 0;
  for (const RouteLeg& leg : legs) walked += leg.walk_decimetres;
  EXPECT_GT(walked, 0);
  EXPECT_LE(walked, g->route()->cost);  // the rides cost too
  // Floors for the picker, top down, without the car park.
  const std::vector<const MapFloor*> floors = g->Floors();
  ASSERT_EQ(floors.size(), 4u);
  EXPECT_EQ(floors.front()->id, "3F");
  EXPECT_EQ(floors.back()->id, "B1");
}

// Find my car at the B2 parking kiosk: the bay's zone, its nearest lift,
// and the walk there; from the 1F screen, down by lift first.
TEST(GuideTest, FindsAParkedCarsZoneAndTheWayThere) {
  const Program program = DemoProgram();
  std::optional<MallMap> map = DemoMap();
  ASSERT_TRUE(map);
  StatusOr<Guide> b2 = Guide::Create(Xinjie(program), *map, "kiosk-xinjie-b2");
  ASSERT_TRUE(b2.ok());
  const CarPlace place = b2->WalkToBay("B2-D-101");
  EXPECT_EQ(place.floor, "B2");
  ASSERT_NE(place.zone, nullptr);
  EXPECT_EQ(place.zone->name, "D区");
  ASSERT_NE(place.lift, nullptr);
  EXPECT_EQ(place.lift->name, "东侧电梯");
  ASSERT_TRUE(b2->route());
  EXPECT_EQ(b2->route()->nodes.back()->id, "B2-zone-D");
  ASSERT_EQ(b2->Legs().size(), 1u);  // one walk, on B2
  EXPECT_GT(b2->Legs()[0].walk_decimetres, 0);

  StatusOr<Guide> f1 = Guide::Create(Xinjie(program), *map, "kiosk-xinjie-1f");
  ASSERT_TRUE(f1.ok());
  ASSERT_TRUE(f1->Select(StoreId("s-101")).ok());
  (void)f1->WalkToBay("B2-A-017");
  EXPECT_EQ(f1->selected(), nullptr);  // the car, not the store
  ASSERT_FALSE(f1->Legs().empty());
  EXPECT_EQ(f1->Legs().front().floor, "1F");
  EXPECT_EQ(f1->Legs().back().floor, "B2");
  // A bay the plan does not know: its text, and no walk.
  const CarPlace unknown = f1->WalkToBay("P9");
  EXPECT_EQ(unknown.zone, nullptr);
  EXPECT_FALSE(f1->route());
}

TEST(GuideTest, RefusesAnotherMallsPlanOrAScreenNotOnIt) {
  const Program program = DemoProgram();
  std::optional<MallMap> map = DemoMap();
  ASSERT_TRUE(map);
  const Mall& other = *program.group.FindMall(MallId("m-binjiang"));
  EXPECT_EQ(Guide::Create(other, *map, "kiosk-xinjie-1f").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(
      Guide::Create(Xinjie(program), *map, "kiosk-nowhere").status().code(),
      StatusCode::kNotFound);
  StatusOr<Guide> g = Guide::Create(Xinjie(program), *map, "kiosk-xinjie-b2");
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->Select(StoreId("s-nowhere")).code(), StatusCode::kNotFound);
  EXPECT_EQ(g->selected(), nullptr);
  EXPECT_EQ(g->Search({std::string(65, 'x'), "", ""}).code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace atrium
