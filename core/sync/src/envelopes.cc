#include "atrium/sync/envelopes.h"

namespace atrium::sync {

codec::Json PushBody(std::span<const Operation> ops) {
  codec::Json list = codec::Json::array();
  for (const Operation& op : ops) list.push_back(OperationToJson(op));
  return {{"operations", std::move(list)}};
}

StatusOr<std::vector<Operation>> PushFromJson(const codec::Json& body) {
  const auto ops = body.is_object() ? body.find("operations") : body.end();
  if (ops == body.end() || !ops->is_array() || ops->empty() ||
      ops->size() > kMaxPushOperations || body.size() != 1) {
    return InvalidArgument("the body is {\"operations\": [1.." +
                           std::to_string(kMaxPushOperations) +
                           " operations]}");
  }
  std::vector<Operation> out;
  out.reserve(ops->size());
  for (size_t i = 0; i < ops->size(); ++i) {
    StatusOr<Operation> op = OperationFromJson((*ops)[i]);
    if (!op.ok()) {
      return Status(op.status().code(), "operations[" + std::to_string(i) +
                                            "]: " + op.status().message());
    }
    out.push_back(std::move(*op));
  }
  return out;
}

codec::Json PushAnswer(std::span<const OpResult> results) {
  codec::Json list = codec::Json::array();
  for (const OpResult& r : results) list.push_back(OpResultToJson(r));
  return {{"results", std::move(list)}};
}

StatusOr<std::vector<OpResult>> PushAnswerFromJson(const codec::Json& answer) {
  const auto list = answer.is_object() ? answer.find("results") : answer.end();
  if (list == answer.end() || !list->is_array()) {
    return InvalidArgument("a push's answer is {\"results\": [...]}");
  }
  std::vector<OpResult> out;
  for (const codec::Json& r : *list) {
    StatusOr<OpResult> one = OpResultFromJson(r);
    if (!one.ok()) return one.status();
    out.push_back(std::move(*one));
  }
  return out;
}

std::string PullPageText(const std::vector<Change>& changes, int64_t after,
                         size_t limit, int64_t next_seq) {
  std::string body = R"({"changes":[)";
  int64_t last = after;
  for (size_t i = 0; i < changes.size(); ++i) {
    const Change& c = changes[i];
    if (i > 0) body += ',';
    body += R"({"cursor":)" + std::to_string(c.cursor) + R"(,"op_id":)" +
            codec::Json(c.op_id).dump() + R"(,"operation":)" + c.operation +
            R"(,"result":)" + c.result + R"(,"applied_at":")" +
            FormatIso8601(c.applied_at) + R"(","applied":)" +
            (c.applied ? "true" : "false") + "}";
    last = c.cursor;
  }
  body += R"(],"next":)" + std::to_string(last);
  body +=
      std::string(R"(,"more":)") + (changes.size() >= limit ? "true" : "false");
  if (next_seq > 0) body += R"(,"next_seq":)" + std::to_string(next_seq);
  body += "}";
  return body;
}

StatusOr<PullPage> PullPageFromJson(const codec::Json& page) {
  codec::JsonReader r(page, "page");
  PullPage out;
  out.next = r.OptInt("next", 0, 0, INT64_MAX);
  out.more = r.OptBool("more", false);
  out.next_seq = r.OptInt("next_seq", 0, 0, INT64_MAX);
  const codec::Json* changes = r.Raw("changes", true);
  ATRIUM_RETURN_IF_ERROR(r.status());  // fields it does not know are let be
  if (!changes->is_array() || changes->size() > kMaxPull) {
    return InvalidArgument("page.changes: an array of at most " +
                           std::to_string(kMaxPull) + " changes");
  }
  for (const codec::Json& c : *changes) {
    StatusOr<Change> change = ChangeFromJson(c);
    if (!change.ok()) return change.status();
    out.changes.push_back(std::move(*change));
  }
  if (out.next == 0 && !out.changes.empty()) {
    out.next = out.changes.back().cursor;
  }
  return out;
}

std::string PullQuery(int64_t after, size_t limit) {
  return "?after=" + std::to_string(after) + "&limit=" + std::to_string(limit);
}

}  // namespace atrium::sync
