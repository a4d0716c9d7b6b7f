// Way-finding in a mall, as a guide shows it (an interactive screen, a
// guide robot, a parking kiosk's find my car): the store directory as
// searched and filtered, one store chosen (or a parked car's zone), and
// the walk to it from the screen ("you are here"), in legs: a walk on a
// floor, then a lift or an escalator to the next.
//
// A Guide owns copies of the mall and its floor plan; results and the
// route point into them and stay valid until the next Search or Select.
#ifndef ATRIUM_MAP_GUIDE_H_
#define ATRIUM_MAP_GUIDE_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "atrium/mall.h"
#include "atrium/map/mall_map.h"
#include "atrium/map/store_directory.h"
#include "atrium/status.h"

namespace atrium {

struct StoreRow {
  const Store* store = nullptr;
  const StoreUnit* unit = nullptr;  // null for a store not on the plan
};

struct RouteLeg {
  std::string floor;
  int64_t walk_decimetres = 0;
  std::string then;      // "lift" or "escalator" to the next leg; "" at the end
  std::string to_floor;  // the next leg's floor
};

// Where a parked car is, from the bay its gate reported ("B2-A-017": the
// floor, the zone, the bay): the zone on the plan and the lift nearest it.
struct CarPlace {
  std::string bay;
  std::string floor;
  const Facility* zone = nullptr;  // null when the plan has no such zone
  const Facility* lift = nullptr;  // the zone's nearest lift, if any
};

class Guide {
 public:
  // InvalidArgument when the plan is another mall's, NotFound when it has
  // no place for `kiosk_device`.
  static StatusOr<Guide> Create(Mall mall, MallMap map,
                                const std::string& kiosk_device);

  // The directory as `query` finds it (see store_directory.h); the
  // selection is kept only if the store is still found.
  Status Search(const StoreQuery& query);
  const std::vector<StoreRow>& results() const { return results_; }

  // Chooses a store of the mall and finds the walk to it.
  Status Select(const StoreId& store);
  void ClearSelection();
  // Find my car: the walk from here to `bay`'s zone (no store chosen). A
  // bay the plan does not know still answers its text, with no walk.
  CarPlace WalkToBay(const std::string& bay);
  const StoreRow* selected() const;
  const std::optional<MapRoute>& route() const { return route_; }
  std::vector<RouteLeg> Legs() const;

  const Mall& mall() const { return mall_; }
  const MallMap& map() const { return map_; }
  const MapNode& here() const { return *here_; }
  // The retail floors, top down, as a floor picker lists them.
  std::vector<const MapFloor*> Floors() const;

 private:
  Guide(Mall mall, MallMap map, std::string kiosk_node);

  Mall mall_;
  MallMap map_;
  std::string kiosk_node_;
  const MapNode* here_ = nullptr;
  std::map<std::pair<std::string, std::string>, const MapEdge*> edges_;
  std::vector<StoreRow> results_;
  std::optional<StoreRow> selected_;
  std::optional<MapRoute> route_;
};

}  // namespace atrium

#endif  // ATRIUM_MAP_GUIDE_H_
