#include "map_geometry.h"

#include <algorithm>
#include <cmath>

namespace atrium::map_geometry {
namespace {

struct P {
  int64_t x, y;
};

int64_t Cross(P o, P a, P b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

int Sign(int64_t v) { return (v > 0) - (v < 0); }

// Segments ab and cd cross at a point inside both (not at an end, not
// along a shared line).
bool Cross(P a, P b, P c, P d) {
  return Sign(Cross(a, b, c)) * Sign(Cross(a, b, d)) < 0 &&
         Sign(Cross(c, d, a)) * Sign(Cross(c, d, b)) < 0;
}

std::vector<P> Scaled(const std::vector<MapPoint>& poly, int64_t k) {
  std::vector<P> out;
  out.reserve(poly.size());
  for (const MapPoint& m : poly) out.push_back({m.x * k, m.y * k});
  return out;
}

// Strictly inside (not on the boundary), by ray casting.
bool Inside(const std::vector<P>& poly, P q) {
  bool in = false;
  for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    const P a = poly[j], b = poly[i];
    if (Cross(a, b, q) == 0 && q.x >= std::min(a.x, b.x) &&
        q.x <= std::max(a.x, b.x) && q.y >= std::min(a.y, b.y) &&
        q.y <= std::max(a.y, b.y)) {
      return false;  // on an edge
    }
    if ((a.y > q.y) != (b.y > q.y)) {
      // Where the edge meets the ray's height, compared without division.
      const int64_t lhs = (q.x - a.x) * (b.y - a.y);
      const int64_t rhs = (b.x - a.x) * (q.y - a.y);
      if ((b.y > a.y) ? lhs < rhs : lhs > rhs) in = !in;
    }
  }
  return in;
}

// Some vertex of `a`, or the mean of its vertices, strictly inside `b`.
bool PokesInto(const std::vector<MapPoint>& a, const std::vector<MapPoint>& b) {
  const std::vector<P> sb = Scaled(b, 1);
  for (const MapPoint& m : a) {
    if (Inside(sb, {m.x, m.y})) return true;
  }
  // The mean, exactly: both scaled by the number of vertices.
  const auto n = static_cast<int64_t>(a.size());
  P mean{0, 0};
  for (const MapPoint& m : a) {
    mean.x += m.x;
    mean.y += m.y;
  }
  return Inside(Scaled(a, n), mean) && Inside(Scaled(b, n), mean);
}

}  // namespace

Box BoxOf(const std::vector<MapPoint>& polygon) {
  Box b{polygon[0].x, polygon[0].y, polygon[0].x, polygon[0].y};
  for (const MapPoint& p : polygon) {
    b.min_x = std::min<int64_t>(b.min_x, p.x);
    b.min_y = std::min<int64_t>(b.min_y, p.y);
    b.max_x = std::max<int64_t>(b.max_x, p.x);
    b.max_y = std::max<int64_t>(b.max_y, p.y);
  }
  return b;
}

int64_t TwiceArea(const std::vector<MapPoint>& polygon) {
  int64_t sum = 0;
  for (size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
    sum += int64_t{polygon[j].x} * polygon[i].y -
           int64_t{polygon[i].x} * polygon[j].y;
  }
  return sum < 0 ? -sum : sum;
}

bool Overlap(const std::vector<MapPoint>& a, const std::vector<MapPoint>& b) {
  const Box x = BoxOf(a), y = BoxOf(b);
  if (x.max_x <= y.min_x || y.max_x <= x.min_x || x.max_y <= y.min_y ||
      y.max_y <= x.min_y) {
    return false;
  }
  const std::vector<P> sa = Scaled(a, 1), sb = Scaled(b, 1);
  for (size_t i = 0, j = sa.size() - 1; i < sa.size(); j = i++) {
    for (size_t k = 0, l = sb.size() - 1; k < sb.size(); l = k++) {
      if (Cross(sa[j], sa[i], sb[l], sb[k])) return true;
    }
  }
  return PokesInto(a, b) || PokesInto(b, a);
}

int64_t Distance(MapPoint a, MapPoint b) {
  const int64_t dx = int64_t{a.x} - b.x, dy = int64_t{a.y} - b.y;
  const int64_t d2 = dx * dx + dy * dy;
  auto r = static_cast<int64_t>(std::sqrt(static_cast<double>(d2)));
  while (r * r > d2) --r;
  while ((r + 1) * (r + 1) <= d2) ++r;
  return r;
}

}  // namespace atrium::map_geometry
