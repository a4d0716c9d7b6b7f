#include "api/catalogue_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "atrium/codec/map_json.h"

namespace atrium::server {
namespace {

StatusOr<codec::Json> ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  StatusOr<codec::Json> j = codec::ParseJson(text.str());
  if (!j.ok()) return InvalidArgument(path + ": " + j.status().message());
  return j;
}

}  // namespace

Status LoadCatalogueFiles(const std::string& dir, ApiContext& ctx) {
  StatusOr<codec::Json> program = ReadJson(dir + "/program.json");
  if (!program.ok()) return program.status();
  ctx.program_json = std::move(*program);
  const std::string parking_path = dir + "/parking.json";
  if (std::filesystem::exists(parking_path)) {
    StatusOr<codec::Json> parking = ReadJson(parking_path);
    if (!parking.ok()) return parking.status();
    ctx.parking_json = std::move(*parking);
  }
  const std::string map_path = dir + "/map.json";
  if (!std::filesystem::exists(map_path)) return Status::Ok();
  StatusOr<codec::Json> map = ReadJson(map_path);
  if (!map.ok()) return map.status();
  StatusOr<MallMap> model = codec::MapFromJson(*map);
  if (!model.ok()) {
    return InvalidArgument(map_path + ": " + model.status().message());
  }
  ctx.map_json = std::move(*map);
  ctx.mall_map.emplace(std::move(*model));
  return Status::Ok();
}

}  // namespace atrium::server
