// libFuzzer target: the operator's files: a programme (tiers, earning
// rules, expiry), car parks with their tariffs, a floor plan.
#include <cstdint>
#include <string_view>

#include "atrium/codec/map_json.h"
#include "fuzz_shared.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace atrium;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  StatusOr<codec::Json> j = codec::ParseJson(text);
  if (!j.ok()) return 0;
  if (StatusOr<Program> p = codec::ProgramFromJson(*j); p.ok()) {
    (void)p->Validate();
  }
  (void)codec::CarParksFromJson(*j);
  (void)codec::MapFromJson(*j);
  return 0;
}
