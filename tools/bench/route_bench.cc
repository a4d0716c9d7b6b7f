// Google Benchmark figures for the guide kiosk's way-finding on the demo
// mall (shared/demo-mall/map.json): the cheapest walk from a kiosk to a
// store's door, and choosing a store on the guide (the walk and its legs).
//   build/release/tools/bench/route_bench
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "atrium/codec/mall_files.h"
#include "atrium/codec/map_json.h"
#include "atrium/map/guide.h"

namespace atrium::bench {
namespace {

const std::string kDemo = std::string(ATRIUM_SHARED_DIR) + "/demo-mall";

template <typename T>
T OrDie(StatusOr<T> v) {
  if (!v.ok()) {
    std::fprintf(stderr, "%s\n", v.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(*v);
}

MallMap DemoMap() {
  return OrDie(
      codec::MapFromJson(OrDie(codec::ReadJsonFile(kDemo + "/map.json"))));
}

Mall DemoMall() {
  const Program p = OrDie(codec::LoadProgramFile(kDemo + "/program.json"));
  return *p.group.FindMall(MallId("m-xinjie"));
}

// From the B2 kiosk to every store in turn: every floor, by lift.
void BM_RouteFromTheKioskToAStore(benchmark::State& state) {
  const MallMap map = DemoMap();
  std::vector<StoreId> stores;
  for (const StoreUnit& u : map.parts().units) stores.push_back(u.store);
  size_t i = 0;
  for (auto _ : state) {
    StatusOr<MapRoute> r =
        map.RouteToStore("kiosk-xinjie-b2", stores[i++ % stores.size()]);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["stores"] = static_cast<double>(stores.size());
}
BENCHMARK(BM_RouteFromTheKioskToAStore);

// A touch on a store in the guide's list: its walk from the 1F kiosk and
// the legs the screen shows.
void BM_GuideChoosesAStore(benchmark::State& state) {
  Guide guide = OrDie(Guide::Create(DemoMall(), DemoMap(), "kiosk-xinjie-1f"));
  std::vector<StoreId> stores;
  for (const StoreUnit& u : guide.map().parts().units) {
    stores.push_back(u.store);
  }
  size_t i = 0;
  for (auto _ : state) {
    Status s = guide.Select(stores[i++ % stores.size()]);
    std::vector<RouteLeg> legs = guide.Legs();
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(legs);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GuideChoosesAStore);

}  // namespace
}  // namespace atrium::bench

BENCHMARK_MAIN();
