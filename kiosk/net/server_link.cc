#include "net/server_link.h"

#include "atrium/net/http_client.h"

namespace atrium::kiosk {
namespace {

constexpr size_t kMaxAnswerBytes = size_t{8} << 20;

}  // namespace

StatusOr<codec::Json> ServerLink::Get(const std::string& target) {
  return Send(false, target, "", "");
}

StatusOr<codec::Json> ServerLink::Post(const std::string& target,
                                       const codec::Json& body,
                                       const std::string& idempotency_key) {
  return Send(true, target, body.dump(), idempotency_key);
}

StatusOr<codec::Json> ServerLink::Send(bool post, const std::string& target,
                                       const std::string& body,
                                       const std::string& idempotency_key) {
  net::Request req;
  req.method = post ? "POST" : "GET";
  req.target = target;
  req.headers["authorization"] = "Device " + a_.device + ":" + a_.key;
  if (post) {
    req.headers["content-type"] = "application/json";
    req.body = body;
  }
  if (!idempotency_key.empty())
    req.headers["idempotency-key"] = idempotency_key;
  const net::HttpEndpoint to{.host = a_.host,
                             .port = a_.port,
                             .timeout = a_.timeout,
                             .max_body = kMaxAnswerBytes};
  StatusOr<net::Response> res = net::HttpFetch(to, req);
  if (!res.ok()) return res.status();

  const int status = res->status;
  StatusOr<codec::Json> json = codec::ParseJson(res->body);
  if (status >= 500) {
    return Unavailable("the server failed (" + std::to_string(status) + ")");
  }
  if (status == 401) {
    return PermissionDenied("the server does not accept this kiosk's key");
  }
  if (status >= 400) {
    const codec::Json* error =
        json.ok() && json->contains("error") ? &(*json)["error"] : nullptr;
    if (error == nullptr || !error->is_object()) {
      return Status(StatusCode::kInternal,
                    "the server answered " + std::to_string(status));
    }
    return Status(StatusCodeNamed(error->value("code", "INTERNAL")),
                  error->value("message", ""));
  }
  if (!json.ok()) {
    return Status(StatusCode::kInternal, "the server's answer is not JSON: " +
                                             json.status().message());
  }
  return json;
}

}  // namespace atrium::kiosk
