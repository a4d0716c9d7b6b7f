// libFuzzer target: the member-code parser a till's scan meets
// (server/auth/member_code.h): any text, scanned twice (the second must
// never be taken), at a fixed time.
#include <sodium.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "auth/member_code.h"
#include "fuzz_shared.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool ready = sodium_init() >= 0;
  if (!ready) std::abort();
  atrium::server::MemberCodes codes(std::string(32, 'k'));
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (codes.Scan(text, atrium::fuzz::kNow).ok() &&
      codes.Scan(text, atrium::fuzz::kNow).ok()) {
    std::abort();  // a code taken twice
  }
  // A real code, then the input's bytes after it.
  const std::string real =
      codes.Current(atrium::MemberId("M1"), atrium::fuzz::kNow).text;
  (void)codes.Scan(real + std::string(text), atrium::fuzz::kNow);
  return 0;
}
