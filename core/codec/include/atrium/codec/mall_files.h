// A mall's files (shared/demo-mall, or a mall's own folder; formats in
// shared/formats/): the one way every part reads them. atriumd, the kiosk,
// atriumctl and the benchmarks read the folder; the phone's wasm module
// decodes the same texts the server serves it.
//
// Errors name the file at fault. A file is at most codec::kMaxJsonBytes.
#ifndef ATRIUM_CODEC_MALL_FILES_H_
#define ATRIUM_CODEC_MALL_FILES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/codec/json_reader.h"
#include "atrium/map/mall_map.h"
#include "atrium/program.h"
#include "atrium/status.h"

namespace atrium::codec {

// A whole file; NotFound, or ResourceExhausted when too large.
StatusOr<std::string> ReadFile(const std::string& path);
// A JSON file, parsed.
StatusOr<Json> ReadJsonFile(const std::string& path);

// The programme in `program_json` with the car parks of `parking_json`
// (empty: none), checked whole.
StatusOr<Program> ProgramFromTexts(std::string_view program_json,
                                   std::string_view parking_json);
// The programme file at `path` (program.json) with the car parks of the
// parking.json beside it, if there is one.
StatusOr<Program> LoadProgramFile(const std::string& path);

// A mall folder, read once: program.json (required), and parking.json,
// map.json and coupons.json when present. The JSON is kept as written for
// those who serve it.
struct MallFiles {  // NOLINT(bugprone-exception-escape): holds JSON
  Json program_json;
  std::optional<Json> parking_json;
  std::optional<Json> map_json;
  Program program;  // with its car parks
  std::optional<MallMap> map;
  std::vector<std::string> coupon_names;  // for a screen's font glyphs
};
StatusOr<MallFiles> LoadMallFiles(const std::string& dir);

}  // namespace atrium::codec

#endif  // ATRIUM_CODEC_MALL_FILES_H_
