// What the fuzz targets share: the demo programme, read once, and a fixed
// "now" (the core reads no clock).
#ifndef ATRIUM_TESTS_FUZZ_FUZZ_SHARED_H_
#define ATRIUM_TESTS_FUZZ_FUZZ_SHARED_H_

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "atrium/codec/json_reader.h"
#include "atrium/codec/parking_json.h"
#include "atrium/codec/program_json.h"

namespace atrium::fuzz {

inline const Timestamp kNow = Timestamp::FromUnixSeconds(1'795'694'400);

inline codec::Json SharedJson(const std::string& relative) {
  std::ifstream in(std::string(ATRIUM_SHARED_DIR) + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  StatusOr<codec::Json> j = codec::ParseJson(text.str());
  if (!j.ok()) std::abort();  // the seed data itself is broken
  return *j;
}

inline Program DemoProgram() {
  StatusOr<Program> p =
      codec::ProgramFromJson(SharedJson("demo-mall/program.json"));
  StatusOr<std::vector<CarPark>> car_parks =
      codec::CarParksFromJson(SharedJson("demo-mall/parking.json"));
  if (!p.ok() || !car_parks.ok()) std::abort();
  p->car_parks = std::move(*car_parks);
  return *p;
}

}  // namespace atrium::fuzz

#endif  // ATRIUM_TESTS_FUZZ_FUZZ_SHARED_H_
