#include "atrium/sync/operation.h"

#include "atrium/codec/json_writer.h"
#include "atrium/sync/authority.h"

namespace atrium::sync {
namespace {

bool IdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
}

Status CheckId(std::string_view id, std::string_view what) {
  if (id.empty() || id.size() > kMaxOperationIdLength) {
    return InvalidArgument(std::string(what) + " must be 1..64 characters");
  }
  for (const char c : id) {
    if (!IdChar(c)) {
      return InvalidArgument(std::string(what) +
                             " may hold only letters, digits and - _ . :");
    }
  }
  return Status::Ok();
}

// Money and points are integers: a fraction anywhere is a client bug.
bool HasFloat(const codec::Json& j, int depth) {
  if (depth > 16) return true;  // too deep to be a real payload
  if (j.is_number_float()) return true;
  if (j.is_structured()) {
    for (const codec::Json& v : j) {
      if (HasFloat(v, depth + 1)) return true;
    }
  }
  return false;
}

}  // namespace

std::string Origin::ToString() const {
  switch (kind) {
    case OriginKind::kDevice: return "device:" + id;
    case OriginKind::kMember: return "member:" + id;
    case OriginKind::kOperator: return "operator:" + id;
  }
  return id;
}

StatusOr<Origin> Origin::Parse(std::string_view text) {
  Origin o;
  if (text.starts_with("device:")) {
    o.kind = OriginKind::kDevice;
    o.id = std::string(text.substr(7));
  } else if (text.starts_with("member:")) {
    o.kind = OriginKind::kMember;
    o.id = std::string(text.substr(7));
  } else if (text.starts_with("operator:")) {
    o.kind = OriginKind::kOperator;
    o.id = std::string(text.substr(9));
  } else {
    return InvalidArgument(
        "origin must be device:<id>, member:<id> or operator:<id>");
  }
  ATRIUM_RETURN_IF_ERROR(CheckId(o.id, "origin id"));
  return o;
}

// The types are those with a sender policy: none can be added without one.
bool KnownType(std::string_view type) { return PolicyFor(type) != nullptr; }

StatusOr<Operation> ParseOperation(std::string_view text) {
  if (text.size() > kMaxOperationBytes) {
    return InvalidArgument("an operation is at most 16 KiB of JSON");
  }
  StatusOr<codec::Json> j = codec::ParseJson(text);
  if (!j.ok()) return InvalidArgument("operation: " + j.status().message());
  return OperationFromJson(*j);
}

StatusOr<Operation> OperationFromJson(const codec::Json& j) {
  if (!j.is_object()) return InvalidArgument("operation must be an object");
  // The version first: a newer client's operation is refused as such, not
  // as whatever field it added.
  const auto v = j.find("v");
  if (v == j.end() || !v->is_number_integer()) {
    return InvalidArgument("operation.v: is required (an integer)");
  }
  if (v->get<int64_t>() != kOperationVersion) {
    return OutOfRange("operation version " + v->dump() +
                      " is not supported (this program reads version 1)");
  }
  codec::JsonReader r(j, "operation");
  Operation op;
  (void)r.Int("v", 1, 1);
  op.id = r.Str("id");
  const std::string origin = r.Str("origin");
  op.seq = r.Int("seq", 1, kMaxSequence);
  op.type = r.Str("type");
  op.client_time = r.Time("at");
  const codec::Json* payload = r.Raw("payload", true);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<Origin> o = Origin::Parse(origin);
  if (!o.ok()) return InvalidArgument("operation." + o.status().message());
  op.origin = std::move(*o);
  op.payload = *payload;
  ATRIUM_RETURN_IF_ERROR(Validate(op));
  if (CanonicalJson(op).size() > kMaxOperationBytes) {
    return InvalidArgument("an operation is at most 16 KiB of JSON");
  }
  return op;
}

Status Validate(const Operation& op) {
  if (op.version != kOperationVersion) {
    return OutOfRange("operation version " + std::to_string(op.version) +
                      " is not supported (this program reads version 1)");
  }
  ATRIUM_RETURN_IF_ERROR(CheckId(op.id, "operation.id"));
  ATRIUM_RETURN_IF_ERROR(CheckId(op.origin.id, "operation.origin id"));
  if (op.seq < 1 || op.seq > kMaxSequence) {
    return InvalidArgument("operation.seq: must be 1..2^53");
  }
  if (!KnownType(op.type)) {
    return InvalidArgument("operation.type: unknown type");
  }
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(op.client_time, "operation.at"));
  if (!op.payload.is_object()) {
    return InvalidArgument("operation.payload: must be an object");
  }
  if (HasFloat(op.payload, 0)) {
    return InvalidArgument(
        "operation.payload: numbers must be integers (fen, points), and "
        "nesting at most 16 deep");
  }
  return Status::Ok();
}

codec::Json OperationToJson(const Operation& op) {
  return {{"v", op.version},
          {"id", op.id},
          {"origin", op.origin.ToString()},
          {"seq", op.seq},
          {"type", op.type},
          {"at", FormatIso8601(op.client_time)},
          {"payload", op.payload}};
}

std::string CanonicalJson(const Operation& op) {
  // Written by hand in sorted key order, so the payload is not copied; the
  // envelope's strings are ids and a time, which need no escaping.
  std::string out;
  out.reserve(512);
  out += R"({"at":")";
  out += FormatIso8601(op.client_time);
  out += R"(","id":")";
  out += op.id;
  out += R"(","origin":")";
  out += op.origin.ToString();
  out += R"(","payload":)";
  codec::AppendCompactJson(op.payload, out);
  out += R"(,"seq":)";
  out += std::to_string(op.seq);
  out += R"(,"type":")";
  out += op.type;
  out += R"(","v":)";
  out += std::to_string(op.version);
  out += '}';
  return out;
}

}  // namespace atrium::sync
