#include "atrium/map/guide.h"

#include <algorithm>
#include <climits>

namespace atrium {

StatusOr<Guide> Guide::Create(Mall mall, MallMap map,
                              const std::string& kiosk_device) {
  if (map.parts().mall != mall.id) {
    return InvalidArgument("the floor plan is of " + map.parts().mall.value() +
                           ", not of " + mall.id.value());
  }
  const KioskPlace* place = map.Kiosk(kiosk_device);
  if (place == nullptr) {
    return NotFound("the floor plan has no place for " + kiosk_device);
  }
  std::string node = place->node;
  Guide g(std::move(mall), std::move(map), std::move(node));
  ATRIUM_RETURN_IF_ERROR(g.Search({}));
  return g;
}

Guide::Guide(Mall mall, MallMap map, std::string kiosk_node)
    : mall_(std::move(mall)),
      map_(std::move(map)),
      kiosk_node_(std::move(kiosk_node)) {
  here_ = map_.Node(kiosk_node_);
  for (const MapEdge& e : map_.parts().edges) {
    edges_[{e.from, e.to}] = &e;
    edges_[{e.to, e.from}] = &e;
  }
}

Status Guide::Search(const StoreQuery& query) {
  StatusOr<std::vector<const Store*>> found = SearchStores(mall_, &map_, query);
  if (!found.ok()) return found.status();
  results_.clear();
  for (const Store* s : *found) results_.push_back({s, map_.UnitOf(s->id)});
  return Status::Ok();
}

Status Guide::Select(const StoreId& id) {
  const auto store = std::find_if(mall_.stores.begin(), mall_.stores.end(),
                                  [&](const Store& s) { return s.id == id; });
  if (store == mall_.stores.end()) {
    return NotFound("no store " + id.value() + " in " + mall_.id.value());
  }
  const StoreUnit* unit = map_.UnitOf(id);
  if (unit == nullptr) {
    return NotFound(store->name + " is not on the floor plan");
  }
  StatusOr<MapRoute> route = map_.Route(kiosk_node_, unit->node);
  if (!route.ok()) return route.status();
  selected_ = StoreRow{&*store, unit};
  route_ = std::move(*route);
  return Status::Ok();
}

void Guide::ClearSelection() {
  selected_.reset();
  route_.reset();
}

CarPlace Guide::WalkToBay(const std::string& bay) {
  ClearSelection();
  CarPlace place{bay, bay.substr(0, bay.find('-')), nullptr, nullptr};
  const size_t dash = bay.find('-');
  if (dash == std::string::npos) return place;
  const std::string zone_id =
      place.floor + "-zone-" +
      bay.substr(dash + 1, bay.find('-', dash + 1) - dash - 1);
  int64_t nearest = INT64_MAX;
  for (const Facility& f : map_.parts().facilities) {
    if (f.id == zone_id) place.zone = &f;
  }
  if (place.zone == nullptr) return place;
  for (const Facility& f : map_.parts().facilities) {
    if (f.kind != "lift" || f.floor != place.floor) continue;
    StatusOr<MapRoute> r = map_.Route(place.zone->node, f.node);
    if (r.ok() && r->cost < nearest) {
      nearest = r->cost;
      place.lift = &f;
    }
  }
  if (StatusOr<MapRoute> r = map_.Route(kiosk_node_, place.zone->node);
      r.ok()) {
    route_ = std::move(*r);
  }
  return place;
}

const StoreRow* Guide::selected() const {
  return selected_ ? &*selected_ : nullptr;
}

std::vector<RouteLeg> Guide::Legs() const {
  std::vector<RouteLeg> legs;
  if (!route_ || route_->nodes.empty()) return legs;
  legs.push_back({route_->nodes.front()->floor, 0, "", ""});
  for (size_t i = 1; i < route_->nodes.size(); ++i) {
    const MapNode& a = *route_->nodes[i - 1];
    const MapNode& b = *route_->nodes[i];
    const auto edge = edges_.find({a.id, b.id});
    if (edge == edges_.end()) continue;  // Route only walks edges
    if (a.floor == b.floor) {
      legs.back().walk_decimetres += edge->second->cost;
    } else {
      legs.back().then = edge->second->kind;
      legs.back().to_floor = b.floor;
      legs.push_back({b.floor, 0, "", ""});
    }
  }
  return legs;
}

std::vector<const MapFloor*> Guide::Floors() const {
  std::vector<const MapFloor*> out;
  for (const MapFloor& f : map_.parts().floors) {
    if (f.kind == "retail") out.push_back(&f);
  }
  std::sort(out.begin(), out.end(), [](const MapFloor* a, const MapFloor* b) {
    return a->level > b->level;
  });
  return out;
}

}  // namespace atrium
