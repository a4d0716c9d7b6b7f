#include "atrium/ids.h"

namespace atrium {

Status ValidateId(std::string_view id, std::string_view what) {
  if (id.empty()) return InvalidArgument(std::string(what) + " is empty");
  if (id.size() > kMaxIdLength) {
    return InvalidArgument(std::string(what) + " is longer than 64 bytes");
  }
  for (const char c : id) {
    if (c < 0x21 || c > 0x7e) {
      return InvalidArgument(std::string(what) +
                             " may hold only printable ASCII without spaces");
    }
  }
  return Status::Ok();
}

}  // namespace atrium
