// Building a MallMap: every check of the contract, then the graph's index.
#include "atrium/map/mall_map.h"

#include <algorithm>
#include <set>

#include "map_geometry.h"

namespace atrium {
namespace {

Status Bad(const std::string& what) { return InvalidArgument("map: " + what); }

Status CheckPoint(MapPoint p, const std::string& what) {
  if (p.x < 0 || p.y < 0 || p.x > kMaxMapCoordinate ||
      p.y > kMaxMapCoordinate) {
    return Bad(what + ": coordinates are 0.." +
               std::to_string(kMaxMapCoordinate) + " decimetres");
  }
  return Status::Ok();
}

Status CheckPolygon(const std::vector<MapPoint>& polygon,
                    const std::string& what) {
  if (polygon.size() < 3 || polygon.size() > kMaxPolygonPoints) {
    return Bad(what + ": a polygon has 3..64 points");
  }
  for (const MapPoint& p : polygon) ATRIUM_RETURN_IF_ERROR(CheckPoint(p, what));
  if (map_geometry::TwiceArea(polygon) == 0) {
    return Bad(what + ": the polygon has no area");
  }
  return Status::Ok();
}

// The floors by id, checked.
StatusOr<std::map<std::string, const MapFloor*>> Floors(
    const MallMap::Parts& p) {
  std::map<std::string, const MapFloor*> floors;
  std::set<int32_t> levels;
  for (const MapFloor& f : p.floors) {
    ATRIUM_RETURN_IF_ERROR(ValidateId(f.id, "map floor id"));
    if (!floors.emplace(f.id, &f).second) {
      return Bad("floor " + f.id + " repeated");
    }
    if (!levels.insert(f.level).second) {
      return Bad("two floors at level " + std::to_string(f.level));
    }
    ATRIUM_RETURN_IF_ERROR(CheckPolygon(f.outline, "floor " + f.id));
  }
  if (floors.empty()) return Bad("a map has at least one floor");
  return floors;
}

Status CheckUnits(const MallMap::Parts& p,
                  const std::map<std::string, const MapFloor*>& floors) {
  std::set<StoreId> placed;
  std::map<std::string, std::vector<const StoreUnit*>> by_floor;
  for (const StoreUnit& u : p.units) {
    const std::string what = "store " + u.store.value();
    if (!placed.insert(u.store).second) return Bad(what + " placed twice");
    const auto floor = floors.find(u.floor);
    if (floor == floors.end()) return Bad(what + ": no floor " + u.floor);
    ATRIUM_RETURN_IF_ERROR(CheckPolygon(u.polygon, what));
    const map_geometry::Box outline =
        map_geometry::BoxOf(floor->second->outline);
    if (!outline.Contains(map_geometry::BoxOf(u.polygon))) {
      return Bad(what + ": the unit lies outside its floor");
    }
    for (const StoreUnit* other : by_floor[u.floor]) {
      if (map_geometry::Overlap(u.polygon, other->polygon)) {
        return Bad(what + " overlaps store " + other->store.value());
      }
    }
    by_floor[u.floor].push_back(&u);
  }
  return Status::Ok();
}

}  // namespace

StatusOr<MallMap> MallMap::Create(Parts parts) {
  ATRIUM_RETURN_IF_ERROR(ValidateId(parts.mall.value(), "map mall id"));
  StatusOr<std::map<std::string, const MapFloor*>> floors = Floors(parts);
  if (!floors.ok()) return floors.status();
  ATRIUM_RETURN_IF_ERROR(CheckUnits(parts, *floors));
  for (const MapNode& n : parts.nodes) {
    ATRIUM_RETURN_IF_ERROR(ValidateId(n.id, "map node id"));
    if (!floors->contains(n.floor)) {
      return Bad("node " + n.id + ": no floor " + n.floor);
    }
    ATRIUM_RETURN_IF_ERROR(CheckPoint(n.at, "node " + n.id));
  }
  MallMap map(std::move(parts));
  ATRIUM_RETURN_IF_ERROR(map.Index());
  return map;
}

Status MallMap::Index() {
  for (size_t i = 0; i < p_.nodes.size(); ++i) {
    if (!node_index_.emplace(p_.nodes[i].id, i).second) {
      return Bad("node " + p_.nodes[i].id + " repeated");
    }
  }
  if (p_.nodes.empty()) return Bad("a map has at least one node");
  adjacent_.assign(p_.nodes.size(), {});
  for (MapEdge& e : p_.edges) {
    const MapNode* a = Node(e.from);
    const MapNode* b = Node(e.to);
    const std::string what = "edge " + e.from + " - " + e.to;
    if (a == nullptr || b == nullptr || a == b) {
      return Bad(what + ": joins two distinct known nodes");
    }
    if (e.kind == "walk") {
      if (a->floor != b->floor) return Bad(what + ": a walk stays on a floor");
      e.cost = map_geometry::Distance(a->at, b->at);
    } else if (e.kind == "lift" || e.kind == "escalator") {
      if (a->floor == b->floor) return Bad(what + ": joins two floors");
      if (e.cost <= 0 || e.cost > kMaxMapCoordinate) {
        return Bad(what + ": a positive cost up to 100,000 is needed");
      }
    } else {
      return Bad(what + ": kind is walk, lift or escalator");
    }
    const size_t i = node_index_.at(e.from), j = node_index_.at(e.to);
    adjacent_[i].emplace_back(j, e.cost);
    adjacent_[j].emplace_back(i, e.cost);
  }
  auto known = [&](const std::string& node, const std::string& what) {
    return Node(node) != nullptr ? Status::Ok()
                                 : Bad(what + ": no node " + node);
  };
  for (const StoreUnit& u : p_.units) {
    ATRIUM_RETURN_IF_ERROR(known(u.node, "store " + u.store.value()));
  }
  std::set<std::string> ids;
  for (const Facility& f : p_.facilities) {
    if (!ids.insert(f.id).second) return Bad("facility " + f.id + " repeated");
    ATRIUM_RETURN_IF_ERROR(known(f.node, "facility " + f.id));
  }
  for (const KioskPlace& k : p_.kiosks) {
    ATRIUM_RETURN_IF_ERROR(known(k.node, "kiosk " + k.device));
  }
  // Everything reachable from the first node.
  std::vector<bool> seen(p_.nodes.size(), false);
  std::vector<size_t> stack = {0};
  seen[0] = true;
  while (!stack.empty()) {
    const size_t i = stack.back();
    stack.pop_back();
    for (const auto& [j, cost] : adjacent_[i]) {
      if (!seen[j]) {
        seen[j] = true;
        stack.push_back(j);
      }
    }
  }
  const auto cut_off = std::find(seen.begin(), seen.end(), false);
  if (cut_off != seen.end()) {
    return Bad("node " + p_.nodes[cut_off - seen.begin()].id +
               " cannot be reached from " + p_.nodes[0].id);
  }
  return Status::Ok();
}

const MapNode* MallMap::Node(std::string_view id) const {
  const auto it = node_index_.find(id);
  return it == node_index_.end() ? nullptr : &p_.nodes[it->second];
}

const StoreUnit* MallMap::UnitOf(const StoreId& store) const {
  for (const StoreUnit& u : p_.units) {
    if (u.store == store) return &u;
  }
  return nullptr;
}

const KioskPlace* MallMap::Kiosk(std::string_view device) const {
  for (const KioskPlace& k : p_.kiosks) {
    if (k.device == device) return &k;
  }
  return nullptr;
}

}  // namespace atrium
