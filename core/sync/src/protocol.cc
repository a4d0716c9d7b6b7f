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

codec::Json OpResultToJson(const OpResult& r) {
  codec::Json j = {{"op_id", r.op_id},
                   {"applied", r.applied},
                   {"replayed", r.replayed},
                   {"cursor", r.cursor}};
  if (r.applied) {
    j["result"] = r.result;
  } else {
    j["error"] = ErrorJson(r.error);
  }
  return j;
}

StatusOr<OpResult> OpResultFromJson(const codec::Json& j) {
  codec::JsonReader r(j, "result");
  std::string op_id = r.Str("op_id");
  const bool applied = r.OptBool("applied", false);
  const bool replayed = r.OptBool("replayed", false);
  const int64_t cursor = r.OptInt("cursor", 0, 0, INT64_MAX);
  const codec::Json* body = r.Raw(applied ? "result" : "error", true);
  if (!r.ok()) return r.status();
  StatusOr<OpResult> out = OpResultFromText(op_id, applied, body->dump());
  if (!out.ok()) return InvalidArgument(out.status().message());
  out->replayed = replayed;
  out->cursor = cursor;
  return out;
}

StatusOr<Change> ChangeFromJson(const codec::Json& j) {
  codec::JsonReader r(j, "change");
  Change c;
  c.cursor = r.Int("cursor", 1, INT64_MAX);
  c.op_id = r.Str("op_id");
  c.applied_at = r.Time("applied_at");
  c.applied = r.OptBool("applied", true);
  const codec::Json* op = r.Raw("operation", true);
  const codec::Json* result = r.Raw("result", true);
  if (!r.ok()) return r.status();
  if (!op->is_object() || !result->is_object()) {
    return InvalidArgument("change: operation and result must be objects");
  }
  c.operation = op->dump();
  c.result = result->dump();
  return c;
}

}  // namespace atrium::sync
