#include "atrium/codec/map_json.h"

namespace atrium::codec {
namespace {

constexpr size_t kMaxFloors = 64;
constexpr size_t kMaxUnits = 5000;
constexpr size_t kMaxNodes = 50'000;

// [x, y], integers in range.
MapPoint ReadPoint(JsonReader& r, std::string_view key, const Json& j) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number_integer() ||
      !j[1].is_number_integer()) {
    r.Fail(key, "a point is [x, y] in whole decimetres");
    return {};
  }
  const auto x = j[0].get<int64_t>(), y = j[1].get<int64_t>();
  if (x < 0 || y < 0 || x > kMaxMapCoordinate || y > kMaxMapCoordinate) {
    r.Fail(key, "coordinates are 0..100000 decimetres");
    return {};
  }
  return {static_cast<int32_t>(x), static_cast<int32_t>(y)};
}

std::vector<MapPoint> ReadPolygon(JsonReader& r, std::string_view key) {
  const Json* j = r.Raw(key, true);
  std::vector<MapPoint> out;
  if (j == nullptr) return out;
  if (!j->is_array() || j->size() > kMaxPolygonPoints) {
    r.Fail(key, "a polygon is an array of at most 64 points");
    return out;
  }
  for (const Json& p : *j) out.push_back(ReadPoint(r, key, p));
  return out;
}

}  // namespace

StatusOr<MallMap> MapFromJson(const Json& j) {
  JsonReader r(j, "map");
  MallMap::Parts p;
  r.OptStr("_note");
  p.mall = MallId(r.Str("mall_id"));
  for (JsonReader& f : r.Objects("floors", kMaxFloors, true)) {
    MapFloor& floor = p.floors.emplace_back();
    floor.id = f.Str("id");
    floor.name = f.Str("name");
    floor.name_en = f.OptStr("name_en");
    floor.level = static_cast<int32_t>(f.Int("level", -20, 200));
    floor.kind = f.OptStr("kind", "retail");
    floor.outline = ReadPolygon(f, "outline");
    f.Finish();
  }
  for (JsonReader& s : r.Objects("stores", kMaxUnits, false)) {
    StoreUnit& u = p.units.emplace_back();
    u.store = StoreId(s.Str("store_id"));
    u.floor = s.Str("floor");
    u.unit = s.Str("unit");
    u.polygon = ReadPolygon(s, "polygon");
    if (const Json* door = s.Raw("door", true)) {
      u.door = ReadPoint(s, "door", *door);
    }
    u.node = s.Str("node");
    s.Finish();
  }
  for (JsonReader& f : r.Objects("facilities", kMaxUnits, false)) {
    p.facilities.push_back({f.Str("id"), f.Str("kind"), f.Str("floor"),
                            f.Str("node"), f.Str("name"), f.OptStr("name_en")});
    f.Finish();
  }
  for (JsonReader& n : r.Objects("nodes", kMaxNodes, true)) {
    MapNode& node = p.nodes.emplace_back();
    node.id = n.Str("id");
    node.floor = n.Str("floor");
    node.at.x = static_cast<int32_t>(n.Int("x", 0, kMaxMapCoordinate));
    node.at.y = static_cast<int32_t>(n.Int("y", 0, kMaxMapCoordinate));
    n.Finish();
  }
  for (JsonReader& e : r.Objects("edges", kMaxNodes * 4, false)) {
    MapEdge& edge = p.edges.emplace_back();
    edge.from = e.Str("from");
    edge.to = e.Str("to");
    edge.kind = e.Str("kind");
    edge.cost = e.OptInt("cost", 0, 0, kMaxMapCoordinate);
    e.Finish();
  }
  for (JsonReader& k : r.Objects("kiosks", kMaxUnits, false)) {
    p.kiosks.push_back({k.Str("device_id"), k.Str("node")});
    k.Finish();
  }
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  return MallMap::Create(std::move(p));
}

}  // namespace atrium::codec
