#include "api/json_response.h"

namespace atrium::server {

Response JsonResponse(int status, const codec::Json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, codec::Json::error_handler_t::replace);
  return r;
}

Response ErrorResponse(int status, std::string_view code,
                       std::string_view message) {
  codec::Json body = {{"error", {{"code", code}, {"message", message}}}};
  return JsonResponse(status, body);
}

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument:
    case StatusCode::kOutOfRange: return 400;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition:
    case StatusCode::kResourceExhausted: return 409;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kDataLoss:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

Response StatusResponse(const Status& s) {
  return ErrorResponse(HttpStatusFor(s.code()), StatusCodeName(s.code()),
                       s.message());
}

StatusOr<codec::Json> ParseBody(const Request& req) {
  // Depth is limited while parsing, before anything copies the value.
  StatusOr<codec::Json> j = codec::ParseJson(req.body);
  if (!j.ok()) return InvalidArgument("the body: " + j.status().message());
  if (!j->is_object()) {
    return InvalidArgument("the body must be a JSON object");
  }
  return j;
}

}  // namespace atrium::server
