#include "net/server_link.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace atrium::kiosk {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

constexpr size_t kMaxAnswerBytes = size_t{8} << 20;

Status Unreachable(const std::string& what, const beast::error_code& ec) {
  return Unavailable("the server is unreachable (" + what + ": " +
                     ec.message() + ")");
}

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
  http::request<http::string_body> req{
      post ? http::verb::post : http::verb::get, target, 11};
  req.set(http::field::host, a_.host);
  req.set(http::field::authorization, "Device " + a_.device + ":" + a_.key);
  if (post) {
    req.set(http::field::content_type, "application/json");
    req.body() = body;
  }
  if (!idempotency_key.empty()) req.set("Idempotency-Key", idempotency_key);
  req.prepare_payload();

  // Asynchronous steps on a private io_context, so that the stream's
  // deadline bounds connecting, writing and reading alike.
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(kMaxAnswerBytes);
  beast::error_code failed;
  std::string step = "connect";
  beast::error_code resolve_ec;
  const tcp::resolver::results_type endpoints =
      tcp::resolver(io).resolve(a_.host, std::to_string(a_.port), resolve_ec);
  if (resolve_ec) return Unreachable("resolve", resolve_ec);
  stream.expires_after(a_.timeout);
  stream.async_connect(endpoints, [&](beast::error_code ec, const auto&) {
    if (ec) {
      failed = ec;
      return;
    }
    step = "write";
    http::async_write(stream, req, [&](beast::error_code ec, size_t) {
      if (ec) {
        failed = ec;
        return;
      }
      step = "read";
      http::async_read(stream, buffer, parser,
                       [&](beast::error_code ec, size_t) { failed = ec; });
    });
  });
  io.run();
  if (failed) return Unreachable(step, failed);
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);

  const auto& res = parser.get();
  const int status = static_cast<int>(res.result_int());
  StatusOr<codec::Json> json = codec::ParseJson(res.body());
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
