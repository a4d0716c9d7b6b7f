// Reading the files in shared/ (demo mall, golden vectors) from tests, the
// same way natively and under node.
#ifndef ATRIUM_TESTS_SHARED_FILES_H_
#define ATRIUM_TESTS_SHARED_FILES_H_

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "atrium/codec/json_reader.h"
#include "atrium/codec/map_json.h"
#include "atrium/codec/parking_json.h"
#include "atrium/codec/program_json.h"

namespace atrium::testing {

// The JSON document at `relative` below shared/; fails the test if missing
// or malformed.
inline codec::Json ReadSharedJson(const std::string& relative) {
  const std::string path = std::string(ATRIUM_SHARED_DIR) + "/" + relative;
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  StatusOr<codec::Json> j = codec::ParseJson(text.str());
  EXPECT_TRUE(j.ok()) << path << ": " << j.status().ToString();
  return j.ok() ? *j : codec::Json();
}

// The demo mall's programme (shared/demo-mall/program.json), with its car
// parks (parking.json).
inline Program DemoProgram() {
  StatusOr<Program> p =
      codec::ProgramFromJson(ReadSharedJson("demo-mall/program.json"));
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  if (!p.ok()) return Program();
  StatusOr<std::vector<CarPark>> car_parks =
      codec::CarParksFromJson(ReadSharedJson("demo-mall/parking.json"));
  EXPECT_TRUE(car_parks.ok()) << car_parks.status().ToString();
  if (car_parks.ok()) p->car_parks = std::move(*car_parks);
  EXPECT_TRUE(p->Validate().ok());
  return *p;
}

// The demo mall's floor plan (shared/demo-mall/map.json); an empty
// optional, and the test failed, if it does not load.
inline std::optional<MallMap> DemoMap() {
  StatusOr<MallMap> map =
      codec::MapFromJson(ReadSharedJson("demo-mall/map.json"));
  EXPECT_TRUE(map.ok()) << map.status().ToString();
  if (!map.ok()) return std::nullopt;
  return std::move(*map);
}

}  // namespace atrium::testing

#endif  // ATRIUM_TESTS_SHARED_FILES_H_
