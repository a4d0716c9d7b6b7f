// Routes over a MallMap's walkable graph: Dijkstra with integer costs.
// Ties go to the lower node index, so a route is the same on every
// platform and every run.
#include <algorithm>
#include <functional>
#include <limits>
#include <queue>

#include "atrium/map/mall_map.h"

namespace atrium {

StatusOr<MapRoute> MallMap::Route(std::string_view from,
                                  std::string_view to) const {
  const auto a = node_index_.find(from);
  const auto b = node_index_.find(to);
  if (a == node_index_.end() || b == node_index_.end()) {
    return NotFound("no such place on the map");
  }
  constexpr int64_t kFar = std::numeric_limits<int64_t>::max();
  constexpr size_t kNone = std::numeric_limits<size_t>::max();
  std::vector<int64_t> cost(p_.nodes.size(), kFar);
  std::vector<size_t> previous(p_.nodes.size(), kNone);
  using Item = std::pair<int64_t, size_t>;  // cost, node
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  cost[a->second] = 0;
  queue.emplace(0, a->second);
  while (!queue.empty()) {
    const auto [c, i] = queue.top();
    queue.pop();
    if (c != cost[i]) continue;  // a stale entry
    if (i == b->second) break;
    for (const auto& [j, step] : adjacent_[i]) {
      const int64_t next = c + step;
      if (next < cost[j] || (next == cost[j] && i < previous[j])) {
        cost[j] = next;
        previous[j] = i;
        queue.emplace(next, j);
      }
    }
  }
  MapRoute route;
  route.cost = cost[b->second];  // Create checked that all are reachable
  for (size_t i = b->second; i != kNone; i = previous[i]) {
    route.nodes.push_back(&p_.nodes[i]);
  }
  std::reverse(route.nodes.begin(), route.nodes.end());
  for (size_t k = 1; k < route.nodes.size(); ++k) {
    if (route.nodes[k]->floor != route.nodes[k - 1]->floor) {
      ++route.floor_changes;
    }
  }
  return route;
}

StatusOr<MapRoute> MallMap::RouteToStore(std::string_view kiosk,
                                         const StoreId& store) const {
  const KioskPlace* here = Kiosk(kiosk);
  if (here == nullptr) return NotFound("this kiosk is not on the map");
  const StoreUnit* unit = UnitOf(store);
  if (unit == nullptr) return NotFound("the store is not on the map");
  return Route(here->node, unit->node);
}

}  // namespace atrium
