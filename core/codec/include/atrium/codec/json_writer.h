// Compact JSON text for a Json value: no whitespace, object keys in sorted
// order (nlohmann's objects are ordered maps), UTF-8 passed through, and
// invalid UTF-8 replaced by U+FFFD. The text equals
// `j.dump(-1, ' ', false, error_handler_t::replace)` byte for byte; it is
// written without nlohmann's per-character output adapter because every
// operation the store accepts is encoded this way.
#ifndef ATRIUM_CODEC_JSON_WRITER_H_
#define ATRIUM_CODEC_JSON_WRITER_H_

#include <string>

#include "atrium/codec/json_reader.h"

namespace atrium::codec {

// Appends the compact text of `j` to `out`.
void AppendCompactJson(const Json& j, std::string& out);

inline std::string CompactJson(const Json& j) {
  std::string out;
  AppendCompactJson(j, out);
  return out;
}

}  // namespace atrium::codec

#endif  // ATRIUM_CODEC_JSON_WRITER_H_
