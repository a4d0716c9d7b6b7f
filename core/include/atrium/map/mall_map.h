// A mall's floor plan: its floors, the unit each store occupies, its
// facilities, and the walkable graph that routes are found on.
//
// Contract:
// - Coordinates are integer decimetres on each floor's plane (x east,
//   y north); a floor has a level (B2 is -2, 1F is 1).
// - MallMap::Create validates everything before it answers: ids unique;
//   every unit on a known floor with a polygon of 3..64 points inside the
//   floor's bounds, no two units on a floor overlapping; every node on a
//   known floor; walk edges join nodes of one floor and cost their length
//   (rounded down to the decimetre); lift and escalator edges join nodes
//   of different floors at a positive cost given in decimetres of walking;
//   every unit, facility and kiosk names an existing node; and every node
//   can reach every other (no store is unreachable).
// - Route is Dijkstra over integer costs: the cheapest path, and among
//   equally cheap paths the same one every time on every platform.
#ifndef ATRIUM_MAP_MALL_MAP_H_
#define ATRIUM_MAP_MALL_MAP_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/ids.h"
#include "atrium/status.h"

namespace atrium {

struct MapPoint {
  int32_t x = 0;  // decimetres
  int32_t y = 0;
  bool operator==(const MapPoint&) const = default;
};

inline constexpr int32_t kMaxMapCoordinate = 100'000;  // 10 km
inline constexpr size_t kMaxPolygonPoints = 64;

struct MapFloor {
  std::string id;  // "1F"
  std::string name;
  std::string name_en;
  int32_t level = 0;
  std::string kind;  // "retail" or "parking"
  std::vector<MapPoint> outline;
};

struct StoreUnit {
  StoreId store;
  std::string floor;
  std::string unit;  // the unit's number, "1F-N03"
  std::vector<MapPoint> polygon;
  MapPoint door;
  std::string node;  // where the door meets the walkable graph
};

struct Facility {
  std::string id;
  std::string kind;  // lift, escalator, toilets, nursing_room, ...
  std::string floor;
  std::string node;
  std::string name;
  std::string name_en;
};

struct MapNode {
  std::string id;
  std::string floor;
  MapPoint at;
};

struct MapEdge {
  std::string from;
  std::string to;
  std::string kind;  // "walk", "lift" or "escalator"
  int64_t cost = 0;  // walk: filled in from the nodes' distance
};

// A kiosk's "you are here".
struct KioskPlace {
  std::string device;
  std::string node;
};

struct MapRoute {
  std::vector<const MapNode*> nodes;  // from the start to the end
  int64_t cost = 0;                   // decimetres of walking
  int32_t floor_changes = 0;
};

class MallMap {
 public:
  struct Parts {
    MallId mall;
    std::vector<MapFloor> floors;
    std::vector<StoreUnit> units;
    std::vector<Facility> facilities;
    std::vector<MapNode> nodes;
    std::vector<MapEdge> edges;
    std::vector<KioskPlace> kiosks;
  };
  // InvalidArgument naming the first thing wrong (see the contract).
  static StatusOr<MallMap> Create(Parts parts);

  // The cheapest walk between two nodes; NotFound for an unknown node.
  StatusOr<MapRoute> Route(std::string_view from, std::string_view to) const;
  // From a kiosk to a store's door.
  StatusOr<MapRoute> RouteToStore(std::string_view kiosk,
                                  const StoreId& store) const;

  const StoreUnit* UnitOf(const StoreId& store) const;
  const MapNode* Node(std::string_view id) const;
  const KioskPlace* Kiosk(std::string_view device) const;
  const Parts& parts() const { return p_; }

 private:
  explicit MallMap(Parts p) : p_(std::move(p)) {}
  Status Index();

  Parts p_;
  std::map<std::string, size_t, std::less<>> node_index_;
  // Adjacency: for each node, (neighbour, cost), in edge order.
  std::vector<std::vector<std::pair<size_t, int64_t>>> adjacent_;
};

}  // namespace atrium

#endif  // ATRIUM_MAP_MALL_MAP_H_
