#include "atrium/codec/mall_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "atrium/codec/map_json.h"
#include "atrium/codec/parking_json.h"
#include "atrium/codec/program_json.h"

namespace atrium::codec {
namespace {

Status Annotate(const Status& s, const std::string& where) {
  return s.ok() ? s : Status(s.code(), where + ": " + s.message());
}

// The programme of `program` with the car parks of `parking` (if any).
StatusOr<Program> ProgramOf(const Json& program, const Json* parking,
                            const std::string& program_name,
                            const std::string& parking_name) {
  StatusOr<Program> p = ProgramFromJson(program);
  if (!p.ok()) return Annotate(p.status(), program_name);
  if (parking == nullptr) return p;
  StatusOr<std::vector<CarPark>> car_parks = CarParksFromJson(*parking);
  if (!car_parks.ok()) return Annotate(car_parks.status(), parking_name);
  p->car_parks = std::move(*car_parks);
  // The car parks name the programme's malls and tiers.
  if (Status s = p->Validate(); !s.ok()) return Annotate(s, parking_name);
  return p;
}

StatusOr<std::optional<Json>> ReadIfThere(const std::string& path) {
  if (!std::filesystem::exists(path)) return std::optional<Json>();
  StatusOr<Json> j = ReadJsonFile(path);
  if (!j.ok()) return j.status();
  return std::optional<Json>(std::move(*j));
}

}  // namespace

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open " + path);
  std::ostringstream out;
  out << in.rdbuf();
  if (out.str().size() > kMaxJsonBytes) {
    return ResourceExhausted(path + " is larger than 8 MiB");
  }
  return out.str();
}

StatusOr<Json> ReadJsonFile(const std::string& path) {
  StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  StatusOr<Json> json = ParseJson(*text);
  if (!json.ok()) return Annotate(json.status(), path);
  return json;
}

StatusOr<Program> ProgramFromTexts(std::string_view program_json,
                                   std::string_view parking_json) {
  StatusOr<Json> program = ParseJson(program_json);
  if (!program.ok()) return Annotate(program.status(), "program");
  if (parking_json.empty()) return ProgramOf(*program, nullptr, "program", "");
  StatusOr<Json> parking = ParseJson(parking_json);
  if (!parking.ok()) return Annotate(parking.status(), "parking");
  return ProgramOf(*program, &*parking, "program", "parking");
}

StatusOr<Program> LoadProgramFile(const std::string& path) {
  StatusOr<Json> program = ReadJsonFile(path);
  if (!program.ok()) return program.status();
  const std::string parking_path =
      std::filesystem::path(path).parent_path() / "parking.json";
  StatusOr<std::optional<Json>> parking = ReadIfThere(parking_path);
  if (!parking.ok()) return parking.status();
  return ProgramOf(*program, *parking ? &**parking : nullptr, path,
                   parking_path);
}

StatusOr<MallFiles> LoadMallFiles(const std::string& dir) {
  MallFiles files;
  const std::string program_path = dir + "/program.json";
  StatusOr<Json> program = ReadJsonFile(program_path);
  if (!program.ok()) return program.status();
  files.program_json = std::move(*program);
  const std::string parking_path = dir + "/parking.json";
  StatusOr<std::optional<Json>> parking = ReadIfThere(parking_path);
  if (!parking.ok()) return parking.status();
  files.parking_json = std::move(*parking);
  StatusOr<Program> p = ProgramOf(
      files.program_json, files.parking_json ? &*files.parking_json : nullptr,
      program_path, parking_path);
  if (!p.ok()) return p.status();
  files.program = std::move(*p);

  const std::string map_path = dir + "/map.json";
  StatusOr<std::optional<Json>> map = ReadIfThere(map_path);
  if (!map.ok()) return map.status();
  if (*map) {
    StatusOr<MallMap> m = MapFromJson(**map);
    if (!m.ok()) return Annotate(m.status(), map_path);
    files.map.emplace(std::move(*m));
    files.map_json = std::move(*map);
  }
  const std::string coupons_path = dir + "/coupons.json";
  StatusOr<std::optional<Json>> coupons = ReadIfThere(coupons_path);
  if (!coupons.ok()) return coupons.status();
  if (*coupons) {
    for (const Json& t : (*coupons)->value("templates", Json())) {
      if (t.is_object()) files.coupon_names.push_back(t.value("name", ""));
    }
  }
  return files;
}

}  // namespace atrium::codec
