#include "atrium/sync/protocol.h"

namespace atrium::sync {

codec::Json ErrorJson(const Status& s) {
  return {{"code", std::string(StatusCodeName(s.code()))},
          {"message", s.message()}};
}

StatusOr<OpResult> OpResultFromText(const std::string& op_id, bool applied,
                                    std::string_view text) {
  StatusOr<codec::Json> j = codec::ParseJson(text);
  if (!j.ok() || (!applied && !j->is_object())) {
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
