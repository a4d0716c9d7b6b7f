#include "atrium/sync/protocol.h"

namespace atrium::sync {

codec::Json ErrorJson(const Status& s) {
  return {{"code", std::string(StatusCodeName(s.code()))},
          {"message", s.message()}};
}

StatusOr<OpResult> OpResultFromText(const std::string& op_id, bool applied,
                                    std::string_view text) {
  StatusOr<codec::Json> j = codec::ParseJson(text);
  const auto is_text = [&](const char* key) {
    return j->contains(key) && (*j)[key].is_string();
  };
  if (!j.ok() || (!applied &&
                  !(j->is_object() && is_text("code") && is_text("message")))) {
    return DataLoss("operation " + op_id + ": result unreadable");
  }
  OpResult r;
  r.op_id = op_id;
  r.applied = applied;
  if (applied) {
    r.result = std::move(*j);
  } else {
    r.error =
        Status(StatusCodeNamed(j->value("code", "")), j->value("message", ""));
  }
  return r;
}

}  // namespace atrium::sync
