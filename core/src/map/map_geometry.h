// Exact integer geometry for floor plans (MallMap's checks): areas,
// bounding boxes, and whether two polygons' interiors overlap.
#ifndef ATRIUM_SRC_MAP_GEOMETRY_H_
#define ATRIUM_SRC_MAP_GEOMETRY_H_

#include <cstdint>
#include <vector>

#include "atrium/map/mall_map.h"

namespace atrium::map_geometry {

struct Box {
  int64_t min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  bool Contains(const Box& b) const {
    return b.min_x >= min_x && b.min_y >= min_y && b.max_x <= max_x &&
           b.max_y <= max_y;
  }
};

Box BoxOf(const std::vector<MapPoint>& polygon);
// Twice the polygon's area (the shoelace sum), never negative.
int64_t TwiceArea(const std::vector<MapPoint>& polygon);
// Whether the interiors of two simple polygons overlap; sharing an edge
// or a corner is not overlapping.
bool Overlap(const std::vector<MapPoint>& a, const std::vector<MapPoint>& b);
// The distance between two points, rounded down.
int64_t Distance(MapPoint a, MapPoint b);

}  // namespace atrium::map_geometry

#endif  // ATRIUM_SRC_MAP_GEOMETRY_H_
