#include "app/mall_files.h"

#include <fstream>
#include <sstream>

#include "atrium/codec/map_json.h"
#include "atrium/codec/program_json.h"

namespace atrium::kiosk {
namespace {

StatusOr<codec::Json> ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return codec::ParseJson(s.str());
}

}  // namespace

StatusOr<MallFiles> LoadMall(const std::string& dir) {
  StatusOr<codec::Json> program = ReadJson(dir + "/program.json");
  if (!program.ok()) return program.status();
  StatusOr<Program> p = codec::ProgramFromJson(*program);
  if (!p.ok()) return p.status();
  StatusOr<codec::Json> map = ReadJson(dir + "/map.json");
  if (!map.ok()) return map.status();
  StatusOr<MallMap> m = codec::MapFromJson(*map);
  if (!m.ok()) return m.status();
  MallFiles files{std::move(*p), std::move(*m), {}};
  if (StatusOr<codec::Json> coupons = ReadJson(dir + "/coupons.json");
      coupons.ok()) {
    for (const codec::Json& t : coupons->value("templates", codec::Json())) {
      if (t.is_object()) files.coupon_names.push_back(t.value("name", ""));
    }
  }
  return files;
}

}  // namespace atrium::kiosk
